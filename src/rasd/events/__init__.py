"""Typed events from trigger lexicons and argument patterns, one EventMention per event and sentence.

For each sentence: find triggers (triggers.py), give each its clause scope
(clauses.py), read its participants from the entity mentions around it
(arguments.py), its generic items and quantities (items.py), its date, place
and status, keep it only when it can be cited (build.py), then merge the
triggers of one sentence that report the same event (`هجوم شنه الجيش ...
بالاستيلاء على كيدال`).
"""

from __future__ import annotations

from rasd.events.arguments import Slot, sentence_slots
from rasd.events.build import SentenceView, build_event
from rasd.events.clauses import clause_starts, long_quote_spans, scope_of
from rasd.events.triggers import find_triggers
from rasd.events.when import body_dates, body_quantities, event_date
from rasd.model import Argument, Document, EventMention, Span
from rasd.text.tokens import tokenize

CARRIED_ROLES = {
    "WITHDRAWAL": ("host",), "DEPLOYMENT": ("host",), "ARMS_TRANSFER": ("supplier", "recipient"),
    "AID": ("donor", "recipient"), "MILITARY_OPERATION": ("agent",), "RECRUITMENT": ("recruiter",),
}
DISTINCT_ROLES = {"WITHDRAWAL": "force", "DEPLOYMENT": "force", "RECRUITMENT": "recruit"}
SUBJECT_TYPES = frozenset({"PERSON", "ORG", "GPE", "FORCE"})
LEAD_MIN_WORDS = 8  # the first sentence this long is the lead (shorter ones are headings)


def _entities(ev: EventMention, role: str) -> set[int | str]:
    return {a.mention if a.mention is not None else a.text for a in ev.arguments if a.role == role}


def _same_event(a: EventMention, b: EventMention) -> bool:
    """Two triggers of one sentence report one event: same type, no clash of dates or main participant."""
    if a.type != b.type or (a.date and b.date and a.date != b.date):
        return False
    role = DISTINCT_ROLES.get(a.type)
    if role is None:
        return True
    ra, rb = _entities(a, role), _entities(b, role)
    return not (ra and rb) or bool(ra & rb)


def _carry(previous: EventMention, ev: EventMention) -> None:
    """Fill roles a later clause leaves implicit (`فيما دفعوا ... مهمة الأمم المتحدة إلى المغادرة`)."""
    for role in CARRIED_ROLES.get(ev.type, ()):
        if not _entities(ev, role):
            ev.arguments.extend(Argument(a.role, a.text, a.start, a.end, a.mention)
                                for a in previous.arguments if a.role == role)
    if ev.location is None:
        ev.location = previous.location


def _merge(into: EventMention, other: EventMention) -> None:
    seen = {(a.role, a.mention if a.mention is not None else a.text) for a in into.arguments}
    for a in other.arguments:
        key = (a.role, a.mention if a.mention is not None else a.text)
        if key not in seen:
            seen.add(key)
            into.arguments.append(a)
    into.date = into.date or other.date
    into.location = into.location if into.location is not None else other.location
    if other.status == "reported" or into.status == "occurred":
        into.status = other.status if other.status != "occurred" else into.status


def _merge_sentence(events: list[EventMention]) -> list[EventMention]:
    merged: list[EventMention] = []
    for ev in events:
        earlier = [m for m in merged if m.type == ev.type]
        if earlier:
            _carry(earlier[-1], ev)
        target = next((m for m in merged if _same_event(m, ev)), None)
        if target is None:
            merged.append(ev)
        else:
            _merge(target, ev)
    return merged


def _subject(slots: list[Slot]) -> Slot | None:
    """The first bare name of a sentence, the subject a next sentence may drop."""
    return next((s for s in slots if not s.cue and s.head is None and s.mention.type in SUBJECT_TYPES), None)


def extract_events(doc: Document) -> Document:
    """Pipeline component: fill doc.events with the events each sentence reports."""
    body = doc.body
    if not body:
        doc.events = []
        return doc
    sentences = doc.sentences or [Span(0, len(body))]
    dates = body_dates(body, doc.published)
    quantities = body_quantities(body)
    mentions = sorted(enumerate(doc.mentions), key=lambda im: im[1].start)
    quotes = [(q.start, q.end) for q in doc.quotes if len(q.text.split()) >= 5]
    events: list[EventMention] = []
    carried: Slot | None = None
    lead = next((s for s in sentences if len(body[s.start:s.end].split()) >= LEAD_MIN_WORDS), None)
    for sentence in sentences:
        text = body[sentence.start:sentence.end]
        tokens = tokenize(text, sentence.start)
        here = [(i, m) for i, m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        slots = sentence_slots(body, tokens, here)
        triggers = find_triggers(tokens)
        if triggers:
            view = SentenceView(body, sentence, tokens, slots,
                                [q for q in quantities if sentence.start <= q.start < sentence.end],
                                [d for d in dates if sentence.start <= d.start < sentence.end],
                                quotes + long_quote_spans(text, sentence.start), carried)
            found = _sentence_events(view, triggers)
            if sentence == lead and doc.published:
                for ev in found:  # the lead reports the news of the day: its month is the publication's
                    if ev.date is None and ev.status == "occurred":
                        ev.date = doc.published[:7]
            events.extend(found)
        carried = _subject(slots)
    doc.events = events
    return doc


def _sentence_events(view: SentenceView, triggers: list) -> list[EventMention]:
    """The events of one sentence, with dates scoped to each trigger's clause."""
    starts = clause_starts(view.tokens)
    trigger_tokens = {t.first for t in triggers}
    built = []
    for n, trigger in enumerate(triggers):
        lo, hi = scope_of(trigger.first, trigger_tokens, starts, len(view.tokens))
        if n > 0:  # arguments after the previous trigger and before the next belong to this one
            lo = max(lo, triggers[n - 1].last + 1)
        if n + 1 < len(triggers):
            hi = min(hi, triggers[n + 1].first)
        result = build_event(view, trigger, lo, hi)
        if result is not None:
            built.append((trigger, *result))
    scopes = [scope for _, _, scope in built]
    sentence = (view.span.start, view.span.end)
    for trigger, ev, scope in built:
        ev.date = event_date(view.dates, trigger.start, scope, sentence, [s for s in scopes if s != scope])
    return _merge_sentence([ev for _, ev, _ in built])
