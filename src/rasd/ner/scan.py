"""The shared state of one recognition pass: tokens, lexicons and the candidates found so far.

Rules run in order (gazetteer, phrase heads, titles, propagation); each asks
the scan which tokens are already named, so that a later rule never cuts
through an earlier name, and a longer phrase may absorb the names inside it
(`مطار باماكو الدولي` absorbs `باماكو`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

import regex

from rasd.ner.gazetteer import Gazetteer
from rasd.ner.lexicon import Lexicon
from rasd.text.tokens import Token, clitic_splits, original_prefix_length

ARABIC_WORD = regex.compile(r"[\p{Arabic}\p{M}]+")
SENTENCE_PUNCT = set(".!?؟:;؛\n")
COMMAS = {"،", ","}
QUOTES = set('"“”«»„‟\'‘’')


@lru_cache(maxsize=200_000)
def _word_stems(text: str, norm: str) -> tuple[tuple[int, str, str], ...]:
    """(offset of the stem in `text`, stem, clitic) of one word; news repeats words, so remembered."""
    out = []
    for length, stem in clitic_splits(norm):
        clitic = norm[:length]
        if clitic.endswith(("ال", "لل")):
            continue
        if length and stem.startswith("ال") and norm[length:] == stem[1:]:
            # للجيش: the article lost its alef to the preposition; the name keeps both lams
            length -= 1
        out.append((original_prefix_length(text, length), stem, clitic))
    return tuple(out)


# token text -> (is a word, is Arabic letters only, stems relative to the token)
_WORD_INFO: dict[str, tuple[bool, bool, tuple[tuple[int, str, str], ...]]] = {}


def _word_info(token: Token) -> tuple[bool, bool, tuple[tuple[int, str, str], ...]]:
    """What the rules ask of every token, a pure function of its text: computed once per word."""
    word = token.is_word
    stems = _word_stems(token.text, token.norm) if word else ()
    return word, ARABIC_WORD.fullmatch(token.text) is not None, stems


# per question: (what its answers depend on, words answered yes, words answered)
_ANSWERS: dict[str, tuple[object, set[str], set[str]]] = {}


def tokens_where(scan: Scan, question: str, depends_on: object,
                 test: Callable[[Token, tuple[tuple[int, str, str], ...]], bool]) -> list[int]:
    """Indices of the tokens of a scan that pass `test`, remembered per body and per distinct word.

    `test(token, word stems)` must be a pure function of the token's text and of `depends_on`
    (a word list of the lexicon, kept by identity): a rule asks only where a word can open
    what it looks for, instead of reading every token of every page. Set operations over the
    body's distinct words keep each question to a few C-level passes.
    """
    found = scan.memo.get(question)
    if found is not None:
        return found  # type: ignore[return-value]
    held = _ANSWERS.get(question)
    if held is None or held[0] is not depends_on or len(held[2]) > 200_000:
        held = _ANSWERS[question] = (depends_on, set(), set())
    _, yes, seen = held
    positions = _positions(scan)
    unseen = positions.keys() - seen
    if unseen:
        tokens, word_stems = scan.tokens, scan.word_stems
        for text in unseen:
            i = positions[text][0]
            if test(tokens[i], word_stems[i]):
                yes.add(text)
        seen |= unseen
    hits = positions.keys() & yes
    if len(hits) > 1:
        found = sorted(chain.from_iterable(map(positions.__getitem__, hits)))
    else:
        found = list(positions[hits.pop()]) if hits else []
    scan.memo[question] = found
    return found


def _positions(scan: Scan) -> dict[str, list[int]]:
    """Token text -> the indices of its tokens, in order (kept in the scan's memo)."""
    positions = scan.memo.get("positions")
    if positions is None:
        positions = scan.memo["positions"] = {}
        for i, text in enumerate(scan.texts):
            at = positions.get(text)
            if at is None:
                positions[text] = [i]
            else:
                at.append(i)
    return positions  # type: ignore[return-value]


# id(table) -> (table, its size, first words of its phrases of two words or more); the table is kept
# so that its id cannot be reused while remembered
_OPENING_WORDS: dict[int, tuple[object, int, frozenset[str]]] = {}


def _opening_words(table: set[str] | dict) -> frozenset[str]:
    """First words of the multi-word phrases of a lexicon table (tables are built once; a table that
    grew is read again)."""
    held = _OPENING_WORDS.get(id(table))
    if held is None or held[0] is not table or held[1] != len(table):
        if len(_OPENING_WORDS) > 64:
            _OPENING_WORDS.clear()
        words = frozenset(p.split(" ", 1)[0] for p in table if " " in p)
        held = _OPENING_WORDS[id(table)] = (table, len(table), words)
    return held[2]


@dataclass
class Candidate:
    """A mention found by a rule: character span, token span [first, last) and its origin."""

    start: int
    end: int
    type: str
    source: str
    first: int
    last: int
    gaz_id: str | None = None
    name_en: str | None = None
    key: str | None = None  # lookup form when it differs from the text's (canonical army names)


@dataclass
class Scan:
    """Tokens of one body with the word lists and the candidates accepted so far."""

    body: str
    tokens: list[Token]
    lex: Lexicon
    gaz: Gazetteer
    found: list[Candidate] = field(default_factory=list)
    owner: list[int | None] = field(default_factory=list)  # per token: index into found
    # per token: (offset in the token, stem, clitic), see stems(); one tuple shared by every occurrence
    # of a word, so a page's scan allocates nothing per token for them
    word_stems: list[tuple[tuple[int, str, str], ...]] = field(default_factory=list)

    words: list[bool] = field(default_factory=list)  # per token: a word, not punctuation

    norms: list[str] = field(default_factory=list)  # per token: its normalised text
    texts: list[str] = field(default_factory=list)  # per token: its text
    arabic: list[bool] = field(default_factory=list)  # per token: Arabic letters and marks only
    memo: dict[str, object] = field(default_factory=dict)  # per-token facts a rule derives once per body

    def __post_init__(self) -> None:
        self.owner = [None] * len(self.tokens)
        self.norms = [t.norm for t in self.tokens]
        texts = self.texts = [t.text for t in self.tokens]
        infos = _WORD_INFO
        if len(infos) > 200_000:
            infos.clear()
        if None in map(infos.get, texts):  # words not met before
            for t in self.tokens:
                if t.text not in infos:
                    infos[t.text] = _word_info(t)
        per_token = list(map(infos.__getitem__, texts))
        self.words = [info[0] for info in per_token]
        self.arabic = [info[1] for info in per_token]
        self.word_stems = [info[2] for info in per_token]

    def candidate_at(self, i: int) -> Candidate | None:
        """The accepted candidate that starts at token i."""
        if 0 <= i < len(self.tokens) and self.owner[i] is not None:
            cand = self.found[self.owner[i]]
            if cand is not None and cand.first == i:
                return cand
        return None

    def owned(self, i: int) -> Candidate | None:
        """The accepted candidate covering token i."""
        owner = self.owner
        if 0 <= i < len(owner) and owner[i] is not None:
            return self.found[owner[i]]
        return None

    def free(self, first: int, last: int) -> bool:
        """True when no accepted candidate covers any token of [first, last)."""
        return all(self.owner[k] is None for k in range(first, last))

    def add(self, cand: Candidate, absorb: bool = False) -> bool:
        """Accept a candidate unless it overlaps one; with `absorb`, names fully inside it give way."""
        inside = set(self.owner[cand.first:cand.last])
        inside.discard(None)
        if inside:
            if not absorb:
                return False
            for index in inside:
                old = self.found[index]
                if old.first < cand.first or old.last > cand.last:
                    return False
            for index in inside:
                self.found[index] = None  # type: ignore[call-overload]
        self.found.append(cand)
        for k in range(cand.first, cand.last):
            self.owner[k] = len(self.found) - 1
        return True

    def candidates(self) -> list[Candidate]:
        """Accepted candidates in text order."""
        return sorted((c for c in self.found if c is not None), key=lambda c: c.start)

    def norm(self, i: int) -> str:
        """The normalised text of token i ('' past the end)."""
        norms = self.norms
        return norms[i] if 0 <= i < len(norms) else ""

    def is_word(self, i: int) -> bool:
        words = self.words
        return 0 <= i < len(words) and words[i]

    def stems(self, i: int) -> list[tuple[int, str, str]]:
        """(start offset, stem, clitic) of token i as written and without each proclitic.

        A stem that lost its article is never offered (`المالي` is not `مالي`):
        Arabic names keep their article, and an adjective must not pass for a name.
        """
        if not 0 <= i < len(self.word_stems):
            return []
        start = self.tokens[i].start
        return [(start + offset, stem, clitic) for offset, stem, clitic in self.word_stems[i]]

    def stem_forms(self, i: int) -> tuple[tuple[int, str, str], ...]:
        """`stems(i)` with offsets inside the token, for the many callers that read only stem and clitic."""
        word_stems = self.word_stems
        return word_stems[i] if 0 <= i < len(word_stems) else ()

    def phrase_at(self, i: int, first: str, table: set[str] | dict, max_words: int) -> int:
        """How many tokens from i (token i read as `first`) form the longest phrase of `table`."""
        best = 1 if first in table else 0
        if max_words < 2 or i + 1 >= len(self.tokens) or first not in _opening_words(table):
            return best  # (no phrase of two words or more starts with `first`)
        words = [first]
        norms, is_word = self.norms, self.words
        for k in range(i + 1, min(len(self.tokens), i + max_words)):
            if not is_word[k]:
                break
            words.append(norms[k])
            if " ".join(words) in table:
                best = len(words)
        return best

    def span_text(self, start: int, end: int) -> str:
        return self.body[start:end]
