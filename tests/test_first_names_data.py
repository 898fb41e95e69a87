"""The given-name list (`ner/first_names.tsv`): its shape, and what its entries do on test sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import rasd.ner as ner
from rasd.model import Document
from rasd.ner.gazetteer import build_gazetteer
from rasd.ner.lexicon import DATA_DIR, norm_phrase, read_rows

PATH = Path(DATA_DIR) / "first_names.tsv"
ORIGINS = {
    "arabic", "african", "african_more", "russian", "russian_ukrainian_more", "central_european_balkan",
    "english", "english_more", "french", "french_more", "german_dutch_nordic", "spanish_italian_portuguese",
    "turkish_persian", "kurdish", "south_asian", "east_asian", "hebrew",
}
ARABIC_NAME = regex.compile(r"\p{Arabic}+(?: \p{Arabic}+)*")


def _data_lines() -> list[str]:
    lines = PATH.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")][1:]


def test_every_row_has_three_fields() -> None:
    bad = [line for line in _data_lines() if len(line.split("\t")) != 3]
    assert bad == []


def test_names_are_arabic_script_and_flags_are_valid() -> None:
    rows = read_rows(PATH)
    assert len(rows) > 1400  # the list was widened for recall of unseen person names
    assert {row["origin"] for row in rows} <= ORIGINS
    assert {row["ambiguous"] for row in rows} <= {"0", "1"}
    assert [row["name"] for row in rows if not ARABIC_NAME.fullmatch(row["name"])] == []


def test_no_name_is_listed_twice_once_normalised() -> None:
    """The loader folds hamza, ة/ه and ى/ي: a second spelling would be a silent duplicate (or a conflict)."""
    seen: dict[str, str] = {}
    twins = []
    for row in read_rows(PATH):
        key = norm_phrase(row["name"])
        if key in seen:
            twins.append((seen[key], row["name"]))
        seen[key] = row["name"]
    assert twins == []


def test_common_words_are_marked_ambiguous() -> None:
    """Names that are also ordinary words must not open a person name without a title."""
    flags = {norm_phrase(row["name"]): row["ambiguous"] for row in read_rows(PATH)}
    for word in ("كريم", "جميل", "أمين", "عادل", "سالم", "منير", "فاضل", "سلام", "نور", "هبة", "صادق",
                 "فائق", "يزيد", "ربيع", "خميس", "فارس", "مختار", "نشأت", "وفاء", "حياة"):
        assert flags.get(norm_phrase(word), "1") == "1", word


@pytest.fixture()
def no_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: build_gazetteer([]))


def persons(text: str) -> list[str]:
    doc = ner.recognize_entities(Document("t", None, body=text))
    return [m.text for m in doc.mentions if m.type == "PERSON"]


@pytest.mark.usefixtures("no_gazetteer")
@pytest.mark.parametrize(("text", "name"), [
    ("وقال يوهانس برانكه إن المعرض يفتح أبوابه غدا.", "يوهانس برانكه"),
    ("وأكد كيرياكوس ديمونيدس أن السفينة وصلت إلى الميناء.", "كيرياكوس ديمونيدس"),
    ("وقالت شهناز كريمي إن المدرسة أغلقت.", "شهناز كريمي"),
    ("وأوضح سومايلا كونيتا أن الطريق مفتوح.", "سومايلا كونيتا"),
])
def test_a_newly_listed_given_name_opens_a_person_without_title(text: str, name: str) -> None:
    assert name in persons(text)


@pytest.mark.usefixtures("no_gazetteer")
@pytest.mark.parametrize("text", [
    "وأطلقت الشركة صاروخا فائق السرعة أمس.",
    "وقدمت الجمعية هبة مالية للمدارس.",
])
def test_an_ambiguous_name_used_as_a_word_is_no_person(text: str) -> None:
    assert persons(text) == []
