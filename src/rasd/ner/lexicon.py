"""The Arabic word lists the rule-based recogniser reads (`src/rasd/data/ner/*.tsv`), loaded once.

Every phrase is stored under its normalised spelling (`normalize`), so that
`الأمين العام` and `الامين العام` are one key; words written with the article
also match without it (`العقيد` / `عقيد`) and head words without it also match
with it (`وزير` / `الوزير`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import regex

from rasd.errors import InputError
from rasd.text.normalize import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"
ARTICLE = "ال"


@dataclass
class Lexicon:
    """All the word lists, keyed by normalised phrase (words joined by one space)."""

    ranks: dict[str, str] = field(default_factory=dict)  # surface -> base rank (with its own spelling)
    ambiguous_ranks: set[str] = field(default_factory=set)  # ranks that are also nouns (الفريق: the team)
    honorifics: set[str] = field(default_factory=set)
    titles: dict[str, set[str]] = field(default_factory=dict)  # kind -> phrases
    stop: set[str] = field(default_factory=set)
    verbs: set[str] = field(default_factory=set)  # attribution and action verbs of name_stop.tsv
    stop_names: set[str] = field(default_factory=set)  # given names that are also stop words (علي/على)
    name_spellings: set[str] = field(default_factory=set)  # their spellings no stop word has (علي, not على)
    first_names: dict[str, bool] = field(default_factory=dict)  # name -> ambiguous
    heads: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # head -> [(type, rule)]
    words: dict[str, set[str]] = field(default_factory=dict)  # group -> adjectives
    designations: list[regex.Pattern] = field(default_factory=list)
    designation_stop: list[regex.Pattern] = field(default_factory=list)
    masdars: list[regex.Pattern] = field(default_factory=list)  # verbal-noun shapes (انسحاب، توقيع)
    ambiguity: dict[str, str] = field(default_factory=dict)  # word -> accept | reject
    particles: set[str] = field(default_factory=set)  # بن، أبو، آل: bound to the next name word
    divine_names: set[str] = field(default_factory=set)  # الله، الرحمن: complete عبد
    max_words: int = 1
    title_words: set[str] = field(default_factory=set)  # first words of titles, ranks, honorifics, cues
    head_words: set[str] = field(default_factory=set)  # first words of phrase heads

    def title(self, kind: str) -> set[str]:
        """The title phrases of one kind (head, counterpart, prefix, profession, complement, ...)."""
        found = self.titles.get(kind)  # (no empty set built for the default on every call)
        return found if found is not None else set()

    @cached_property
    def title_heads(self) -> set[str]:
        """Words that open a title phrase: heads, prefixes and counterparts."""
        return self.title("head") | self.title("prefix") | self.title("counterpart")

    @cached_property
    def title_chain(self) -> set[str]:
        """Words that may follow a head inside a title: more heads and complements."""
        return self.title_heads | self.title("complement")

    @cached_property
    def coordinated_titles(self) -> set[str]:
        """Titles that may follow `و` inside a title (الكاتب والمحلل)."""
        return self.title("profession") | self.title_heads

    @cached_property
    def head_professions(self) -> set[str]:
        """Title heads and professions: what a definite title after a name opens with."""
        return self.title("head") | self.title("profession")

    @cached_property
    def head_profession_starts(self) -> set[str]:
        """First words of `head_professions`: a word outside it cannot open one."""
        return {p.split(" ", 1)[0] for p in self.head_professions}

    @cached_property
    def first_name_starts(self) -> set[str]:
        """First words of the listed given names (one word or more): a word outside it opens none."""
        return {p.split(" ", 1)[0] for p in self.first_names}

    def group(self, name: str) -> set[str]:
        """The adjectives of one group of phrase_words.tsv."""
        found = self.words.get(name)
        return found if found is not None else set()

    def is_masdar(self, norm: str) -> bool:
        """True when a normalised word has a verbal-noun shape and is no listed given name."""
        return norm not in self.first_names and any(p.fullmatch(norm) for p in self.masdars)

    def is_designation(self, text: str) -> bool:
        """True when a token is shaped like an equipment designation (T-72B3, إس-60)."""
        if any(p.fullmatch(text) for p in self.designation_stop):
            return False
        return any(p.fullmatch(text) for p in self.designations)


def spelling(text: str) -> str:
    """Normalised text that keeps alef maqsura apart from ya: `علي` (a name) is not `على` (on)."""
    return "".join(ch if ch == "ى" else normalize(ch) for ch in text)


def norm_phrase(text: str) -> str:
    """The normalised form of a listed phrase: words joined by single spaces."""
    return " ".join(normalize(text).split())


def _with_article(phrase: str) -> set[str]:
    """A phrase with and without a leading article."""
    if phrase.startswith(ARTICLE) and len(phrase) > len(ARTICLE) + 2:
        return {phrase, phrase[len(ARTICLE):]}
    return {phrase, ARTICLE + phrase}


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a TSV with a header, skipping `#` comment lines; a bad file raises InputError."""
    if not path.is_file():
        raise InputError(str(path), "lexicon file is missing")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise InputError(f"{path.name}:{number}", "wrong number of fields")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def build_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read every list of `data_dir` into a Lexicon."""
    lex = Lexicon()
    for row in read_rows(data_dir / "ranks.tsv"):
        base = row["base"]
        for form in _with_article(norm_phrase(row["surface"])):
            lex.ranks[form] = base
            if row["ambiguous"] == "1":
                lex.ambiguous_ranks.add(form)
    # honorifics only as listed: `شيخ` without the article is a word, `الشيخ` a form of address
    lex.honorifics = {norm_phrase(row["honorific"]) for row in read_rows(data_dir / "honorifics.tsv")}
    for row in read_rows(data_dir / "titles.tsv"):
        phrase, kind = norm_phrase(row["phrase"]), row["kind"]
        forms = _with_article(phrase) if kind in ("head", "counterpart", "prefix", "profession") else {phrase}
        lex.titles.setdefault(kind, set()).update(forms)
    stop_rows = read_rows(data_dir / "name_stop.tsv")
    lex.stop = {norm_phrase(row["word"]) for row in stop_rows}
    lex.verbs = {norm_phrase(row["word"]) for row in stop_rows if row["group"] == "verb"}
    for row in read_rows(data_dir / "first_names.tsv"):
        lex.first_names[norm_phrase(row["name"])] = row["ambiguous"] == "1"
    for row in read_rows(data_dir / "phrase_heads.tsv"):
        lex.heads.setdefault(norm_phrase(row["head"]), []).append((row["type"], row["rule"]))
    for row in read_rows(data_dir / "phrase_words.tsv"):
        lex.words.setdefault(row["group"], set()).add(norm_phrase(row["word"]))
    lex.designations = [regex.compile(row["pattern"]) for row in read_rows(data_dir / "designations.tsv")]
    lex.designation_stop = [regex.compile(row["pattern"], regex.IGNORECASE)
                            for row in read_rows(data_dir / "designation_stop.tsv")]
    lex.masdars = [regex.compile(row["pattern"]) for row in read_rows(data_dir / "masdar_patterns.tsv")]
    for row in read_rows(data_dir / "name_parts.tsv"):
        target = lex.particles if row["kind"] == "particle" else lex.divine_names
        target.add(norm_phrase(row["word"]))
    for row in read_rows(data_dir / "ambiguity_cues.tsv"):
        lex.ambiguity[norm_phrase(row["word"])] = row["effect"]
    phrases = [*lex.ranks, *lex.honorifics, *lex.heads, *(p for s in lex.titles.values() for p in s)]
    # a given name that is also a function word (أنا) would start false names
    lex.stop_names = {k for k in lex.first_names if k in lex.stop}
    stop_spellings = {spelling(row["word"]) for row in stop_rows}
    lex.name_spellings = {spelling(row["name"]) for row in read_rows(data_dir / "first_names.tsv")
                          if norm_phrase(row["name"]) in lex.stop_names} - stop_spellings
    lex.first_names = {k: v for k, v in lex.first_names.items() if k not in lex.stop}
    lex.max_words = max(len(p.split()) for p in phrases)
    starts = [*lex.ranks, *lex.honorifics, *(p for k in ("head", "counterpart", "prefix", "profession", "cue")
                                              for p in lex.title(k))]
    lex.title_words = {p.split()[0] for p in starts} | {"د"}
    lex.head_words = {p.split()[0] for p in lex.heads}
    return lex


@lru_cache(maxsize=2)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """The lexicon, read once per process."""
    return build_lexicon(data_dir)
