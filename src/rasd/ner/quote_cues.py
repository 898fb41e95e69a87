"""Attribution cues for quotations: the cue lexicon and settings (data/quotes/), and finding cues.

Shared by the quotation finder (`quote_marks`), the title back-references
(`quote_titles`) and the speaker attribution (`quotes`).
"""

from __future__ import annotations

import csv
import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress

from rasd.model import Document, Span
from rasd.text.normalize import normalize
from rasd.text.tokens import BodyTokens, Token, body_tokens, tokens_between

CONJUNCTIONS = ("و", "ف")


@dataclass(frozen=True)
class Cue:
    """An attribution cue found in the body."""

    kind: str  # verb | chain | participle | nominal | document
    start: int
    end: int
    form: str


@lru_cache(maxsize=1)
def load_cues() -> dict[str, str]:
    """Normalised cue form -> kind, from data/quotes/cues.tsv."""
    cues: dict[str, str] = {}
    text = resources.files("rasd.data").joinpath("quotes/cues.tsv").read_text(encoding="utf-8")
    for row in csv.reader(text.splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#") or len(row) < 2:
            continue
        cues[normalize(row[0].strip())] = row[1].strip()
    return cues


@lru_cache(maxsize=1)
def load_settings() -> dict:
    """The length and distance rules, from data/quotes/settings.json."""
    text = resources.files("rasd.data").joinpath("quotes/settings.json").read_text(encoding="utf-8")
    settings = json.loads(text)
    settings["cue_tight_before"] = {normalize(w) for w in settings["cue_tight_before"]}
    settings["subject_stops"] = {normalize(w) for w in settings["subject_stops"]}
    settings["name_heads"] = {normalize(w) for w in settings["name_heads"]}
    settings["not_subjects"] = {normalize(w) for w in settings["not_subjects"]}
    settings["object_verbs"] = {normalize(w) for w in settings["object_verbs"]}
    settings["relay_cues"] = {normalize(w) for w in settings["relay_cues"]}
    settings["name_starts"] = {normalize(w) for w in settings["name_starts"]}
    return settings


def sentence_bounds(doc: Document, pos: int) -> Span:
    """The sentence holding `pos`, clipped to its paragraph (the paragraph when not split)."""
    line_start = doc.body.rfind("\n", 0, pos) + 1
    line_end = doc.body.find("\n", pos)
    line_end = len(doc.body) if line_end < 0 else line_end
    if not doc.sentences:
        return Span(line_start, line_end)
    sent = doc.sentence_at(pos)
    return Span(max(sent.start, line_start), min(sent.end, line_end))


_KINDS: dict[str, str | None] = {}  # normalised word -> cue kind, for the cue lexicon in _KINDS_OF
_KINDS_OF: list[dict[str, str]] = []


def _kinds(cues: dict[str, str]) -> dict[str, str | None]:
    """The remembered cue kinds, emptied when the cue lexicon is another one (or too many are kept)."""
    if not _KINDS_OF or _KINDS_OF[0] is not cues or len(_KINDS) > 100_000:
        _KINDS.clear()
        _KINDS_OF[:] = [cues]
    return _KINDS


def cue_kind(token: Token) -> str | None:
    """The cue kind of a token, trying it without a leading و/ف; remembered per word."""
    cues = load_cues()
    kinds = _kinds(cues)
    try:
        return kinds[token.norm]
    except KeyError:
        kind = kinds[token.norm] = _cue_kind(cues, token.norm)
        return kind


def _cue_kind(cues: dict[str, str], norm: str) -> str | None:
    """See `cue_kind`."""
    norm = norm.replace("ـ", "")
    if norm in cues:
        return cues[norm]
    if norm[:1] in CONJUNCTIONS and norm[1:] in cues:
        return cues[norm[1:]]
    return None


def find_cues(doc: Document, start: int, end: int) -> list[Cue]:
    """Every attribution cue in body[start:end], in order."""
    index = body_tokens(doc.body)
    span = index.index_span(start, end)
    if span is not None:  # the body's cues, found once, cut to the slice
        positions, cues = _body_cues(index)
        return cues[bisect_left(positions, span[0]):bisect_left(positions, span[1])]
    found = []
    for tok in tokens_between(doc.body, start, end):
        kind = cue_kind(tok)
        if kind:
            found.append(Cue(kind, tok.start, tok.end, tok.norm))
    return found


def _body_cues(index: BodyTokens) -> tuple[list[int], list[Cue]]:
    """(token index, cue) of every cue of a whole body, kept with its tokens for this cue lexicon."""
    cues = load_cues()
    cached = index.memo.get("quote_cues")
    if cached is not None and cached[0] is cues:  # type: ignore[index]
        return cached[1]  # type: ignore[index]
    kinds = _kinds(cues)
    tokens = index.tokens
    norms = [tok.norm for tok in tokens]
    for norm in set(norms).difference(kinds):
        kinds[norm] = _cue_kind(cues, norm)
    positions = list(compress(range(len(norms)), map(kinds.__getitem__, norms)))
    found = [Cue(kinds[norms[k]], tokens[k].start, tokens[k].end, norms[k]) for k in positions]
    index.memo["quote_cues"] = (cues, (positions, found))
    return positions, found


def base_form(cue: Cue) -> str:
    """The cue's form without a leading و/ف (`ووصف` -> `وصف`)."""
    return cue.form[1:] if cue.form[:1] in CONJUNCTIONS and cue.form not in load_cues() else cue.form


def sentences_between(doc: Document, start: int, end: int) -> list[Span]:
    """The sentences (or, unsplit, the paragraphs) lying wholly inside [start, end)."""
    if doc.sentences:
        return [s for s in doc.sentences if start <= s.start and s.end <= end]
    spans, pos = [], start
    for line in doc.body[start:end].split("\n"):
        if line.strip():
            spans.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return spans
