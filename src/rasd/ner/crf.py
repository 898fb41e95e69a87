"""A trainable CRF tagger that learns from CoNLL data on top of the rule-based recogniser.

The rules know curated names and title/rank patterns; a CRF trained on a
user's annotated text learns the rest (unlisted names, local conventions).
It sees the rules' own label for each token as a feature (stacking), so the
combination beats either alone. Features are strings built from the word,
its normalised and clitic-free forms, affixes, shape, gazetteer membership,
title/rank/attribution-verb context and a ±2 word window.

Features live in `crf_features` (with the CRF's own cue words and list of
well-known names, `data/ner/crf_*.tsv`); a dictionary of the training data's
names (`crf_dictionary`) adds what the data itself knows, and after tagging a
name found once labels its other occurrences in the document. Optionally
(`stages=2`) a second CRF reads how the first labelled each word's other
occurrences (`crf_document`); on held-out training data it did not beat one
stage plus that propagation, so one stage is the default.

A model is one file: a short JSON header (format, version, feature set,
what the training data knows about entity spellings) followed by the
crfsuite model bytes (the first stage's, then the second's). No pickle, so
opening a model runs no code.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from rasd.errors import ModelError
from rasd.model import ENTITY_TYPES, Document, Mention
from rasd.ner.conll import (
    RASD_TYPES,
    SENTENCES_PER_DOCUMENT,
    Sentence,
    bio_to_spans,
    conll_type,
    mention_tags,
    propagate_labels,
    rule_labels,
)
from rasd.ner.crf_dictionary import (
    Dictionary,
    build_dictionary,
    build_parts,
    data_features,
    dictionary_from_json,
    dictionary_to_json,
    first_word_sizes,
    jackknife_features,
)
from rasd.ner.crf_document import label_context_features
from rasd.ner.crf_features import context_kinds, gazetteer, listed_names, sentence_features
from rasd.text.normalize import normalize, normalize_key
from rasd.text.tokens import Token, clitic_splits, original_prefix_length, tokenize

MAGIC = b"RASD-CRF\n"
FORMAT_VERSION = 2
FEATURE_SET = "rasd-ner-crf/2"  # bump when features change: old models then refuse to load
FOLDS = 3  # stage-one models trained to tag the training data the second stage learns from
DROPPED_CLASSES = {"MISC"}  # benchmark classes with no rasd type (currencies, religions, events)


@dataclass
class CrfModel:
    """A loaded model: the crfsuite tagger and what the training data knew."""

    tagger: object  # pycrfsuite.Tagger: the second stage when `first` is set
    entity_forms: dict[str, int] = field(default_factory=dict)  # normalised word -> times inside an entity
    labels: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    dictionary: Dictionary = field(default_factory=dict)  # the training data's names (crf_dictionary)
    parts: Dictionary = field(default_factory=dict)  # words inside those names
    sizes: dict[str, tuple[int, ...]] = field(default_factory=dict)  # the dictionary's matching index
    buffer: bytes = b""  # crfsuite reads the model in place: it must live as long as the tagger
    first: object | None = None  # pycrfsuite.Tagger of the first stage (two-stage models)
    first_buffer: bytes = b""


# ---------------------------------------------------------------- training and the model file


def train(sentences: Sequence[Sentence], out: str | Path, c1: float = 0.05, c2: float = 0.05,
          iterations: int = 150, rules: Sequence[Sequence[str]] | None = None,
          use_rules: bool = True, stages: int = 1, folds: int = FOLDS) -> dict:
    """Train a CRF on gold-labelled sentences and write the model file; returns training figures.

    `rules` are the rule-based tags of the sentences (`rule_labels(..., detailed=True)`;
    computed here when not given and `use_rules` is on). With `stages=2` a second
    CRF learns from how the first one labelled each word's other occurrences; the
    first stage's labels of the training data come from models trained on the
    other `folds`, as it would label unseen text.
    """
    if not sentences:
        raise ModelError("no sentences to train on")
    unlabelled = sum(1 for s in sentences if s.labels is None)
    if unlabelled:
        raise ModelError(f"{unlabelled} training sentence(s) have no gold label column")
    started = time.perf_counter()
    if rules is None:
        rules = (rule_labels(sentences, detailed=True) if use_rules
                 else [["O"] * len(s.tokens) for s in sentences])
    rules_seconds = time.perf_counter() - started
    extra = jackknife_features(sentences, names=listed_names())
    words = [s.tokens for s in sentences]
    xs = _first_features(words, rules, extra)
    ys = [list(s.labels or ()) for s in sentences]
    params = {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    first_bytes = _train_crfsuite(xs, ys, params)
    model_bytes = b""
    if stages == 2:
        size = -(-len(sentences) // folds)
        heldout: list[list[str]] = []
        for start in range(0, len(sentences), size):
            end = start + size
            fold_bytes = _train_crfsuite([*xs[:start], *xs[end:]], [*ys[:start], *ys[end:]], params)
            heldout += _tag_with(fold_bytes, xs[start:end])
        model_bytes = _train_crfsuite(_second_features(words, xs, heldout), ys, params)
    forms: Counter[str] = Counter()
    for s in sentences:
        for word, label in zip(s.tokens, s.labels or (), strict=True):
            if label != "O":
                forms[normalize(word)] += 1
    header = {
        "format": "rasd-crf", "version": FORMAT_VERSION, "features": FEATURE_SET,
        "c1": c1, "c2": c2, "iterations": iterations, "rules": use_rules, "stages": stages,
        "first_size": len(first_bytes),
        "sentences": len(sentences), "tokens": sum(len(s.tokens) for s in sentences),
        "labels": sorted({label for y in ys for label in y}),
        "entity_forms": dict(forms.most_common()),
        "dictionary": dictionary_to_json(build_dictionary(sentences)),
        "parts": dictionary_to_json(build_parts(sentences)),
    }
    blob = json.dumps(header, ensure_ascii=False).encode("utf-8")
    Path(out).write_bytes(MAGIC + f"{len(blob)}\n".encode() + blob + first_bytes + model_bytes)
    return {"seconds": time.perf_counter() - started, "rules_seconds": rules_seconds,
            "sentences": header["sentences"], "tokens": header["tokens"]}


def _train_crfsuite(xs: Sequence[list[list[str]]], ys: Sequence[list[str]], params: dict) -> bytes:
    """The crfsuite model bytes trained on feature and label sequences."""
    import pycrfsuite  # sklearn-crfsuite's engine; its sklearn wrapper costs seconds to import

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        trainer.train(str(Path(tmp) / "m.crf"))
        return (Path(tmp) / "m.crf").read_bytes()


def _tag_with(model_bytes: bytes, xs: Sequence[list[list[str]]]) -> list[list[str]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model_bytes)
    return [list(tagger.tag(x)) if x else [] for x in xs]


def _first_features(words: Sequence[Sequence[str]], rules: Sequence[Sequence[str] | None],
                    extra: Sequence[Sequence[Sequence[str]]]) -> list[list[list[str]]]:
    """First-stage features of every sentence: the word's own, the rules', the dictionary's, the window."""
    return [sentence_features(w, r, e) for w, r, e in zip(words, rules, extra, strict=True)]


