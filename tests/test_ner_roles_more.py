"""More roles on sentences written for these tests: ranks with a nationality, titles after a name."""

from __future__ import annotations

import pytest

import rasd.ner as ner
from rasd.model import Document
from rasd.ner.gazetteer import Entry, build_gazetteer, expand_adjectives
from rasd.ner.roles import extract_roles


def _entry(entry_id: str, etype: str, name: str, adjectives: tuple[str, ...] = ()) -> Entry:
    return Entry(id=entry_id, type=etype, name=name, name_en=None, wikidata=None, aliases=(),
                 adjectives=expand_adjectives(adjectives), country=None, lat=None, lon=None, ambiguous=False)


GAZ = build_gazetteer([
    Entry(id="per:listed", type="PERSON", name="سالم بن راشد", name_en=None, wikidata=None, aliases=(),
          adjectives=(), country="gpe:kuwait", lat=None, lon=None, ambiguous=False),
    _entry("gpe:djibouti", "GPE", "جيبوتي", adjectives=("جيبوتي",)),
    _entry("gpe:somalia", "GPE", "الصومال", adjectives=("صومالي",)),
    _entry("gpe:chile", "GPE", "تشيلي", adjectives=("تشيلي",)),
    _entry("gpe:kuwait", "GPE", "الكويت", adjectives=("كويتي",)),
    _entry("org:acme", "ORG", "شركة نورث ستار"),
])


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


def roles(text: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    doc = extract_roles(ner.recognize_entities(Document("t", None, body=text)))
    return [(doc.mentions[r.person].text, r.title, doc.mentions[r.of].text if r.of is not None else None,
             r.of_gaz, r.rank) for r in doc.roles]


def test_rank_with_nationality_before_a_hamza_alef_name() -> None:
    found = roles("وقاد الهجوم العقيد التشيلي إلفيس مونتيرو، الفار من العدالة.")
    assert ("إلفيس مونتيرو", None, None, "gpe:chile", "عقيد") in found


def test_speech_verb_name_then_definite_title_without_comma() -> None:
    found = roles("وقال بيورن هالفارسن الرئيس التنفيذي لشركة نورث ستار إن المصنع جاهز.")
    assert found == [("بيورن هالفارسن", "الرئيس التنفيذي", "شركة نورث ستار", None, None)]


def test_counterpart_takes_the_subjects_title_and_its_own_country() -> None:
    found = roles("واستقبل الرئيس الجيبوتي عمر حسن دالي، نظيره الصومالي يوسف عبدي نور، في القصر.")
    assert ("يوسف عبدي نور", "الرئيس", None, "gpe:somalia", None) in found


def test_bare_title_of_a_listed_person_takes_the_listed_country() -> None:
    assert roles("وقال الرئيس سالم بن راشد إن الحوار مستمر.") == [
        ("سالم بن راشد", "الرئيس", None, "gpe:kuwait", None)]


def test_title_between_commas_stays_with_the_name_before_it() -> None:
    found = roles("وحضر اللقاء عمر حسن دالي، وزير الدفاع الصومالي، ويوسف عبدي نور، قائد الجيش.")
    assert ("يوسف عبدي نور", "وزير الدفاع", None, "gpe:somalia", None) not in found


def test_coordinated_title_between_commas_goes_to_the_next_name() -> None:
    found = roles("وبحث عمر حسن دالي، ووزير الخارجية الجيبوتي، يوسف عبدي نور، الملف الأمني.")
    assert ("يوسف عبدي نور", "وزير الخارجية", None, "gpe:djibouti", None) in found
