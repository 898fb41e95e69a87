"""One event candidate from one trigger: its type, participants, items, place and status."""

from __future__ import annotations

from rasd.events.arguments import Slot, positions, role_for
from rasd.events.departure import destination, drop_origin
from rasd.events.items import Item, find_items, find_recruits
from rasd.events.lexicon import PREPOSITIONS, has_stem, splits
from rasd.events.phrases import agreement_topic, force_phrase, money_item, pledged
from rasd.events.recipients import described_recipient
from rasd.events.relatives import describes_item, relative_aim
from rasd.events.stance import bystanders
from rasd.events.status import event_status
from rasd.events.triggers import Trigger
from rasd.events.view import (
    AID_ROLES,
    CANCEL,
    CANCEL_WINDOW,
    COMPLEMENTIZERS,
    DELEGATION,
    DROP_PARTICLES,
    FORCE_NOUNS,
    FUTURE_TIME,
    HOME_WORDS,
    HOSTILE,
    ITEM_TYPES,
    PLACE_CUES,
    PLACE_TYPES,
    POSITIONS,
    PURPOSE,
    QUOTE_TYPES,
    SAY_VERBS,
    SINGLE_ROLES,
    TOPIC_MARKERS,
    Candidate,
    SentenceView,
    has_word,
    view_type,
)
from rasd.model import Argument, EventMention, Span
from rasd.text.normalize import normalize

MONEY_FRAMES = frozenset({"give", "get", "supply"})
DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"})
OWN_COUNTRY = frozenset({"بلاده", "بلادها", "بلادنا", "البلاد"})
SIDELINES_REACH = 4  # tokens between هامش and the hosting body (على هامش أعمال قمة الاتحاد ...)
RECEIVE_VERBS = frozenset({"تلقي", "يتلقي", "تتلقي", "تلقت", "تلقوا", "يتلقون", "يتلقيان", "تلقيا"})
STANCE_TYPES = frozenset({"TRANSFER", "MOVE", "AGREEMENT"})  # see stance.py


def _after_say_verb(view: SentenceView, slot: Slot, trigger: Trigger) -> bool:
    """A name right after a reporting verb, with أن/إن before the trigger, is the source of the news
    (ذكرت وكالة آبا أن الاتفاقيات ...), not a participant."""
    if not any(t.norm in COMPLEMENTIZERS for t in view.tokens[slot.last + 1:trigger.first]):
        return False
    for j in range(slot.first - 1, max(slot.first - 6, -1), -1):
        norm = view.tokens[j].norm
        for form in (norm, norm[1:] if norm[:1] in ("و", "ف") else norm):
            if form in SAY_VERBS or form[:-1] in SAY_VERBS and form.endswith("ه"):  # نشرته
                return True
    return False


def _resolve_type(trigger: Trigger, view: SentenceView, lo: int, hi: int, found: dict[int, str],
                  items: list[Item], equipment: list[Slot], reach: int) -> tuple[str, str] | None:
    """The event type and frame once the words around the trigger are known."""
    type_, frame = trigger.entry.type, trigger.entry.frame
    tokens = view.tokens
    near = (trigger.last + 1, min(hi, trigger.last + 4))
    if frame == "expel" and has_word(tokens, *near, HOSTILE):
        return "MILITARY_OPERATION", "capture"
    if type_ == "MOVE":
        movers = [view.slots[k] for k, cue in found.items() if cue in ("SUBJ", "GEN", "OBJ", "PRE", "NPRE")]
        if any(s.mention.type == "FORCE" for s in movers) or has_word(tokens, *near, FORCE_NOUNS):
            return "DEPLOYMENT", "deploy"
        arrivals = [view.slots[k] for k, cue in found.items() if cue in ("SUBJ", "GEN")]
        visitor = any(s.mention.type == "PERSON" for s in arrivals) or has_word(tokens, *near, DELEGATION)
        if trigger.entry.frame == "arrive" and visitor and not items and not equipment:
            return "MEETING", "meet"  # وصل الرئيس ... إلى موسكو، وصل وفد ... إلى أبوجا: a visit
        # a receiver may stand after a shipment noun that ends this verb's window (أرسلت شحنات ... إلى X)
        receivers = [s for s in view.slots if trigger.last < s.first < max(hi, reach)
                     and s.mention.type in ("GPE", "ORG", "FORCE") and role_for(frame, s.cue, s.mention.type)
                     == "recipient"]
        if not receivers and any(s.mention.type in ("GPE", "FORCE") for s in movers) and items:
            return "DEPLOYMENT", "deploy"  # بعثت الهند فرقاطات لتشارك في تدريبات بحرية: nobody receives them
        type_ = "TRANSFER"
    if frame == "host" and (items or equipment):
        type_, frame = "TRANSFER", "get"
    if type_ == "TRANSFER":
        if frame == "give" and items and not equipment and all(i.category == "base" for i in items):
            return "WITHDRAWAL", "handover"  # أعادت بلجيكا معسكراتها الأخيرة في رواندا إلى السلطات
        if equipment or any(i.category == "military" for i in items):
            return "ARMS_TRANSFER", frame
        if any(i.category == "civil" for i in items):
            return "AID", frame
        return None
    return type_, frame


