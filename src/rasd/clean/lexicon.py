"""The boilerplate lexicons of `src/rasd/data/boilerplate/`, loaded once and matched by normalised key.

The phrases are data so a linguist can extend them; this module only knows
how to read them and how a line is compared with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rasd.text.normalize import normalize_key

SHORT_LINE_WORDS = 15  # prefix/contains phrases only apply to lines this short: never to a paragraph
FRAME_GAP = "…"  # in a `frame` phrase, where the aggregator puts the headline
BYLINE_MAX_WORDS = 5  # `كتب أحمد علي` is a byline, `كتب الوزير في تغريدة له …` a sentence


@dataclass(frozen=True)
class Phrases:
    """Boilerplate phrases by match mode: normalised phrase -> kind."""

    line: dict[str, str]
    prefix: tuple[tuple[str, str], ...]
    contains: tuple[tuple[str, str], ...]
    label: dict[str, str]  # `كتب: …`: the phrase before a colon
    frame: tuple[tuple[str, str, str], ...]  # (start, end, kind): an aggregator's template, any length
    by_first_word: dict[str, tuple[tuple[str, str], ...]]  # prefixes by their first word, for speed
    frame_edges: FrameEdges  # what a line's first and last words must be for a frame to fit


@dataclass(frozen=True)
class FrameEdges:
    """The words a framed line must open or close with: most lines are ruled out by two set lookups
    instead of trying every frame (and, for a paragraph, normalising all of it)."""

    firsts: frozenset[str]  # first words of the frames' starts
    open_lasts: frozenset[str]  # last words of the ends of frames with no start
    any_line: bool  # a frame with neither start nor end fits every line

    @classmethod
    def of(cls, frames: tuple[tuple[str, str, str], ...]) -> FrameEdges:
        return cls(frozenset(start.split()[0] for start, _, _ in frames if start),
                   frozenset(end.split()[-1] for start, end, _ in frames if not start and end),
                   any(not start and not end for start, end, _ in frames))

    def may_fit(self, first: str, last: str) -> bool:
        """Whether a line whose key opens with `first` and closes with `last` may fit a frame."""
        return self.any_line or first in self.firsts or last in self.open_lasts


def _data_lines(name: str) -> list[str]:
    """The non-comment, non-empty lines of a data file."""
    text = resources.files("rasd").joinpath("data", "boilerplate", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def phrases() -> Phrases:
    """The phrase lexicon (`phrases.tsv`)."""
    line: dict[str, str] = {}
    prefix: list[tuple[str, str]] = []
    contains: list[tuple[str, str]] = []
    label: dict[str, str] = {}
    frame: list[tuple[str, str, str]] = []
    for row in _data_lines("phrases.tsv"):
        kind, match, phrase = row.split("\t")
        key = normalize_key(phrase) or phrase.strip()
        if match == "frame":
            start, _, end = phrase.partition(FRAME_GAP)
            frame.append((normalize_key(start), normalize_key(end), kind))
        elif match == "line":
            line[key] = kind
        elif match == "prefix":
            prefix.append((key, kind))
        elif match == "contains":
            contains.append((key, kind))
        elif match == "label":
            label[key] = kind
        else:
            raise ValueError(f"phrases.tsv: unknown match mode {match!r}")
    # longest prefixes first, so `اقرأ أيضا` wins over a shorter label
    prefix.sort(key=lambda item: -len(item[0]))
    by_first: dict[str, list[tuple[str, str]]] = {}
    for phrase, kind in prefix:
        by_first.setdefault(phrase.split()[0] if phrase.split() else phrase, []).append((phrase, kind))
    return Phrases(line, tuple(prefix), tuple(contains), label, tuple(frame),
                   {k: tuple(v) for k, v in by_first.items()}, FrameEdges.of(tuple(frame)))


def _framed(key: str, lex: Phrases) -> str | None:
    """The kind of the aggregator template a whole line fits (`انتم الان تتابعون خبر … التفاصيل`)."""
    if not lex.frame_edges.may_fit(key.split(" ", 1)[0], key.rsplit(" ", 1)[-1]):
        return None
    for start, end, kind in lex.frame:
        if (not start or key == start or key.startswith(start + " ")) and (
                not end or key == end or key.endswith(" " + end)):
            return kind
    return None


def _may_be_framed(raw: str, lex: Phrases) -> bool:
    """Whether a long line may fit a frame, judged on the keys of its first and last words only."""
    first = first_key_word(raw.split(None, 3)[:3])
    last = first_key_word(reversed(raw.rsplit(None, 3)[-3:]))
    return not first or not last or lex.frame_edges.may_fit(first, last)


def first_key_word(words: Iterable[str]) -> str:
    """The key of the first of `words` whose key is not empty (a word of punctuation has none).

    Keys fold character by character and never make or remove a space, so this
    is the first word of the key of the words joined: a line's key is known to
    open (or close) with it without normalising the whole line.
    """
    return next((key for word in words if (key := _word_key(word))), "")


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """`normalize_key` of one word; the words that open and close lines repeat a lot."""
    return normalize_key(word)


def phrase_kind(text: str, kinds: frozenset[str] | None = None, key: str | None = None,
                words: int | None = None) -> str | None:
    """The boilerplate kind of a line (`ticker`, `related`, ...) or None for ordinary text.

    `key` is the line's `normalize_key` and `words` its number of words when the caller has them.
    """
    lex = phrases()
    raw = text.strip()
    if (len(text.split()) if words is None else words) > SHORT_LINE_WORDS:
        kind = _framed(normalize_key(raw), lex) if lex.frame and _may_be_framed(raw, lex) else None
        return kind if kind is not None and (kinds is None or kind in kinds) else None
    key = normalize_key(raw) if key is None else key
    kind = lex.line.get(key)
    if kind is None and raw.startswith("©"):
        kind = "copyright"
    if kind is None and lex.label:
        head, colon, _ = raw.partition(":")
        if colon and len(head.split()) <= 2:
            kind = lex.label.get(normalize_key(head))
    if kind is None and key:
        for phrase, phrase_kind_ in lex.by_first_word.get(key.split(" ", 1)[0], ()):
            if phrase_kind_ == "byline" and len(key.split()) > BYLINE_MAX_WORDS:
                continue
            if key == phrase or key.startswith(phrase + " "):
                kind = phrase_kind_
                break
    if kind is None and key:
        kind = _framed(key, lex)
    if kind is None:
        for phrase, phrase_kind_ in lex.contains:
            if f" {phrase} " in f" {key} ":
                kind = phrase_kind_
                break
    if kind is not None and kinds is not None and kind not in kinds:
        return None
    return kind


def strip_label(text: str, kind: str) -> str | None:
    """The rest of a line after a `kind` prefix phrase (`أصل الخبر: URL` -> `URL`), None if no prefix."""
    words = text.split()
    for n in range(min(len(words), 6), 0, -1):
        head = normalize_key(" ".join(words[:n]))
        lex = phrases()
        if any(head == phrase for phrase, k in lex.prefix if k == kind) or lex.line.get(head) == kind:
            return " ".join(words[n:]).lstrip(":：-–— ").strip()
    return None


@cache
def agencies() -> dict[str, str]:
    """Normalised agency name or alias -> agency key (`agencies.tsv`)."""
    table: dict[str, str] = {}
    for row in _data_lines("agencies.tsv"):
        key, names = row.split("\t")
        for name in names.split("|"):
            table[normalize_key(name)] = key
    return table


def agency_key(name: str) -> str | None:
    """The agency a name stands for, or None when it is not a listed agency."""
    return agencies().get(normalize_key(name))


@cache
def function_words() -> frozenset[str]:
    """Arabic function words as written and normalised (`إلى` and `الى`), a sign that a line is prose."""
    words = [w.strip() for w in _data_lines("function_words.txt")]
    return frozenset(words) | frozenset(normalize_key(w) for w in words)


@cache
def outlet_words() -> frozenset[str]:
    """Words that open an outlet's name (`صحيفة`, `موقع`, `قناة`), normalised."""
    return frozenset(normalize_key(w) for w in _data_lines("outlet_words.txt"))


