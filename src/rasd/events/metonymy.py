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
from rasd.text.normalize import normalize_key

log = logging.getLogger("rasd")

ARMY_WORDS = frozenset({"الجيش", "للجيش", "الجيوش", "القوات", "للقوات"})
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


@lru_cache(maxsize=4096)
def _army_country(text: str) -> str | None:
    """The country of a national army named by its adjective (الجيش الروسي -> gpe:russia)."""
    from rasd.ner.gazetteer import load_gazetteer

    words = normalize_key(text).split()
    if len(words) < 2 or words[0] not in ARMY_WORDS:
        return None
    try:
        hits = load_gazetteer().adjective(words[-1])
    except RasdError:
        return None
    return hits[0].id if len(hits) == 1 else None


def capitals_as_countries(doc: Document) -> None:
    """Point actor arguments that name a capital at the country's mention, when the article has one;
    a recruiter that is a national army (جنّدوا في الجيش الروسي) likewise stands for its country."""
    capitals = capital_countries()
    first: dict[str, int] = {}
    for i, m in enumerate(doc.mentions):
        if m.gaz_id:
            first.setdefault(m.gaz_id, i)
    for ev in doc.events:
        for a in ev.arguments:
            if a.role not in ACTOR_ROLES or a.mention is None:
                continue
            mention = doc.mentions[a.mention]
            country = capitals.get(mention.gaz_id or "")
            if country is None and a.role == "recruiter" and mention.type == "FORCE":
                country = _army_country(mention.text)
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
