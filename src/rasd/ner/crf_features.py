"""The features a CRF sees for each word: the word, its forms, gazetteer and word-list facts, rules, window.

Arabic has no capitals, so a name shows in its letters (clitics, affixes,
foreign shapes), in what the curated lists know (gazetteer, given names,
titles, ranks, attribution verbs: the other stages' data files, read-only),
in what the rule-based recogniser found and in the words around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import regex

from rasd.errors import RasdError
from rasd.ner.conll import tag_label
from rasd.text.normalize import normalize, normalize_key
from rasd.text.tokens import clitic_splits

LATIN_RE = regex.compile(r"[A-Za-z]")
ARABIC_RE = regex.compile(r"\p{Arabic}")
# own features a neighbour passes on (its gazetteer facts, word-list kinds, forms, shape)
WINDOW_FEATURES = ("g=", "gs=", "gadj", "gsadj", "gfirst", "gsfirst", "ctx=", "st=", "x2=", "punct", "latin",
                   "digits", "dict=", "part=", "freq=")
DATA = Path(__file__).resolve().parent.parent / "data"
# word lists other stages keep (read-only here): file -> (feature kind, column giving a sub-kind or None)
CONTEXT_LISTS = {
    "ner/titles.tsv": ("title", 1), "ner/ranks.tsv": ("rank", None),
    "ner/honorifics.tsv": ("honorific", None), "ner/first_names.tsv": ("fname", None),
    "ner/name_stop.tsv": ("stop", None),
    "ner/phrase_heads.tsv": ("head", 1), "quotes/cues.tsv": ("cue", 1),
}


@lru_cache(maxsize=200_000)
def _gaz_features(norm: str) -> tuple[str, ...]:
    """Gazetteer facts about one normalised word, as written and without each clitic."""
    gaz = gazetteer()
    if gaz is None or not norm[:1].isalnum():
        return ()
    feats: list[str] = []
    first = gaz.first_tokens()
    for clitic, form in clitic_splits(norm):
        where = "g" if clitic == 0 else "gs"
        for entry in gaz.lookup(form)[:1]:
            feats.append(f"{where}={entry.type}")
        if gaz.adjective(form):
            feats.append(f"{where}adj")
        if form in first:
            feats.append(f"{where}first")
    return tuple(dict.fromkeys(feats))


@lru_cache(maxsize=1)
def gazetteer():
    """The shared gazetteer, or None while it has no data (features then just go without it)."""
    try:
        from rasd.ner.gazetteer import load_gazetteer

        return load_gazetteer()
    except (ImportError, RasdError):
        return None


@lru_cache(maxsize=1)
def _context_lexicon() -> dict[str, frozenset[str]]:
    """Normalised word -> kinds (title-head, rank, fname, cue-verb…) from other stages' word lists.

    A one-word entry gives its kind; the last word of a longer entry gives `<kind>-end`,
    so `وزير الخارجية` marks `الخارجية`. Absent lists just give nothing.
    """
    kinds: dict[str, set[str]] = {}
    for name, (kind, column) in CONTEXT_LISTS.items():
        path = DATA / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = [f.strip() for f in line.split("\t")]
            if not fields[0] or fields[0].startswith("#") or (fields[0].isascii() and fields[0].isalpha()):
                continue  # blank, comment or header line
            full = kind if column is None or len(fields) <= column else f"{kind}-{fields[column]}"
            words = normalize_key(fields[0]).split()
            if len(words) == 1:
                kinds.setdefault(words[0], set()).add(full)
            elif words:
                kinds.setdefault(words[-1], set()).add(full + "-end")
    return {word: frozenset(k) for word, k in kinds.items()}


def context_kinds(norm: str) -> list[str]:
    """The context kinds of a word as written or without a clitic (`وقال` -> verb)."""
    lexicon = _context_lexicon()
    found: set[str] = set()
    for _, form in clitic_splits(norm):
        found |= lexicon.get(form, frozenset())
    return sorted(found)


@lru_cache(maxsize=200_000)
def _word_features(word: str) -> tuple[str, ...]:
    """Features of a word on its own (cached: news text repeats words a lot)."""
    norm = normalize(word)
    feats = [f"w={word}", f"n={norm}"]
    if not norm[:1].isalnum():
        feats.append("punct")
        return tuple(feats)
    # `st=` fires for the bare word too, so وباماكو shares باماكو's weights
    for clitic, form in clitic_splits(norm):
        feats.append(f"st={form}")
        if clitic:
            feats.append(f"cl={norm[:clitic]}")
    for k in (1, 2, 3):
        if len(norm) > k:
            feats += [f"p{k}={norm[:k]}", f"x{k}={norm[-k:]}"]
    if LATIN_RE.search(word):
        feats.append("latin")
    if word.isdigit():
        feats.append("digits")
    elif any(ch.isdigit() for ch in word):
        feats.append("hasdigit")
    if "-" in word:
        feats.append("hyphen")
    if not ARABIC_RE.search(word) and not LATIN_RE.search(word) and not word.isdigit():
        feats.append("other-script")
    feats.append(f"len={min(len(norm), 8)}")
    feats += [f"ctx={kind}" for kind in context_kinds(norm)]
    feats += _gaz_features(norm)
    return tuple(feats)


def _rule_features(tag: str) -> tuple[str, ...]:
    """A rule tag (`B-GPE@gazetteer`, or a plain CoNLL label) as its CoNLL label, rasd type and rule."""
    if tag == "O":
        return ("r=O",)
    if "@" not in tag:
        return (f"r={tag}",)
    typed, _, source = tag.partition("@")
    return (f"r={tag_label(tag)}", f"rt={typed}", f"rs={typed[:1]}-{source}")


def sentence_features(words: Sequence[str], rules: Sequence[str] | None = None,
                      extra: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
    """The feature strings of every word of a sentence.

    `rules` are the rule-based tags of the words (`conll.mention_tags`: type and rule),
    or plain BIO labels; `extra` are more features per word (the training names' dictionary).
    """
    own = [(*_word_features(w), *(extra[i] if extra else ())) for i, w in enumerate(words)]
    norms = [normalize(w) for w in words]
    rule_feats = [_rule_features(tag) for tag in rules or ["O"] * len(words)]
    out: list[list[str]] = []
    for i in range(len(words)):
        feats = ["bias", *own[i], *rule_feats[i]]
        if i == 0:
            feats.append("BOS")
        if i == len(words) - 1:
            feats.append("EOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < len(words):
                continue
            feats.append(f"{d}:n={norms[j]}")
            feats += [f"{d}:{f}" for f in rule_feats[j][:2]]
            for f in own[j]:
                if f.startswith(WINDOW_FEATURES):
                    feats.append(f"{d}:{f}")
        if i > 0:
            feats.append(f"bi={norms[i - 1]}|{norms[i]}")
        if i + 1 < len(words):
            feats.append(f"bi+={norms[i]}|{norms[i + 1]}")
        out.append(feats)
    return out
