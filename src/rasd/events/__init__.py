"""Typed events from trigger lexicons and argument patterns, one EventMention per event and sentence.

For each sentence: find triggers (triggers.py), give each its clause scope
(clauses.py), read its participants from the entity mentions around it
(arguments.py), its generic items and quantities (items.py), its date, place
and status, keep it only when it can be cited (build.py), then merge the
triggers of one sentence that report the same event (`اشتباك خاضه اللواء ...
وانتهى بالاستيلاء على تل الزيتون`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from rasd.events.arguments import Slot, sentence_slots
from rasd.events.build import build_event
from rasd.events.citable import acceptable
from rasd.events.clauses import QUOTE_PAIRS, clause_starts, long_quote_spans, scope_of
from rasd.events.discourse import link_discourse
from rasd.events.lexicon import CUES, has_stem
from rasd.events.makers import maker_relative, supply_makers
from rasd.events.mend import mend_sentences
from rasd.events.merging import DISTINCT_ROLES, GAPPED_TYPES, gapped, merge_sentence
from rasd.events.metonymy import capitals_as_countries
from rasd.events.origin import supply_from_origin
from rasd.events.support import deployment_details
from rasd.events.triggers import Trigger, find_triggers
from rasd.events.view import COMPLEMENTIZERS, TOPIC_MARKERS, SentenceView, sentence_flags
from rasd.events.when import event_date, temporal_clauses
from rasd.model import Argument, Document, EventMention, Mention, Span
from rasd.text.tokens import tokens_between

SAY_VERBS = CUES.get("say", frozenset())
BOUNDARIES = CUES.get("boundary", frozenset())
SUBJECT_TYPES = frozenset({"PERSON", "ORG", "GPE", "FORCE"})
LEAD_MIN_WORDS = 8  # the first sentence this long is the lead (shorter ones are headings)
GAP_OPENERS = frozenset({"ثم", "وثم"})
# after a trigger, what follows أن/إن is reported content and what follows حول/بشأن its topic
WINDOW_ENDS = COMPLEMENTIZERS | TOPIC_MARKERS
QUOTE_MARKS = frozenset(QUOTE_PAIRS)
TOWN_WORDS = frozenset({"مدينه", "العاصمه", "بلده", "قريه", "ولايه", "محافظه", "اقليم"})


def _named_as_town(tokens: list, slot: Slot) -> bool:
    """A GPE introduced as a city or province (مدينة باماكو) is not the article's country."""
    before = tokens[slot.first - 1].norm if slot.first > 0 else ""
    return has_stem(before, TOWN_WORDS)


def _subject(tokens: list, slots: list[Slot]) -> Slot | None:
    """The first bare name of a sentence (not the source after ذكرت/قال), the subject a next
    sentence may drop."""
    for s in slots:
        if s.cue or s.head is not None or s.mention.type not in SUBJECT_TYPES:
            continue
        if any(t.norm.lstrip("وف") in SAY_VERBS for t in tokens[max(0, s.first - 3):s.first]):
            continue
        return s
    return None


def _mentions_in(mentions: list[tuple[int, Mention]], starts: list[int], sentence: Span) -> list:
    """The (index, mention) pairs inside a sentence; `mentions` sorted by start, `starts` theirs,
    so a sentence reads only its own stretch of the list."""
    here = []
    for k in range(bisect_left(starts, sentence.start), len(mentions)):
        m = mentions[k][1]
        if m.start > sentence.end:
            break
        if m.end <= sentence.end:
            here.append(mentions[k])
    return here


def _count_home(counts: Counter[str], leader: str | None, key: str) -> str:
    """Count a GPE and return the new most named one (on a tie the first named, as
    Counter.most_common(1)), without sorting the counts for every name."""
    counts[key] += 1
    if leader is None or key == leader:
        return key
    if counts[key] > counts[leader]:
        return key
    if counts[key] == counts[leader] and _first_named(counts, key, leader) == key:
        return key
    return leader


def _first_named(counts: Counter[str], a: str, b: str) -> str:
    """Which of two counted keys was counted first (a Counter keeps insertion order)."""
    return next(k for k in counts if k in (a, b))


def extract_events(doc: Document) -> Document:
    """Pipeline component: fill doc.events with the events each sentence reports."""
    body = doc.body
    if not body:
        doc.events = []
        return doc
    sentences = mend_sentences(body, doc.sentences or [Span(0, len(body))])
    mentions = sorted(enumerate(doc.mentions), key=lambda im: im[1].start)
    starts = [m.start for _, m in mentions]
    quotes = [(q.start, q.end) for q in doc.quotes if len(q.text.split()) >= 5]
    events: list[tuple[EventMention, str, int]] = []
    carried: Slot | None = None
    home_counts: Counter[str] = Counter()
    home: Slot | None = None
    leader: str | None = None  # home_counts.most_common(1)[0][0], kept up to date
    lead = next((s for s in sentences if len(body[s.start:s.end].split()) >= LEAD_MIN_WORDS), None)
    for number, sentence in enumerate(sentences):
        text = body[sentence.start:sentence.end]
        tokens = tokens_between(body, sentence.start, sentence.end)
        flags = sentence_flags(tokens)
        here = _mentions_in(mentions, starts, sentence)
        slots = sentence_slots(body, tokens, here)
        triggers = find_triggers(tokens, flags)
        if triggers:
            spans = long_quote_spans(text, sentence.start) if QUOTE_MARKS & set(text) else []
            view = SentenceView(body, sentence, tokens, slots, doc.published, quotes + spans, carried, home,
                                flags)
            found = _sentence_events(view, triggers)
            if sentence == lead and doc.published:
                for ev, _ in found:  # the lead reports the news of the day: its month is the publication's
                    if ev.date is None and ev.status != "reported":
                        ev.date = doc.published[:7]
            events.extend((ev, frame, number) for ev, frame in found)
        carried = _subject(tokens, slots)
        for slot in slots:  # the article's main country: its most named GPE so far
            if slot.mention.type == "GPE" and not _named_as_town(tokens, slot):
                key = slot.mention.gaz_id or slot.mention.key
                leader = _count_home(home_counts, leader, key)
                if home is None or key == leader:
                    home = slot
    link_discourse(events, {i: m.type for i, m in enumerate(doc.mentions)})
    doc.events = [ev for ev, _, _ in events]
    supply_from_origin(doc)  # before the capitals: صفقة مع واشنطن is a deal with the US
    capitals_as_countries(doc)
    deployment_details(doc)
    return doc