def _second_features(words: Sequence[Sequence[str]], xs: Sequence[list[list[str]]],
                     first: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """First-stage features plus the first stage's labels of each word's other occurrences.

    Not the word's own first-stage label: the second stage has the same features to
    decide from, and leaving the label out scored the same on held-out train.
    """
    context = label_context_features(words, first, SENTENCES_PER_DOCUMENT, "s")
    return [[[*f, *c] for f, c in zip(x, ctx, strict=True)] for x, ctx in zip(xs, context, strict=True)]


def load_model(path: str | Path) -> CrfModel:
    """Open a model file (cached per path and modification time); a bad file is a ModelError."""
    try:
        stat = Path(path).stat()
    except OSError:
        raise ModelError(f"{path}: no such model file") from None
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, _mtime: int, _size: int) -> CrfModel:
    import pycrfsuite

    data = Path(path).read_bytes()
    if not data.startswith(MAGIC):
        raise ModelError(f"{path}: not a rasd CRF model (train one with `rasd ner train`)")
    try:
        length_line, rest = data[len(MAGIC):].split(b"\n", 1)
        length = int(length_line)
        header = json.loads(rest[:length].decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ModelError(f"{path}: damaged model header") from None
    if header.get("version") != FORMAT_VERSION or header.get("features") != FEATURE_SET:
        raise ModelError(f"{path}: model made for {header.get('features')} v{header.get('version')}, "
                         f"this rasd needs {FEATURE_SET} v{FORMAT_VERSION}: retrain it")
    body = rest[length:]
    first_size = int(header.get("first_size", len(body)))
    first_buffer, buffer = body[:first_size], body[first_size:]
    taggers = []
    for part in (first_buffer, buffer):
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open_inmemory(part) if part else None
        except Exception as exc:  # crfsuite reports a damaged body with a bare ValueError/IOError
            raise ModelError(f"{path}: damaged crfsuite model ({exc})") from None
        taggers.append(tagger if part else None)
    if taggers[0] is None:
        raise ModelError(f"{path}: damaged crfsuite model (no first stage)")
    dictionary = dictionary_from_json(header.pop("dictionary", []))
    parts = dictionary_from_json(header.pop("parts", []))
    forms = header.pop("entity_forms", {})
    if taggers[1] is None:  # one stage
        return CrfModel(taggers[0], forms, header.get("labels", []), header, dictionary, parts,
                        first_word_sizes(dictionary), first_buffer)
    return CrfModel(taggers[1], forms, header.get("labels", []), header, dictionary, parts,
                    first_word_sizes(dictionary), buffer, taggers[0], first_buffer)


def tag(model: CrfModel, words: Sequence[str], rules: Sequence[str] | None = None) -> list[str]:
    """BIO labels of one sentence on its own (rule tags are ignored by a model trained without them)."""
    return _tag_document(model, [words], [rules])[0]


def _tag_document(model: CrfModel, words: Sequence[Sequence[str]],
                  rules: Sequence[Sequence[str] | None]) -> list[list[str]]:
    """Labels of sentences tagged together: both stages when the model has two.

    The second stage reads each word's other occurrences in its document
    (`SENTENCES_PER_DOCUMENT` sentences) and in all the sentences given.
    """
    if not model.meta.get("rules", True):
        rules = [None] * len(words)
    names = listed_names()
    name_sizes = first_word_sizes(names)
    extra = [data_features(w, model.dictionary, model.sizes, model.parts, names, name_sizes) for w in words]
    xs = _first_features(words, rules, extra)
    if model.first is None:
        return [list(model.tagger.tag(x)) if x else [] for x in xs]  # type: ignore[attr-defined]
    first = [list(model.first.tag(x)) if x else [] for x in xs]  # type: ignore[attr-defined]
    return [list(model.tagger.tag(x)) if x else []  # type: ignore[attr-defined]
            for x in _second_features(words, xs, first)]


def tag_sentences(model: CrfModel, sentences: Sequence[Sentence],
                  rules: Sequence[Sequence[str] | None] | None = None) -> list[list[str]]:
    """BIO labels of every sentence; `rules` are the rule tags the model was trained to stack on."""
    if rules is None and model.meta.get("rules", True):
        rules = rule_labels(sentences, detailed=True)
    words = [s.tokens for s in sentences]
    labels = _tag_document(model, words, list(rules or [None] * len(sentences)))
    out: list[list[str]] = []
    for first in range(0, len(sentences), SENTENCES_PER_DOCUMENT):  # documents as `rule_labels` makes them
        end = first + SENTENCES_PER_DOCUMENT
        out += propagate_labels(words[first:end], labels[first:end])
    return out


# ---------------------------------------------------------------- mentions for the pipeline


def predict_mentions(doc: Document, model_path: str, rules: Sequence[Mention] | None = None) -> list[Mention]:
    """CRF mentions of a document (source="crf"), spans exact and without leading clitics.

    The model stacks on the rule mentions: `rules`, or `doc.mentions` when not given.
    Callers keep the CRF mentions that do not overlap a rule mention.
    """
    model = load_model(model_path)
    rules = doc.mentions if rules is None else rules
    sentences: list[list[Token]] = []
    tags: list[list[str]] = []
    for start, end in _sentence_ranges(doc):
        tokens = tokenize(doc.body[start:end], start)
        if tokens:
            inside = [m for m in rules if start <= m.start and m.end <= end]
            sentences.append(tokens)
            tags.append(mention_tags([(t.start, t.end) for t in tokens], inside))
    labels = _tag_document(model, [[t.text for t in tokens] for tokens in sentences], tags)
    labels = propagate_labels([[t.text for t in tokens] for tokens in sentences], labels)
    mentions: list[Mention] = []
    for tokens, sentence_labels in zip(sentences, labels, strict=True):
        for first, last, cls in bio_to_spans(sentence_labels):
            mention = _mention(doc, tokens[first:last], cls, model)
            if mention:
                mentions.append(mention)
    return mentions


def _sentence_ranges(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return [(m.start(), m.end()) for m in regex.finditer(r"[^\n]+", doc.body)]


def _mention(doc: Document, tokens: Sequence[Token], cls: str, model: CrfModel) -> Mention | None:
    """A mention over tokens, its first token stripped of a clitic the data says is not part of the name."""
    if cls in DROPPED_CLASSES:
        return None
    while tokens and not tokens[-1].is_word:
        tokens = tokens[:-1]
    while tokens and not tokens[0].is_word:
        tokens = tokens[1:]
    if not tokens:
        return None
    start = tokens[0].start + strip_length(tokens[0], model.entity_forms)
    end = tokens[-1].end
    text = doc.body[start:end]
    if not any(ch.isalpha() for ch in text):
        return None
    if len(tokens) == 1 and _is_adjective(normalize_key(text)):
        return None  # a nationality (الروسي، المالية) qualifies a name, roles read it as `of`
    rasd_type = _rasd_type(cls, normalize_key(text), model)
    if rasd_type is None:
        return None
    return Mention(start, end, text, rasd_type, normalize_key(text), source="crf")


def _rasd_type(cls: str, key: str, model: CrfModel) -> str | None:
    """The rasd type of a predicted class: the gazetteer's when it lists the name under that class.

    A model trained on rasd's own types (GPE, FORCE…) says them directly; on CoNLL
    classes, LOC stands for GPE unless the gazetteer knows better.
    """
    gaz = gazetteer()
    for entry in gaz.lookup(key) if gaz else ():
        if conll_type(entry.type) == (conll_type(cls) or cls):
            return entry.type
    rasd_labels = any(label[2:] in ENTITY_TYPES and label[2:] not in RASD_TYPES for label in model.labels)
    if rasd_labels and cls in ENTITY_TYPES:
        return cls
    return RASD_TYPES.get(cls, cls if cls in ENTITY_TYPES else None)


def strip_length(token: Token, entity_forms: dict[str, int]) -> int:
    """Characters of a leading clitic to drop from a name's first word (0 when it is part of the name).

    A clitic goes when the form without it is better known as a name, in the
    gazetteer or in the training data, than the word as written. The article
    stays: dropping it makes another word (`المالي` Malian is not `مالي` Mali).
    """
    best_len, best_score = 0, _known(token.norm, entity_forms)
    for clitic, form in clitic_splits(token.norm):
        if clitic and not token.norm[:clitic].endswith("ال") and _known(form, entity_forms) > best_score:
            best_len, best_score = clitic, _known(form, entity_forms)
    if best_len == 0 and best_score == 0 and _unknown_after_wa(token.norm):
        best_len = 1
    return original_prefix_length(token.text, best_len)


def _unknown_after_wa(norm: str) -> bool:
    """`و` + an unknown name (وباربادوس): and-ing names is far more common than names in و.

    Given names in و (وليد، وائل) are in the given-name list and stay whole; short
    words and foreign names in وي/وو are left alone.
    """
    return (norm.startswith("و") and len(norm) >= 5 and norm[1:2] not in "وي"  # ويليامز، ووهان
            and "fname" not in context_kinds(norm[1:]) and not {"fname", "stop"} & set(context_kinds(norm)))


def _is_adjective(key: str) -> bool:
    """A listed nisba/nationality form that is not itself a listed name."""
    gaz = gazetteer()
    return gaz is not None and bool(gaz.adjective(key)) and not gaz.lookup(key)


def _known(form: str, entity_forms: dict[str, int]) -> int:
    gaz = gazetteer()
    listed = gaz is not None and bool(gaz.lookup(form))
    return (1_000_000 if listed else 0) + entity_forms.get(form, 0)
