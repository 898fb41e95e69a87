"""Lead prefixes that name a news agency (a credit) or the page's outlet, and those that name neither."""

from __future__ import annotations

import pytest

from rasd.clean import build_document
from rasd.clean.byline import prefix_sources
from rasd.model import Source
from rasd.settings import Options

HEADLINE = "الجيش يتسلم عربات مدرعة جديدة"
LEAD = "أعلنت وزارة الدفاع في بيان أنها تسلمت دفعة جديدة من العربات المدرعة لتعزيز قدرات الجيش."
SECOND = ("وقال المتحدث باسم الوزارة إن العربات ستوزع على الوحدات المنتشرة في المناطق الحدودية "
          "خلال الشهر المقبل.")


def clean(lead_line: str, *tail: str, outlet: str | None = None):
    content = "\n".join([HEADLINE, "", lead_line, "", SECOND, *tail])
    return build_document(Source(path="page.txt", content=content, fmt="text", outlet=outlet), Options())


@pytest.mark.parametrize("prefix, credit", [
    ("الأناضول (وكالة) - ", "الأناضول"),  # marked as an agency
    ("وما (وكالة) - ", "وما"),  # marked, though not a listed agency
    ("رويترز - ", "رويترز"),  # a listed agency alone
    ("الوكالة الموريتانية للأنباء - ", "الوكالة الموريتانية للأنباء"),  # an agency word and a news word
    ("وكالة الأنباء الموريتانية - ", "وكالة الأنباء الموريتانية"),
    ("نواكشوط (رويترز) - ", "رويترز"),
])
def test_an_agency_prefix_is_a_credit_and_leaves_the_body(prefix, credit):
    doc = clean(prefix + LEAD)
    assert doc.cited_sources == [credit]
    assert doc.outlet is None
    assert doc.body.split("\n") == [LEAD, SECOND]


@pytest.mark.parametrize("prefix, outlet", [
    ("صحيفة الغد - ", "صحيفة الغد"),
    ("قناة الساحل - ", "قناة الساحل"),
    ("سامي علي - موقع النهار الجديد - ", "موقع النهار الجديد"),  # after a byline
])
def test_an_outlet_prefix_names_the_outlet(prefix, outlet):
    doc = clean(prefix + LEAD)
    assert doc.outlet == outlet
    assert doc.cited_sources == []
    assert doc.body.split("\n") == [LEAD, SECOND]


@pytest.mark.parametrize("prefix", [
    "سامي علي - ",  # an author
    "نواكشوط - ",  # a city
    "وكالة الفضاء الأوروبية - ",  # an agency, but not a news agency
    "موقع - ",  # a type word without a name
])
def test_a_person_or_a_city_names_no_source(prefix):
    doc = clean(prefix + LEAD)
    assert doc.cited_sources == [] and doc.outlet is None
    assert doc.body.split("\n") == [LEAD, SECOND]


def test_a_better_outlet_wins_over_the_prefix():
    copyright_line = "جميع الحقوق محفوظة © 2024 موقع الأفق"
    assert clean("صحيفة الغد - " + LEAD, "", copyright_line).outlet == "الأفق"
    assert clean("صحيفة الغد - " + LEAD, outlet="النهار").outlet == "النهار"


def test_an_agency_named_twice_is_credited_once():
    doc = clean("رويترز - " + LEAD, "", "المصدر: رويترز")
    assert doc.cited_sources == ["رويترز"]


def test_prefix_sources_reads_only_name_segments():
    found = prefix_sources(("صحيفة الغد", "الأناضول (وكالة)"))
    assert found.outlet == "صحيفة الغد" and found.credits == ["الأناضول"]
    assert prefix_sources(()).credits == [] and prefix_sources(()).outlet is None
