"""Event extraction never crashes on odd documents and keeps every offset exact."""

from __future__ import annotations

import pytest

from rasd.events import extract_events
from rasd.model import Document, Mention, Span


@pytest.mark.parametrize("body", ["", "،،،", "...!!!؟", "English only text about troops.", "سلمت", "وقعت في"])
def test_odd_bodies_give_no_event_and_no_error(body: str) -> None:
    doc = Document(id="x", path=None, body=body)
    assert extract_events(doc).events == []


def test_mentions_outside_the_sentences_or_the_body_are_ignored() -> None:
    body = "وسلمت روسيا طائرات إلى مالي."
    doc = Document(id="x", path=None, body=body, sentences=[Span(0, len(body))],
                   mentions=[Mention(200, 205, "مالي", "GPE", "مالي"),
                             Mention(6, 11, "روسيا", "GPE", "روسيا")])
    events = extract_events(doc).events
    assert [e.type for e in events] == ["ARMS_TRANSFER"]
    assert {a.text for a in events[0].arguments if a.mention is not None} == {"روسيا"}


def test_every_span_is_exact_on_a_mixed_document() -> None:
    body = ("قال الوزير: «إن بلادنا ستواصل دعم الجيش». وتسلمت مالي من روسيا، في 3 يناير 2024، 12 مدرعة "
            "وطائرتي هليكوبتر. ثم وقعت مالي وروسيا مذكرة تفاهم.")
    names = {"مالي": "GPE", "روسيا": "GPE"}
    mentions = []
    for name, type_ in names.items():
        start = 0
        while (start := body.find(name, start)) >= 0:
            mentions.append(Mention(start, start + len(name), name, type_, name))
            start += len(name)
    mentions.sort(key=lambda m: m.start)
    doc = extract_events(Document(id="x", path=None, body=body, mentions=mentions))
    assert doc.events
    for ev in doc.events:
        assert ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end
        for a in ev.arguments:
            assert body[a.start:a.end] == a.text
