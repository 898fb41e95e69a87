"""Trigger lexicon: inflected forms, clitics, phrases and the words that only look like triggers."""

from __future__ import annotations

import pytest

from rasd.events.lexicon import ITEMS, imperfect_forms, noun_forms, past_forms
from rasd.events.triggers import find_triggers
from rasd.text.tokens import tokenize


def triggers(text: str) -> list[tuple[str, str, bool]]:
    """(surface, type, future) of the triggers found in a text."""
    return [(text[t.start:t.end], t.entry.type, t.future) for t in find_triggers(tokenize(text))]


def test_past_forms_conjugate_and_take_object_pronouns() -> None:
    forms = past_forms("سلم")
    assert {"سلم", "سلمت", "سلموا", "سلمتها", "سلمه", "سلمتا"} <= forms.keys()


def test_imperfect_forms_mark_the_future() -> None:
    forms = imperfect_forms("قدم")
    assert forms["يقدم"] is False and forms["ستقدم"] is True and "يقدمون" in forms


def test_noun_forms_of_a_ta_marbuta_noun() -> None:
    assert {"زياره", "زيارته", "زيارات", "زيارتها"} <= noun_forms("زياره").keys()


@pytest.mark.parametrize(("text", "expected"), [
    ("ووقعت الحكومتان", ("وقعت", "AGREEMENT", False)),
    ("وسيتسلم الجيش", ("سيتسلم", "TRANSFER", True)),
    ("بعد انسحابها", ("انسحابها", "WITHDRAWAL", False)),
    ("للتدريب", ("تدريب", "TRAINING", False)),
    ("والتقى الوزير", ("التقى", "MEETING", False)),
    ("بالاستيلاء على", ("استيلاء", "MILITARY_OPERATION", False)),
    ("ستقدم فرنسا", ("ستقدم", "TRANSFER", True)),
])
def test_clitics_and_inflections_are_matched(text: str, expected: tuple[str, str, bool]) -> None:
    assert triggers(text)[0] == expected


def test_a_phrase_trigger_needs_all_its_words() -> None:
    assert triggers("بعد محادثة هاتفية بين الرئيسين") == [("محادثة هاتفية", "MEETING", False)]
    assert triggers("بعد المحادثة") == []


@pytest.mark.parametrize("text", ["نقلا عن وكالة", "المضي قدما", "التقدم الكبير", "وزارة الدفاع"])
def test_words_that_only_look_like_triggers(text: str) -> None:
    assert triggers(text) == []


def test_items_know_plurals_duals_and_categories() -> None:
    assert ITEMS["مروحيات"][1] == "military"
    assert ITEMS["دبابتين"][1] == "military"
    assert ITEMS["قمح"][1] == "civil"
