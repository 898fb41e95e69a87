"""One EventMention from one trigger: its type, participants, items, place, date and status.

Precision first: an event is kept only when the roles an analyst needs to
cite it are there (an entity participant, and the item of a transfer, the
agreement of a signing, the force of a deployment...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rasd.events.arguments import Slot, positions, role_for
from rasd.events.items import Item, _quantity_before, find_items, find_recruits
from rasd.events.lexicon import CUES, PREPOSITIONS, splits
from rasd.events.status import event_status, stems_of
from rasd.events.triggers import Trigger
from rasd.events.when import may_have_amount, may_have_date, sentence_dates, sentence_quantities
from rasd.model import Argument, EventMention, Span
from rasd.text.dates import DateMatch
from rasd.text.normalize import normalize
from rasd.text.tokens import Token, original_prefix_length

FORCE_NOUNS = CUES.get("force", frozenset())
HOSTILE = CUES.get("hostile", frozenset())
AGREEMENT_NOUNS = CUES.get("agreement", frozenset())
SAY_VERBS = CUES.get("say", frozenset())
TOPIC_MARKERS = CUES.get("topicmarker", frozenset())
CANCEL = CUES.get("cancel", frozenset())
GENERIC_TOPICS = CUES.get("generic", frozenset())
FUTURE_TIME = CUES.get("future", frozenset())
DROP_PARTICLES = frozenset({"كذلك", "ايضا", "مجددا", "لاحقا", "بدورها", "بدوره", "اليوم", "امس"})
PURPOSE = CUES.get("purpose", frozenset())
CANCEL_WINDOW = 4  # tokens before a trigger where a negation or cancellation governs it
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "انه", "انها", "بانه", "بانها"})
HOME_WORDS = frozenset({"البلاد"})  # "the country": the article's main country
POSITIONS = frozenset({"SUBJ", "OBJ", "GEN", "PRE", "NPRE", "HELPER", ""})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_CUES = ("في", "الي", "ب", "لدي")
SINGLE_ROLES = frozenset({"supplier", "recipient", "donor", "host", "producer", "recruiter", "trainer",
                          "trainee", "agent"})
ITEM_TYPES = frozenset({"ARMS_TRANSFER", "AID", "DEPLOYMENT", "PRODUCTION"})
AID_ROLES = {"supplier": "donor"}
TOPIC_STOPS = frozenset({"بين", "مع", "بهدف", "خلال", "في", "من", "الي", "علي", "عن", "بعد", "قبل", "التي",
                         "الذي", "لتعزيز", "وذلك"})
QUOTE_TYPES = frozenset({"ARMS_TRANSFER", "AID"})  # the only facts taken from inside long quotations


@dataclass
class Candidate:
    """An event one trigger reports, with what `acceptable` needs once triggers are merged."""

    event: EventMention
    scope: tuple[int, int]  # character span of the trigger's window
    window: tuple[int, int]  # token range
    has_topic: bool
    explicit: bool  # a participant came with an explicit preposition (من روسيا)
    in_quote: bool
    plural: bool  # a plural attack noun (هجمات)
    verb: bool = False  # told by a verb (قصفت ...), not only named by a noun
    frame: str = ""


@dataclass
class SentenceView:
    """What every trigger of one sentence shares."""

    body: str
    span: Span
    tokens: list[Token]
    slots: list[Slot]
    published: str | None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    carried: Slot | None = None  # the previous sentence's subject, for a dropped subject
    home: Slot | None = None  # the article's main country so far, for البلاد

    parsed: dict[tuple[int, int], list[Any]] = field(default_factory=dict)

    # the number and date parsers are costly: run them only where an item, a recruit or an event is
    def quantities(self, start: int, end: int) -> list[Any]:
        """Amounts in body[start:end] (offsets into the body)."""
        if (start, end) not in self.parsed:
            window = [t for t in self.tokens if start <= t.start < end]
            self.parsed[(start, end)] = sentence_quantities(self.body[start:end], start) \
                if may_have_amount(window) else []
        return self.parsed[(start, end)]

    @cached_property
    def dates(self) -> list[DateMatch]:
        if not may_have_date(self.tokens):
            return []
        return sentence_dates(self.body[self.span.start:self.span.end], self.span.start, self.published)


def _has_word(tokens: list[Token], lo: int, hi: int, words: frozenset[str]) -> bool:
    """Whether a word of `words` (after clitics) is among tokens[lo:hi]."""
    return any(not stems_of(t.norm).isdisjoint(words) for t in tokens[lo:hi])


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


def _agreement_noun(stem: str) -> bool:
    """An agreement noun, also in the accusative (عقدا) or with a pronoun (اتفاقيتها)."""
    return stem in AGREEMENT_NOUNS or stem.endswith("ا") and stem[:-1] in AGREEMENT_NOUNS


def _topic(view: SentenceView, lo: int, hi: int, trigger: Trigger) -> Item | None:
    """The agreement noun phrase a signing is about (`3 مذكرات تفاهم بشأن الطاقة النووية`)."""
    tokens = view.tokens
    for k in range(lo, hi):
        if any((s <= tokens[k].start < e) != (s <= trigger.start < e) for s, e in view.quotes):
            continue
        split = next(((n, s) for n, s in splits(tokens[k].norm)
                      if _agreement_noun(s[2:] if s.startswith("ال") else s)), None)
        if split is None:
            continue
        start = tokens[k].start + original_prefix_length(tokens[k].text, split[0])
        end, j = tokens[k].end, k + 1
        while j < hi and j - k < 6 and tokens[j].is_word and tokens[j].norm not in TOPIC_STOPS:
            end, j = tokens[j].end, j + 1
        item = Item(start, end, view.body[start:end], "topic")
        q = _quantity_before(view.quantities, start, tokens, k)
        if q is not None:
            item.quantity = q.value
        return item
    return None


def _resolve_type(trigger: Trigger, view: SentenceView, lo: int, hi: int, found: dict[int, str],
                  items: list[Item], equipment: list[Slot]) -> tuple[str, str] | None:
    """The event type and frame once the words around the trigger are known."""
    type_, frame = trigger.entry.type, trigger.entry.frame
    tokens = view.tokens
    near = (trigger.last + 1, min(hi, trigger.last + 4))
    if frame == "expel" and _has_word(tokens, *near, HOSTILE):
        return "MILITARY_OPERATION", "capture"
    if type_ == "MOVE":
        movers = [view.slots[k] for k, cue in found.items() if cue in ("SUBJ", "GEN", "OBJ", "PRE", "NPRE")]
        if any(s.mention.type == "FORCE" for s in movers) or _has_word(tokens, *near, FORCE_NOUNS):
            return "DEPLOYMENT", "deploy"
        receivers = [s for k, cue in found.items()
                     if (s := view.slots[k]).mention.type in ("GPE", "ORG", "FORCE")
                     and role_for(frame, cue, s.mention.type) == "recipient"]
        if not receivers and any(s.mention.type in ("GPE", "FORCE") for s in movers) and items:
            return "DEPLOYMENT", "deploy"  # أرسلت روسيا سفنا للمشاركة في مناورات: nobody receives them
        type_ = "TRANSFER"
    if frame == "host" and (items or equipment):
        type_, frame = "TRANSFER", "get"
    if type_ == "TRANSFER":
        if frame == "give" and items and not equipment and all(i.category == "base" for i in items):
            return "WITHDRAWAL", "handover"  # سلمت فرنسا آخر قواعدها العسكرية في السنغال
        if equipment or any(i.category == "military" for i in items):
            return "ARMS_TRANSFER", frame
        if any(i.category == "civil" for i in items):
            return "AID", frame
        return None
    return type_, frame


def _location(view: SentenceView, found: dict[int, str], args: list[Argument], type_: str,
              trigger: Trigger) -> int | None:
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
    return None


def view_type(view: SentenceView, mention_index: int) -> str | None:
    return next((s.mention.type for s in view.slots if s.index == mention_index), None)


def _enough(type_: str, args: list[Argument], location: int | None, view: SentenceView,
            lo: int, hi: int, has_topic: bool) -> bool:
    """Whether the roles an analyst needs are present."""
    roles: dict[str, list[Argument]] = {}
    for a in args:
        roles.setdefault(a.role, []).append(a)
    entity = {r for r, group in roles.items() if any(a.mention is not None for a in group) and r != "item"}
    if type_ in ("ARMS_TRANSFER", "AID"):
        return bool(entity & {"supplier", "recipient", "donor"}) and "item" in roles
    if type_ == "AGREEMENT":
        return "party" in entity and has_topic
    if type_ in ("DEPLOYMENT", "WITHDRAWAL"):
        forces = roles.get("force", [])
        if forces and all(a.mention is None for a in forces):  # a described force needs a named host
            return "host" in entity
        if not forces:
            return False
        typed = [view_type(view, a.mention) for a in forces if a.mention is not None]
        return "FORCE" in typed or _has_word(view.tokens, lo, hi, FORCE_NOUNS)
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


def build_event(view: SentenceView, trigger: Trigger, lo: int, hi: int) -> Candidate | None:
    """The event a trigger reports in its window tokens[lo:hi], or None when the words around it
    say it is no event; whether it can be cited is decided after merging (`acceptable`)."""
    tokens = view.tokens
    in_quote = any(s <= trigger.start < e for s, e in view.quotes)
    if not trigger.is_verb and _has_word(tokens, max(0, trigger.first - 3), trigger.first, TOPIC_MARKERS):
        return None  # فيما يتعلق بتقديم المساعدات، في مجال التدريب: a topic, not a report
    if not trigger.is_verb and _has_word(tokens, lo, trigger.first, PURPOSE):
        return None  # وتهدف إلى ... التدريب: a goal, not a report
    if _has_word(tokens, max(lo, trigger.first - CANCEL_WINDOW), trigger.first, CANCEL):
        return None  # ألغت صفقة، أرجأت انتشارها، لم توقع
    if trigger.entry.frame == "capture" and trigger.entry.pos == "I" and not trigger.future:
        return None  # تسيطر على: a state of control, not a capture
    found = positions(tokens, view.slots, trigger, lo, hi, view.quotes)
    found = {k: cue for k, cue in found.items()
             if not (cue in ("PRE", "NPRE") and _after_say_verb(view, view.slots[k], trigger))}
    taken = [(s.mention.start, s.mention.end) for s in view.slots] + [(trigger.start, trigger.end)]
    items = find_items(view.body, tokens, lo, hi, view.quantities, taken)
    equipment = [s for s in view.slots if s.mention.type == "EQUIPMENT" and lo <= s.first < hi]
    if not items and not equipment and trigger.entry.frame in ("give", "get") and trigger.last + 1 < hi:
        items = _money(view, trigger, hi)
    resolved = _resolve_type(trigger, view, lo, hi, found, items, equipment)
    if resolved is None or (in_quote and resolved[0] not in QUOTE_TYPES):
        return None
    type_, frame = resolved
    args: list[Argument] = []
    carried = view.carried
    # a subject is dropped when the verb is followed by a particle or preposition (ثم سيطر على ...),
    # not by a noun (وقع الوزيران، غادر آخر جندي)
    following = tokens[trigger.last + 1].norm if trigger.last + 1 < len(tokens) else ""
    explicit = bool(following) and following not in PREPOSITIONS and following not in DROP_PARTICLES \
        and tokens[trigger.last + 1].is_word
    if trigger.is_verb and carried is not None and not explicit \
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
    topic = _topic(view, lo, max(hi, min(len(tokens), trigger.last + 8)), trigger) \
        if type_ == "AGREEMENT" else None
    if type_ == "PLEDGE":
        topic = _pledged(view, trigger, len(tokens))
    if topic is not None:
        args.append(Argument("topic", topic.text, topic.start, topic.end, None, topic.quantity))
    if type_ in ("DEPLOYMENT", "WITHDRAWAL") and view.home is not None \
            and not any(a.role == "host" for a in args) and _has_word(tokens, lo, hi, HOME_WORDS):
        home = view.home.mention
        args.append(Argument("host", home.text, home.start, home.end, view.home.index))
    if type_ in ("DEPLOYMENT", "WITHDRAWAL") and not any(a.role == "force" for a in args):
        force = _force_phrase(view, trigger, lo, hi)
        if force is not None:
            args.append(force)
    location = _location(view, found, args, type_, trigger)
    scope = (tokens[lo].start, tokens[hi - 1].end if hi > lo else tokens[lo].end)
    status = event_status(tokens, trigger, lo)
    if status == "occurred" and _has_word(tokens, trigger.last + 1, hi, FUTURE_TIME):
        status = "planned"  # يزور ... الأسبوع المقبل
    event = EventMention(type_, Span(trigger.start, trigger.end), view.span, args, None, location, status)
    explicit = any(a.mention is not None and found.get(_slot_pos(view, a.mention), "") not in POSITIONS
                   for a in args)
    plural = type_ == "MILITARY_OPERATION" and normalize(view.body[trigger.start:trigger.end]).endswith("ات")
    return Candidate(event, scope, (lo, hi), topic is not None, explicit, in_quote, plural, trigger.is_verb,
                     frame)


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
        struck = ev.type == "MILITARY_OPERATION" and ev.location is not None and any(m.verb for m in members)
        if not struck:
            return False
    targeted = any(a.role == "target" and a.mention is not None for a in ev.arguments)
    if all(m.frame == "capture" for m in members) and not targeted:
        return False  # استعادة الاستقرار: a capture names what is taken
    # تصاعد هجمات ...: attacks in general, unless their target is named
    return not (all(m.plural for m in members) and not targeted)


def _force_phrase(view: SentenceView, trigger: Trigger, lo: int, hi: int) -> Argument | None:
    """A force named by a noun and its adjective (القوة الفرنسية، قوات تركية) when no name is given:
    right after the trigger (انسحاب القوات ...), else the nearest before it (أجبر ... القوة الفرنسية على
    الرحيل)."""
    tokens = view.tokens
    after = range(trigger.last + 1, min(hi, trigger.last + 3))
    before = range(trigger.first - 1, max(lo, trigger.first - 8) - 1, -1)
    for k in [*after, *before]:
        split = next(((n, stem) for n, stem in splits(tokens[k].norm) if stem in FORCE_NOUNS), None)
        if split is None or any(s.first <= k <= s.last for s in view.slots):
            continue
        start = tokens[k].start + original_prefix_length(tokens[k].text, split[0])
        end, j = tokens[k].end, k + 1
        while j < hi and j - k <= 2 and tokens[j].is_word and tokens[j].norm.endswith(("ي", "يه", "ين")) \
                and len(tokens[j].norm) > 3 and tokens[j].norm not in PREPOSITIONS \
                and not any(s.first <= j <= s.last for s in view.slots):
            end, j = tokens[j].end, j + 1
        if j == k + 1:
            return None  # a bare قوات says nothing about whose forces
        return Argument("force", view.body[start:end], start, end)
    return None


def _money(view: SentenceView, trigger: Trigger, hi: int) -> list[Item]:
    """A sum of money given or received is itself the item (قدمت قطر 50 مليون دولار للسودان)."""
    tokens = view.tokens
    end = tokens[min(hi, trigger.last + 5) - 1].end
    for q in view.quantities(tokens[trigger.last + 1].start, end):
        if getattr(q, "kind", "") == "money":
            return [Item(q.start, q.end, q.text, "civil", q.value, getattr(q, "unit_text", None),
                         bool(getattr(q, "approximate", False)))]
    return []


def _pledged(view: SentenceView, trigger: Trigger, hi: int) -> Item | None:
    """What a pledge promises: the بـ phrase after the verb (تعهدت اليابان بتقديم مساعدات غذائية),
    unless it is only to strengthen relations or cooperation (a generic statement)."""
    tokens = view.tokens
    k = next((j for j in range(trigger.last + 1, min(hi, trigger.last + 4))
              if tokens[j].norm.startswith("ب") and len(tokens[j].norm) > 3), None)
    if k is None:
        return None
    words = [t for t in tokens[k:min(hi, k + 5)] if t.is_word]
    if any(stem in GENERIC_TOPICS for t in words[:2] for _, stem in splits(t.norm)):
        return None
    start = tokens[k].start + 1
    end = words[-1].end
    return Item(start, end, view.body[start:end], "topic")


def _is_force(view: SentenceView, slot: Slot) -> bool:
    """An ORG is a force only when a force noun names it (مهمة الأمم المتحدة), not a parliament."""
    if slot.mention.type != "ORG":
        return True
    if slot.first == 0:
        return False
    return any(stem in FORCE_NOUNS for _, stem in splits(view.tokens[slot.first - 1].norm))


def _places_out_of_meeting(view: SentenceView, args: list[Argument]) -> None:
    """With a person among the participants, a country or city is where they met, not who met."""
    kinds = {a.mention: view_type(view, a.mention) for a in args if a.mention is not None}
    if "PERSON" not in kinds.values():
        return
    args[:] = [a for a in args if not (a.role == "participant" and kinds.get(a.mention) in PLACE_TYPES)]


def _quoted_fact(ev: EventMention, explicit: bool) -> bool:
    """Inside a quotation only a transfer with an explicit من/إلى party and a counted or named item
    is taken as a fact (`نستقبل ... من روسيا ... طائرتي هليكوبتر`); the rest is rhetoric."""
    counted = any(a.role == "item" and (a.quantity is not None or a.mention is not None)
                  for a in ev.arguments)
    return explicit and counted


def _slot_pos(view: SentenceView, mention_index: int) -> int:
    return next((k for k, s in enumerate(view.slots) if s.index == mention_index), -1)
