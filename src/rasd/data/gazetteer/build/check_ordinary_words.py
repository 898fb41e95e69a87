"""List one-word gazetteer names that are also ordinary Arabic words (a dev tool, not shipped logic).

Needs the Arramooz lexicon (`pip install arramooz-pysqlite`, best in a scratch
venv): its nouns, verbs, stop words and word frequencies are normalised like
gazetteer keys. Every name found there that is not flagged `ambiguous` is
printed with its corpus frequency, most frequent first, for a person to
judge (most hits are the names themselves: لبنان, العراق). Past reviews
caught `إلبيت` = `البيت` "the house", `فاما` = `فأما`, `وجدة` = `وجده`.
Usage: python src/rasd/data/gazetteer/build/check_ordinary_words.py [--all]
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import arramooz

from rasd.ner.gazetteer import load_gazetteer
from rasd.text.normalize import normalize_key

TABLES = (
    ("arabicdictionary.sqlite", "select unvocalized from nouns", "noun"),
    ("arabicdictionary.sqlite", "select unvocalized from verbs", "verb"),
    ("stopwords.sqlite", "select UNVOCALIZED from STOPWORDS", "stop"),
    ("wordfreq.sqlite", "select unvocalized from wordfreq", "freq"),
)


def ordinary_words() -> tuple[dict[str, str], dict[str, int]]:
    """Normalised word -> kind, and normalised word -> frequency."""
    data = Path(arramooz.__file__).parent / "data"
    words: dict[str, str] = {}
    for db, query, kind in TABLES:
        with sqlite3.connect(data / db) as conn:
            for (word,) in conn.execute(query):
                words.setdefault(normalize_key(word), kind)
    freq: dict[str, int] = {}
    with sqlite3.connect(data / "wordfreq.sqlite") as conn:
        for word, count in conn.execute("select unvocalized, freq from wordfreq"):
            key = normalize_key(word)
            freq[key] = max(freq.get(key, 0), count)
    return words, freq


def main() -> None:
    show_all = "--all" in sys.argv
    words, freq = ordinary_words()
    rows = set()
    for key, entries in load_gazetteer().by_key.items():
        if " " in key or not any("\u0600" <= c <= "\u06ff" for c in key):
            continue
        for form in {key, key[2:] if key.startswith("ال") else key}:
            if form not in words:
                continue
            for entry in entries:
                if show_all or not entry.ambiguous:
                    rows.add((freq.get(form, 0), key, words[form], entry.id))
    for count, key, kind, entry_id in sorted(rows, reverse=True):
        print(f"{count:>9} {key} ({kind}) {entry_id}")


if __name__ == "__main__":
    main()
