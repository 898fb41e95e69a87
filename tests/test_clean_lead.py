"""Page-date labels and lead prefixes (outlet, byline, city, dateline) cut from the article's first line."""

from __future__ import annotations

import pytest

from rasd.clean import build_document
from rasd.clean.dates import dateline_value, split_labelled_date
from rasd.clean.lead import split_lead
from rasd.model import Source
from rasd.settings import Options

LEAD = "أعلنت وزارة الدفاع في بيان أنها تسلمت دفعة جديدة من العربات المدرعة لتعزيز قدرات الجيش."
SECOND = ("وقال المتحدث باسم الوزارة إن العربات ستوزع على الوحدات المنتشرة في المناطق الحدودية "
          "خلال الشهر المقبل.")


def clean(content: str):
    return build_document(Source(path="page.txt", content=content, fmt="text"), Options())


@pytest.mark.parametrize("line, prefix, date", [
    ("صحيفة الغد- " + LEAD, "صحيفة الغد-", None),
    ("نبض الشارع -   " + LEAD, "نبض الشارع -", None),
    ("ليلى حسن - تونس في الأحد 2 مارس 2025 09:10 صباحاً - " + LEAD,
     "ليلى حسن - تونس في الأحد 2 مارس 2025 09:10 صباحاً -", "2025-03-02T09:10"),
    ("14 مايو 2023 - " + LEAD, "14 مايو 2023 -", "2023-05-14"),
    ("الرباط (رويترز) - " + LEAD, "الرباط (رويترز) -", None),
])
def test_lead_prefixes_are_split_off_and_the_rest_kept_exactly(line, prefix, date):
    lead = split_lead(line)
    assert lead is not None and (lead.prefix, lead.rest, lead.date) == (prefix, LEAD, date)


@pytest.mark.parametrize("line", [
    "في 14 مايو 2023 - " + LEAD,  # dates an event
    "الحرب في الشمال - كما يقول المراقبون - دخلت مرحلة جديدة من التصعيد.",  # a sentence with a dash
    "الحركة - التي تسيطر على الإقليم منذ سنوات - أعلنت وقف إطلاق النار.",  # an apposition
    LEAD,
    "صحيفة الغد - خبر قصير",  # nothing like a sentence after it
])
def test_no_lead_prefix(line):
    assert split_lead(line) is None


def test_outlet_and_byline_prefixes_leave_the_body_line():
    byline = "سامي علي - عمّان في الخميس 8 يونيو 2023 10:40 مساءً - "
    doc = clean("\n".join(["الجيش يتسلم عربات مدرعة جديدة", "", byline + LEAD, "", SECOND]))
    assert doc.body.split("\n") == [LEAD, SECOND]
    assert doc.published == "2023-06-08T22:40"


def test_a_labelled_date_is_the_page_date_and_leaves_the_body():
    doc = clean("\n".join([" date 2023-05-14 " + LEAD, "", SECOND]))
    assert doc.body.split("\n") == [LEAD, SECOND]
    assert doc.published == "2023-05-14"
    doc = clean("\n".join(["date 2023-05-14 - " + LEAD, "", SECOND]))
    assert doc.body.split("\n") == [LEAD, SECOND]


@pytest.mark.parametrize("line, edtf", [
    ("date 2023-05-14 Mon Site   Dernière mise à jour 09:12 Rabat", "2023-05-14"),
    ("Date: 2023-05-14 Site Name Latest update 09:12 Rabat", "2023-05-14"),
    ("تاريخ النشر: 14 مايو 2023 موقع الخبر الجديد آخر تحديث 09:12 الرباط", "2023-05-14"),
    ("Publié le Dimanche 14 Mai 2023", "2023-05-14"),
    ("Publié le 1er février 2022 à 08h15", "2022-02-01T08:15"),
])
def test_labelled_and_french_datelines(line, edtf):
    assert dateline_value(line) == edtf


def test_a_labelled_dateline_with_site_words_dates_the_page():
    page = "\n".join(["date 2023-05-14 Mon Site   Latest update 09:12 Rabat", "",
                      "الجيش يتسلم عربات مدرعة جديدة", "", LEAD, "", SECOND])
    doc = clean(page)
    assert doc.published == "2023-05-14" and doc.body.split("\n") == [LEAD, SECOND]


def test_french_dateline_under_the_headline():
    doc = clean("\n".join(["الجيش يتسلم عربات مدرعة جديدة", "Publié le Dimanche 14 Mai 2023", LEAD, SECOND]))
    assert doc.published == "2023-05-14"


def test_a_french_sentence_with_a_date_is_not_a_dateline():
    assert dateline_value("Le 14 mai 2023, Rabat a signé.") is None
    assert dateline_value("Dimanche 14 mai 2023") == "2023-05-14"


def test_update_label_is_not_a_page_date_label():
    assert split_labelled_date("آخر تحديث: 14 مايو 2023 " + LEAD) is None


@pytest.mark.parametrize("line", [
    "DATE: 2023-05-14 " + LEAD,  # case and punctuation
    "  تاريخ النشـر: 14 مايو 2023 - " + LEAD,  # tatweel and leading spaces
    "تأريخ النشر 14 مايو 2023 " + LEAD.replace("أ", "ا"),  # hamza folded
    "Publié le 14 mai 2023 - " + LEAD,
    "date2023-05-14 " + LEAD,  # a label glued to its date
])
def test_labels_in_any_spelling_still_open_a_labelled_date(line):
    found = split_labelled_date(line)
    assert found is not None and found[0] == "2023-05-14"
    assert found[1].endswith("العربات المدرعة لتعزيز قدرات الجيش.")


def test_a_line_opening_with_no_label_word_is_not_a_labelled_date():
    assert split_labelled_date("وقعت الحكومة في 14 مايو 2023 اتفاقية جديدة") is None
