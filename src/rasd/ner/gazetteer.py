"""The curated entity lexicon (`src/rasd/data/gazetteer/*.tsv`) and its spelling-tolerant index.

Arabic news spells foreign names many ways (`فاغنر`/`فاجنر`, `سيرغي`/`سيرجي`,
`عبدالله`/`عبد الله`). Every name and alias is indexed under `normalize_key`
and, as a fallback, under the coarser `loose_key`; the recogniser scans text,
asks `first_tokens()` whether a word can start a name, and `lookup()`s the
candidate span. The data is read once per process (`load_gazetteer`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rasd.errors import InputError
from rasd.model import ENTITY_TYPES
from rasd.text.normalize import normalize_key

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
COLUMNS = (
    "id", "type", "name", "aliases", "name_en", "wikidata", "adjectives",
    "country", "lat", "lon", "ambiguous",
)
# letters Arabic uses for a foreign hard g (غ, ج, ق, and the Maghrebi/Persian ڨ گ ݣ) and v/p
G_LETTERS = "غجقڨگݣ"
LOOSE_FOLDS = str.maketrans({c: "g" for c in G_LETTERS} | {"ڤ": "ف", "پ": "ب", "چ": "تش"})
MIN_LOOSE = 5  # letters a one-word name needs before it is matched loosely
MIN_COLLAPSE = 6  # letters a word needs before its doubled letters are merged
DOUBLED = re.compile(r"(\D)\1+")
LEADING_LETTERS = re.compile(r"[^\W\d]+(?=\d)")  # `ميغ` of `ميغ29`, `t` of `t72b3`
ARTICLE = "ال"
# nisba inflections: مالي -> مالية، ماليون، ماليين، ماليات
NISBA_SUFFIXES = ("", "ة", "ون", "ين", "ات")


@dataclass(frozen=True)
class Entry:
    """One curated entity with its Arabic variants and, for places, coordinates."""

    id: str
    type: str
    name: str
    name_en: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    country: str | None
    lat: float | None
    lon: float | None
    ambiguous: bool = False  # a one-word name is also an ordinary word (مالي, تشاد, عمان): demand context


@dataclass
class Gazetteer:
    """Entries indexed by exact key, loose key and adjective key."""

    entries: dict[str, Entry] = field(default_factory=dict, repr=False)
    by_key: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    by_loose: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    by_adjective: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    first_words: set[str] = field(default_factory=set, repr=False)
    max_words: int = 0
    # key -> adjective() hits: the recogniser asks about the same words on every page
    adjective_memo: dict[str, tuple[Entry, ...]] = field(default_factory=dict, repr=False, compare=False)

    def lookup(self, key: str) -> list[Entry]:
        """Entries named `key` (a `normalize_key`ed clitic-free name); loose spellings when no exact hit.

        A single word shorter than MIN_LOOSE letters gets no loose match: `جراد` (locusts)
        is not `غراد` (Grad) and `قال` is not `غال`.
        """
        key = normalize_key(key)
        hits = self.by_key.get(key)
        if hits:
            return list(hits)
        if " " not in key and len(key) < MIN_LOOSE:
            return []
        return list(self.by_loose.get(loose_key(key), ()))

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self.entries.get(entry_id)

    def adjective(self, key: str) -> list[Entry]:
        """Entries one of whose nisba/nationality forms is `key` (with or without ال)."""
        memo = self.adjective_memo
        hits = memo.get(key)
        if hits is None:
            if len(memo) > 200_000:
                memo.clear()
            norm = normalize_key(key)
            found = self.by_adjective.get(norm) or self.by_adjective.get(_strip_article(norm))
            hits = memo[key] = tuple(found or ())
        return list(hits)

    def first_tokens(self) -> set[str]:
        """First words (normalised and loose forms) of every indexed name, for fast scanning."""
        return self.first_words

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries.values())


def loose_key(text: str) -> str:
    """A coarser key for foreign-name spellings: g letters, doubled letters, عبد ال/أبو spacing.

    Long vowels are kept: dropping them merges ordinary words with names
    (`الأمن`/`اليمن`, `التي`/`ألتاي`), so vowel variants are listed as aliases instead.
    """
    return _loose_from_key(normalize_key(text))


def _loose_from_key(key: str) -> str:
    words = [_collapse(w) for w in _join_prefixes(key.split())]
    return " ".join(words).translate(LOOSE_FOLDS)


def _join_prefixes(words: list[str]) -> list[str]:
    """`عبد الله` -> `عبدالله`, `ابو ظبي` -> `ابوظبي`, `t 72` -> `t72`: spacing varies in print."""
    out: list[str] = []
    for word in words:
        if out and (out[-1] in ("عبد", "ابو") or _letter_digit_gap(out[-1], word)):
            out[-1] += word
        else:
            out.append(word)
    return out


def _letter_digit_gap(left: str, right: str) -> bool:
    """A designation split by a space: `ميغ 29`, `t 72` (letters on one side, digits on the other)."""
    if len(left) > 6 or len(right) > 6 or left.isdigit() and len(left) == 4:
        return False
    return left[-1].isdigit() != right[0].isdigit()


def _collapse(word: str) -> str:
    """`فيلليب` -> `فيليب`: a doubled letter in a long word (short words like `تتعزز` keep theirs)."""
    if len(word) < MIN_COLLAPSE or not DOUBLED.search(word):
        return word
    return DOUBLED.sub(r"\1", word)


def _strip_article(key: str) -> str:
    return key[len(ARTICLE):] if key.startswith(ARTICLE) and len(key) > len(ARTICLE) + 2 else key


def expand_adjectives(forms: Iterable[str]) -> tuple[str, ...]:
    """All inflections of the listed nisba forms, with and without ال.

    A form whose words all end in ي is a masculine nisba and gets its feminine
    and plural endings on every word (`كوري شمالي` -> `الكوريون الشماليون`);
    any other form (an irregular plural such as `روس`, `أتراك`) is kept as
    written, with and without the article.
    """
    out: list[str] = []
    for form in forms:
        words = [_bare(w) for w in form.split()]
        is_nisba = all(w.endswith(("ي", "ى")) for w in words)
        for suffix in NISBA_SUFFIXES if is_nisba else ("",):
            inflected = [w + suffix for w in words]
            for variant in (" ".join(inflected), " ".join(ARTICLE + w for w in inflected)):
                if variant not in out:
                    out.append(variant)
    return tuple(out)


def _bare(word: str) -> str:
    """A word without its article (a nisba is listed either way)."""
    return word[len(ARTICLE):] if word.startswith(ARTICLE) and len(word) > 4 else word


def _parse_float(value: str, low: float, high: float, where: str, column: str) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise InputError(where, f"{column} {value!r} is not a number") from None
    if not low <= number <= high:
        raise InputError(where, f"{column} {number} out of range [{low}, {high}]")
    return number


def parse_row(row: dict[str, str], where: str) -> Entry:
    """One TSV row as an Entry; `where` (file:line) names it in errors."""
    values = {col: (row.get(col) or "").strip() for col in COLUMNS}
    entry_id, entry_type, name = values["id"], values["type"], values["name"]
    if not entry_id or ":" not in entry_id:
        raise InputError(where, f"bad id {entry_id!r} (want kind:slug)")
    if entry_type not in ENTITY_TYPES:
        raise InputError(where, f"unknown type {entry_type!r}")
    if not name:
        raise InputError(where, "empty name")
    wikidata = values["wikidata"] or None
    if wikidata and not (wikidata.startswith("Q") and wikidata[1:].isdigit()):
        raise InputError(where, f"bad wikidata id {wikidata!r}")
    if values["ambiguous"] not in ("", "0", "1"):
        raise InputError(where, f"ambiguous must be 0, 1 or empty, not {values['ambiguous']!r}")

    def split(column: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.strip() for p in values[column].split("|") if p.strip()))

    return Entry(
        id=entry_id, type=entry_type, name=name, name_en=values["name_en"] or None, wikidata=wikidata,
        aliases=tuple(a for a in split("aliases") if a != name),
        adjectives=expand_adjectives(split("adjectives")), country=values["country"] or None,
        lat=_parse_float(values["lat"], -90, 90, where, "lat"),
        lon=_parse_float(values["lon"], -180, 180, where, "lon"),
        ambiguous=values["ambiguous"] == "1",
    )


def read_tsv(path: Path) -> list[Entry]:
    """The entries of one gazetteer file; a malformed row raises InputError naming file and line."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise InputError(str(path), f"missing columns {missing}")
        entries = []
        for row in reader:
            where = f"{path.name}:{reader.line_num}"
            if None in row:
                raise InputError(where, "more fields than the header")
            if not any((v or "").strip() for v in row.values()) or row["id"].startswith("#"):
                continue
            entries.append(parse_row(row, where))
        return entries


