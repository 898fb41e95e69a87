"""A capital named as an actor stands for its country (`أعلنت باماكو`، `بين باماكو وموسكو`).

News writes governments by their capitals; an analyst counts Mali and Russia
as the parties of an agreement `بين باماكو وموسكو`. Where the article also
names the country, an actor argument that is a capital is pointed at the
country's mention; places (host, location, target) keep the city.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from rasd.errors import RasdError
from rasd.events.lexicon import DATA
from rasd.model import Document

log = logging.getLogger("rasd")

ACTOR_ROLES = frozenset({"supplier", "recipient", "donor", "party", "agent", "ally", "producer", "partner",
                         "recruiter", "trainer", "trainee", "force"})


@lru_cache(maxsize=1)
def capital_countries() -> dict[str, str]:
    """Gazetteer id of a capital -> gazetteer id of its country (capitals.tsv x the NER gazetteer)."""
    from rasd.ner.gazetteer import load_gazetteer

    names = set()
    for line in (DATA / "capitals.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names.add(line.split("\t")[1].strip())
    try:
        gazetteer = load_gazetteer()
    except RasdError as exc:  # events still work, capitals stay cities
        log.error("gazetteer unavailable, capitals are not read as their countries: %s", exc)
        return {}
    return {e.id: e.country for e in gazetteer
            if e.type == "GPE" and e.country and e.name_en in names}


def capitals_as_countries(doc: Document) -> None:
    """Point actor arguments that name a capital at the country's mention, when the article has one."""
    capitals = capital_countries()
    first: dict[str, int] = {}
    for i, m in enumerate(doc.mentions):
        if m.gaz_id:
            first.setdefault(m.gaz_id, i)
    for ev in doc.events:
        for a in ev.arguments:
            if a.role not in ACTOR_ROLES or a.mention is None:
                continue
            country = capitals.get(doc.mentions[a.mention].gaz_id or "")
            if country in first:
                a.mention = first[country]
        seen: set[tuple[str, int | str]] = set()
        kept = []
        for a in ev.arguments:
            key = (a.role, a.mention if a.mention is not None else a.text)
            if key not in seen:
                seen.add(key)
                kept.append(a)
        ev.arguments = kept
