"""Tokens sliced from a whole body must equal tokenising the slice itself."""

from __future__ import annotations

import random

from rasd.text.tokens import Token, body_tokens, tokenize, tokens_between

BODY = ("وقال وزير الدفاع، في مؤتمر صحفي: «إن الطائرات T-72B3 وBTR-80/82A وصلت».\n"
        "بلغت الكلفة 2.5 مليون دولار... وأضاف   أن U.S. ستدرس الأمر؛ ثم غادر.")


def test_tokenize_offsets_and_norms() -> None:
    tokens = tokenize("أكد الرئيسُ", 10)
    assert tokens == [Token(10, 13, "أكد", "اكد"), Token(14, 21, "الرئيسُ", "الرئيس")]
    assert tokens[0].is_word and not tokenize("،")[0].is_word


def test_slices_equal_tokenising_the_slice() -> None:
    rnd = random.Random(7)
    for _ in range(2000):
        start = rnd.randrange(len(BODY) + 1)
        end = rnd.randrange(start, len(BODY) + 1)
        assert tokens_between(BODY, start, end) == tokenize(BODY[start:end], start)


def test_slice_cutting_a_token_is_tokenised_afresh() -> None:
    start = BODY.index("T-72B3")
    assert body_tokens(BODY).index_span(start, start + 2) is None
    assert [t.text for t in tokens_between(BODY, start, start + 2)] == ["T", "-"]


def test_out_of_range_slices() -> None:
    assert tokens_between(BODY, 5, 3) == tokenize(BODY[5:3], 5) == []
    assert tokens_between(BODY, 0, len(BODY) + 5) == tokenize(BODY)
