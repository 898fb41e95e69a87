"""Whether an event can be cited: the roles an analyst needs are there (precision first)."""

from __future__ import annotations

from rasd.events.lexicon import CUES, has_stem
from rasd.events.origin import text_country
from rasd.events.view import (
    FORCE_NOUNS,
    Candidate,
    SentenceView,
    has_word,
    view_type,
)
from rasd.model import Argument, EventMention

CASUALTY = CUES.get("casualty", frozenset())


def acceptable(view: SentenceView, members: list[Candidate]) -> bool:
    """Whether the event told by these triggers of one sentence (merged into the first) can be cited."""
    ev = members[0].event
    if all(m.in_quote for m in members) and not _quoted_fact(ev, any(m.explicit for m in members)):
        return False
    frames = {m.frame for m in members}
    if frames == {"handover"}:  # the country handing over its bases is the leaving force
        return any(a.role == "force" and a.mention is not None for a in ev.arguments)
    if frames == {"join"} and not any(a.role == "recruit" and a.quantity is not None for a in ev.arguments):
        return False  # انضمت السويد إلى الناتو: joining, not recruitment, unless people are counted
    lo, hi = min(m.window[0] for m in members), max(m.window[1] for m in members)
    if not _enough(ev.type, ev.arguments, ev.location, view, lo, hi, any(m.has_topic for m in members)):
        # قصفت طائرات ... مواقع في جنوب لبنان: a strike told by a verb is cited by its place
        # هجوم على ثكنة ... أسفر عن مقتل 5 جنود: an attack told by a noun is cited by its place and its dead
        struck = ev.type == "MILITARY_OPERATION" and ev.location is not None \
            and (any(m.verb for m in members) or _casualties(view))
        if not struck:
            return False
    targeted = any(a.role == "target" and a.mention is not None for a in ev.arguments)
    if all(m.frame == "capture" for m in members) and not targeted:
        return False  # استعادة الاستقرار: a capture names what is taken
    # تصاعد هجمات ...: attacks in general, unless their target is named
    return not (all(m.plural for m in members) and not targeted)


def _enough(type_: str, args: list[Argument], location: int | None, view: SentenceView,
            lo: int, hi: int, has_topic: bool) -> bool:
    """Whether the roles an analyst needs are present."""
    roles: dict[str, list[Argument]] = {}
    for a in args:
        roles.setdefault(a.role, []).append(a)
    entity = {r for r, group in roles.items() if any(a.mention is not None for a in group) and r != "item"}
    if type_ in ("ARMS_TRANSFER", "AID"):
        # a base or force named by a noun receives at a named place (استلمت القاعدة البحرية في ميناء ...)
        # ... or foreign-made items arrive at a named place (وصلت ثلاث طائرات عسكرية أوغندية إلى مطار ...)
        described = location is not None and ("recipient" in roles or any(
            a.mention is None and text_country(a.text) for a in roles.get("item", [])))
        return bool(entity & {"supplier", "recipient", "donor"} or described) and "item" in roles
    if type_ == "AGREEMENT":
        return "party" in entity and has_topic
    if type_ in ("DEPLOYMENT", "WITHDRAWAL"):
        forces = roles.get("force", [])
        if forces and all(a.mention is None for a in forces):  # a described force needs a named host
            return "host" in entity
        if not forces:
            return False
        typed = [view_type(view, a.mention) for a in forces if a.mention is not None]
        # a country deploys troops (a force noun) or weapons (items): نشرت روسيا صواريخ في بيلاروسيا
        return "FORCE" in typed or has_word(view.tokens, lo, hi, FORCE_NOUNS) or "item" in roles
    if type_ == "TRAINING":
        return bool(entity & {"trainer", "trainee"})
    if type_ == "MEETING":
        named = [view_type(view, a.mention) for a in roles.get("participant", []) if a.mention is not None]
        return len(named) >= 2 or (len(named) == 1 and named[0] in ("PERSON", "ORG") and location is not None)
    if type_ == "MILITARY_OPERATION":
        return bool(entity & {"agent", "target"})
    if type_ == "PRODUCTION":
        return "producer" in entity and "item" in roles
    if type_ == "RECRUITMENT":
        return "recruiter" in entity or any(a.quantity is not None for a in roles.get("recruit", []))
    if type_ == "PLEDGE":
        return "agent" in entity and has_topic  # what is promised, not only to whom
    return False


def _quoted_fact(ev: EventMention, explicit: bool) -> bool:
    """Inside a quotation only a transfer with an explicit من/إلى party and a counted or named item
    is taken as a fact (`نستقبل ... من روسيا ... طائرتي هليكوبتر`); the rest is rhetoric."""
    counted = any(a.role == "item" and (a.quantity is not None or a.mention is not None)
                  for a in ev.arguments)
    return explicit and counted


def _casualties(view: SentenceView) -> bool:
    """Whether the sentence counts people killed or wounded (a casualty word and a count)."""
    tokens = view.tokens
    if not any(has_stem(t.norm, CASUALTY) for t in tokens):
        return False
    return any(getattr(q, "kind", "") == "count" for q in view.quantities(view.span.start, view.span.end))
