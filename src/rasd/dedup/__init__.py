"""Near-duplicate detection: MinHash signatures of normalised word shingles, banded with LSH.

A story republished or lightly edited by another site keeps most of its
5-word shingles, so the estimated Jaccard similarity of the two shingle sets
stays high while unrelated stories on the same topic share few. LSH keeps the
lookup sub-linear, so the same code serves millions of documents (datasketch
can keep its buckets in Redis or Cassandra when memory runs out).
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from rasd.model import Document
from rasd.settings import Options
from rasd.text.normalize import normalize_key

MIN_SHINGLES = 8  # shorter texts are too small to call duplicates reliably


# A stable 32-bit hash (Python's own hash() changes between processes), called once per
# shingle: the C function itself, without a Python wrapper around it.
_hash32 = zlib.crc32


def shingles(text: str, size: int) -> set[bytes]:
    """The set of `size`-word shingles of the normalised text, as UTF-8.

    The key has exactly one space between words, so a shingle is a slice of its
    bytes between two spaces (found at once by numpy), not a join and an encode.
    """
    data = normalize_key(text).encode("utf-8")
    if not data:
        return set()
    spaces = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 32)  # b" "
    if len(spaces) + 1 < size:
        return {data}
    starts = [0, *(spaces + 1).tolist()]
    ends = [*spaces.tolist(), len(data)]
    # the last size-1 starts open no full shingle
    return {data[start:end] for start, end in zip(starts, ends[size - 1:], strict=False)}


def signature(text: str, options: Options) -> MinHash | None:
    """The MinHash of a text, or None when it is too short to compare."""
    grams = shingles(text, options.dedup_shingle)
    if len(grams) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=options.dedup_num_perm, hashfunc=_hash32,
                permutations=_permutations(options.dedup_num_perm), scheme="affine32")
    m.update_batch(list(grams))
    return m


@functools.cache
def _permutations(num_perm: int) -> tuple:
    """The random permutations, drawn once: datasketch would redraw them for every MinHash."""
    return MinHash(num_perm=num_perm, seed=1, scheme="affine32").permutations


def signature_bytes(m: MinHash) -> bytes:
    """A compact serialisation of a signature (for stores that keep them)."""
    return m.hashvalues.astype(np.uint32).tobytes()


class DuplicateIndex:
    """Signatures of the originals seen so far, banded with LSH; feed it documents in order."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.lsh = MinHashLSH(threshold=options.dedup_threshold, num_perm=options.dedup_num_perm)
        self.originals: dict[str, MinHash] = {}
        self.order: dict[str, int] = {}

    def add(self, doc: Document) -> str | None:
        """Return the id of the earlier original `doc` copies (and set duplicate_of), else index it."""
        m = signature(doc.body, self.options)
        if m is None:
            return None
        threshold = self.options.dedup_threshold
        matches = [(self.originals[key].jaccard(m), key) for key in self.lsh.query(m)
                   if key in self.originals and key != doc.id]
        matches = [(sim, key) for sim, key in matches if sim >= threshold]
        if matches:
            sim, best = max(matches, key=lambda pair: (pair[0], -self.order[pair[1]]))
            doc.duplicate_of = best
            doc.meta["duplicate_similarity"] = round(sim, 3)
            return best
        if doc.id not in self.originals:
            self.order[doc.id] = len(self.order)
            self.originals[doc.id] = m
            self.lsh.insert(doc.id, m)
        return None


def mark_duplicates(docs: Iterable[Document], options: Options,
                    index: DuplicateIndex | None = None) -> DuplicateIndex:
    """Set `duplicate_of` on each document that near-duplicates an earlier one.

    Documents are taken in order; a copy points to the earliest original (never
    to another copy). Pass the returned `index` back to continue incrementally.
    """
    index = index or DuplicateIndex(options)
    for doc in docs:
        index.add(doc)
    return index
