"""Forces, governments and ministries without a listed name, on sentences written for these tests."""

from __future__ import annotations

import pytest

import rasd.ner as ner
from ner_helpers import entry as _entry
from ner_helpers import mentions
from rasd.ner.gazetteer import build_gazetteer

GAZ = build_gazetteer([
    _entry("gpe:ethiopia", "GPE", "إثيوبيا", adjectives=("إثيوبي",)),
    _entry("gpe:oman", "GPE", "سلطنة عمان", adjectives=("عماني",)),
    _entry("gpe:lebanon", "GPE", "لبنان", adjectives=("لبناني",)),
    _entry("org:mod-oman", "ORG", "وزارة الدفاع العمانية"),
])


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


@pytest.mark.parametrize(("text", "name"), [
    ("وانتشرت قوات الدفاع الإثيوبية قرب الحدود.", "قوات الدفاع الإثيوبية"),
    ("واعتقلت قوات الأمن اللبنانية ثلاثة أشخاص.", "قوات الأمن اللبنانية"),
])
def test_forces_named_by_domain_and_nationality(text: str, name: str) -> None:
    assert name in [t for t, ty, _, _ in mentions(text) if ty == "FORCE"]


def test_forces_of_a_domain_without_nationality_are_no_name() -> None:
    assert [t for t, ty, _, _ in mentions("وانتشرت قوات الأمن في الشوارع.") if ty == "FORCE"] == []


def test_government_named_by_what_it_stands_for() -> None:
    found = mentions("وأعلنت حكومة الإنقاذ أن حكومة البلاد لن تتغير.")
    assert [t for t, ty, _, _ in found if ty == "ORG"] == ["حكومة الإنقاذ"]


def test_same_ministry_of_two_countries_gets_two_keys() -> None:
    found = mentions("ووقعت وزارة الدفاع في سلطنة عمان ووزارة الدفاع في لبنان اتفاقا.")
    ministries = [(key, gaz) for t, ty, key, gaz in found if t == "وزارة الدفاع"]
    assert ministries == [("وزاره الدفاع العمانيه", "org:mod-oman"), ("وزاره الدفاع اللبنانيه", None)]



@pytest.mark.parametrize(("head", "keyed"), [("وزارة الخارجية", True), ("السفارة", False)])
def test_embassy_in_a_country_is_not_keyed_as_that_countrys(head: str, keyed: bool) -> None:
    from rasd.ner.hosts import key_by_host
    from rasd.ner.scan import Candidate

    text = f"وأصدرت {head} في لبنان بيانا."
    scan = ner.scan_document(text)
    first = 1
    last = first + len(head.split())
    cand = scan.candidate_at(first)
    if cand is None:
        cand = Candidate(scan.tokens[first].start, scan.tokens[last - 1].end, "ORG", "pattern", first, last)
        scan.add(cand)
    cand.key = cand.gaz_id = None
    key_by_host(scan)
    assert (cand.key is not None) is keyed
