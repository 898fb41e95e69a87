"""Arabic number words and quantity cues, loaded from `rasd/data/numbers/`, and their arithmetic.

Words are normalised at load time; lookups take the normalised token form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.text.normalize import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "numbers"


@dataclass(frozen=True)
class NumberLexicon:
    """Normalised number words and the phrases around quantities."""

    words: dict[str, tuple[float, str]]            # word -> (value, type)
    vague: dict[tuple[str, ...], float]            # phrase -> lower bound
    approx_before: frozenset[tuple[str, ...]]
    approx_after: frozenset[tuple[str, ...]]
    units: dict[tuple[str, ...], str]              # phrase -> kind
    designation_cues: dict[str, str]               # word -> identifier/unit/model/calibre
    dual_stoplist: frozenset[str]
    function_words: frozenset[str]
    longest_phrase: int                            # words in the longest phrase above


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def phrase(text: str) -> tuple[str, ...]:
    """A phrase as a tuple of normalised words."""
    return tuple(normalize(text).split())


@lru_cache(maxsize=1)
def load_numbers() -> NumberLexicon:
    """The number lexicons, read once."""
    words = {normalize(w): (float(v), t) for w, v, t in _rows("words.tsv")}
    vague = {phrase(w): float(v) for w, v in _rows("vague.tsv")}
    approx = _rows("approximate.tsv")
    before = frozenset(phrase(w) for w, pos in approx if pos == "before")
    after = frozenset(phrase(w) for w, pos in approx if pos == "after")
    units = {phrase(w): kind for w, kind in _rows("units.tsv")}
    cues = {normalize(row[0]): row[1] for row in _rows("designation_cues.tsv")}
    stop = frozenset(normalize(row[0]) for row in _rows("dual_stoplist.txt"))
    function = frozenset(normalize(row[0]) for row in _rows("function_words.txt"))
    longest = max(len(p) for p in (*vague, *units, *before, *after))
    return NumberLexicon(words, vague, before, after, units, cues, stop, function, longest)


def word_value(norm: str) -> tuple[float, str, int] | None:
    """(value, type, clitic length) of a number word, allowing a leading و/ف conjunction."""
    lex = load_numbers().words
    if norm in lex:
        return (*lex[norm], 0)
    if len(norm) > 2 and norm[0] in "وف" and norm[1:] in lex:
        return (*lex[norm[1:]], 1)
    return None


@dataclass
class WordNumber:
    """The running value of a sequence of number words."""

    total: float = 0.0
    current: float = 0.0
    last_type: str = ""
    last_value: float = 0.0
    words: int = 0

    @property
    def value(self) -> float:
        return self.total + self.current

    def accepts(self, value: float, kind: str, joined: bool) -> bool:
        """Whether the next word continues this number (ثلاثة وعشرون) rather than starting another."""
        last = self.last_type
        if self.words == 0:
            return not joined
        if joined:  # و + a smaller part: خمسة وعشرون, مئة وخمسون, ألف ومئتان
            if last == "unit":
                return kind == "ten" and value >= 20
            if last == "hundred":
                return kind in ("unit", "ten")
            return last in ("scale", "dual_scale") and kind in ("unit", "ten", "hundred")
        if kind == "ten" and value == 10:  # ثلاثة عشر, اثنا عشر, أحد عشر
            return last in ("unit", "teen_only")
        if kind == "hundred" and value == 100:  # ثلاث مئة
            return last == "unit"
        return kind == "scale" and last in ("unit", "ten", "hundred", "fraction")

    def add(self, value: float, kind: str) -> None:
        if kind == "hundred" and value == 100 and self.last_type == "unit" and self.words:
            self.current += self.last_value * 100 - self.last_value
        elif kind == "scale":
            self.total += (self.current or 1) * value
            self.current = 0
        elif kind == "dual_scale":
            self.total += value
        else:
            self.current += value
        self.last_type, self.last_value = kind, value
        self.words += 1