def _add(index: dict[str, list[Entry]], key: str, entry: Entry) -> None:
    bucket = index.get(key)
    if bucket is None:
        index[key] = [entry]
    elif bucket[-1] is not entry:  # entries are indexed one at a time: a repeat is the last one
        bucket.append(entry)


def _first_words(key: str, loose: str) -> set[str]:
    """First words a text may start the name with: `ميغ29` is also printed `ميغ 29`."""
    first = {key.split()[0], loose.split()[0]}
    letters = LEADING_LETTERS.match(key)
    if letters and letters.end() < len(key.split()[0]):
        first.add(letters.group())
    return first


def build_gazetteer(entries: Iterable[Entry]) -> Gazetteer:
    """Index entries; a duplicate id is a data error."""
    gaz = Gazetteer()
    for entry in entries:
        if entry.id in gaz.entries:
            raise InputError(entry.id, "duplicate gazetteer id")
        gaz.entries[entry.id] = entry
        for name in (entry.name, *entry.aliases):
            key = normalize_key(name)
            if not key:
                continue
            loose = _loose_from_key(key)
            _add(gaz.by_key, key, entry)
            _add(gaz.by_loose, loose, entry)
            gaz.first_words.update(_first_words(key, loose))
            # a name printed with `عبد ال`/`ابو` spacing can span one word more than listed
            gaz.max_words = max(gaz.max_words, len(key.split()) + key.count("عبدال") + key.count("ابو"))
        for adjective in entry.adjectives:
            _add(gaz.by_adjective, normalize_key(adjective), entry)
    return gaz


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """The gazetteer from every `*.tsv` in `data_dir`, loaded once per process."""
    files = sorted(data_dir.glob("*.tsv"))
    if not files:
        raise InputError(str(data_dir), "no gazetteer files")
    return build_gazetteer(entry for path in files for entry in read_tsv(path))
