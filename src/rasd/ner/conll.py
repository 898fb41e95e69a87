"""Whitespace-tokenised CoNLL files and the bridge between rasd mentions and BIO labels.

Public NER benchmarks (ANERcorp and the like) come as one `token label` a
line with a blank line between sentences. To score rasd on them, the
tokens of a group of sentences are joined with spaces into one `Document`
body (sentences separated by a newline, `doc.sentences` set), the
recogniser fills `doc.mentions`, and every token a mention overlaps gets a
BIO label of the mention's CoNLL type. A mention that starts after a
clitic (`وباماكو` -> `باماكو`) still labels the whole token, as the
benchmarks do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from rasd.errors import InputError
from rasd.model import Document, Mention, Span

# rasd entity types as the four CoNLL/ANERcorp classes
CONLL_TYPES = {
    "PERSON": "PERS",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "ORG": "ORG", "FORCE": "ORG",
    "EQUIPMENT": "MISC",
}
# the rasd type a CoNLL class stands for when CRF spans become mentions
RASD_TYPES = {"PERS": "PERSON", "PER": "PERSON", "LOC": "GPE", "ORG": "ORG", "MISC": "EQUIPMENT"}
LABEL_RE = regex.compile(r"O|[BI]-[A-Za-z_]+")
SENTENCES_PER_DOCUMENT = 40  # enough context for the recogniser, small enough to stay fast


@dataclass
class Sentence:
    """One CoNLL sentence: its tokens and, when the file has them, the gold labels."""

    tokens: list[str]
    labels: list[str] | None = None


def conll_type(rasd_type: str) -> str | None:
    """The CoNLL class of a rasd entity type (None for types the benchmark does not tag)."""
    return CONLL_TYPES.get(rasd_type)


def parse_conll(text: str, source: str = "<conll>") -> list[Sentence]:
    """Parse CoNLL text: `token` or `token label` a line.

    With more columns the label is the second one (`token gold predicted`, what
    `rasd ner` writes) or else the last one (CoNLL-2003's `token POS chunk label`).
    `-DOCSTART-` lines end a sentence and are skipped.
    """
    sentences: list[Sentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    with_labels: bool | None = None

    def flush() -> None:
        nonlocal tokens, labels
        if tokens:
            sentences.append(Sentence(tokens, labels if with_labels else None))
        tokens, labels = [], []

    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            flush()
            continue
        has_label = len(fields) > 1
        if with_labels is None:
            with_labels = has_label
        if has_label != with_labels:
            expected = "token and label" if with_labels else "a token only"
            raise InputError(source, f"line {number}: expected {expected}, got {line.strip()!r}")
        tokens.append(fields[0])
        if has_label:
            label = next((f for f in (fields[1], fields[-1]) if LABEL_RE.fullmatch(f)), None)
            if label is None:
                raise InputError(source, f"line {number}: {fields[1]!r} is not a BIO label (O, B-X or I-X)")
            labels.append(label)
    flush()
    return sentences


def read_conll(path: str | Path) -> list[Sentence]:
    """Read a UTF-8 CoNLL file; a missing, binary or malformed file is an InputError naming it."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, not a CoNLL file") from None
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    sentences = parse_conll(text, source)
    if not sentences:
        raise InputError(source, "no tokens: a CoNLL file has one `token [label]` a line")
    return sentences


