"""The preposition ل on a name, in sentences written for these tests: spans and lookup keys."""

from __future__ import annotations

import pytest

import rasd.ner as ner
from ner_helpers import entry as _entry
from ner_helpers import mentions
from rasd.ner.gazetteer import build_gazetteer

GAZ = build_gazetteer([
    _entry("gpe:oman", "GPE", "عمان", adjectives=("عماني",)),
    _entry("gpe:bahrain", "GPE", "البحرين", adjectives=("بحريني",)),
    _entry("gpe:eritrea", "GPE", "إريتريا", adjectives=("إريتري",)),
    _entry("org:gcc", "ORG", "مجلس التعاون الخليجي"),
])


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


def test_indefinite_name_span_starts_after_the_preposition() -> None:
    found = mentions("وباعت الشركة زوارق لإريتريا ولوزارة الدفاع العمانية.")
    assert ("إريتريا", "GPE", "اريتريا", "gpe:eritrea") in found
    assert any(text.startswith("وزارة الدفاع") and etype == "ORG" for text, etype, _, _ in found)


def test_preposition_and_article_keep_span_but_key_is_definite() -> None:
    found = mentions("ووصلت سفينة تابعة للبحرين، وقدمت دعما للجيش الإريتري.")
    assert ("للبحرين", "GPE", "البحرين", "gpe:bahrain") in found
    army = [m for m in found if m[0] == "للجيش الإريتري"]
    assert army and army[0][1] == "FORCE" and army[0][2] == "الجيش الاريتري"
