"""Document- and corpus-level features: what a first tagger said about the same word elsewhere.

A name is written in full once and repeated where the context says little
(Krishnan & Manning 2006). A second CRF that sees how a first tagger labelled
the other occurrences of a word in the document, and in everything tagged
together, can follow the majority where the local evidence is weak, and
learns from data when not to (a common word that is sometimes a surname).

Words are matched with and without a proclitic (`وسعيد` is `سعيد`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rasd.ner.conll import bio_to_spans, clitic_forms
from rasd.text.normalize import normalize

MIN_CHARS = 3  # shorter words (من، في) say nothing about names


def _classes(labels: Sequence[str]) -> list[str]:
    """Each token's entity class (`PERS`…) or O."""
    out = ["O"] * len(labels)
    for start, end, cls in bio_to_spans(labels):
        for k in range(start, end):
            out[k] = cls
    return out


def _keys(norm: str) -> tuple[str, ...]:
    return tuple(f for f in clitic_forms(norm) if len(f) >= MIN_CHARS) if norm[:1].isalpha() else ()


def _count(words: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for sentence, sentence_labels in zip(words, labels, strict=True):
        for norm, cls in zip(sentence, _classes(sentence_labels), strict=True):
            for key in _keys(norm):
                counts.setdefault(key, Counter())[cls] += 1
    return counts


def _majority(keys: tuple[str, ...], own: str, counts: dict[str, Counter[str]], scope: str) -> list[str]:
    """`scope=CLS` and its share among the other occurrences of the word (its own label left out)."""
    total: Counter[str] = Counter()
    for key in keys:
        total.update(counts.get(key, Counter()))
        total[own] -= 1
    total = +total
    n = sum(total.values())
    if not n:
        return []
    cls, top = total.most_common(1)[0]
    share = top / n
    level = "all" if share == 1 else "most" if share >= 0.6 else "some"
    feats = [f"{scope}={cls}", f"{scope}={cls}/{level}"]
    if cls == "O":
        named = max((c for c in total if c != "O"), key=total.__getitem__, default=None)
        if named:
            feats.append(f"{scope}any={named}")
    return feats


def label_context_features(words: Sequence[Sequence[str]], labels: Sequence[Sequence[str]],
                           document_size: int, prefix: str) -> list[list[list[str]]]:
    """Per word: the majority class the labels give its other occurrences in its document and in all `words`.

    Sentences come in documents of `document_size`; features are named `<prefix>d=`
    (document) and `<prefix>c=` (all sentences given).
    """
    norms = [[normalize(w) for w in sentence] for sentence in words]
    corpus = _count(norms, labels)
    out: list[list[list[str]]] = []
    for first in range(0, len(norms), document_size):
        group, group_labels = norms[first:first + document_size], labels[first:first + document_size]
        document = _count(group, group_labels)
        for sentence, sentence_labels in zip(group, group_labels, strict=True):
            feats = []
            for norm, cls in zip(sentence, _classes(sentence_labels), strict=True):
                keys = _keys(norm)
                feats.append(_majority(keys, cls, document, f"{prefix}d")
                             + _majority(keys, cls, corpus, f"{prefix}c") if keys else [])
            out.append(feats)
    return out
