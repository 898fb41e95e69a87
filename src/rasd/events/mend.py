"""Sentences the splitter cut where no sentence can end.

A full stop right after a bare count (`تسلم الجيش ستا. مدرعات من طراز ...`) leaves the
counted noun in the next 'sentence', and a complement clause (`أكد الوزير. أن القوات ...`)
cannot open a sentence: both halves are one sentence for event extraction.
"""

from __future__ import annotations

import re

from rasd.events.lexicon import CUES, has_stem, tokenize
from rasd.model import Span
from rasd.text.normalize import normalize
from rasd.text.numbers import find_quantities
from rasd.text.tokens import TOKEN_RE

COMPLEMENT_OPENERS = frozenset({"أن", "ان", "إن"})  # raw spelling: normalised ان is also a conjunction
TAIL_RE = re.compile(r"[\s.!؟?…]*$")
LOOK = 40  # characters read at a sentence edge
PARTITIVES = CUES.get("partitive", frozenset())


def mend_sentences(body: str, sentences: list[Span]) -> list[Span]:
    """Join each sentence to the one before it on the same line when the cut cannot be an end."""
    mended: list[Span] = []
    for sentence in sentences:
        if mended and "\n" not in body[mended[-1].end:sentence.start] and _cut(body, mended[-1], sentence):
            mended[-1] = Span(mended[-1].start, sentence.end)
        else:
            mended.append(sentence)
    return mended


def _cut(body: str, previous: Span, sentence: Span) -> bool:
    first = TOKEN_RE.search(body, sentence.start, min(sentence.end, sentence.start + LOOK))
    if first is None:
        return False
    if first.group() in COMPLEMENT_OPENERS:
        return True
    return _bare_noun(normalize(first.group())) and _ends_on_bare_count(body, previous)


def _bare_noun(norm: str) -> bool:
    """An indefinite word that is no particle and carries no conjunction: a counted noun can be one."""
    return len(norm) > 3 and not norm.startswith(("و", "ف", "ال")) and norm.isalpha()


def _ends_on_bare_count(body: str, previous: Span) -> bool:
    """The sentence's last word is a count or a partitive noun with nothing after it (the counted
    noun went to the next)."""
    tail = body[max(previous.start, previous.end - LOOK):previous.end]
    tail = tail[:TAIL_RE.search(tail).start()]
    words = tokenize(tail)
    if words and has_stem(words[-1].norm, PARTITIVES):
        return True
    quantities = find_quantities(tail)
    last = quantities[-1] if quantities else None
    return last is not None and last.kind == "count" and last.end == len(tail)
