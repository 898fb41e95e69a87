"""Later mentions of a person already named in full in the same document.

News names a person once in full (`وزير الدفاع هاشم بيلو`) and then by
family name alone (`وجاءت تصريحات بيلو`), or repeats the full name without
the title. Both become PERSON mentions (the resolver links them); a clitic on
the bare name stays outside the span (`لبيلو` -> `بيلو`).
"""

from __future__ import annotations

from rasd.ner.names import CONJUNCTIONS, is_adjective
from rasd.ner.scan import Candidate, Scan
from rasd.text.normalize import normalize_key

MIN_SURNAME = 3
NAME_CLITICS = (*CONJUNCTIONS, "ب", "ل", "ك", "وب", "ول", "فب", "فل")


def _forms(scan: Scan) -> dict[tuple[str, ...], str]:
    """Token sequences (full names, family names) of the PERSON names found so far -> source."""
    forms: dict[tuple[str, ...], str] = {}
    for cand in scan.candidates():
        if cand.type != "PERSON":
            continue
        words = tuple(scan.norm(k) for k in range(cand.first, cand.last))
        if len(words) >= 2:
            forms[words] = "alias"
            surname = words[-1]
            if len(surname) < MIN_SURNAME or surname in scan.lex.stop or scan.lex.first_names.get(surname):
                continue
            if words[-2] in scan.lex.particles:
                forms.setdefault(words[-2:], "alias")  # بن سلمان, أبو قصرة: not the last word alone
            else:
                forms.setdefault((surname,), "alias")
    return forms


def propagate_names(scan: Scan) -> None:
    """Add every later full name or bare family name of a person found earlier in the document."""
    forms = _forms(scan)
    if not forms:
        return
    longest = max(len(f) for f in forms)
    firsts = {f[0] for f in forms}
    is_word, owner, arabic, word_stems = scan.words, scan.owner, scan.arabic, scan.word_stems
    i = 0
    while i < len(scan.tokens):
        if not is_word[i] or owner[i] is not None or not arabic[i]:
            i += 1
            continue
        hit = None
        for offset, stem, clitic in word_stems[i]:
            if stem not in firsts or clitic and clitic not in NAME_CLITICS:
                continue
            for n in range(min(longest, len(scan.tokens) - i), 0, -1):
                words = (stem, *(scan.norm(k) for k in range(i + 1, i + n)))
                if words in forms and scan.free(i, i + n) and not (n == 1 and is_adjective(scan, i)):
                    hit = (scan.tokens[i].start + offset, n)
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        start, n = hit
        scan.add(Candidate(start, scan.tokens[i + n - 1].end, "PERSON", "alias", i, i + n))
        i += n


def _concepts(scan: Scan, cand: Candidate) -> tuple[str, frozenset[str]] | None:
    """(head, content words) of a phrase mention; countries count as their gazetteer id.

    `السفارة الروسية` -> (سفاره, {gpe:russia}); `سفارة روسيا في مالي` -> (سفاره, {gpe:russia, gpe:mali}).
    """
    words: list[str] = []
    k = cand.first
    while k < cand.last:
        inner = scan.candidate_at(k) if k > cand.first else None
        norm = scan.norm(k)
        if inner is not None and inner is not cand:
            words.append(inner.gaz_id or norm)
            k = inner.last
            continue
        k += 1
        if not scan.is_word(k - 1) or norm in scan.lex.title("link"):
            continue
        entries = scan.gaz.adjective(norm) if norm.startswith("ال") else []
        if entries:
            words.append(entries[0].id)
        elif (hits := scan.gaz.by_key.get(norm)) and hits[0].type == "GPE":
            words.append(hits[0].id)
        else:
            words.append(norm.removeprefix("ال"))
    if len(words) < 2:
        return None
    head = words[0]
    for _, stem, clitic in scan.stem_forms(cand.first):
        if clitic:
            head = stem.removeprefix("ال")
    return head, frozenset(words[1:])


def link_phrases(scan: Scan) -> None:
    """A shorter head-word phrase takes the key of the one fuller phrase of the document that covers it.

    `المجلس الانتقالي` after `المجلس الوطني الانتقالي`, `السفارة الروسية` near `سفارة روسيا في مالي`.
    """
    phrases = [(c, _concepts(scan, c)) for c in scan.candidates()
               if c.source in ("pattern", "gazetteer") and c.type in ("ORG", "FORCE") and c.key is None]
    phrases = [(c, concepts) for c, concepts in phrases if concepts is not None]
    for cand, (head, words) in phrases:
        if cand.source != "pattern":
            continue
        fuller = {o.gaz_id or normalize_key(scan.body[o.start:o.end]): o for o, (h, w) in phrases
                  if h == head and words < w and o.type == cand.type}
        if len(fuller) == 1:
            other = next(iter(fuller.values()))
            cand.key = normalize_key(scan.body[other.start:other.end])
            cand.gaz_id, cand.name_en = other.gaz_id, other.name_en
