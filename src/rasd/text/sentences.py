"""Sentence splitting that respects Arabic punctuation, quotations and abbreviations.

Every line is at least one sentence (headlines and datelines have no full stop).
Inside a line a sentence ends at `. ؟ ? ! …` unless the stop is inside a quotation,
part of an abbreviation or initial (`د.`, `U.S.`), a decimal point (`2.5`), or an
ellipsis followed by a lower-case continuation.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from rasd.model import Document, Span
from rasd.text.normalize import normalize

DATA = Path(__file__).resolve().parent.parent / "data" / "text" / "abbreviations.txt"
STOPS = ".!?؟…"
CLOSERS = "\"'”’»)]}›"
# quotation families; each mark toggles its family, since RTL pages write both »…« and «…», ”…“ and “…”
QUOTE_FAMILIES = ("«»", "“”„‟", '"')
QUOTE_MARK = regex.compile("[" + regex.escape("".join(QUOTE_FAMILIES)) + "]")
TERMINATOR = regex.compile(r"[.!?؟…]+")
WORD_CHAR = regex.compile(r"[\p{L}\p{M}.]")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations from data, normalised (casefolded, no harakat) and without the final dot."""
    words = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(normalize(line).rstrip("."))
    return frozenset(words)


def _quoted_ranges(line: str) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotations in a line; an opener never closed is ignored."""
    ranges = []
    open_at: dict[str, int] = {}
    for m in QUOTE_MARK.finditer(line):
        family = next(f for f in QUOTE_FAMILIES if m.group() in f)
        if family in open_at:
            ranges.append((open_at.pop(family), m.start()))
        else:
            open_at[family] = m.start()
    return ranges


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b for a, b in ranges)


_WORD_CHARS: dict[str, bool] = {}  # character -> matches WORD_CHAR


def _word_start(line: str, dot: int) -> int:
    r"""Start of the run of letters, marks and dots ending at `dot` (`dot` when there is none).

    The run `([\p{L}\p{M}.]+)$` finds in line[:dot], read backwards from the dot instead of
    searched for from the start of the line at every full stop (quadratic in long lines).
    """
    chars = _WORD_CHARS
    start = dot
    while start:
        ch = line[start - 1]
        known = chars.get(ch)
        if known is None:
            known = chars[ch] = WORD_CHAR.fullmatch(ch) is not None
        if not known:
            break
        start -= 1
    return start


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the full stop at `dot` belongs to the word before it (د. / U.S. / J.)."""
    start = _word_start(line, dot)
    if start == dot:
        return False
    word = line[start:dot]
    bare = normalize(word).strip(".")
    if not bare:
        return False
    letters = bare.replace(".", "")
    if len(letters) == 1:
        before = line[:start].rstrip()
        return not (before[-1:].isdigit() and bare in ("م", "ه"))  # 2024 م. ends a sentence
    if "." in bare and all(len(part) == 1 for part in bare.split(".")):
        return True  # ج.م.ع, U.S
    return bare in abbreviations()


def _sentence_end(line: str, start: int, end: int, ranges: list[tuple[int, int]]) -> int | None:
    """Where the sentence ends if the terminator run line[start:end] ends one, else None."""
    run = line[start:end]
    after = line[end:end + 1]  # the next character (not the rest of the line: long lines have many stops)
    if run == ".":
        if start and line[start - 1].isdigit() and after[:1].isdigit():
            return None  # 2.5
        if after[:1].isalpha() and (after[:1].isascii() or line[start - 1:start].isascii()):
            return None  # U.S, e.g, example.com
        if _is_abbreviation(line, start):
            return None
    if len(run) >= 2 and set(run) <= set(".…") or run == "…":
        nxt = line[end:].lstrip()
        if nxt[:1].isalpha() and nxt[:1].islower():
            return None  # an ellipsis inside a sentence: "...and then"
    while end < len(line) and line[end] in CLOSERS:  # «...نعم.» ends with its closer
        end += 1
    if _inside(ranges, start):
        closes_quote = any(b == end - 1 for a, b in ranges if a < start < b)
        nxt = line[end:].lstrip()[:1]
        if not closes_quote or not nxt or not (nxt.isalnum() or nxt in "«“\"") or nxt.islower():
            return None  # a stop inside a quotation; the quote ends the sentence only before a new one
    return end


def _split_line(line: str, offset: int) -> list[Span]:
    spans: list[Span] = []
    ranges = _quoted_ranges(line)
    begin = 0
    for m in TERMINATOR.finditer(line):
        end = _sentence_end(line, m.start(), m.end(), ranges)
        if end is None or end <= begin:
            continue
        _add(spans, line, begin, end, offset)
        begin = end
    _add(spans, line, begin, len(line), offset)
    return spans


def _add(spans: list[Span], line: str, start: int, end: int, offset: int) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start + offset, end + offset))


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of a text, exact and trimmed of whitespace; every non-empty line gives one or more."""
    spans: list[Span] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        spans.extend(_split_line(line, offset))
        offset += len(line)
    return spans


def split_document(doc: Document) -> Document:
    """Pipeline component: fill doc.sentences."""
    doc.sentences = split_sentences(doc.body)
    return doc