def _location(view: SentenceView, found: dict[int, str], args: list[Argument], type_: str,
              trigger: Trigger, window: tuple[int, int]) -> int | None:
    """The place: a captured place, else a place after في/إلى/ب nearest the trigger, else the host."""
    if type_ == "MILITARY_OPERATION":
        for a in args:
            if a.role == "target" and a.mention is not None and view_type(view, a.mention) in PLACE_TYPES:
                return a.mention
    cues = PLACE_CUES + (("SUBJ", "OBJ", "GEN") if type_ == "MEETING" else ())
    places = [(k, view.slots[k]) for k, cue in found.items()
              if cue in cues and view.slots[k].mention.type in PLACE_TYPES]
    if places:
        places.sort(key=lambda ks: (found[ks[0]] not in PLACE_CUES, ks[1].mention.type != "FAC",
                                    abs(ks[1].first - trigger.first)))
        return places[0][1].index
    for a in args:
        if a.role in ("host", "recipient") and a.mention is not None \
                and view_type(view, a.mention) in PLACE_TYPES:
            return a.mention
    if type_ == "MILITARY_OPERATION":  # على ثكنة ... جنوب غرب البلاد: a direction phrase is a place by itself
        lo, hi = window
        return next((s.index for s in view.slots if lo <= s.first < hi and not s.cue
                     and s.mention.type in PLACE_TYPES and _directional(s.mention.text)), None)
    return None


def _directional(text: str) -> bool:
    first = normalize(text.split()[0]) if text.split() else ""
    return first in DIRECTIONS


