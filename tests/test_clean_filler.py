"""Aggregator filler (`you are now reading the news … full details`) is page furniture at any length."""

from __future__ import annotations

import pytest

from rasd.clean import build_document
from rasd.clean.lexicon import first_key_word, phrase_kind
from rasd.model import Source
from rasd.settings import Options

LEAD = "أعلنت وزارة الدفاع في بيان أنها تسلمت دفعة جديدة من العربات المدرعة لتعزيز قدرات الجيش."
SECOND = "وقال المتحدث باسم الوزارة إن العربات ستوزع على الوحدات المنتشرة في المناطق الحدودية قريبا."
HEADLINE = "الجيش يتسلم دفعة جديدة من العربات المدرعة لتعزيز قدراته في الشمال والجنوب"


@pytest.mark.parametrize("line", [
    f"انتم الان تتابعون خبر {HEADLINE} من قسم اخبار العالم والان نترككم مع التفاصيل الكاملة",
    f"أنتم الآن تتابعون خبر {HEADLINE} والتفاصيل في السطور التالية",
    f"نعرض لكم زوارنا أهم وأحدث الأخبار في المقال التالي: {HEADLINE}",
    f"شكرا لقراءتكم خبر {HEADLINE} ونحيطكم علما بان محتوى هذا الخبر تم كتابته بواسطة محررين",
    f"{HEADLINE} وغيرها من الأخبار العاجلة والمهمة في الساعات الأخيرة، ونترككم مع التفاصيل",
])
def test_aggregator_templates_are_furniture_at_any_length(line):
    assert len(line.split()) > 15 and phrase_kind(line) == "nav"


def test_a_sentence_about_details_is_not_filler():
    sentence = ("ولم تعلن الوزارة حتى الآن التفاصيل الكاملة للاتفاق الذي وقعه الطرفان في العاصمة بعد مفاوضات "
                "طويلة استمرت عدة أشهر.")
    assert phrase_kind(sentence) is None


def test_filler_line_leaves_the_body_and_its_labelled_date_stays():
    filler = f"date 2023-05-14 انتم الان تتابعون خبر {HEADLINE} والان نترككم مع التفاصيل الكاملة"
    content = "\n".join([filler, "", LEAD, "", SECOND])
    doc = build_document(Source(path="p.txt", content=content, fmt="text"), Options())
    assert doc.body.split("\n") == [LEAD, SECOND]
    assert doc.published == "2023-05-14"


@pytest.mark.parametrize("line", [
    f"« » — انتم الان تتابعون خبر {HEADLINE} من قسم الأخبار",  # opening words that are punctuation only
    f"... أنتـم الآنَ تتابعون خبر {HEADLINE} من قسم الأخبار",  # tatweel and harakat
    f"{HEADLINE} وغيرها من الأخبار، ونترككـم مع التفاصيـل الكاملة. »",  # closing punctuation
])
def test_templates_are_found_whatever_punctuation_and_marks_surround_them(line):
    assert len(line.split()) > 15 and phrase_kind(line) == "nav"


def test_a_short_template_line_is_filler_too():
    assert phrase_kind("ونترككم مع التفاصيل") == "nav"
    assert phrase_kind("التفاصيل الكاملة للاتفاق") is None


def test_the_first_key_word_skips_words_of_punctuation_only():
    assert first_key_word(["«", "—", "أنتـم", "الآن"]) == "انتم"
    assert first_key_word(["...", "؟"]) == ""
