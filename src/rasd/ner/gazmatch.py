"""Gazetteer names in a body: longest match over tokens, clitics stripped, ambiguous names checked.

A name that is also an ordinary word (`مالي` the country / `مالي` "financial")
is accepted only in a context that names places: after a preposition or a
head like `دولة`/`شمال`, at the start of a sentence, coordinated with another
country, or when the same document already names it that way twice.
"""

from __future__ import annotations

from rasd.ner.gazetteer import Entry
from rasd.ner.scan import SENTENCE_PUNCT, Candidate, Scan
from rasd.text.normalize import normalize_key

# clitics that make the next word a prepositional object (بمالي، لمالي): a place reading
PREPOSITION_CLITICS = {"ب", "ل", "وب", "ول", "فب", "فل", "ك", "وك"}
# types a gazetteer entry may take as a mention (all ontology types)
PREFERRED = ("GPE", "FORCE", "ORG", "LOC", "FAC", "PERSON", "EQUIPMENT")


def _choose(entries: list[Entry]) -> Entry:
    """One entry for a name listed several times: the most place-like type first."""
    return sorted(entries, key=lambda e: PREFERRED.index(e.type) if e.type in PREFERRED else 99)[0]


def _lookup(scan: Scan, i: int, stem: str) -> tuple[int, list[Entry], bool]:
    """The longest listed name starting at token i read as `stem`: (tokens, entries, exact)."""
    gaz = scan.gaz
    words = [stem]
    limit = min(len(scan.tokens), i + max(gaz.max_words, 1))
    spans = [1]
    for k in range(i + 1, limit):
        if not scan.tokens[k].is_word:
            break
        words.append(scan.tokens[k].norm)
        spans.append(len(words))
    for n in reversed(spans):
        key = normalize_key(" ".join(words[:n]))
        exact = gaz.by_key.get(key)
        if exact:
            return n, list(exact), True
        hits = gaz.lookup(key)
        # a loose spelling match of one short word is too often an ordinary word
        if hits and (n > 1 or len(key) >= 5):
            return n, hits, False
    return 0, [], False


def _context(scan: Scan, i: int, clitic: str) -> str:
    """strong | weak | reject: how much the words around token i say it names a place."""
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
    if effect == "accept":
        return "strong"
    owner = scan.owned(prev)
    if owner is not None and owner.type == "GPE":
        return "strong"
    following = scan.norm(i + 1)
    if following.startswith("و") and scan.gaz.lookup(following[1:]):
        return "strong"
    return "weak"


def match_gazetteer(scan: Scan) -> None:
    """Add every listed name of the body to the scan (longest first, ambiguous names checked)."""
    first_words = scan.gaz.first_tokens()
    pending: list[tuple[Candidate, str]] = []
    strong: dict[str, int] = {}
    i = 0
    while i < len(scan.tokens):
        if not scan.tokens[i].is_word:
            i += 1
            continue
        best: tuple[int, int, str, list[Entry]] | None = None
        for start, stem, clitic in scan.stems(i):
            if stem not in first_words or (clitic and len(stem) < 3):
                continue
            n, entries, _ = _lookup(scan, i, stem)
            if n and (best is None or n > best[0]):
                best = (n, start, clitic, entries)
        if best is None:
            i += 1
            continue
        n, start, clitic, entries = best
        entry = _choose(entries)
        cand = Candidate(start, scan.tokens[i + n - 1].end, entry.type, "gazetteer", i, i + n,
                         entry.id, entry.name_en)
        if entry.ambiguous and n == 1:
            verdict = _context(scan, i, clitic)
            if verdict == "strong":
                strong[entry.id] = strong.get(entry.id, 0) + 1
            if verdict != "strong":
                if verdict == "weak":
                    pending.append((cand, entry.id))
                i += 1
                continue
        scan.add(cand)
        i += n
    for cand, entry_id in pending:
        if strong.get(entry_id, 0) >= 2:
            scan.add(cand)
