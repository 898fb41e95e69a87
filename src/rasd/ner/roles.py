"""Titles, functions and ranks given to person mentions.

The title grammar is the recogniser's (`rasd.ner.titles.parse_title`), run
again over the finished mentions so that every person mention right after a
title phrase, rank or honorific gets its role: `title` without the country
adjective (`وزير الدفاع` for `وزير الدفاع المالي`), `of` the mention the
title names (`لدى مالي`, `خارجية مالي`) or `of_gaz` the country an adjective
gives (`المالي` -> Mali), and `rank` in its base form (`الكولونيل` -> `عقيد`).
"""

from __future__ import annotations

from bisect import bisect_right

from rasd.model import Document, Role
from rasd.ner.gazetteer import Gazetteer
from rasd.ner.lexicon import load_lexicon
from rasd.ner.names import name_extent
from rasd.ner.persons import construct_title, definite_title
from rasd.ner.scan import COMMAS, Candidate, Scan
from rasd.ner.titles import TitleMatch, parse_title, title_openers
from rasd.text.normalize import normalize
from rasd.text.tokens import body_tokens


def _scan_of(doc: Document) -> tuple[Scan, dict[int, int]]:
    """A scan whose candidates are doc.mentions; maps candidate order back to mention indices."""
    from rasd.ner import _gazetteer, recent_scan

    scan = recent_scan(doc)
    if scan is not None:
        order = {id(c): k for k, c in enumerate(scan.candidates())}
        return scan, {k: order[id(c)] for k, c in enumerate(scan.found) if c is not None}

    tokens = list(body_tokens(doc.body).tokens)
    scan = Scan(doc.body, tokens, load_lexicon(), _gazetteer() if doc.mentions else Gazetteer())
    starts = [t.start for t in tokens]
    by_end = {t.end: k for k, t in enumerate(tokens)}
    index: dict[int, int] = {}
    for m_index, m in enumerate(doc.mentions):
        first = bisect_right(starts, m.start) - 1  # the token holding the start (after a clitic too)
        last = by_end.get(m.end)
        if first < 0 or last is None or tokens[first].end <= m.start:
            continue
        cand = Candidate(m.start, m.end, m.type, m.source, first, last + 1, m.gaz_id, m.name_en)
        if scan.add(cand):
            index[len(scan.found) - 1] = m_index
    return scan, index


def _title_text(doc: Document, start: int, end: int, counterparts: set[str]) -> str | None:
    """The function words of a title phrase, or None (no title, or only `نظيره`)."""
    text = doc.body[start:end].strip()
    if not text or normalize(text) in counterparts:
        return None
    return text


def _counterpart(scan: Scan, match: TitleMatch, counterparts: set[str]) -> bool:
    """The title phrase is `نظيره` and its forms (the subject's counterpart)."""
    phrase = scan.body[match.title_start:match.title_end].strip()
    return match.kind == "title" and normalize(phrase) in counterparts


def _apposed_to_previous(scan: Scan, i: int, match: TitleMatch) -> bool:
    """`X، وزير الدفاع، Y`: a title between commas after a name is that name's, not the next one's."""
    if match.kind != "title" or i < 2 or scan.tokens[i - 1].text not in COMMAS:
        return False
    heads = scan.lex.title_heads
    coordinated = any(clitic == "و" and stem in heads for _, stem, clitic in scan.stem_forms(i))
    if scan.norm(i) not in heads and coordinated:
        return False  # X، ووزير الخارجية، Y: a second person, with a title of their own
    if match.name_first >= len(scan.tokens):
        return False
    between = scan.body[match.phrase_end:scan.tokens[match.name_first].start]
    if not any(c in between for c in COMMAS):
        return False
    before = scan.owned(i - 2)
    if before is not None:
        return before.type == "PERSON"
    # X، وزير الدفاع، وY: coordinated, so the title went with X even when X was not recognised
    coordinated = scan.norm(match.name_first).startswith("و")
    return coordinated and scan.is_word(i - 2) and not scan.norm(i - 2).startswith("ال")


def _listed_country(scan: Scan, person: Candidate) -> str | None:
    """The gazetteer country of a listed person: `الرئيس` alone still says whose president."""
    entry = scan.gaz.get(person.gaz_id) if person.gaz_id else None
    return entry.country if entry is not None and entry.country else None


def extract_roles(doc: Document) -> Document:
    """Pipeline component: fill doc.roles (one role per person mention introduced by a title)."""
    if not any(m.type == "PERSON" for m in doc.mentions):
        doc.roles = []
        return doc
    scan, index = _scan_of(doc)
    owner_index = {id(c): k for k, c in enumerate(scan.found)}
    counterparts = scan.lex.title("counterpart")
    roles: list[Role] = []
    seen: set[int] = set()
    skip_until = 0
    owner = scan.owner
    for i in title_openers(scan):
        if i < skip_until or owner[i] is not None:
            continue
        match = parse_title(scan, i)
        if match is None:
            continue
        skip_until = match.name_first
        person = scan.candidate_at(match.name_first)
        if person is None or person.type != "PERSON" or _apposed_to_previous(scan, i, match):
            continue
        person_index = index.get(owner_index[id(person)])
        if person_index is None or person_index in seen:
            continue
        title = _title_text(doc, match.title_start, match.title_end, counterparts)
        if title is None and roles and _counterpart(scan, match, counterparts):
            title = roles[-1].title  # نظيره الصومالي: the same title as the subject's, another country
        if title is None and match.rank is None:
            continue
        of = index.get(owner_index[id(match.of)]) if match.of is not None else None
        of_gaz = match.of_gaz
        if title is not None and of is None and of_gaz is None:
            of_gaz = _listed_country(scan, person)
        seen.add(person_index)
        roles.append(Role(person=person_index, title=title, of=of, of_gaz=of_gaz, rank=match.rank,
                          start=match.phrase_start, end=match.phrase_end))
    roles.extend(_apposed_roles(doc, scan, index, owner_index, seen, counterparts))
    roles.sort(key=lambda r: doc.mentions[r.person].start)
    doc.roles = roles
    return doc


def _apposed_roles(doc: Document, scan: Scan, index: dict[int, int], owner_index: dict[int, int],
                   seen: set[int], counterparts: set[str]) -> list[Role]:
    """`كوستيا بيلوف، وزير الخارجية الروسي،`, `رومانو برودي رئيس اللجنة`: a title after the name."""
    roles = []
    for cand in scan.candidates():
        person_index = index.get(owner_index[id(cand)])
        if cand.type != "PERSON" or person_index is None or person_index in seen:
            continue
        after = cand.last + 1 if scan.is_word(cand.last + 1) and cand.last < len(scan.tokens) and \
            scan.tokens[cand.last].text in COMMAS else cand.last
        if after == cand.last and not construct_title(scan, after) and not definite_title(scan, after):
            continue
        match = parse_title(scan, after)
        if match is None or match.kind != "title" or name_extent(scan, match.name_first):
            continue
        title = _title_text(doc, match.title_start, match.title_end, counterparts)
        if title is None:
            continue
        of = index.get(owner_index[id(match.of)]) if match.of is not None else None
        seen.add(person_index)
        roles.append(Role(person=person_index, title=title, of=of, of_gaz=match.of_gaz, rank=match.rank,
                          start=match.phrase_start, end=match.phrase_end))
    return roles
