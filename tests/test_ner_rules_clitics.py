"""The preposition ل on a name, in sentences written for these tests: spans and lookup keys."""

from __future__ import annotations

import pytest

import rasd.ner as ner
from rasd.model import Document
from rasd.ner.gazetteer import Entry, build_gazetteer, expand_adjectives


def _entry(entry_id: str, etype: str, name: str, adjectives: tuple[str, ...] = ()) -> Entry:
    return Entry(id=entry_id, type=etype, name=name, name_en=None, wikidata=None, aliases=(),
                 adjectives=expand_adjectives(adjectives), country=None, lat=None, lon=None, ambiguous=False)


GAZ = build_gazetteer([
    _entry("gpe:oman", "GPE", "عمان", adjectives=("عماني",)),
    _entry("gpe:bahrain", "GPE", "البحرين", adjectives=("بحريني",)),
    _entry("gpe:eritrea", "GPE", "إريتريا", adjectives=("إريتري",)),
    _entry("org:gcc", "ORG", "مجلس التعاون الخليجي"),
])


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


def mentions(text: str) -> list[tuple[str, str, str, str | None]]:
    doc = ner.recognize_entities(Document("t", None, body=text))
    return [(m.text, m.type, m.key, m.gaz_id) for m in doc.mentions]


def test_indefinite_name_span_starts_after_the_preposition() -> None:
    found = mentions("وباعت الشركة زوارق لإريتريا ولوزارة الدفاع العمانية.")
    assert ("إريتريا", "GPE", "اريتريا", "gpe:eritrea") in found
    assert any(text.startswith("وزارة الدفاع") and etype == "ORG" for text, etype, _, _ in found)


def test_preposition_and_article_keep_span_but_key_is_definite() -> None:
    found = mentions("ووصلت سفينة تابعة للبحرين، وقدمت دعما للجيش الإريتري.")
    assert ("للبحرين", "GPE", "البحرين", "gpe:bahrain") in found
    army = [m for m in found if m[0] == "للجيش الإريتري"]
    assert army and army[0][1] == "FORCE" and army[0][2] == "الجيش الاريتري"
