"""Person names: spelling-tolerant name keys and the rules that link partial names to full ones.

A full name (two words or more) is compared whole, word by word (`name_word`);
a one-word name links to a full name of its own document whose last (or, when
unique, first) word it is, and across documents only to the one full name of
the corpus with that surname. A bare common given name (`محمد`) never links
across documents.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

from rasd.model import Document, Mention
from rasd.text.normalize import normalize_key

Node = tuple[int, int]  # (document index, mention index)
G_FOLDS = str.maketrans({c: "g" for c in "غجقڨگݣ"} | {"ڤ": "ف", "پ": "ب", "چ": "تش"})  # foreign g, v, p
NAME_PREFIXES = ("عبد", "ابو")  # written with or without a space: عبد الله / عبدالله
LONG_NAME_WORD = 7  # from this length a name word is taken as foreign and its long vowels may vary


class UnionFind:
    """A union-find over hashable items."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, item):  # noqa: ANN001, ANN201
        parent = self.parent
        root = parent.get(item)
        if root is None:  # first sight (items are never None): its own root
            parent[item] = item
            return item
        if root == item:  # a root already: most lookups, so no walk below
            return item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, a, b) -> None:  # noqa: ANN001
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # which root wins does not matter: ids come from the cluster's content
            self.parent[ra] = rb  # callers pass the group last: a new mention hangs under its root


def person_words(mention: Mention) -> list[str]:
    """The comparison words of a person's name (`عبد الله` is one word), see `name_word`."""
    return list(_name_words(mention.key or mention.text))


@lru_cache(maxsize=100_000)
def _name_words(name: str) -> tuple[str, ...]:
    """`person_words` of one spelling, cached: a corpus repeats the same names."""
    words: list[str] = []
    for word in normalize_key(name).translate(G_FOLDS).split():
        if words and words[-1] in NAME_PREFIXES:
            words[-1] += word
        else:
            words.append(word)
    return tuple(name_word(w) for w in words)


def name_word(word: str) -> str:
    """A spelling-tolerant key for one name word that keeps short names apart.

    Doubled letters never count; medial long vowels are dropped only in long
    (foreign) words, where `زيلينسكي`/`زيلنسكي` are one name, while `محمد`/`محمود`
    and `دياز`/`ديز` are different names and must stay apart.
    """
    collapsed = "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1] or ch.isdigit())
    if len(collapsed) < LONG_NAME_WORD:
        return collapsed
    return collapsed[0] + "".join(ch for ch in collapsed[1:-1] if ch not in "اوي") + collapsed[-1]


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (the NER's list and the romanisation table), as `name_word` keys."""
    names: set[str] = set()
    for path in ("ner/first_names.tsv", "romanize/names.tsv"):
        try:
            text = resources.files("rasd.data").joinpath(path).read_text(encoding="utf-8")
        except OSError:  # the NER's list may be absent; the romanisation table is ours
            continue
        for line in text.splitlines():
            name = line.split("\t")[0]
            if name and not name.startswith("#") and name != "name":
                names.add(" ".join(_name_words(name)))
    return frozenset(n for n in names if n and " " not in n)


def link_within(doc: Document, d: int, union: UnionFind) -> list[Node]:
    """Link one-word person names to a full name of the same document; return those left over."""
    full = [(i, person_words(m)) for i, m in enumerate(doc.mentions)
            if m.type == "PERSON" and len(person_words(m)) >= 2]
    left: list[Node] = []
    for i, m in enumerate(doc.mentions):
        if m.type != "PERSON" or m.gaz_id or len(person_words(m)) != 1:
            continue
        word = person_words(m)[0]
        by_last = [j for j, words in full if words[-1] == word]
        by_first = [j for j, words in full if words[0] == word]
        if by_last:
            target = _nearest(doc, i, by_last)
        elif len({" ".join(person_words(doc.mentions[j])) for j in by_first}) == 1:
            target = by_first[0]
        else:
            left.append((d, i))
            continue
        union.union((d, i), (d, target))
    _link_partial_names(doc, d, full, union)
    return left


def _link_partial_names(doc: Document, d: int, full: list[tuple[int, list[str]]], union: UnionFind) -> None:
    """A shorter full name inside one longer name of the same document is that person.

    `سلمان بن حمد` and `سلمان بن حمد آل خليفة`; `حمدان دقلو` and `محمد حمدان دقلو`.
    """
    for i, words in full:
        n = len(words)
        longer = {" ".join(w): j for j, w in full
                  if len(w) > n and (w[:n] == words or w[-n:] == words)}
        if len(longer) != 1:
            continue
        j = next(iter(longer.values()))
        a, b = doc.mentions[i].gaz_id, doc.mentions[j].gaz_id
        if not (a and b and a != b):
            union.union((d, i), (d, j))


def _nearest(doc: Document, i: int, candidates: list[int]) -> int:
    """The candidate mention nearest before mention i (or the first after it)."""
    before = [j for j in candidates if doc.mentions[j].start < doc.mentions[i].start]
    if before:
        return max(before, key=lambda j: doc.mentions[j].start)
    return min(candidates, key=lambda j: doc.mentions[j].start)


def link_across(docs: list[Document], left: list[Node], union: UnionFind) -> None:
    """A leftover surname joins the one full-name person of the corpus with that last word."""
    by_last: dict[str, set] = defaultdict(set)
    for d, doc in enumerate(docs):
        for i, m in enumerate(doc.mentions):
            words = person_words(m) if m.type == "PERSON" else []
            if len(words) >= 2:
                by_last[words[-1]].add(union.find((d, i)))
    for d, i in left:
        roots = {union.find(r) for r in by_last.get(person_words(docs[d].mentions[i])[0], ())}
        if len(roots) == 1:
            union.union((d, i), next(iter(roots)))


def link_middle_names(docs: list[Document], union: UnionFind) -> None:
    """`سالم الهاجري` = `سالم خالد الهاجري`: a two-word name joins the one longer name of the corpus
    with its first and last words (a father's name in between); with two such names, neither.
    """
    names = {tuple(person_words(m)) for doc in docs for m in doc.mentions
             if m.type == "PERSON" and m.end > m.start and len(person_words(m)) >= 2}
    longer: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for words in names:
        if len(words) >= 3:
            longer.setdefault((words[0], words[-1]), set()).add(words)
    for words in names:
        if len(words) == 2 and len(longer.get(words, ())) == 1:
            full = next(iter(longer[words]))
            union.union("per:" + " ".join(words), "per:" + " ".join(full))
