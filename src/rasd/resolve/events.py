"""One KB event per real-world event across all documents, with every piece of evidence.

Reports of the same event share its type, compatible dates and key
participants. Two reports merge when they share at least two participant or
place entities (or the only one each names), their dates overlap where both
give one, and no single-valued role (supplier, recipient, host, target,
location) names different entities. Every report stays as evidence, and
corroboration counts independent outlets: a copy (duplicate_of) or a second
article of the same outlet adds evidence but not corroboration.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rasd.model import Document, Entity, Event, EventParticipant, Evidence
from rasd.resolve.edtf import date_overlaps, more_precise
from rasd.resolve.event_blocking import ClusterIndex, known_span
from rasd.resolve.gc_pause import gc_paused
from rasd.text.normalize import normalize_key

# roles that name one entity per event: two reports naming different ones are different events
SINGLE_ROLES = frozenset({"supplier", "recipient", "host", "target", "donor", "trainer", "trainee",
                          "producer", "recruiter"})
ACTOR_ROLES = frozenset({"force", "agent", "party", "participant", "supplier", "donor", "trainer",
                         "recruiter", "producer"})
AFFILIATED = "aff:"  # a pseudo-entity: an actor named only by text that points to a listed entity
SYMMETRIC = {"party": "participant", "ally": "agent"}  # roles that name the same side
RECURRENT = frozenset({"MEETING"})
ITEM_ROLES = frozenset({"item", "topic", "recruit"})
STATUS_ORDER = {"occurred": 0, "planned": 1, "reported": 2}


@dataclass
class Report:
    """One event mention with its arguments resolved to KB entity ids."""

    type: str
    doc: Document
    evidence: Evidence
    date: str | None
    location: str | None
    status: str
    participants: list[EventParticipant]
    roles: dict[str, set[str]] = field(default_factory=dict)  # role -> entity ids
    cache: dict = field(default_factory=dict, repr=False)  # derived sets, computed once per run
    entities: frozenset[str] = field(init=False, repr=False)  # participants, affiliations, place

    def __post_init__(self) -> None:
        # set here, not as a cached_property: every report needs it, and 3.11's takes a lock
        found = {p.entity for p in self.participants if p.entity}
        found |= {e for ids in self.roles.values() for e in ids if e.startswith(AFFILIATED)}
        if self.location:
            found.add(self.location)
        self.entities = frozenset(found)


def _item_words(report: Report) -> set[str]:
    """Entity ids and content words of the items/topics a report names."""
    if "items" in report.cache:
        return report.cache["items"]
    words: set[str] = report.cache.setdefault("items", set())
    for p in report.participants:
        if p.role not in ITEM_ROLES:
            continue
        if p.entity:
            words.add(p.entity)
        words.update(_content_words(p.text))
    return words


@functools.lru_cache(maxsize=100_000)
def _key(text: str) -> str:
    """normalize_key, cached: a corpus repeats the same outlets, items and topics."""
    return normalize_key(text)


@functools.lru_cache(maxsize=100_000)
def _content_words(text: str) -> tuple[str, ...]:
    """The words of an item or topic that can tell two of them apart (longer than three letters)."""
    return tuple(w for w in _key(text).split() if len(w) > 3)


def _items_agree(a: Report, b: Report) -> bool:
    """Items or topics, when both reports name some, must share an entity or a content word."""
    wa, wb = _item_words(a), _item_words(b)
    return not (wa and wb) or bool(wa & wb)


def _reports(docs: list[Document]) -> list[Report]:
    """Every event mention of every document, arguments mapped to KB entities."""
    reports = []
    pointed: dict[str, set[str]] = {}  # actor text -> text_affiliations, once per distinct text
    for doc in docs:
        for ev in doc.events:
            participants = []
            roles: dict[str, set[str]] = defaultdict(set)
            for arg in ev.arguments:
                entity = doc.mentions[arg.mention].entity if arg.mention is not None else None
                participants.append(EventParticipant(arg.role, arg.text, entity, arg.quantity, arg.unit,
                                                     arg.approximate))
                if entity:
                    roles[arg.role].add(entity)
            for arg in ev.arguments:
                if arg.mention is None and arg.role in ACTOR_ROLES:
                    if arg.text not in pointed:
                        pointed[arg.text] = text_affiliations("_ " + arg.text)
                    for key in pointed[arg.text]:
                        roles[arg.role].add(AFFILIATED + key)
            location = doc.mentions[ev.location].entity if ev.location is not None else None
            s = ev.sentence
            evidence = Evidence(doc.id, s.start, s.end, doc.body[s.start:s.end])
            reports.append(Report(ev.type, doc, evidence, ev.date, location, ev.status, participants,
                                  dict(roles)))
    return reports


def affiliations(entities: list[Entity]) -> dict[str, set[str]]:
    """Each entity with the country it belongs to: Barkhane and `القوة الفرنسية` both stand for France.

    The country comes from the gazetteer (`country` of a listed force or body)
    or from a nisba adjective in the name (`الجيش المالي` -> Mali).
    """
    from rasd.ner.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    result: dict[str, set[str]] = {}
    for entity in entities:
        keys = {entity.id}
        entry = gaz.get(entity.id)
        if entry is not None and entry.country and entity.type in ("ORG", "FORCE", "FAC"):
            keys.add(entry.country)
        if entity.type in ("ORG", "FORCE") and entry is None:
            keys |= text_affiliations(entity.name)
        result[entity.id] = keys
    return result


def text_affiliations(name: str) -> set[str]:
    """Gazetteer ids a pattern-made name points to after its head word.

    `القوة الفرنسية` -> France (a nisba adjective), `بعثة الأمم المتحدة` -> the UN
    (a listed name inside it).
    """
    from rasd.ner.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    words = normalize_key(name).split()[1:]
    keys = {e.id for w in words for e in gaz.adjective(w) if e.type == "GPE"}
    for i in range(len(words)):
        for j in range(min(len(words), i + gaz.max_words), i, -1):
            found = gaz.lookup(" ".join(words[i:j]))
            if found:
                keys.update(e.id for e in found)
                break
    return keys


def _affil(entity: str, affil: dict[str, set[str]]) -> set[str]:
    if entity.startswith(AFFILIATED):
        return {entity[len(AFFILIATED):]}
    return affil.get(entity, {entity})


def _expanded(report: Report, key: object, ids: set[str], affil: dict[str, set[str]]) -> set[str]:
    """`_expand` of one of a report's entity sets, computed once (affil is fixed within a run)."""
    if key not in report.cache:
        report.cache[key] = _expand(ids, affil)
    return report.cache[key]


