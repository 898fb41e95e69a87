"""Cues cut from the body's cue list must equal the cues of the slice read word by word."""

from __future__ import annotations

from rasd.model import Document
from rasd.ner.quote_cues import Cue, cue_kind, find_cues
from rasd.ner.quote_marks import find_quoted_spans
from rasd.text.tokens import tokenize

BODY = ("وقال المتحدث إن الاجتماع انتهى. وأضاف: «سنواصل العمل»، مشيرا إلى أن الوفد غادر.\n"
        "وأكدت الوزارة في بيان أن \"الحوار مستمر\"، فيما صرح مسؤول بأن الأمر قيد الدرس.")


def _slow(doc: Document, start: int, end: int) -> list[Cue]:
    return [Cue(kind, t.start, t.end, t.norm) for t in tokenize(doc.body[start:end], start)
            if (kind := cue_kind(t))]


def test_cues_of_every_slice() -> None:
    doc = Document("d", None, body=BODY)
    assert find_cues(doc, 0, len(BODY))
    for start in range(0, len(BODY), 3):
        for end in range(start, len(BODY) + 1, 7):
            assert find_cues(doc, start, end) == _slow(doc, start, end)


def test_quoted_spans_pair_marks_within_a_paragraph() -> None:
    spans = find_quoted_spans(BODY)
    assert [BODY[a + 1:b] for a, b in spans] == ["سنواصل العمل", "الحوار مستمر"]
    assert find_quoted_spans("قال: «لم يغلق\nبعد»") == []
