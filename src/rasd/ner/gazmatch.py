"""Gazetteer names in a body: longest match over tokens, clitics stripped, ambiguous names checked.

A place name that is also an ordinary word (`مالي` the country / `مالي`
"financial") is accepted only in a context that names places: after a
preposition or a head like `دولة`/`شمال`, at the start of a sentence,
coordinated with another country, or when the same document already names it
that way twice; a town spelt like a common noun (`صور` Tyre / pictures) only
in a document that names its country. Any other ambiguous name (`القاعدة`
al-Qaeda / the base) needs quotation marks or its unambiguous full name in the
same document.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.ner.gazetteer import Entry, Gazetteer, loose_key
from rasd.ner.scan import QUOTES, SENTENCE_PUNCT, Candidate, Scan, tokens_where

# clitics that make the next word a prepositional object (بمالي، لمالي): a place reading
PREPOSITION_CLITICS = {"ب", "ل", "وب", "ول", "فب", "فل", "ك", "وك"}
PLACE_TYPES = ("GPE", "LOC")  # ambiguous names of these types are checked by their place context
LOOSE_MIN = 6  # letters of a one-word name matched by its loose spelling only
PREFERRED = ("GPE", "FORCE", "ORG", "LOC", "FAC", "PERSON", "EQUIPMENT")  # for a name listed twice


def _choose(entries: list[Entry]) -> Entry:
    """One entry for a name listed several times: the most place-like type first."""
    if len(entries) == 1:
        return entries[0]
    return sorted(entries, key=lambda e: PREFERRED.index(e.type) if e.type in PREFERRED else 99)[0]


_loose = lru_cache(maxsize=200_000)(loose_key)  # the loose key is the costly part of a lookup
MEMO_MAX = 400_000  # remembered phrases per gazetteer before the memo starts afresh


class _GazetteerIndex:
    """Prefix sets of one gazetteer, and what `_lookup` found for each phrase it asked about.

    Both answers are pure functions of the phrase (and of whether it is one word), so a phrase
    repeated across documents is looked up once.
    """

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.exact = {" ".join(k.split()[:n]) for k in gaz.by_key for n in range(1, len(k.split()) + 1)}
        self.loose = {" ".join(k.split()[:n]) for k in gaz.by_loose for n in range(1, len(k.split()) + 1)}
        # [one word, several words]: phrase -> a listed name or loose name starts with it
        self.prefix: tuple[dict[str, bool], dict[str, bool]] = ({}, {})
        # [one word, several words]: phrase -> the entries it names (None: none)
        self.names: tuple[dict[str, list[Entry] | None], dict[str, list[Entry] | None]] = ({}, {})
        self.adjectives: dict[str, frozenset[str]] = {}  # word -> ids of the entries it is an adjective of

    def adjective_ids(self, word: str) -> frozenset[str]:
        """Ids of `gaz.adjective(word)`, remembered per word."""
        found = self.adjectives.get(word)
        if found is None:
            if len(self.adjectives) > MEMO_MAX:
                self.adjectives.clear()
            found = self.adjectives[word] = frozenset(e.id for e in self.gaz.adjective(word))
        return found

    def is_prefix(self, key: str, several: bool) -> bool:
        """Whether some exact or loose key starts with the phrase `key`."""
        memo = self.prefix[several]
        found = memo.get(key)
        if found is None:
            if len(memo) > MEMO_MAX:
                memo.clear()
            loose = _loose(key) if (several or len(key) >= LOOSE_MIN) else ""
            found = memo[key] = key in self.exact or bool(loose) and loose in self.loose
        return found

    def named(self, key: str, several: bool) -> list[Entry] | None:
        """The entries the phrase `key` names, exactly or by its loose spelling; None when none."""
        memo = self.names[several]
        if key in memo:
            return memo[key]
        if len(memo) > MEMO_MAX:
            memo.clear()
        gaz = self.gaz
        found = gaz.by_key.get(key) or None
        # a loose spelling match of one word is too often an ordinary word (المدن) or an adjective (تركية)
        if found is None and (several or not (len(key) < LOOSE_MIN or gaz.adjective(key))):
            found = gaz.by_loose.get(_loose(key)) or None
        memo[key] = found
        return found


_UNKNOWN: list[Entry] = []  # marks a phrase `named` has not been asked about

# per gazetteer object (kept with it, so a recycled id never finds another gazetteer's index)
_INDEXES: dict[int, _GazetteerIndex] = {}


def _index(gaz: Gazetteer) -> _GazetteerIndex:
    cached = _INDEXES.get(id(gaz))
    if cached is None or cached.gaz is not gaz:
        if len(_INDEXES) > 16:
            _INDEXES.clear()
        cached = _INDEXES[id(gaz)] = _GazetteerIndex(gaz)
    return cached


def _lookup(scan: Scan, i: int, stem: str, index: _GazetteerIndex | None = None) -> tuple[int, list[Entry]]:
    """The longest listed name starting at token i read as `stem`: (tokens, entries)."""
    gaz = scan.gaz
    index = index or _index(gaz)
    norms, is_word = scan.norms, scan.words
    limit = max(gaz.max_words, 1)
    key, n = stem, 1
    spans: list[str] = []  # spans[n - 1]: the phrase of n words, a listed prefix
    k = i + 1
    one_word, several_words = index.prefix
    while True:
        known = (one_word if n == 1 else several_words).get(key)  # remembered answers, without a call
        if not (known if known is not None else index.is_prefix(key, n > 1)):
            break
        spans.append(key)
        if k >= len(norms) or not is_word[k] or n >= limit:
            break
        key = f"{key} {norms[k]}"
        n += 1
        k += 1
    one_word, several_words = index.names
    for n in range(len(spans), 0, -1):
        key = spans[n - 1]
        hits = (one_word if n == 1 else several_words).get(key, _UNKNOWN)
        if hits is _UNKNOWN:
            hits = index.named(key, n > 1)
        if hits:
            return n, list(hits)
    return 0, []


def _context(scan: Scan, i: int, clitic: str, adjective_like: bool = False) -> str:
    """strong | weak | reject: how much the words around token i say it names a place.

    For a name spelt like an adjective (`تركية`), a governing noun (`قوات تركية`) is no evidence.
    """
    lex = scan.lex
    if clitic in PREPOSITION_CLITICS:
        return "strong"
    prev = i - 1
    if prev < 0 or scan.tokens[prev].text in SENTENCE_PUNCT or "\n" in scan.body[
            scan.tokens[prev].end:scan.tokens[i].start]:
        return "strong" if not clitic else "weak"
    before = scan.norm(prev)
    if clitic in ("و", "ف"):
        owner = scan.owned(prev)
        if owner is not None and owner.type == "GPE":
            return "strong"
        return "weak"
    effect = lex.ambiguity.get(before)
    if effect == "reject":
        return "reject"
    if effect == "accept" or effect == "construct" and not adjective_like:
        return "strong"
    owner = scan.owned(prev)
    if owner is not None and owner.type == "GPE":
        return "strong"
    following = scan.norm(i + 1)
    if following.startswith("و") and scan.gaz.lookup(following[1:]):
        return "strong"
    return "weak"


def _quoted(scan: Scan, i: int) -> bool:
    """Token i stands between quotation marks (`"القاعدة"`)."""
    return (i > 0 and scan.tokens[i - 1].text in QUOTES and i + 1 < len(scan.tokens)
            and scan.tokens[i + 1].text in QUOTES)


QUOTED_TITLE_WORDS = 5  # words of a quoted outlet or programme title


def _in_quoted_title(scan: Scan, first: int, last: int) -> bool:
    """Tokens [first, last) sit inside, and are only part of, a quoted title after an outlet or
    programme noun: `قناة «صنعاء اليوم»`, `لبرنامج “الخرطوم أولا”` name the outlet, not the place."""
    texts, words = scan.texts, scan.words
    opening = None
    for k in range(first - 1, max(first - QUOTED_TITLE_WORDS, 0) - 1, -1):
        if texts[k] in QUOTES or not words[k]:
            opening = k
            break
    if opening is None or texts[opening] not in QUOTES:
        return False
    closing = None
    for k in range(last, min(last + QUOTED_TITLE_WORDS, len(texts))):
        if texts[k] in QUOTES or not words[k]:
            closing = k
            break
    if closing is None or texts[closing] not in QUOTES or closing - opening - 1 <= last - first:
        return False
    titles = scan.lex.group("quoted_title")
    return any(stem in titles for _, stem, _ in scan.stem_forms(opening - 1))


def _name_openers(scan: Scan, first_words: set[str]) -> list[int]:
    """Tokens with a stem a listed name starts with (a clitic needs a stem of 3 letters): the only
    ones `match_gazetteer` looks up, found once per distinct word."""
    return tokens_where(scan, "gazetteer_openers", first_words, lambda _, stems: any(
        stem in first_words and not (clitic and len(stem) < 3) for _, stem, clitic in stems))


def match_gazetteer(scan: Scan) -> None:
    """Add every listed name of the body to the scan (longest first, ambiguous names checked)."""
    first_words = scan.gaz.first_tokens()
    pending: list[tuple[Candidate, str]] = []
    named_later: list[Candidate] = []
    in_country: list[Candidate] = []
    strong: dict[str, int] = {}
    word_stems, tokens = scan.word_stems, scan.tokens
    index = _index(scan.gaz)
    i = 0
    for at in _name_openers(scan, first_words):
        if at < i:
            continue  # inside a name just read
        i = at
        best: tuple[int, int, str, list[Entry]] | None = None
        for offset, stem, clitic in word_stems[i]:
            if stem not in first_words or (clitic and len(stem) < 3):
                continue
            n, entries = _lookup(scan, i, stem, index)
            if n and (best is None or n > best[0]):
                best = (n, tokens[i].start + offset, clitic, entries)
        if best is None:
            i += 1
            continue
        n, start, clitic, entries = best
        entry = _choose(entries)
        if entry.type in PLACE_TYPES and _in_quoted_title(scan, i, i + n):
            i += n
            continue
        cand = Candidate(start, scan.tokens[i + n - 1].end, entry.type, "gazetteer", i, i + n,
                         entry.id, entry.name_en)
        # a name spelt like one of its own adjectives (تركية, سورية) is read as a name only in a place context
        adjective_like = n == 1 and entry.id in index.adjective_ids(scan.norms[i])
        if entry.ambiguous and n == 1 and entry.type not in PLACE_TYPES:
            # القاعدة (al-Qaeda / the base): a place context says nothing; quotes or the full name do
            if _quoted(scan, i):
                scan.add(cand)
            else:
                named_later.append(cand)
            i += 1
            continue
        if entry.ambiguous and n == 1 and entry.country and not adjective_like:
            # a town spelt like a common noun (صور Tyre / pictures): only in a document about its country
            if _context(scan, i, clitic) != "reject":
                in_country.append(cand)
            i += 1
            continue
        if (entry.ambiguous or adjective_like) and n == 1:
            verdict = _context(scan, i, clitic, adjective_like and not entry.ambiguous)
            if verdict == "strong":
                strong[entry.id] = strong.get(entry.id, 0) + 1
            if verdict != "strong":
                if verdict == "weak" and (entry.ambiguous or not adjective_like):
                    pending.append((cand, entry.id))
                i += 1
                continue
        scan.add(cand)
        i += n
    for cand, entry_id in pending:
        if strong.get(entry_id, 0) >= 2:
            scan.add(cand)
    named = {c.gaz_id for c in scan.found if c is not None}
    for cand in named_later:
        if cand.gaz_id in named:  # تنظيم القاعدة earlier or later in the document
            scan.add(cand)
    for cand in in_country:
        entry = scan.gaz.get(cand.gaz_id or "")
        if entry is not None and (entry.country in named or entry.id in named):
            scan.add(cand)
