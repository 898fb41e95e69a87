"""The triggers of one sentence that report one event become one EventMention.

`اشتباك خاضه اللواء ... وانتهى بالاستيلاء على تل الزيتون` is one operation told by
three triggers; `أجبروا الكتيبة الهولندية على الرحيل في 2019، فيما أجبروا بعثة
المراقبين على المغادرة في 2021` is two withdrawals (different forces and dates), the
second taking the host the first named; `ثم فرقة الإسناد الأوروبية في نهاية 2022`
repeats the last event for a new participant without repeating its verb.
"""

from __future__ import annotations

import copy

from rasd.events.lexicon import CUES
from rasd.model import Argument, EventMention
from rasd.text.normalize import normalize

HOSTILE = CUES.get("hostile", frozenset())
CARRIED_ROLES = {
    "WITHDRAWAL": ("host",), "DEPLOYMENT": ("host",), "ARMS_TRANSFER": ("supplier", "recipient"),
    "AID": ("donor", "recipient"), "MILITARY_OPERATION": ("agent",), "RECRUITMENT": (),
}
DISTINCT_ROLES = {"WITHDRAWAL": ("force",), "DEPLOYMENT": ("force",), "RECRUITMENT": ("recruit", "recruiter")}
GAPPED_TYPES = frozenset({"WITHDRAWAL", "DEPLOYMENT"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _entities(ev: EventMention, role: str) -> set[int | str]:
    return {a.mention if a.mention is not None else normalize(a.text) for a in ev.arguments if a.role == role}


def same_event(a: EventMention, b: EventMention) -> bool:
    """Two triggers of one sentence report one event: same type, no clash of dates or main participants."""
    if a.type != b.type or (a.date and b.date and a.date != b.date):
        return False
    for role in DISTINCT_ROLES.get(a.type, ()):
        ra, rb = _entities(a, role), _entities(b, role)
        if ra and rb and not ra & rb:
            return False
    return True


def _carry(previous: EventMention, ev: EventMention) -> None:
    """Fill roles a later clause leaves implicit (`فيما أجبروا ... بعثة المراقبين على المغادرة`)."""
    for role in CARRIED_ROLES.get(ev.type, ()):
        if not _entities(ev, role):
            ev.arguments.extend(copy.copy(a) for a in previous.arguments if a.role == role)
    if ev.location is None:
        ev.location = previous.location


def _merge(into: EventMention, other: EventMention) -> None:
    seen = {(a.role, a.mention if a.mention is not None else a.text) for a in into.arguments}
    for a in other.arguments:
        key = (a.role, a.mention if a.mention is not None else a.text)
        duplicate = a.mention is not None and any(b.mention == a.mention for b in into.arguments)
        if key not in seen and not duplicate:
            seen.add(key)
            into.arguments.append(a)
    into.date = into.date or other.date
    into.location = into.location if into.location is not None else other.location
    if other.status != "occurred" and into.status == "occurred":
        into.status = other.status


def _fold_retreats(events: list[EventMention]) -> list[EventMention]:
    """An armed group forced to withdraw by an operation told in the same sentence is its target."""
    operation = next((e for e in events if e.type == "MILITARY_OPERATION"), None)
    if operation is None:
        return events
    kept = []
    for ev in events:
        forces = [a for a in ev.arguments if a.role == "force"]
        hostile = forces and all(HOSTILE & set(normalize(a.text).split()) for a in forces)
        if ev.type == "WITHDRAWAL" and hostile:
            operation.arguments.extend(Argument("target", a.text, a.start, a.end, a.mention) for a in forces)
            continue
        kept.append(ev)
    return kept


def _place_target(ev: EventMention, types: dict[int, str]) -> None:
    """An operation's place is the place it captured or hit, when it names one."""
    if ev.type != "MILITARY_OPERATION":
        return
    for a in ev.arguments:
        if a.role == "target" and a.mention is not None and types.get(a.mention) in PLACE_TYPES:
            ev.location = a.mention
            return


def merge_sentence(events: list[EventMention], types: dict[int, str]) -> list[list[int]]:
    """Group the events of a sentence (in trigger order) that report one event; each group's first
    event receives the others' arguments. Returns the groups as indices into `events`."""
    groups: list[list[int]] = []
    for i, ev in enumerate(events):
        earlier = [g[0] for g in groups if events[g[0]].type == ev.type]
        if earlier:
            _carry(events[earlier[-1]], ev)
        target = next((g for g in groups if same_event(events[g[0]], ev)), None)
        if target is None:
            groups.append([i])
        else:
            _merge(events[target[0]], ev)
            target.append(i)
    kept = {id(e) for e in _fold_retreats([events[g[0]] for g in groups])}
    groups = [g for g in groups if id(events[g[0]]) in kept]
    for g in groups:
        _place_target(events[g[0]], types)
    return groups


def gapped(last: EventMention, role: str, arg: Argument, date: str | None) -> EventMention:
    """A copy of `last` for a new participant in `role` (`..., ثم فرقة الإسناد الأوروبية في نهاية 2022`)."""
    ev = copy.deepcopy(last)
    ev.arguments = [a for a in ev.arguments if a.role != role] + [arg]
    ev.date = date if date is not None else ev.date
    return ev
