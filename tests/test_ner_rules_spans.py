"""Whole names, not pieces, on sentences written for these tests."""

from __future__ import annotations

import pytest

import rasd.ner as ner
from ner_helpers import entry as _entry
from rasd.model import Document
from rasd.ner.gazetteer import build_gazetteer

GAZ = build_gazetteer([_entry("gpe:bangladesh", "GPE", "بنغلاديش", adjectives=("بنغلاديشي",))])


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


def mentions(text: str) -> list[tuple[str, str]]:
    doc = ner.recognize_entities(Document("t", None, body=text))
    return [(m.text, m.type) for m in doc.mentions]


def test_air_rank_keeps_the_given_name() -> None:
    found = mentions("وقال قائد السلاح، المارشال الجوي رفيق حسن منير، إن التدريب انتهى.")
    assert ("رفيق حسن منير", "PERSON") in found


@pytest.mark.parametrize(("text", "place"), [
    ("دخلت القوات مدينة بورتو دي غالينياس صباحا.", "بورتو دي غالينياس"),
    ("وانسحب المسلحون من بلدة سانتا كروز دي لا سييرا أمس.", "سانتا كروز دي لا سييرا"),
])
def test_romance_particles_inside_a_place_name(text: str, place: str) -> None:
    assert (place, "GPE") in mentions(text)


def test_article_alone_joins_nothing() -> None:
    assert ("سانتوس", "GPE") in mentions("وصلت القافلة إلى مدينة سانتوس لا تبعد كثيرا.")


@pytest.mark.parametrize(("text", "name"), [
    ("وتسلمت القوات الجوية طائرات إف سي-31 الشهر الماضي.", "إف سي-31"),
    ("واشترت الدولة منظومة إتش كيو-16 للدفاع الجوي.", "إتش كيو-16"),
])
def test_letter_name_and_designation_are_one_mention(text: str, name: str) -> None:
    assert (name, "EQUIPMENT") in mentions(text)


def test_name_word_opening_like_a_clitic_stays_when_the_name_runs_to_a_comma() -> None:
    found = mentions("وأعلن المتحدث، اللواء ناصر أحمد بشير خان، أن الحدود آمنة.")
    assert ("ناصر أحمد بشير خان", "PERSON") in found


def test_latin_designation_with_a_lettered_suffix() -> None:
    assert ("M1A2-SEP", "EQUIPMENT") in mentions("وتسلم الجيش دبابات M1A2-SEP الأمريكية.")


def test_conjunction_glued_to_an_arabic_designation_stays_outside() -> None:
    found = mentions("وتسلم الجيش منظومات إس-300 وإس-400 ولإس-500 أيضا.")
    assert ("إس-400", "EQUIPMENT") in found and ("إس-500", "EQUIPMENT") in found
