"""Events that only make sense with the sentences before them in the same article.

`ويشمل الاتفاق، الذي أبرمه ...` signs the agreement named before (`الاتفاق` with
the article and nothing else is anaphoric); `الآليات التي وصلت إلى واغادوغو` right
after a force's deployment is that deployment's equipment, not a sale.
"""

from __future__ import annotations

import copy

from rasd.model import Argument, EventMention
from rasd.text.normalize import normalize

ARRIVAL_FRAMES = frozenset({"arrive", "send"})
DEPLOYMENT_REACH = 2  # sentences after a deployment where arriving equipment is taken as its equipment
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _anaphoric_topic(ev: EventMention) -> bool:
    """An agreement named only by a definite agreement noun (الاتفاق، الاتفاقيات)."""
    topics = [a for a in ev.arguments if a.role == "topic"]
    return bool(topics) and all(len(a.text.split()) == 1 and normalize(a.text).startswith("ال")
                                for a in topics)


def _adopt(ev: EventMention, earlier: EventMention, roles: tuple[str, ...]) -> None:
    have = {a.mention for a in ev.arguments if a.mention is not None}
    ev.arguments.extend(copy.copy(a) for a in earlier.arguments
                        if a.role in roles and a.mention is not None and a.mention not in have)
    ev.date = ev.date or earlier.date


def _equipment_of_deployment(ev: EventMention, deployment: EventMention, types: dict[int, str]) -> None:
    """Turn an arrival of equipment into the deployment it belongs to."""
    ev.type = "DEPLOYMENT"
    arguments: list[Argument] = []
    for a in ev.arguments:
        kind = types.get(a.mention) if a.mention is not None else None
        if a.role == "item":
            arguments.append(a)
        elif kind == "FORCE":
            arguments.append(Argument("force", a.text, a.start, a.end, a.mention))
        elif kind in PLACE_TYPES:
            arguments.append(Argument("host", a.text, a.start, a.end, a.mention))
    ev.arguments = arguments
    _adopt(ev, deployment, ("force", "host"))
    ev.date = ev.date if ev.date != deployment.date or ev.date is None else ev.date


def link_discourse(events: list[tuple[EventMention, str, int]], types: dict[int, str]) -> None:
    """Resolve anaphoric agreements and equipment arriving for a deployed force, in place.

    `events` holds (event, frame of its trigger, sentence number) in text order; `types` maps
    mention indices to entity types.
    """
    last_agreement: EventMention | None = None
    last_deployment: tuple[EventMention, int] | None = None
    for ev, frame, n in events:
        if ev.type == "AGREEMENT":
            if last_agreement is not None and _anaphoric_topic(ev):
                _adopt(ev, last_agreement, ("party",))
                topics = [copy.copy(a) for a in last_agreement.arguments if a.role == "topic"]
                ev.arguments = [a for a in ev.arguments if a.role != "topic"] + topics
            last_agreement = ev
        elif ev.type == "ARMS_TRANSFER" and frame in ARRIVAL_FRAMES and last_deployment is not None \
                and n - last_deployment[1] <= DEPLOYMENT_REACH \
                and not any(a.role == "supplier" for a in ev.arguments):
            _equipment_of_deployment(ev, last_deployment[0], types)
        if ev.type == "DEPLOYMENT":
            last_deployment = (ev, n)