def _expand(ids: set[str], affil: dict[str, set[str]]) -> set[str]:
    return set().union(*(_affil(i, affil) for i in ids)) if ids else set()


def _shared(a: Report, b: Report, affil: dict[str, set[str]]) -> int:
    """How many of one report's entities (or their countries) the other report names, at least."""
    ea, eb = _expanded(a, "all", a.entities, affil), _expanded(b, "all", b.entities, affil)
    left = sum(1 for e in a.entities if _affil(e, affil) & eb)
    right = sum(1 for e in b.entities if _affil(e, affil) & ea)
    return min(left, right)


def _role_map(report: Report) -> dict[str, set[str]]:
    if "roles" in report.cache:
        return report.cache["roles"]
    roles: dict[str, set[str]] = report.cache.setdefault("roles", defaultdict(set))
    for role, ids in report.roles.items():
        for e in ids:
            roles[e].add(SYMMETRIC.get(role, role))
    return roles


def _roles_agree(a: Report, b: Report) -> bool:
    """An entity both reports name must play the same part: the attacker in one is not the target."""
    ra, rb = _role_map(a), _role_map(b)
    return all(ra[e] & rb[e] for e in ra.keys() & rb.keys())


def _shared_participants(a: Report, b: Report, affil: dict[str, set[str]]) -> int:
    """Participants (places aside) one report names that the other names too, directly or by country."""
    pa = {e for ids in a.roles.values() for e in ids}
    pb = {e for ids in b.roles.values() for e in ids}
    eb = _expanded(b, "participants", pb, affil)
    return sum(1 for e in pa if _affil(e, affil) & eb)


