"""Words that look like names but are not, in sentences written for these tests."""

from __future__ import annotations

import pytest

import rasd.ner as ner
from ner_helpers import entry as _entry
from rasd.model import Document
from rasd.ner.gazetteer import build_gazetteer

GAZ = build_gazetteer([
    _entry("gpe:yemen", "GPE", "اليمن", adjectives=("يمني",)),
    _entry("gpe:sanaa", "GPE", "صنعاء"),
    _entry("gpe:jordan", "GPE", "الأردن", adjectives=("أردني",)),
])


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


def mentions(text: str) -> list[tuple[str, str, int]]:
    doc = ner.recognize_entities(Document("t", None, body=text))
    return [(m.text, m.type, m.start) for m in doc.mentions]


def test_king_transliterated_after_king_is_no_name() -> None:
    text = "وأعلن الملك كينغ (سلمان بن حمد) أن الميناء سيفتح."
    found = [(t, ty) for t, ty, _ in mentions(text)]
    assert ("كينغ", "PERSON") not in found
    assert ("سلمان بن حمد", "PERSON") in found


def test_place_inside_a_quoted_programme_title_is_no_place() -> None:
    text = "وقال الوزير لبرنامج «صنعاء الليلة» إن الطريق إلى صنعاء مفتوح."
    places = [start for t, ty, start in mentions(text) if t == "صنعاء"]
    assert places == [text.rindex("صنعاء")]


def test_whole_quoted_name_after_outlet_noun_is_kept() -> None:
    text = "ونقلت قناة «اليمن» عن مصدر أن الهدنة صامدة."
    assert any("اليمن" in t for t, _, _ in mentions(text))


@pytest.mark.parametrize("text", [
    "وقال المتحدث باسمها إن الاجتماع تأجل.",
    "وأوضح الناطق الرسمي باسمه أن القرار نهائي.",
])
def test_on_behalf_of_after_spokesman_is_no_name(text: str) -> None:
    assert [t for t, ty, _ in mentions(text) if ty == "PERSON"] == []


def test_bassem_is_still_a_name_after_a_comma() -> None:
    assert ("باسم سالم", "PERSON") in [(t, ty) for t, ty, _ in mentions("وقال باسم سالم إن القافلة وصلت.")]


def test_place_inside_a_quoted_outlet_after_a_verb_of_reporting_is_no_place() -> None:
    text = "وأوضح المتحدث في تصريح، تابعه «اليمن اليوم»، أن الهدنة صامدة."
    assert [t for t, _, _ in mentions(text) if t == "اليمن"] == []