@cache
def date_labels() -> frozenset[str]:
    """Scraper and CMS labels before a page date (`date`, `تاريخ النشر`, `Publié le`), normalised."""
    return frozenset(normalize_key(w).casefold() for w in _data_lines("date_labels.txt"))


@cache
def date_label_starts() -> tuple[str, ...]:
    """The first words of the date labels: a line whose key opens with none of them has no label,
    which spares the date search on almost every line."""
    return tuple(sorted({label.split()[0] for label in date_labels() if label}))


@cache
def function_words_written() -> frozenset[str]:
    """Function words as written and with bare alef (`الى`), but ى never folded to ي: in a name,
    `علي` is a given name, not `على`."""
    words = [w.strip() for w in _data_lines("function_words.txt")]
    return frozenset(words) | frozenset(w.translate(_ALEFS) for w in words)


_ALEFS = str.maketrans("أإآ", "ااا")


@cache
def speech_cues() -> frozenset[str]:
    """Attribution cues of the quotation data (`قال`, `تابع`, `بحسب`), normalised, without و/ف: a line
    opening with one continues the article (`وتابع: "…".`)."""
    text = resources.files("rasd").joinpath("data", "quotes", "cues.tsv").read_text(encoding="utf-8")
    rows = [row.split("\t")[0] for row in text.splitlines() if row.strip() and not row.startswith("#")]
    return frozenset(normalize_key(form) for form in rows)
