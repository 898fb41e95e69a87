"""Document- and corpus-level features: a first tagger's labels of a word's other occurrences."""

from __future__ import annotations

from rasd.ner.crf_document import label_context_features

WORDS = [
    ["وصل", "كريم", "الهادي", "أمس"],
    ["وقال", "الهادي", "إن", "الوفد", "وصل"],
    ["ذكر", "الوفد", "أن", "كريم", "غادر"],
    ["زار", "الهادي", "البلدة"],
]
LABELS = [
    ["O", "B-PERS", "I-PERS", "O"],
    ["O", "B-PERS", "O", "O", "O"],
    ["O", "O", "O", "O", "O"],
    ["O", "O", "O"],
]


def test_a_word_gets_the_majority_label_of_its_other_occurrences_in_the_document():
    feats = label_context_features(WORDS, LABELS, document_size=3, prefix="s")
    # كريم in sentence 3 was left O, but its one other occurrence in the document is a person
    assert {"sd=PERS", "sd=PERS/all"} <= set(feats[2][3])
    # its own label is left out: the first كريم only sees the O of sentence 3
    assert "sd=O" in feats[0][1] and "sdany=PERS" not in feats[0][1]
    # الهادي is a person twice in the first document
    assert "sd=PERS/all" in feats[1][1]


def test_documents_are_separate_and_the_corpus_spans_them():
    feats = label_context_features(WORDS, LABELS, document_size=3, prefix="s")
    last = set(feats[3][1])  # الهادي in the second document, alone there
    assert not any(f.startswith("sd=") for f in last)
    assert {"sc=PERS", "sc=PERS/all"} <= last


def test_clitics_match_and_short_words_have_no_features():
    feats = label_context_features([["وكريم", "في"], ["كريم", "في"]], [["O", "O"], ["B-PERS", "O"]], 2, "s")
    assert "sd=PERS" in feats[0][0]
    assert feats[0][1] == [] and feats[1][1] == []
