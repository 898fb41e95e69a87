"""The Arabic text layer shared by every stage: normalisation with offsets, tokens, sentences."""