def conflict(a: Report, b: Report, affil: dict[str, set[str]]) -> bool:
    """Whether anything two reports say rules out one event (type, date, parties, items, roles)."""
    if a.type != b.type:
        return True
    if a.date and b.date and not date_overlaps(a.date, b.date):
        return True
    for role in SINGLE_ROLES & a.roles.keys() & b.roles.keys():
        if _expanded(a, role, a.roles[role], affil).isdisjoint(_expanded(b, role, b.roles[role], affil)):
            return True
    if a.location and b.location and a.location != b.location:
        if not (a.entities & b.entities) - {a.location, b.location}:
            return True
    if not _items_agree(a, b):
        return True
    if a.type in RECURRENT and bool(a.date) != bool(b.date):
        return True  # the same people meet again and again: without both dates, no identity
    return not _roles_agree(a, b)


def evidence(a: Report, b: Report, affil: dict[str, set[str]], places: frozenset[str]) -> bool:
    """Whether two reports share enough (participants, place, time) to be called one event."""
    shared = _shared(a, b, affil)
    if not a.date and not b.date and a.doc.id != b.doc.id:
        # two undated reports from two articles: only their participants can tell, so ask for two
        return _shared_participants(a, b, affil) >= 2
    if shared >= 2:
        return True
    if shared == 1 and len(a.entities) == 1 and len(b.entities) == 1:
        return True
    # an attack on or capture of a place is identified by the place and the time
    if a.type == "MILITARY_OPERATION" and shared == 1:
        small, big = (a, b) if len(a.entities) <= len(b.entities) else (b, a)
        return bool(small.entities & big.entities & places)
    return False


def compatible(a: Report, b: Report, affil: dict[str, set[str]] | None = None,
               places: frozenset[str] = frozenset()) -> bool:
    """Whether two reports, taken alone, describe the same real-world event."""
    affil = affil or {}
    return not conflict(a, b, affil) and evidence(a, b, affil, places)


def _block_keys(report: Report, affil: dict[str, set[str]], places: frozenset[str]) -> set[tuple]:
    """Blocking keys: two reports can only merge if they share one (see `compatible`).

    Most merges need two shared entities, so pairs of (expanded) entities block far
    better than single entities do; single-entity reports and places of attacks,
    which `compatible` lets merge on one entity, get keys of their own.
    """
    expanded = sorted(_expanded(report, "all", report.entities, affil))
    keys: set[tuple] = {(report.type, x, y) for x, y in itertools.combinations(expanded, 2)}
    if len(report.entities) == 1:
        keys |= {(report.type, "one", x) for x in expanded}
    if report.type == "MILITARY_OPERATION":
        keys |= {(report.type, "place", x) for x in report.entities & places}
    return keys


def _signature(report: Report) -> tuple:
    """Everything `conflict` reads of a report: reports with one signature conflict alike."""
    return (report.type, report.date, report.location, frozenset(report.entities),
            frozenset((role, frozenset(ids)) for role, ids in report.roles.items()),
            frozenset(_item_words(report)))


