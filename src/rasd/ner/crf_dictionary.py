"""The names a CRF's training data tags, as a dictionary feature that generalises across clitics.

A CRF learns single word identities, but not that `ومنظمة الأمن والتعاون`
is the `منظمة الأمن والتعاون` it saw tagged, nor how often a word sequence
is a name rather than an ordinary phrase. The dictionary keeps every tagged
word sequence with its class and how often it is tagged out of how often it
occurs; matching tries the first word with and without a clitic.

On its own training data the dictionary would always be right, and the CRF
would learn to trust it blindly: training features come from the other
folds (jackknife), prediction uses the whole dictionary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from rasd.ner.conll import Sentence, bio_to_spans, clitic_forms
from rasd.text.normalize import normalize

MIN_CHARS = 3  # shorter sequences (من، في) are too often tagged by mistake
FOLDS = 5
Dictionary = dict[tuple[str, ...], tuple[str, int, int]]  # words -> (class, times tagged, times seen)


def build_dictionary(sentences: Sequence[Sentence]) -> Dictionary:
    """Tagged word sequences of gold sentences, with their most frequent class and counts."""
    tagged: dict[tuple[str, ...], Counter[str]] = {}
    norms = [[normalize(w) for w in s.tokens] for s in sentences]
    for words, sentence in zip(norms, sentences, strict=True):
        for start, end, cls in bio_to_spans(sentence.labels or ()):
            key = tuple(words[start:end])
            if sum(map(len, key)) >= MIN_CHARS and all(w[:1].isalpha() for w in key):
                tagged.setdefault(key, Counter())[cls] += 1
    longest = max(map(len, tagged), default=0)
    seen: Counter[tuple[str, ...]] = Counter()
    for words in norms:
        for i in range(len(words)):
            for size in range(1, min(longest, len(words) - i) + 1):
                key = tuple(words[i:i + size])
                if key in tagged:
                    seen[key] += 1
    return {key: (counts.most_common(1)[0][0], sum(counts.values()), max(seen[key], sum(counts.values())))
            for key, counts in tagged.items()}


def build_parts(sentences: Sequence[Sentence]) -> Dictionary:
    """Every word of the data, keyed `(word,)`: its usual place in names (`B-PERS`, `I-ORG`, or O) and counts.

    `رفعت` seen opening person names makes an unseen `رفعت السعيد` look like one;
    a word the data never saw is, in news, more often a name than not.
    """
    places: dict[str, Counter[str]] = {}
    seen: Counter[str] = Counter()
    for sentence in sentences:
        words = [normalize(w) for w in sentence.tokens]
        seen.update(w for w in words if w[:1].isalpha())
        for start, end, cls in bio_to_spans(sentence.labels or ()):
            for k in range(start, end):
                if len(words[k]) >= MIN_CHARS and words[k][:1].isalpha():
                    places.setdefault(words[k], Counter())[("B-" if k == start else "I-") + cls] += 1
    parts: Dictionary = {}
    for word, count in seen.items():
        counts = places.get(word)
        place = counts.most_common(1)[0][0] if counts else "O"
        parts[(word,)] = (place, sum(counts.values()) if counts else 0, count)
    return parts


def part_features(words: Sequence[str], parts: Dictionary) -> list[list[str]]:
    """Per word: how often the data saw it (`freq=`); for name parts `part=B-PERS` and its reliability."""
    out: list[list[str]] = []
    for word in words:
        norm = normalize(word)
        if not norm[:1].isalpha():
            out.append([])
            continue
        entry = next((parts[(form,)] for form in clitic_forms(norm) if (form,) in parts), None)
        if entry is None:
            out.append(["freq=0"])
            continue
        place, tagged, seen = entry
        feats = [f"freq={_frequency(seen)}"]
        if tagged:
            feats += [f"part={place}", f"part={place}/{_level(tagged / max(seen, tagged))}"]
        out.append(feats)
    return out


def _frequency(count: int) -> str:
    return "1" if count <= 1 else "few" if count <= 5 else "some" if count <= 50 else "many"


def _level(share: float) -> str:
    return "hi" if share >= 0.8 else "mid" if share >= 0.4 else "lo"


def first_word_sizes(dictionary: Dictionary) -> dict[str, tuple[int, ...]]:
    """First word -> the lengths of the listed sequences it starts, longest first (matching's index)."""
    sizes: dict[str, set[int]] = {}
    for key in dictionary:
        sizes.setdefault(key[0], set()).add(len(key))
    return {word: tuple(sorted(lengths, reverse=True)) for word, lengths in sizes.items()}


def dictionary_features(words: Sequence[str], dictionary: Dictionary,
                        sizes: dict[str, tuple[int, ...]] | None = None) -> list[list[str]]:
    """Per word: `dict=B-PERS` / `dict=I-PERS` for the longest listed sequence it is in, and how reliable.

    `sizes` is `first_word_sizes(dictionary)`, computed here when not given.
    """
    sizes = first_word_sizes(dictionary) if sizes is None else sizes
    out: list[list[str]] = [[] for _ in words]
    for i, key in _longest_matches(words, dictionary, sizes):
        cls, tagged, seen = dictionary[key]
        level = _level(tagged / seen)
        for k in range(len(key)):
            prefix = "B" if k == 0 else "I"
            out[i + k] += [f"dict={prefix}-{cls}", f"dict={prefix}-{cls}/{level}"]
    return out


def _longest_matches(words: Sequence[str], dictionary: Dictionary,
                     sizes: dict[str, tuple[int, ...]]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(position, key) of the longest listed sequence at each place, left to right, never overlapping."""
    norms = [normalize(w) for w in words]
    i = 0
    while i < len(norms):
        key = _longest_key(norms, i, dictionary, sizes)
        if key is None:
            i += 1
            continue
        yield i, key
        i += len(key)


def listed_features(words: Sequence[str], names: Dictionary, sizes: dict[str, tuple[int, ...]],
                    known: Dictionary) -> list[list[str]]:
    """Per word: `lst=B-ORG` / `lst=I-ORG` for the longest curated name it is in, unless `known` has it.

    A list of well-known names matters for names the training data never tagged;
    where the data's dictionary has the name, `dict=` already says it. Firing only
    on names the dictionary lacks (the other folds' when training) teaches the CRF
    how far to trust the list on unseen names, not on the data's own frequent ones.
    """
    out: list[list[str]] = [[] for _ in words]
    for i, key in _longest_matches(words, names, sizes):
        if key not in known:
            cls = names[key][0]
            out[i] += [f"lst=B-{cls}"]
            for k in range(1, len(key)):
                out[i + k] += [f"lst=I-{cls}"]
    return out


def _longest_key(norms: list[str], i: int, dictionary: Dictionary,
                 sizes: dict[str, tuple[int, ...]]) -> tuple[str, ...] | None:
    best: tuple[str, ...] | None = None
    for form in clitic_forms(norms[i]):
        for size in sizes.get(form, ()):
            if size <= len(norms) - i and (best is None or size > len(best)):
                key = (form, *norms[i + 1:i + size])
                if key in dictionary:
                    best = key
                    break
    return best


Sizes = dict[str, tuple[int, ...]]  # a dictionary's matching index (`first_word_sizes`)


def data_features(words: Sequence[str], dictionary: Dictionary, sizes: Sizes, parts: Dictionary,
                  names: Dictionary, name_sizes: Sizes) -> list[list[str]]:
    """Per word: what the data's names, its words and a curated list say (`dict=`, `part=`, `lst=`)."""
    found = zip(dictionary_features(words, dictionary, sizes), part_features(words, parts),
                listed_features(words, names, name_sizes, dictionary), strict=True)
    return [a + b + c for a, b, c in found]


def jackknife_features(sentences: Sequence[Sentence], folds: int = FOLDS,
                       names: Dictionary | None = None) -> list[list[list[str]]]:
    """Dictionary, part and list features of training sentences, each fold matched against the other folds."""
    names = names or {}
    name_sizes = first_word_sizes(names)
    out: list[list[list[str]]] = []
    size = -(-len(sentences) // folds)
    for first in range(0, len(sentences), size):
        others = [*sentences[:first], *sentences[first + size:]]
        dictionary, parts = build_dictionary(others), build_parts(others)
        sizes = first_word_sizes(dictionary)
        out += [data_features(s.tokens, dictionary, sizes, parts, names, name_sizes)
                for s in sentences[first:first + size]]
    return out


def dictionary_to_json(dictionary: Dictionary) -> list[list]:
    """The dictionary as JSON-friendly rows: [words, class, tagged, seen]."""
    return [[list(key), cls, tagged, seen] for key, (cls, tagged, seen) in dictionary.items()]


def dictionary_from_json(rows: list[list]) -> Dictionary:
    """Rows written by `dictionary_to_json` back into a dictionary."""
    return {tuple(words): (cls, int(tagged), int(seen)) for words, cls, tagged, seen in rows}
