"""The event stage's fast paths give what the plain computations they replace give."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from rasd.events import _count_home, _mentions_in
from rasd.events.arguments import _token_at
from rasd.events.lexicon import tokenize
from rasd.model import Mention, Span
from rasd.text import tokens as text_tokens
from rasd.text.dates import find_dates
from rasd.text.numbers import find_quantities

SENTENCES = [
    "وأعلنت الوزارةُ، صباح الأحد، أنّ الجيش تسلّم 12 دبابة T-72B3 من روسيا.",
    "قال المتحدث: «سنرسل قوات إضافية إلى الشمال» ثم غادر   القاعة...",
    "وصلت شحنة (٣ طائرات) إلى مطار نيامي في 2024-05-01، وفق بيان رسمي!",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_tokens_match_the_text_layer_tokenizer(text: str) -> None:
    fields = lambda ts: [(t.start, t.end, t.text, t.norm, t.is_word) for t in ts]  # noqa: E731
    assert fields(tokenize(text, 40)) == fields(text_tokens.tokenize(text, 40))


@pytest.mark.parametrize("text", SENTENCES)
def test_token_at_finds_the_covering_token(text: str) -> None:
    tokens = tokenize(text)
    for offset in range(len(text)):
        expected = next((i for i, t in enumerate(tokens) if t.start <= offset < t.end), None)
        assert _token_at(tokens, offset) == expected


def test_mentions_in_a_sentence_are_those_it_holds() -> None:
    spans = [(0, 5), (3, 9), (10, 10), (10, 14), (12, 30), (20, 25), (31, 40), (40, 45)]
    mentions = sorted(enumerate(Mention(s, e, "x", "GPE", "x") for s, e in spans), key=lambda im: im[1].start)
    starts = [m.start for _, m in mentions]
    for sentence in (Span(0, 10), Span(10, 30), Span(30, 40), Span(40, 45), Span(5, 12)):
        plain = [(i, m) for i, m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        assert _mentions_in(mentions, starts, sentence) == plain


def test_the_main_country_is_the_most_named_and_the_first_named_on_a_tie() -> None:
    rng = random.Random(3)
    for _ in range(200):
        counts: Counter[str] = Counter()
        leader = None
        for key in rng.choices("ABCD", k=rng.randint(1, 12)):
            leader = _count_home(counts, leader, key)
            assert leader == counts.most_common(1)[0][0]


def test_found_quantities_are_a_fresh_list_each_time() -> None:
    text = "تسلمت البحرية ثلاث سفن و25 ألف طن من الوقود"
    first = find_quantities(text)
    first.clear()
    assert [q.value for q in find_quantities(text)] == [3.0, 25000.0]


@pytest.mark.parametrize(("text", "expected"), [
    ("وصلت الشحنة في   يناير الماضي", "يناير الماضي"),
    ("تبدأ المناورات اعتبارا من  مارس", "مارس"),
    ("وفي للشهر أبريل", "لشهر أبريل"),
    ("تسلم الجيش الدفعة في 8 فبراير 2025.", "8 فبراير 2025"),
    ("نشر البيان بتاريخ 03/04/2022 مساء", "03/04/2022"),
    ("صدر القرار 2023-11-30 رسميا", "2023-11-30"),
    ("صدر في 5 صفر 1446هـ", "5 صفر 1446هـ"),
])
def test_dates_behind_the_pattern_shortcuts_are_still_found(text: str, expected: str) -> None:
    assert [d.text for d in find_dates(text, "2024-06-15")] == [expected]


def test_word_flags_answer_as_the_word_lists_do() -> None:
    from rasd.events.view import FLAGGED, SentenceView, has_word, sentence_flags

    text = "لم توقع الحكومة بعد الصفقة التي تهدف إلى تزويد الجيش بطائرات الأسبوع المقبل بشأن التدريب"
    tokens = tokenize(text)
    view = SentenceView(text, Span(0, len(text)), tokens, [], None, flags=sentence_flags(tokens))
    for words in FLAGGED:
        for lo in range(len(tokens) + 1):
            for hi in range(lo, len(tokens) + 2):
                assert view.has(lo, hi, words) == has_word(tokens, lo, hi, words)
