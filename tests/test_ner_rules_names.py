"""Person-name rules on sentences written for these tests: given names spelt like function words."""

from __future__ import annotations

import pytest

import rasd.ner as ner
from rasd.model import Document
from rasd.ner.gazetteer import Entry, build_gazetteer, expand_adjectives


def _entry(entry_id: str, etype: str, name: str, adjectives: tuple[str, ...] = ()) -> Entry:
    return Entry(id=entry_id, type=etype, name=name, name_en=None, wikidata=None, aliases=(),
                 adjectives=expand_adjectives(adjectives), country=None, lat=None, lon=None, ambiguous=False)


GAZ = build_gazetteer([
    _entry("gpe:qatar", "GPE", "قطر", adjectives=("قطري",)),
    _entry("gpe:jordan", "GPE", "الأردن", adjectives=("أردني",)),
    _entry("gpe:djibouti", "GPE", "جيبوتي", adjectives=("جيبوتي",)),
    _entry("gpe:aden", "GPE", "عدن"),
])


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


def persons(text: str) -> list[str]:
    doc = ner.recognize_entities(Document("t", None, body=text))
    return [m.text for m in doc.mentions if m.type == "PERSON"]


@pytest.mark.parametrize(("text", "name"), [
    ("وصرح العقيد علي بدران بأن الدورية عادت سالمة.", "علي بدران"),
    ("وأوضح وزير الخارجية القطري، علي سالم الكواري، أن المحادثات مستمرة.", "علي سالم الكواري"),
    ("وقال علي حسن النعيمي إن الطريق مفتوح.", "علي حسن النعيمي"),
])
def test_ali_spelt_with_ya_is_a_given_name(text: str, name: str) -> None:
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "وأكد علي ضرورة الحوار بين الطرفين.",
    "ووقع الجانبان الاتفاق علي هامش القمة.",
    "وحصلت الشركة على عقد جديد.",
])
def test_the_preposition_is_no_name(text: str) -> None:
    assert persons(text) == []


def test_ali_after_a_given_name_is_the_fathers_name() -> None:
    assert "محمود علي" in persons("واستقبل الوزير محمود علي الضيوف.")


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال بيورنار هولمسن، إن الميناء مفتوح.", ["بيورنار هولمسن"]),
    ("وقال شاهد عيان، إن الانفجار كان قويا.", []),
    ("وقال مسؤول أمريكي، إن المحادثات مستمرة.", []),
    ("وقالت مصادر مطلعة، إن الوفد غادر.", []),
])
def test_speech_verb_two_unknown_foreign_words_and_a_comma(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


def test_given_name_spelt_like_a_place_after_a_complete_title() -> None:
    text = "واستقبل وزير الدفاع الجيبوتي عدن فارح الوفد."
    assert persons(text) == ["عدن فارح"]


def test_place_after_a_title_stays_a_place_before_a_time_word() -> None:
    doc = ner.recognize_entities(Document("t", None, body="ووصل وزير الخارجية القطري عدن أمس."))
    assert [(m.text, m.type) for m in doc.mentions] == [("عدن", "GPE")]