def _clusters(reports: list[Report], affil: dict[str, set[str]],
              places: frozenset[str]) -> list[list[Report]]:
    """Greedy clustering: a report joins the first cluster none of whose members it contradicts
    and one of whose members it matches (a dated report can vouch for two undated ones).

    Candidates come from `ClusterIndex` (blocking keys filed by date); each cluster keeps the
    narrowest bounds of its members' known-year dates, so a date that contradicts one of them
    is rejected without comparing members; and since `conflict` reads only a report's
    signature, it is decided once per pair of distinct signatures (a corpus has far fewer
    signatures than reports), as are the blocking keys and `evidence` (which also asks
    whether the two reports come from one document).
    """
    clusters: list[list[Report]] = []
    distinct: list[list[int]] = []  # per cluster, the ids of its members' distinct signatures
    bounds: list[tuple | None] = []  # per cluster: (latest start, earliest end) of known-year dates
    index = ClusterIndex()
    ids: dict[tuple, int] = {}  # signature -> id
    holders: list[Report] = []  # signature id -> the first report with that signature
    block_keys: list[set[tuple]] = []  # signature id -> blocking keys
    decided: dict[tuple[int, int], bool] = {}  # (report's, member's signature ids) -> conflict
    vouched: dict[tuple[int, int, bool], bool] = {}  # (the same, one document) -> evidence

    def conflicts(mine: int, theirs: int) -> bool:
        found = decided.get((mine, theirs))
        if found is None:
            found = decided[mine, theirs] = conflict(holders[mine], holders[theirs], affil)
        return found

    def vouches(report: Report, mine: int, other: Report) -> bool:
        key = (mine, other.cache["signature"], report.doc.id == other.doc.id)
        found = vouched.get(key)
        if found is None:
            found = vouched[key] = evidence(report, other, affil, places)
        return found

    for report in reports:
        sig = ids.setdefault(_signature(report), len(ids))
        if sig == len(holders):
            holders.append(report)
            block_keys.append(_block_keys(report, affil, places))
        report.cache["signature"] = sig
        keys = block_keys[sig]
        dates = known_span(report.date)
        target = None
        for i in index.candidates(keys, report.date):
            if dates is not None and bounds[i] is not None \
                    and not (dates[0] <= bounds[i][1] and bounds[i][0] <= dates[1]):
                continue  # the report's date misses a member's: a conflict, whatever else they share
            # no member may contradict the report, and one member must vouch for it
            if not any(conflicts(sig, other) for other in distinct[i]) \
                    and any(vouches(report, sig, other) for other in clusters[i]):
                clusters[i].append(report)
                if sig not in distinct[i]:
                    distinct[i].append(sig)
                target = i
                break
        if target is None:
            clusters.append([report])
            distinct.append([sig])
            bounds.append(None)
            target = len(clusters) - 1
        if dates is not None:
            old = bounds[target]
            bounds[target] = dates if old is None else (max(old[0], dates[0]), min(old[1], dates[1]))
        index.add(target, keys, report.date)
    return clusters


def _outlet_key(doc: Document, docs_by_id: dict[str, Document]) -> str:
    """Who independently reported it: the original of a copy, else the outlet, else the document."""
    original = docs_by_id.get(doc.duplicate_of) if doc.duplicate_of else None
    source = original or doc
    return _key(source.outlet) if source.outlet else f"doc:{source.id}"


def _merge(cluster: list[Report], outlets: dict[int, str]) -> Event:
    """One KB event from the reports of a cluster (`outlets`: id() of a document -> its `_outlet_key`)."""
    first = cluster[0]
    date = None
    for r in cluster:
        date = more_precise(date, r.date)
    locations = Counter(r.location for r in cluster if r.location)
    participants: list[EventParticipant] = []
    seen: dict[tuple, EventParticipant] = {}
    for r in cluster:
        for p in r.participants:
            key = (p.role, p.entity) if p.entity else (p.role, _key(p.text))
            if key in seen:
                if seen[key].quantity is None and p.quantity is not None:
                    seen[key].quantity, seen[key].unit = p.quantity, p.unit
                continue
            seen[key] = EventParticipant(p.role, p.text, p.entity, p.quantity, p.unit, p.approximate)
            participants.append(seen[key])
    evidence: list[Evidence] = []
    cited: set[tuple[str, int]] = set()
    for r in cluster:
        if (r.evidence.doc, r.evidence.start) not in cited:
            cited.add((r.evidence.doc, r.evidence.start))
            evidence.append(r.evidence)
    status = min((r.status for r in cluster), key=lambda s: STATUS_ORDER.get(s, 9))
    # one sentence can report two events of a type (two withdrawals, two dates): their participants differ
    seed = f"{first.type}|{first.evidence.doc}|{first.evidence.start}|{first.date}|" + "|".join(
        p.text for p in first.participants)
    return Event(
        id="ev_" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12],
        type=first.type, date=date,
        location=locations.most_common(1)[0][0] if locations else None,
        status=status, participants=participants, evidence=evidence,
        corroboration=len({outlets[id(r.doc)] for r in cluster}),
    )


def resolve_events(docs: list[Document], entities: list[Entity]) -> list[Event]:
    """Merge per-document event mentions into KB events (call after resolve_entities)."""
    docs_by_id = {d.id: d for d in docs}
    affil = affiliations(entities)
    places = frozenset(e.id for e in entities if e.type in ("GPE", "LOC", "FAC"))
    with gc_paused():
        outlets = {id(d): _outlet_key(d, docs_by_id) for d in docs}  # by object: ids may repeat
        events = [_merge(c, outlets) for c in _clusters(_reports(docs), affil, places)]
        events.sort(key=lambda e: (e.date or "9999", e.type, e.id))
    return events
