"""Quote extraction never crashes and keeps exact offsets, whatever the marks (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Document, Mention
from rasd.ner.quote_marks import find_quoted_spans
from rasd.ner.quotes import extract_quotes
from rasd.text.normalize import normalize_key
from rasd.text.sentences import split_sentences

PIECES = ["وقال", "وأضاف", "حسن بكري", "إن", "أن", ":", "،", ".", " ", "\n", "نحن", "ماضون", "في", "الطريق",
          '"', "“", "”", "«", "»", "„", "بـ", "مشيرا", "ويتضمن", "الاتفاق", "شركة"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_quotes_have_exact_offsets_and_never_overlap(pieces: list[str]) -> None:
    body = " ".join(pieces)
    mentions, at = [], body.find("حسن بكري")
    while at >= 0:
        mentions.append(Mention(at, at + 8, "حسن بكري", "PERSON", normalize_key("حسن بكري")))
        at = body.find("حسن بكري", at + 1)
    doc = Document(id="p", path=None, body=body, sentences=split_sentences(body), mentions=mentions)
    extract_quotes(doc)
    previous_end = -1
    for quote in doc.quotes:
        assert body[quote.start:quote.end] == quote.text and quote.text.strip() == quote.text
        assert quote.start > previous_end
        assert "\n" not in quote.text
        assert quote.speaker is None or doc.mentions[quote.speaker].type == "PERSON"
        previous_end = quote.end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='"“”«»„ab \n', max_size=40))
def test_mark_pairs_are_ordered_inside_one_paragraph(body: str) -> None:
    last = -1
    for open_at, close_at in find_quoted_spans(body):
        assert last < open_at < close_at
        assert "\n" not in body[open_at:close_at]
        last = close_at