def build_event(view: SentenceView, trigger: Trigger, lo: int, hi: int,
                reach: int | None = None) -> Candidate | None:
    """The event a trigger reports in its window tokens[lo:hi], or None when the words around it
    say it is no event; whether it can be cited is decided after merging (`acceptable`). A transfer
    verb whose window names no item may take them up to `reach`, its clause's end (أرسلت الإمارات
    شحنات من الذخيرة: the shipment noun, itself a trigger, holds the items)."""
    tokens = view.tokens
    in_quote = any(s <= trigger.start < e for s, e in view.quotes)
    if not trigger.is_verb and view.has(max(0, trigger.first - 3), trigger.first, TOPIC_MARKERS):
        return None  # فيما يتعلق بتقديم المساعدات، في مجال التدريب: a topic, not a report
    if not trigger.is_verb and view.has(lo, trigger.first, PURPOSE):
        return None  # وتهدف إلى ... التدريب: a goal, not a report
    if view.has(max(0, trigger.first - CANCEL_WINDOW), trigger.first, CANCEL):
        return None  # ألغت صفقة، أرجأت انتشارها، لم توقع
    if relative_aim(tokens, trigger):
        return None  # الجيش الذي يهدف إلى استعادة الميناء: an aim, not an event
    # سفن وصلت عام 2017: a clause describing an item takes no participant from the main clause
    described = describes_item(tokens, view.slots, trigger)
    if trigger.entry.frame == "capture" and trigger.entry.pos == "I" and not trigger.future:
        return None  # تسيطر على: a state of control, not a capture
    found = positions(tokens, view.slots, trigger, lo, hi, view.quotes, view.flags)
    found = {k: cue for k, cue in found.items()
             if not (cue in ("PRE", "NPRE") and _after_say_verb(view, view.slots[k], trigger))}
    if trigger.entry.type in STANCE_TYPES:
        for k in bystanders(tokens, view.slots, trigger, found):
            del found[k]
    if described:
        found = {k: cue for k, cue in found.items() if view.slots[k].first > trigger.last}
    taken = view.mention_spans + [(trigger.start, trigger.end)]
    items = find_items(view.body, tokens, lo, hi, view.quantities, taken, view.flags)
    if not items and reach is not None and reach > hi and trigger.entry.type in ("TRANSFER", "MOVE", "AID"):
        items = find_items(view.body, tokens, hi, reach, view.quantities, taken, view.flags)
    equipment = [s for s in view.slots if s.mention.type == "EQUIPMENT" and lo <= s.first < hi]
    if not items and not equipment and trigger.entry.frame in MONEY_FRAMES and trigger.last + 1 < hi:
        items = money_item(view, trigger, hi)
    resolved = _resolve_type(trigger, view, lo, hi, found, items, equipment, reach or hi)
    if resolved is None or (in_quote and resolved[0] not in QUOTE_TYPES):
        return None
    type_, frame = resolved
    heading = destination(view, trigger, hi) if type_ == "WITHDRAWAL" else None
    if heading is not None:  # غادر ... متجها إلى X: a deployment to X
        type_, frame = "DEPLOYMENT", "deploy"
        found = drop_origin(view, trigger, found, lo, heading)
        hi = max(hi, heading + 2)
    args: list[Argument] = []
    carried = view.carried
    # a subject is dropped when the verb is followed by a particle or preposition (ثم سيطر على ...),
    # not by a noun (وقع الوزيران، غادر آخر جندي)
    following = tokens[trigger.last + 1].norm if trigger.last + 1 < len(tokens) else ""
    explicit = bool(following) and following not in PREPOSITIONS and following not in DROP_PARTICLES \
        and tokens[trigger.last + 1].is_word
    if trigger.is_verb and carried is not None and not explicit and not described \
            and not any(c in ("SUBJ", "PRE") for c in found.values()):
        role = role_for(frame, "PRE", carried.mention.type)  # a dropped subject: the previous sentence's
        if role is not None:
            role = AID_ROLES.get(role, role) if type_ == "AID" else role
            args.append(Argument(role, carried.mention.text, carried.mention.start, carried.mention.end,
                                 carried.index))
    single: dict[str, int] = {}
    for k in sorted(found, key=lambda k: (found[k] in ("PRE", "NPRE"), view.slots[k].first)):
        slot = view.slots[k]
        if slot.mention.type == "EQUIPMENT" and type_ != "MILITARY_OPERATION":
            continue
        role = role_for(frame, found[k], slot.mention.type)
        if role is None or role == "-" or (role == "force" and not _is_force(view, slot)):
            continue
        role = AID_ROLES.get(role, role) if type_ == "AID" else role
        if role in SINGLE_ROLES and role in single and slot.head is None:
            continue
        single.setdefault(role, k)
        if any(a.mention == slot.index for a in args):
            continue
        args.append(Argument(role, slot.mention.text, slot.mention.start, slot.mention.end, slot.index))
    if type_ == "MEETING":
        _places_out_of_meeting(view, args)
    if type_ == "TRAINING" and not trigger.is_verb and has_word(tokens, lo, trigger.first, RECEIVE_VERBS):
        for a in args:  # يتلقى ضباط سلاح الجو تدريبا: who receives training is trained
            a.role = "trainee" if a.role == "trainer" else a.role
    if type_ == "PRODUCTION":  # the product follows the verb: إنتاج الذخائر (not مقاتلة تنتجها داسو)
        equipment = [s for s in equipment if s.first > trigger.last]
        items = [i for i in items if i.start > trigger.start]
    if type_ in ITEM_TYPES:
        for slot in equipment:
            args.append(Argument("item", slot.mention.text, slot.mention.start, slot.mention.end, slot.index))
        for item in items:
            if type_ == "AID" or item.category == "military":
                args.append(Argument("item", item.text, item.start, item.end, None, item.quantity, item.unit,
                                     item.approximate))
    if type_ == "RECRUITMENT":
        for r in find_recruits(view.body, tokens, lo, hi, view.quantities, trigger.start, trigger.end):
            args.append(Argument("recruit", r.text, r.start, r.end, None, r.quantity, None, r.approximate))
    # the agreement noun may itself be a trigger (أبرمت مصر صفقة): look past the window
    topic = agreement_topic(view, lo, max(hi, min(len(tokens), trigger.last + 8)), trigger) \
        if type_ == "AGREEMENT" else None
    if type_ == "PLEDGE":
        topic = pledged(view, trigger, len(tokens))
    if topic is not None:
        args.append(Argument("topic", topic.text, topic.start, topic.end, None, topic.quantity))
    if type_ in ("DEPLOYMENT", "WITHDRAWAL") and view.home is not None \
            and not any(a.role == "host" for a in args) and has_word(tokens, lo, hi, HOME_WORDS):
        home = view.home.mention
        args.append(Argument("host", home.text, home.start, home.end, view.home.index))
    if type_ in ("DEPLOYMENT", "WITHDRAWAL") and not any(a.role == "force" for a in args):
        force = force_phrase(view, trigger, lo, hi)
        if force is not None:
            args.append(force)
    if type_ in ("ARMS_TRANSFER", "AID") and frame == "get" and view.home is not None \
            and not any(a.role == "recipient" for a in args) \
            and has_word(tokens, max(lo, trigger.first - 2), trigger.first, OWN_COUNTRY):
        home = view.home.mention  # أعلن الوزير أن بلاده تسلمت ...: the article's country receives
        args.append(Argument("recipient", home.text, home.start, home.end, view.home.index))
    if type_ == "ARMS_TRANSFER" and not any(a.role == "recipient" for a in args):
        receiver = described_recipient(view, trigger, hi)  # استلمت القاعدة البحرية ...
        if receiver is not None:
            args.append(receiver)
    location = _location(view, found, args, type_, trigger, (lo, hi))
    scope = (tokens[lo].start, tokens[hi - 1].end if hi > lo else tokens[lo].end)
    status = event_status(tokens, trigger, lo, view.marks)
    if status == "occurred" and view.has(trigger.last + 1, hi, FUTURE_TIME):
        status = "planned"  # يزور ... الأسبوع المقبل
    event = EventMention(type_, Span(trigger.start, trigger.end), view.span, args, None, location, status)
    explicit = any(a.mention is not None and found.get(_slot_pos(view, a.mention), "") not in POSITIONS
                   for a in args)
    plural = type_ == "MILITARY_OPERATION" and normalize(view.body[trigger.start:trigger.end]).endswith("ات")
    return Candidate(event, scope, (lo, hi), topic is not None, explicit, in_quote, plural, trigger.is_verb,
                     frame)


