"""Roles (title, of, rank) of person mentions, on sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.test_ner_rules import GAZ

import rasd.ner as ner
from rasd.model import Document
from rasd.ner.roles import extract_roles


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


def roles(text: str) -> list[dict]:
    doc = extract_roles(ner.recognize_entities(Document("t", None, body=text)))
    out = []
    for role in doc.roles:
        out.append({
            "person": doc.mentions[role.person].text,
            "title": role.title,
            "of": doc.mentions[role.of].text if role.of is not None else None,
            "of_gaz": role.of_gaz,
            "rank": role.rank,
            "phrase": text[role.start:role.end],
        })
    return out


CASES = [
    # title without the country adjective; the adjective gives of_gaz
    ("وقع وزير الدفاع المالي العقيد أمادو كوليبالي الاتفاق.",
     {"person": "أمادو كوليبالي", "title": "وزير الدفاع", "of": None, "of_gaz": "gpe:mali", "rank": "عقيد"}),
    # construct with a named country gives `of`
    ("وصل وزير خارجية روسيا إيفان بيتروف إلى باماكو.",
     {"person": "إيفان بيتروف", "title": "وزير خارجية", "of": "روسيا", "of_gaz": None, "rank": None}),
    # لدى X without an adjective gives `of`
    ("وقال السفير لدى مالي جان لوران إن العلاقات جيدة.",
     {"person": "جان لوران", "title": "السفير", "of": "مالي", "of_gaz": None, "rank": None}),
    # with an adjective, the adjective wins: Russia's ambassador to Mali
    ("وأكد السفير الروسي لدى مالي، إيفان بيتروف، دعم بلاده.",
     {"person": "إيفان بيتروف", "title": "السفير", "of": None, "of_gaz": "gpe:russia", "rank": None}),
    # باسم X
    ("وقال المتحدث باسم الأمم المتحدة، ستيفان دوجاريك، إن البعثة باقية.",
     {"person": "ستيفان دوجاريك", "title": "المتحدث", "of": "الأمم المتحدة", "of_gaz": None, "rank": None}),
    # descriptors stay in the title
    ("وبحسب الخبير الأمني كريم بنعلي فإن الخطر قائم.",
     {"person": "كريم بنعلي", "title": "الخبير الأمني", "of": None, "of_gaz": None, "rank": None}),
    ("وقال الكاتب والمحلل السياسي من مالي، موسى كانتي، إن الحوار ضروري.",
     {"person": "موسى كانتي", "title": "الكاتب والمحلل السياسي", "of": "مالي", "of_gaz": None, "rank": None}),
    # rank alone: normalised to its base form
    ("وقال الكولونيل أمادو كوليبالي للجنود إن النصر قريب.",
     {"person": "أمادو كوليبالي", "title": None, "of": None, "of_gaz": None, "rank": "عقيد"}),
    ("وحضر الجنرال موسى كانتي العرض العسكري.",
     {"person": "موسى كانتي", "title": None, "of": None, "of_gaz": None, "rank": "جنرال"}),
    ("وأشرف رئيس الأركان العامة اللواء يوسف حداد على المناورة.",
     {"person": "يوسف حداد", "title": "رئيس الأركان العامة", "of": None, "of_gaz": None, "rank": "لواء"}),
    ("استقبل الفريق أول يوسف حداد الوفد.",
     {"person": "يوسف حداد", "title": None, "of": None, "of_gaz": None, "rank": "فريق أول"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_role_of_the_person_after_a_title(text: str, expected: dict) -> None:
    found = roles(text)
    assert len(found) == 1, found
    got = {k: found[0][k] for k in expected}
    assert got == expected


def test_role_phrase_span_covers_title_and_rank() -> None:
    found = roles("وقع وزير الدفاع المالي العقيد أمادو كوليبالي الاتفاق.")
    assert found[0]["phrase"] == "وزير الدفاع المالي العقيد"


def test_counterpart_and_honorific_give_no_role() -> None:
    assert roles("التقى السيد موسى كانتي بنظيره الروسي إيفان بيتروف.") == []


def test_no_roles_without_persons() -> None:
    assert roles("وقال وزير الدفاع إن الجيش مستعد.") == []


def test_title_in_apposition_after_the_name() -> None:
    found = roles("وأكد فلاديمير بوتين، الرئيس الروسي، أن التعاون مستمر.")
    assert [(r["person"], r["title"], r["of_gaz"]) for r in found] == [
        ("فلاديمير بوتين", "الرئيس", "gpe:russia")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال الباحث في الشؤون الأفريقية موسى كانتي إن المنطقة تتغير.",
     ("موسى كانتي", "الباحث في الشؤون الأفريقية", None)),
    ("وأوضح الخبير العسكري العميد المتقاعد يوسف حداد أن الهجوم فشل.",
     ("يوسف حداد", "الخبير العسكري", "عميد")),
    ("ووصل المبعوث الأممي الخاص إلى مالي جان لوران إلى باماكو.",
     ("جان لوران", "المبعوث الأممي الخاص", None)),
])
def test_fields_retired_ranks_and_envoys(text: str, expected: tuple) -> None:
    found = roles(text)
    assert [(r["person"], r["title"], r["rank"]) for r in found] == [expected]


def test_link_to_an_unnamed_body_given_by_its_nationality() -> None:
    found = roles("وقال المتحدث باسم الخارجية الفرنسية جان لوران إن الوضع خطير.")
    assert [(r["person"], r["title"], r["of_gaz"]) for r in found] == [("جان لوران", "المتحدث", "gpe:france")]


def test_rank_coordinated_with_a_title() -> None:
    found = roles("وقال العقيد المتقاعد والخبير العسكري يوسف حداد إن الهجوم كان متوقعا.")
    assert [(r["person"], r["title"], r["rank"]) for r in found] == [("يوسف حداد", "الخبير العسكري", "عقيد")]
