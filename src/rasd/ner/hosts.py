"""Keys of unnamed-country bodies named by the country after them (`وزارة الدفاع في جمهورية العراق`).

`وزارة الدفاع` alone is every country's ministry: two in one corpus must not merge. When
`في` + a listed country follows, the mention is keyed as the adjective form would key it
(`وزارة الدفاع العراقية`), so both spellings meet in one entity and a listed one gets its id.
"""

from __future__ import annotations

from rasd.ner.names import is_adjective
from rasd.ner.scan import Candidate, Scan
from rasd.text.normalize import normalize_key

HOST_TYPES = ("ORG", "FORCE")
LINKS = ("في",)


def _adjective_form(adjectives: tuple[str, ...], feminine: bool) -> str | None:
    """The definite singular nationality adjective of the wanted gender (`العراقية` / `العراقي`)."""
    for adjective in adjectives:
        key = normalize_key(adjective)
        if not key.startswith("ال"):
            continue
        if feminine and key.endswith("يه") or not feminine and key.endswith("ي"):
            return adjective
    return None


def _host_key(scan: Scan, cand: Candidate) -> tuple[str, str | None] | None:
    """(key, listed id) for a body followed by `في` + a listed country, or None."""
    if cand.type not in HOST_TYPES or cand.key or is_adjective(scan, cand.last - 1):
        return None
    if any(stem in scan.lex.group("visiting_body") for _, stem, _ in scan.stem_forms(cand.first)):
        return None  # السفارة في قطر: another country's embassy there
    if scan.norm(cand.last) not in LINKS:
        return None
    host = scan.candidate_at(cand.last + 1)
    entry = scan.gaz.get(host.gaz_id) if host is not None and host.type == "GPE" and host.gaz_id else None
    if entry is None:
        return None
    text = normalize_key(scan.body[cand.start:cand.end])
    if text.startswith("لل"):
        text = "ال" + text[2:]
    feminine = text.split()[0].endswith("ه")
    adjective = _adjective_form(entry.adjectives, feminine)
    if adjective is None:
        return None
    key = f"{text} {normalize_key(adjective)}"
    listed = [e for e in scan.gaz.lookup(key) if e.type == cand.type]
    return key, listed[0].id if listed else None


def key_by_host(scan: Scan) -> None:
    """Give bodies named by a following `في` + country the key (and id) of their adjective form."""
    for cand in scan.candidates():
        if cand.gaz_id:
            continue
        found = _host_key(scan, cand)
        if found is not None:
            cand.key, cand.gaz_id = found
