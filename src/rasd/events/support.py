"""Deployment details told around the force rather than by it.

* `نشرت أوغندا ألفي عسكري لمساندة القوات الصومالية`: troops sent to support a country's forces
  are hosted by that country (the nationality adjective of the supported force names it);
* `ألفي عسكري` is how many the force sends: the force's quantity.
"""

from __future__ import annotations

from rasd.events.lexicon import CUES, has_stem, tokenize
from rasd.events.origin import country_of, gpe_mentions_by_gaz
from rasd.model import Argument, Document, EventMention
from rasd.text.numbers import find_quantities

SUPPORT_CUES = frozenset({"لدعم", "لمساعده", "لمسانده", "ولدعم", "ولمساعده", "ولمسانده"})
FORCE_NOUNS = CUES.get("force", frozenset())


def deployment_details(doc: Document) -> None:
    """Add the supported country as host and the troop count as the force's quantity."""
    by_gaz = gpe_mentions_by_gaz(doc)
    for ev in doc.events:
        if ev.type != "DEPLOYMENT":
            continue
        if not any(a.role == "host" for a in ev.arguments):
            _supported_host(doc, ev, by_gaz)
        _force_count(doc, ev)


def _supported_host(doc: Document, ev: EventMention, by_gaz: dict[str, list[int]]) -> None:
    s = ev.sentence
    for m in doc.mentions:
        if not (s.start <= m.start and m.end <= s.end) or m.type != "FORCE":
            continue
        before = tokenize(doc.body[max(s.start, m.start - 12):m.start])
        if not before or before[-1].norm not in SUPPORT_CUES:
            continue
        words = m.text.split()
        country = country_of(words[-1]) if len(words) > 1 else None
        if country is None:
            continue
        near = min(by_gaz.get(country, []), key=lambda i: abs(doc.mentions[i].start - m.start), default=None)
        start = m.end - len(words[-1])
        ev.arguments.append(Argument("host", words[-1], start, m.end, near))
        return


def _force_count(doc: Document, ev: EventMention) -> None:
    forces = [a for a in ev.arguments if a.role == "force"]
    if len(forces) != 1 or forces[0].quantity is not None:
        return
    s = ev.sentence
    for q in find_quantities(doc.body[s.start:s.end]):
        unit = getattr(q, "unit_text", None)
        if q.kind == "count" and unit and has_stem(_norm(unit), FORCE_NOUNS):
            forces[0].quantity = q.value
            forces[0].unit = unit
            forces[0].approximate = bool(q.approximate)
            return


def _norm(text: str) -> str:
    words = tokenize(text)
    return words[-1].norm if words else ""