def _sentence_events(view: SentenceView, triggers: list[Trigger]) -> list[tuple[EventMention, str]]:
    """The events of one sentence with their trigger frames, dates scoped to each trigger's clause."""
    starts = clause_starts(view.tokens, view.flags)
    trigger_tokens = {t.first for t in triggers}
    built = []
    makers: list[Argument] = []
    for n, trigger in enumerate(triggers):
        lo, hi = scope_of(trigger.first, starts, len(view.tokens))
        # past a shipment or deal noun (أرسلت شحنات من الذخيرة إلى ...) a sending verb still finds its items
        following = triggers[n + 1] if n + 1 < len(triggers) else None
        reach = hi if following is not None and following.entry.frame in ("arrive", "deal") else None
        if n > 0:  # arguments after the previous trigger and before the next belong to this one
            lo = max(lo, triggers[n - 1].last + 1)
        if n + 1 < len(triggers) and not _same_meeting(trigger, triggers[n + 1]):
            hi = min(hi, triggers[n + 1].first)
        hi = min([hi] + [j for j in range(trigger.last + 1, hi) if view.tokens[j].norm in WINDOW_ENDS])
        candidate = build_event(view, trigger, lo, hi, reach)
        if candidate is not None and maker_relative(view, trigger):  # مقاتلة تنتجها شركة ...
            makers += [a for a in candidate.event.arguments if a.role == "producer" and a.mention is not None]
        elif candidate is not None:
            built.append((trigger, candidate))
    supply_makers([c.event for _, c in built], makers)
    if not any(c.event.arguments or c.event.location is not None for _, c in built):
        return []  # nothing to cite: spare the date parser
    # a trigger with no named participant keeps no date from its neighbours
    scopes = [c.scope for _, c in built if any(a.mention is not None for a in c.event.arguments)]
    sentence = (view.span.start, view.span.end)
    embedded = temporal_clauses(view.tokens, view.dates, BOUNDARIES) if view.dates else []
    for trigger, c in built:
        others = [s for s in scopes if s != c.scope]
        c.event.date = event_date(view.body, view.dates, trigger.start, c.scope, sentence, others, embedded)
    types = {s.index: s.mention.type for s in view.slots}
    groups = merge_sentence([c.event for _, c in built], types)
    kept = [(built[g[0]][1].event, built[g[0]][0].entry.frame) for g in groups
            if acceptable(view, [built[i][1] for i in g])]
    merged = [ev for ev, _ in kept]
    gaps = _gapped_events(view, starts, trigger_tokens, merged)
    return kept + [(ev, "") for ev in gaps]


def _same_meeting(trigger: Trigger, following: Trigger) -> bool:
    """`بحث X، خلال لقائه، ... Y`: a meeting noun after a meeting verb names the same meeting, so the
    verb's partner may stand after it."""
    return trigger.is_verb and not following.is_verb \
        and trigger.entry.type == following.entry.type == "MEETING"


def _gapped_events(view: SentenceView, starts: list[int], trigger_tokens: set[int],
                   events: list[EventMention]) -> list[EventMention]:
    """`..., ثم فرقة الإسناد الأوروبية في نهاية عام 2022`: the last event again for a new force."""
    if not events or events[-1].type not in GAPPED_TYPES:
        return []
    last = events[-1]
    role = DISTINCT_ROLES[last.type][0]
    found = []
    bounds = starts + [len(view.tokens)]
    for k, start in enumerate(starts):
        end = bounds[k + 1]
        if view.tokens[start].norm not in GAP_OPENERS or any(start <= t < end for t in trigger_tokens):
            continue
        if view.tokens[start].start < last.trigger.end:
            continue
        slot = next((s for s in view.slots if start < s.first < end and not s.cue
                     and s.mention.type in ("FORCE", "ORG", "GPE")), None)
        if slot is None:
            continue
        span = (view.tokens[start].start, view.tokens[end - 1].end)
        date = next((d.edtf for d in view.dates if span[0] <= d.start < span[1]), None)
        arg = Argument(role, slot.mention.text, slot.mention.start, slot.mention.end, slot.index)
        found.append(gapped(last, role, arg, date))
    return found