def _is_force(view: SentenceView, slot: Slot) -> bool:
    """An ORG is a force only when a force noun names it (مهمة الأمم المتحدة), not a parliament."""
    if slot.mention.type != "ORG":
        return True
    if slot.first == 0:
        return False
    return has_stem(view.tokens[slot.first - 1].norm, FORCE_NOUNS)


def _places_out_of_meeting(view: SentenceView, args: list[Argument]) -> None:
    """With a person among the participants, a country or city is where they met, not who met."""
    kinds = {a.mention: view_type(view, a.mention) for a in args if a.mention is not None}
    if "PERSON" not in kinds.values():
        return
    args[:] = [a for a in args if not (a.role == "participant" and kinds.get(a.mention) in PLACE_TYPES)]
    # على هامش أعمال قمة الاتحاد: the body hosting the summit is the occasion, not one of those who met
    args[:] = [a for a in args if not (a.role == "participant" and kinds.get(a.mention) == "ORG"
                                       and _on_sidelines(view, a.start))]


def _on_sidelines(view: SentenceView, start: int) -> bool:
    before = [t for t in view.tokens if t.end <= start][-SIDELINES_REACH:]
    return any(stem == "هامش" for t in before for _, stem in splits(t.norm))


def _slot_pos(view: SentenceView, mention_index: int) -> int:
    return view.slot_of.get(mention_index, -1)