def format_conll(sentences: Sequence[Sentence], predicted: Sequence[Sequence[str]]) -> str:
    """CoNLL text: `token gold predicted` when the input had gold labels, else `token predicted`."""
    blocks = []
    for sentence, labels in zip(sentences, predicted, strict=True):
        gold = sentence.labels
        lines = [f"{token} {gold[i]} {labels[i]}" if gold else f"{token} {labels[i]}"
                 for i, token in enumerate(sentence.tokens)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def write_conll(path: str | Path, sentences: Sequence[Sentence], predicted: Sequence[Sequence[str]]) -> None:
    """Write `format_conll` output to a file."""
    Path(path).write_text(format_conll(sentences, predicted), encoding="utf-8")


def join_tokens(sentences: Sequence[Sentence]) -> tuple[str, list[list[tuple[int, int]]], list[Span]]:
    """A body of the sentences' tokens (spaces between tokens, newlines between sentences).

    Returns the body, each sentence's token offsets and each sentence's span.
    """
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    spans: list[Span] = []
    pos = 0
    for n, sentence in enumerate(sentences):
        if n:
            parts.append("\n")
            pos += 1
        start = pos
        token_offsets = []
        for i, token in enumerate(sentence.tokens):
            if i:
                parts.append(" ")
                pos += 1
            parts.append(token)
            token_offsets.append((pos, pos + len(token)))
            pos += len(token)
        offsets.append(token_offsets)
        spans.append(Span(start, pos))
    return "".join(parts), offsets, spans


def spans_to_bio(offsets: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO labels of tokens: each token a span overlaps is labelled; the first one gets B-.

    A span that overlaps tokens already labelled by an earlier span is skipped.
    """
    labels = ["O"] * len(offsets)
    for start, end, label in sorted(spans):
        covered = [i for i, (t_start, t_end) in enumerate(offsets) if t_start < end and start < t_end]
        if not covered or any(labels[i] != "O" for i in covered):
            continue
        for n, i in enumerate(covered):
            labels[i] = ("B-" if n == 0 else "I-") + label
    return labels


def bio_to_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans (first token, last token + 1, class) of BIO labels, read as seqeval does.

    An `I-X` after `O` or after another class starts a new entity.
    """
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        tag, _, cls = label.partition("-")
        if start >= 0 and (tag != "I" or cls != kind):
            spans.append((start, i, kind))
            start = -1
        if tag == "B" or (tag == "I" and start < 0):
            start, kind = i, cls
    return spans


def merge_labels(primary: Sequence[str], secondary: Sequence[str]) -> list[str]:
    """Every entity of `primary`, plus the entities of `secondary` that overlap none of them.

    This is how the pipeline merges CRF mentions into rule mentions.
    """
    merged = list(primary)
    taken = {i for start, end, _ in bio_to_spans(primary) for i in range(start, end)}
    for start, end, cls in bio_to_spans(secondary):
        if taken.isdisjoint(range(start, end)):
            merged[start:end] = ["B-" + cls] + ["I-" + cls] * (end - start - 1)
    return merged


def propagate_labels(words: Sequence[Sequence[str]], labels: Sequence[Sequence[str]],
                     min_chars: int = 3, surnames: bool = True) -> list[list[str]]:
    """Label the other occurrences of names a tagger found once in the same document.

    News names a person or a place in full once and repeats the name where the
    context gives a tagger less to go on. A word sequence tagged as an entity
    marks the same sequence elsewhere (first word with or without a clitic:
    `وسعيد`) where every word is still O; the class seen most often wins. The
    last word of a person's full name marks that word alone too (`قطب` after
    `سيد قطب`), unless the word was tagged on its own.
    """
    from rasd.text.normalize import normalize

    norms = [[normalize(w) for w in sentence] for sentence in words]
    memory: dict[tuple[str, ...], Counter[str]] = {}
    for sentence, sentence_labels in zip(norms, labels, strict=True):
        for start, end, cls in bio_to_spans(sentence_labels):
            key = tuple(sentence[start:end])
            if sum(map(len, key)) >= min_chars and all(k[:1].isalpha() for k in key):
                memory.setdefault(key, Counter())[cls] += 1
    for sentence, sentence_labels in zip(norms, labels, strict=True) if surnames else ():
        for start, end, cls in bio_to_spans(sentence_labels):
            surname = sentence[end - 1]
            if cls == "PERS" and end - start > 1 and len(surname) >= min_chars and (surname,) not in memory:
                memory[(surname,)] = Counter({cls: 1})
    longest = max(map(len, memory), default=0)
    out: list[list[str]] = []
    for sentence, sentence_labels in zip(norms, labels, strict=True):
        new = list(sentence_labels)
        i = 0
        while i < len(sentence):
            found = _remembered(sentence, new, i, memory, longest)
            if found:
                size, cls = found
                new[i:i + size] = ["B-" + cls] + ["I-" + cls] * (size - 1)
                i += size
            else:
                i += 1
        out.append(new)
    return out


def _remembered(sentence: list[str], labels: list[str], i: int, memory: dict[tuple[str, ...], Counter[str]],
                longest: int) -> tuple[int, str] | None:
    """(length, class) of the longest remembered name starting at word i over O words only."""
    for size in range(min(longest, len(sentence) - i), 0, -1):
        if any(label != "O" for label in labels[i:i + size]):
            continue
        for form in clitic_forms(sentence[i]):
            counts = memory.get((form, *sentence[i + 1:i + size]))
            if counts:
                return size, counts.most_common(1)[0][0]
    return None


@lru_cache(maxsize=200_000)
def clitic_forms(norm: str) -> tuple[str, ...]:
    """A normalised word as written and without each possible proclitic (cached `clitic_splits`)."""
    from rasd.text.tokens import clitic_splits

    return tuple(form for _, form in clitic_splits(norm))


def entity_scores(gold: Sequence[Sequence[str]],
                  predicted: Sequence[Sequence[str]]) -> tuple[float, float, float]:
    """Entity-level micro precision, recall and F1, counted as seqeval's default mode counts them.

    The CLI's quick summary; without seqeval's import of scikit-learn (seconds). Benchmarks use seqeval.
    """
    truth = {(n, span) for n, labels in enumerate(gold) for span in bio_to_spans(labels)}
    found = {(n, span) for n, labels in enumerate(predicted) for span in bio_to_spans(labels)}
    hits = len(truth & found)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def mention_tags(offsets: Sequence[tuple[int, int]], mentions: Iterable[Mention]) -> list[str]:
    """Detailed BIO tags of one sentence's tokens from rasd mentions: `B-GPE@gazetteer`, `I-PERSON@title`.

    The CRF reads the rasd type and the rule that found the name; `tag_label` turns a tag into CoNLL.
    """
    return spans_to_bio(offsets, [(m.start, m.end, f"{m.type}@{m.source}") for m in mentions
                                  if conll_type(m.type)])


def tag_label(tag: str) -> str:
    """The CoNLL label of a detailed tag (`B-FORCE@pattern` -> `B-ORG`)."""
    if tag == "O":
        return tag
    prefix, _, rest = tag.partition("-")
    return f"{prefix}-{conll_type(rest.split('@', 1)[0])}"


def mention_labels(offsets: Sequence[tuple[int, int]], mentions: Iterable[Mention]) -> list[str]:
    """BIO labels of one sentence's tokens from rasd mentions (types the benchmark lacks are dropped)."""
    return [tag_label(tag) for tag in mention_tags(offsets, mentions)]


def _default_recognizer(doc: Document) -> Document:
    from rasd.ner import recognize_entities

    return recognize_entities(doc)


def rule_labels(sentences: Sequence[Sentence], recognizer: Callable[[Document], Document] | None = None,
                batch: int = SENTENCES_PER_DOCUMENT, detailed: bool = False) -> list[list[str]]:
    """BIO labels the rule-based recogniser gives every sentence, `batch` sentences per document.

    `detailed` gives `mention_tags` (rasd type and rule) instead of CoNLL labels.
    """
    recognizer = recognizer or _default_recognizer
    result: list[list[str]] = []
    for first in range(0, len(sentences), batch):
        group = sentences[first:first + batch]
        body, offsets, spans = join_tokens(group)
        doc = Document(id=f"conll-{first}", path=None, body=body, sentences=list(spans))
        doc = recognizer(doc)
        for token_offsets, span in zip(offsets, spans, strict=True):
            inside = [m for m in doc.mentions if span.start <= m.start and m.end <= span.end]
            tags = mention_tags(token_offsets, inside)
            result.append(tags if detailed else [tag_label(tag) for tag in tags])
    return result
