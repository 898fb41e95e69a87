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
                   "digits", "dict=", "part=", "freq=", "cue=", "lst=")
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


def _kinds_in(lexicon: dict[str, frozenset[str]], norm: str) -> list[str]:
    """The kinds `lexicon` gives a word as written or without each possible clitic."""
    found: set[str] = set()
    for _, form in clitic_splits(norm):
        found |= lexicon.get(form, frozenset())
    return sorted(found)


def context_kinds(norm: str) -> list[str]:
    """The context kinds of a word as written or without a clitic (`وقال` -> verb)."""
    return _kinds_in(_context_lexicon(), norm)


@lru_cache(maxsize=1)
def _cue_lexicon() -> dict[str, frozenset[str]]:
    """Normalised word (with and without the article) -> cue kinds of `ner/crf_cues.tsv`.

    The CRF's own list: occupation and kinship nouns before a person
    (`الحارس`, `الفنانة`), speech verbs, organisation and place head words.
    The last word of a longer entry gives `<kind>-end`.
    """
    kinds: dict[str, set[str]] = {}
    path = DATA / "ner" / "crf_cues.tsv"
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2 or not fields[0] or fields[0].startswith("#") or fields[0].isascii():
            continue
        words = normalize_key(fields[0]).split()
        kind = fields[1] if len(words) == 1 else fields[1] + "-end"
        word = words[-1]
        for form in {word, word[2:] if word.startswith("ال") and len(word) > 4 else word}:
            kinds.setdefault(form, set()).add(kind)
    return {word: frozenset(k) for word, k in kinds.items()}


@lru_cache(maxsize=1)
def listed_names() -> dict[tuple[str, ...], tuple[str, int, int]]:
    """`ner/crf_names.tsv` as a `crf_dictionary` dictionary: well-known names and their CoNLL class.

    The training data of a news tagger is a few months of news; the list adds
    the clubs, firms, leaders and currencies that any year's news repeats.
    """
    names: dict[tuple[str, ...], tuple[str, int, int]] = {}
    path = DATA / "ner" / "crf_names.tsv"
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2 or not fields[0] or fields[0].startswith("#") or fields[0].isascii():
            continue
        names[tuple(normalize(w) for w in fields[0].split())] = (fields[1], 1, 1)
    return names


def cue_kinds(norm: str) -> list[str]:
    """The cue kinds of a word as written or without a clitic or the article (`للمدافع` -> person)."""
    return _kinds_in(_cue_lexicon(), norm)


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
    for k in (1, 2, 3, 4):
        if len(norm) > k:
            feats += [f"p{k}={norm[:k]}", f"x{k}={norm[-k:]}"]
    stem = min((form for _, form in clitic_splits(norm)), key=len)
    if stem != norm:  # the clitic-free stem's affixes: وبالمهاجم has the shape of مهاجم
        for k in (2, 3, 4):
            if len(stem) > k:
                feats += [f"sp{k}={stem[:k]}", f"sx{k}={stem[-k:]}"]
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
    feats += [f"cue={kind}" for kind in cue_kinds(norm)]
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
        feats += _head_distance(own, i)
        if i > 0:
            feats.append(f"bi={norms[i - 1]}|{norms[i]}")
        if i + 1 < len(words):
            feats.append(f"bi+={norms[i]}|{norms[i + 1]}")
        out.append(feats)
    return out


def _head_distance(own: Sequence[Sequence[str]], i: int, reach: int = 4) -> list[str]:
    """`after=org/2`: an organisation or place head word 2 words back with no punctuation between.

    Multi-word names (`جمعية الهلال الأحمر`) run on from their head word.
    """
    for d in range(1, min(reach, i) + 1):
        feats = own[i - d]
        if "punct" in feats:
            return []
        heads = [f[4:] for f in feats if f in ("cue=org", "cue=place")]
        if heads:
            return [f"after={heads[0]}/{d}", f"after={heads[0]}"]
    return []
