"""Classifying the lines of a scraped text page: paragraph, headline-like text, or page furniture.

Structure decides, not a list of known lines: a paragraph is long prose with
function words and final punctuation; furniture is what the boilerplate
lexicon names, credits, datelines, bare links, bullets of menu items, lone
Latin credits and lines with no letters at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex

from rasd.clean.credits import (
    CAPTION_MAX_WORDS,
    LATIN_CREDIT_MAX_WORDS,
    caption_credits,
    is_latin_credit,
    source_line_credits,
)
from rasd.clean.dates import dateline_value, split_labelled_date
from rasd.clean.lexicon import SHORT_LINE_WORDS, agency_key, function_words, phrase_kind
from rasd.text.normalize import normalize_key

PARAGRAPH_MIN_WORDS = 8
PARAGRAPH_UNPUNCTUATED_WORDS = 22  # prose this long is a paragraph even without a final stop
PARAGRAPH_MIN_FUNCTION_RATIO = 0.06  # unpunctuated prose needs this share of function words
PARAGRAPH_QUOTED_MIN_WORDS = 12  # a line ending on a closing quote only: a headline quoting, unless long
BULLET_MENU_WORDS = 6  # a bullet item this short is a menu entry
FINAL_PUNCTUATION = tuple(".!?؟:؛;…،,")  # a comma ends a line cut inside a sentence, never a headline
CLOSING_QUOTES = tuple("\"'”»")
SENTENCE_ENDS = tuple(".!?؟…") + CLOSING_QUOTES
BULLETS = "•·▪◦●■►▸✓-*"
END_KINDS = ("end", "comments")
TEASER_ENDS = ("...", "…")  # a teaser under a related headline, not the article resuming

_URL_ONLY = regex.compile(r"^(?:https?://|www\.)\S+$")
_PLACEHOLDER = regex.compile(r"^\{[\w-]+\}$")
_LETTER = regex.compile(r"\p{L}")
_YEAR = regex.compile(r"(?<!\d)\d{4}(?!\d)")
# a social-media embed flattened into the page: a tweet's signature line, an Instagram/Facebook stub
_EMBED = regex.compile(r"pic\.twitter\.com/|\(@\w{1,30}\)\s+\p{L}+\s+\d{1,2},\s+\d{4}\s*$"
                       r"|^View this post on Instagram|^A post shared by", regex.IGNORECASE)
_TRAILING_CREDIT = regex.compile(r"\s*[(（][^()（）]{1,30}[)）]\s*$")
_WORD_PREFIXES = ("و", "ف", "ب", "ل", "ك")
_PUNCTUATION = "\"'“”«»()[]{}.,،:;؛!?؟…-–—"


@dataclass
class Line:
    """One line of a page with what the classifier found in it."""

    index: int
    text: str  # stripped of surrounding whitespace only
    kind: str = "text"  # text | blank | furniture kinds (ticker, related, credit, date, ...)
    words: int = 0
    paragraph: bool = False
    key: str = ""  # normalised comparison key (short lines only, for repetition)
    credits: list[str] = field(default_factory=list)
    date: str | None = None
    page_date: str | None = None  # stated after a page-date label (`date 2025-09-17 …`): the page's date


def _bare_words(text: str) -> list[str]:
    return [w.strip(_PUNCTUATION) for w in text.split()]


def _is_function_word(word: str, known: frozenset[str]) -> bool:
    return word in known or (word[:1] in _WORD_PREFIXES and word[1:] in known)


def _function_ratio(text: str) -> float:
    """Share of words that are Arabic function words (clitic و/ف/ب/ل/ك allowed)."""
    words = _bare_words(text)
    if not words:
        return 0.0
    known = function_words()
    return sum(1 for w in words if _is_function_word(w, known)) / len(words)


def _has_function_word(text: str) -> bool:
    """Whether any word is a function word (`_function_ratio(text) > 0`, without counting them all)."""
    raw = text.split()
    known = function_words()
    if any(w == w.strip(_PUNCTUATION) for w in known.intersection(raw)):
        return True  # a bare function word as written: the usual case, found without stripping
    words = [w.strip(_PUNCTUATION) for w in raw]
    return not known.isdisjoint(words) or any(_is_function_word(w, known) for w in words)


def is_paragraph(text: str, words: int) -> bool:
    """Whether a line reads as an article paragraph rather than a headline, menu or caption."""
    if words < PARAGRAPH_MIN_WORDS:
        return False
    whole = text
    if ")" in text or "）" in text:
        text = _TRAILING_CREDIT.sub("", text)  # `… في الشمال. (أ ف ب)` ends with its full stop
    if text.endswith(FINAL_PUNCTUATION):
        return _has_function_word(whole)  # punctuated: any function word at all (menus have none)
    if text.endswith(CLOSING_QUOTES) and words >= PARAGRAPH_QUOTED_MIN_WORDS:
        return _has_function_word(whole)
    return words >= PARAGRAPH_UNPUNCTUATED_WORDS and _function_ratio(whole) >= PARAGRAPH_MIN_FUNCTION_RATIO


def _furniture_kind(line: Line) -> str | None:
    """The furniture kind of a non-blank line, or None when it is text."""
    text = line.text
    kind = phrase_kind(text, key=line.key or None, words=line.words)
    if kind in ("dateline", "byline"):
        kind = None if kind == "dateline" else kind  # a label alone is not furniture: a date may follow
        line.date = dateline_value(text) if line.words <= 12 and _YEAR.search(text) else None
        if line.date:
            return "date"
    if kind == "caption":
        line.credits = caption_credits(text) or []
    if kind is not None:
        return kind
    if line.words <= 12 and _YEAR.search(text):
        line.date = dateline_value(text)
        if line.date:
            return "date"
    if _PLACEHOLDER.match(text) or not _LETTER.search(text):
        return "junk"
    if _URL_ONLY.match(text):
        return "url"
    if _EMBED.search(text):
        return "embed"
    credits = source_line_credits(text)
    if credits:
        line.credits = credits
        return "credit"
    credits = caption_credits(text) if line.words <= CAPTION_MAX_WORDS else None
    if credits:
        line.credits = credits
        return "caption"
    if line.words <= 4 and agency_key(text.strip("()（）[]- ")):  # a lone `رويترز`, `(أ ف ب)`, `AFP`
        line.credits = [text.strip("()（）[]- ")]
        return "credit"
    if line.words <= LATIN_CREDIT_MAX_WORDS and is_latin_credit(text):
        return "latin"
    if text[0] in BULLETS and line.words <= BULLET_MENU_WORDS + 1:
        return "menu"
    return None


def _classified(index: int, text: str) -> Line:
    """A non-blank line, classified on its own."""
    line = Line(index, text, words=len(text.split()))
    if not text:
        line.kind = "blank"
        return line
    if line.words <= SHORT_LINE_WORDS:
        line.key = normalize_key(text)
    line.kind = _furniture_kind(line) or "text"
    if line.kind == "text":
        line.paragraph = is_paragraph(text, line.words)
    else:
        line.key = ""  # only text lines take part in repetition
    return line


def _is_sentence(line: Line) -> bool:
    """A text line that reads as a sentence: a paragraph, or a few words ending in a full stop."""
    return line.kind == "text" and (line.paragraph or (line.words >= 3 and line.text.endswith(SENTENCE_ENDS)))


def _labelled(index: int, text: str, value: str, rest: str) -> Line:
    """A line opening with a page-date label and a date: the sentence after it without them, or
    the furniture it is (the whole line a dateline unless the rest is furniture of another kind)."""
    line = _classified(index, rest.strip())
    if not _is_sentence(line):
        if line.kind in ("text", "blank", "date"):
            line = Line(index, text, kind="date", words=len(text.split()))
        line.date = dateline_value(text) or value
    line.page_date = value
    return line


def classify_lines(content: str) -> list[Line]:
    """Every line of a page, classified; `text` lines carry the paragraph flag and a repetition key."""
    lines: list[Line] = []
    for index, raw in enumerate(content.splitlines()):
        text = raw.strip()
        labelled = split_labelled_date(text) if text else None
        lines.append(_labelled(index, text, *labelled) if labelled else _classified(index, text))
    _mark_repeats(lines)
    _mark_tickers(lines)
    _mark_related_blocks(lines)
    return lines


def _mark_tickers(lines: list[Line]) -> None:
    """The headline after a breaking-news marker is the ticker's, not the article's."""
    for i, line in enumerate(lines):
        if line.kind != "ticker" or line.words > 2:  # `عاجل: …` carries its own headline
            continue
        nxt = next((n for n in lines[i + 1:] if n.kind != "blank"), None)
        if nxt is not None and nxt.kind == "text" and not nxt.paragraph:
            nxt.kind = "ticker_item"


def _mark_related_blocks(lines: list[Line]) -> None:
    """Headlines after a related-articles header, until a paragraph resumes the article; everything
    after a comments or most-read header once the article has begun."""
    inside = ended = begun = False
    for line in lines:
        if ended:
            if line.kind in ("text", "menu", "caption", "latin", "date"):
                line.kind, line.paragraph = "after_end", False
            continue
        if line.kind in END_KINDS and begun:
            ended = True
        elif line.kind == "related":
            inside = True
        elif line.paragraph and not (inside and line.text.endswith(TEASER_ENDS)):
            inside, begun = False, True
        elif inside and line.kind in ("text", "menu", "caption", "latin", "date"):
            line.kind, line.paragraph = "related_item", False


def _mark_repeats(lines: list[Line]) -> None:
    """Short lines that occur twice (a repeated headline, a caption, a menu) are marked `repeated`:
    even when one reads like a sentence, a line a page repeats is a headline, not a paragraph."""
    counts = Counter(line.key for line in lines if line.key and line.kind == "text")
    for line in lines:
        if line.key and line.kind == "text" and counts[line.key] > 1:
            line.kind, line.paragraph = "repeated", False
