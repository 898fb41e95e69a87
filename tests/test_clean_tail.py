"""Short closing sentences after the last long paragraph stay in the body, furniture after them does not."""

from __future__ import annotations

from rasd.clean import build_document
from rasd.model import Source
from rasd.settings import Options

LEAD = "أعلنت وزارة الدفاع في بيان أنها تسلمت دفعة جديدة من العربات المدرعة لتعزيز قدرات الجيش."
SECOND = "وقال المتحدث باسم الوزارة إن العربات ستوزع على الوحدات المنتشرة في المناطق الحدودية قريبا."
QUOTE = 'وأضاف: "قواتنا مستعدة".'
NO_FUNCTION_WORDS = "وتشمل الدفعة عربات قتالية وناقلات جنود ومركبات إسعاف ميدانية وشاحنات وقود."


def body(*lines: str) -> list[str]:
    content = "\n".join(["الجيش يتسلم عربات مدرعة جديدة", "", *lines])
    return build_document(Source(path="p.txt", content=content, fmt="text"), Options()).body.split("\n")


def test_a_short_closing_quote_stays():
    assert body(LEAD, "", SECOND, "", QUOTE, "", "اقرأ أيضا", "الجيش يختتم مناورات في الشمال.") == [
        LEAD, SECOND, QUOTE]


def test_a_closing_sentence_without_function_words_stays():
    assert body(LEAD, SECOND, NO_FUNCTION_WORDS, "تابعونا على فيسبوك") == [LEAD, SECOND, NO_FUNCTION_WORDS]


def test_a_verb_opens_a_closing_sentence():
    closing = "أكد الوزير: \"لن نتراجع\"."
    assert body(LEAD, SECOND, closing) == [LEAD, SECOND, closing]


def test_headlines_teasers_and_cut_quotes_after_the_article_stay_out():
    assert body(LEAD, SECOND, "الجيش يختتم مناورات في الشمال", "وزير الدفاع يزور الحدود...",
                'وبحسب البيان فإن الاتفاق "') == [LEAD, SECOND]
