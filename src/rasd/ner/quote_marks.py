"""Finding quotations: pairing quotation marks of every style, and telling quotations from quoted names.

Marks are paired inside one paragraph (`"…"`, `“…”`, reversed `”…“`, `«…»`,
`„…“`, and sloppy mixes); a mark with a space or punctuation after it never
opens a quotation, so a stray mark after a closed quote cannot swallow the
rest of the paragraph. A short quoted phrase is a quotation only when an
attribution ties it (`أشاد بـ"…"`); a quoted name after a name noun
(`شركة "…"`) never is.
"""

from __future__ import annotations

import regex

from rasd.model import Document
from rasd.ner.quote_cues import find_cues, load_settings, sentence_bounds
from rasd.text.tokens import tokens_between

CLOSERS = {
    '"': '"”“″', "«": "»", "»": "«", "„": "“”", "“": "”“″", "”": "“”″", "＂": "＂",
}
QUOTE_MARKS = set("\"«»„“”＂″")
OPENS_BEFORE = "([«'"  # besides a letter or digit, what may follow an opening mark
DIRECTIONAL = set("«„")  # marks whose direction is unambiguous: spaces inside them are allowed
_OPENER = regex.compile("[" + regex.escape("".join(CLOSERS)) + "]")
# what a quotation's closer is looked for among: every mark and the paragraph end
_MARK_OR_BREAK = regex.compile("[" + regex.escape("".join([*QUOTE_MARKS, *CLOSERS.values(), "\n"])) + "]")


def find_quoted_spans(body: str) -> list[tuple[int, int]]:
    """(open mark, close mark) offsets of every quotation, pairing marks within one paragraph."""
    pairs: list[tuple[int, int]] = []
    i, n = 0, len(body)
    while i < n:
        found = _OPENER.search(body, i)  # jump to the next mark: the other characters open nothing
        if found is None:
            break
        i = found.start()
        ch = body[i]
        if i + 1 >= n or not _may_open(ch, body[i + 1]):
            i += 1
            continue
        close = _find_closer(body, i)
        if close is None:
            i += 1
            continue
        pairs.append((i, close))
        i = close + 1
    return pairs


def _may_open(mark: str, nxt: str) -> bool:
    """A mark opens a quotation only when glued to a word (spaces allowed inside « » and „ “)."""
    if nxt.isspace():
        return mark in DIRECTIONAL
    return nxt.isalnum() or nxt in OPENS_BEFORE


def _find_closer(body: str, open_at: int) -> int | None:
    """The mark that closes the quotation opened at `open_at`, in the same paragraph.

    A quotation opening inside it is skipped whole; when nothing closes the outer one after it,
    the outer mark was a stray one (`…”. “وأضاف … “تويتر” …`) and opens nothing.
    """
    closers = CLOSERS[body[open_at]]
    j = open_at + 1
    while j < len(body) and body[j] != "\n":
        found = _MARK_OR_BREAK.search(body, j)  # only marks and the paragraph end matter below
        if found is None:
            break
        j = found.start()
        ch = body[j]
        if ch == "\n":
            break
        after = body[j + 1] if j + 1 < len(body) else " "
        if ch in QUOTE_MARKS and body[j - 1].isspace() and after.isalnum():
            inner = _find_closer(body, j)  # a quotation inside this one (or this mark was a stray one)
            if inner is None:
                return None
            line_end = body.find("\n", inner)
            if not any(c.isalnum() for c in body[inner + 1:None if line_end < 0 else line_end]):
                return inner  # `“… “name”.` : one mark closes both at the end of the paragraph
            j = inner + 1
            continue
        glued = not body[j - 1].isspace() or body[open_at] in DIRECTIONAL
        if ch in closers and glued and j > open_at + 1 and not after.isalnum():
            return j  # (a mark glued to the next word opens, it does not close)
        j += 1
    return None


def inner_span(body: str, open_at: int, close_at: int) -> tuple[int, int]:
    """The quoted words without the marks and surrounding spaces."""
    start, end = open_at + 1, close_at
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _is_tight(doc: Document, open_at: int, left: int) -> bool:
    """True when the word right before the quote ties it to an attribution (`بـ"…"`, `قال: "…"`).

    A cue verb itself is not enough (`ونقلت "سي إن إن"` quotes a name).
    """
    tokens = tokens_between(doc.body, left, open_at)
    if not tokens:
        return False
    return tokens[-1].norm.replace("ـ", "") in load_settings()["cue_tight_before"]


def _after_name_head(doc: Document, open_at: int, left: int) -> bool:
    """True when the quote directly follows a noun that introduces a name (`شركة "…"`, `عملية "…"`).

    Only the indefinite head counts: `رئيس المجلس "…"` may well be followed by what he said.
    """
    tokens = tokens_between(doc.body, left, open_at)
    if not tokens or not tokens[-1].is_word or doc.body[tokens[-1].end:open_at].strip():
        return False
    norm = tokens[-1].norm.replace("ـ", "")
    forms = {norm, norm[1:] if norm[:1] in "وبلف" else norm}
    return bool(forms & load_settings()["name_heads"])


def _names_a_thing(first: str, text: str) -> bool:
    """A short quoted phrase that opens with a name noun and has no sentence punctuation is a name
    (`"الاتفاقية الشاملة للتكامل الأمني"`, `"عملية الفجر الجديد"`), not a quotation."""
    bare = first[2:] if first.startswith("ال") and len(first) > 4 else first
    return bare in load_settings()["name_starts"] and not any(ch in text for ch in ".،,؛:!?؟")


def is_quotation(doc: Document, open_at: int, start: int, end: int) -> bool:
    """Quotations, not quoted names: long enough, or short but tied to an attribution cue."""
    settings = load_settings()
    sent = sentence_bounds(doc, open_at)
    if _after_name_head(doc, open_at, sent.start):
        return False
    words = [t for t in tokens_between(doc.body, start, end) if t.is_word]
    n_words = len(words)
    if not words:
        return False
    if n_words <= settings["max_name_words"] and _names_a_thing(words[0].norm, doc.body[start:end]):
        return False
    if n_words >= settings["min_words_without_cue"]:
        return True
    if n_words < settings["min_words_with_cue"]:
        return False
    cues = find_cues(doc, sent.start, open_at)
    return bool(cues) and cues[-1].kind != "document" and _is_tight(doc, open_at, sent.start)
