"""Blocking event reports by date must not change which cluster any report joins."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Argument, Document, EventMention, Mention, Span
from rasd.resolve.event_blocking import ClusterIndex, known_span, months
from rasd.resolve.events import _block_keys, _clusters, _reports, conflict, evidence

ENTITIES = ["gpe:mali", "gpe:niger", "gpe:russia", "org:wagner", "gpe:gao", "per:musa"]
PLACES = frozenset({"gpe:gao"})
AFFIL = {"org:wagner": {"org:wagner", "gpe:russia"}}
ROLES = ["supplier", "recipient", "participant", "party", "target", "force", "host"]
TYPES = ["ARMS_TRANSFER", "MEETING", "MILITARY_OPERATION"]
DATES = [None, None, "2024", "2024-03", "2024-03-05", "2024-03-31", "2023", "2023-11/2024-02",
         "2024-05/2024-03", "XXXX-03", "XXXX-03-05", "2019/2026", "bad date", "2024-04"]
ITEMS = ["طائرات مسيرة", "ذخائر", None]


def _corpus(rng: random.Random, n_docs: int, n_events: int) -> list[Document]:
    """Documents whose events draw types, dates, roles and entities from small pools."""
    docs = []
    for d in range(n_docs):
        body, mentions, events = "", [], []
        for _ in range(n_events):
            start = len(body)
            arguments = []
            for _ in range(rng.randint(1, 3)):
                entity = rng.choice(ENTITIES)
                at = len(body)
                body += entity + " "
                mentions.append(Mention(at, len(body) - 1, entity, "GPE", entity, entity=entity))
                arguments.append(Argument(rng.choice(ROLES), entity, at, len(body) - 1,
                                          mention=len(mentions) - 1))
            item = rng.choice(ITEMS)
            if item:
                arguments.append(Argument("item", item, len(body), len(body) + len(item)))
                body += item + " "
            location = rng.choice([None, None, *range(len(mentions))])
            body += ".\n"
            events.append(EventMention(rng.choice(TYPES), Span(start, start + 1), Span(start, len(body)),
                                       arguments, date=rng.choice(DATES), location=location))
        docs.append(Document(id=f"d{d}", path=None, body=body, mentions=mentions, events=events))
    return docs


def _reference(reports: list, affil: dict, places: frozenset) -> list[list]:
    """The plain greedy clustering: every earlier cluster sharing a blocking key, in order."""
    clusters: list[list] = []
    keys_of: list[set] = []
    for report in reports:
        keys = _block_keys(report, affil, places)
        for members, known in zip(clusters, keys_of, strict=True):
            if keys & known and not any(conflict(report, m, affil) for m in members) \
                    and any(evidence(report, m, affil, places) for m in members):
                members.append(report)
                known |= keys
                break
        else:
            clusters.append([report])
            keys_of.append(set(keys))
    return clusters


def _ids(clusters: list[list]) -> list[list[tuple]]:
    return [[(r.evidence.doc, r.evidence.start) for r in c] for c in clusters]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6))
def test_clusters_are_those_of_the_plain_greedy_clustering(seed: int) -> None:
    rng = random.Random(seed)
    docs = _corpus(rng, rng.randint(1, 8), rng.randint(1, 8))
    fast = _clusters(_reports(docs), AFFIL, PLACES)
    plain = _reference(_reports(docs), AFFIL, PLACES)
    assert _ids(fast) == _ids(plain)


def test_known_span_needs_a_year_at_both_ends():
    assert known_span("2024-03") == ((2024, 3, 1), (2024, 3, 31))
    assert known_span("XXXX-03") is None
    assert known_span(None) is None
    assert known_span("not a date") is None


def test_overlapping_spans_share_a_month_number():
    assert list(months(known_span("2023-11/2024-02"))) == list(range(202311, 202403))
    assert set(months(known_span("2024"))) & set(months(known_span("2024-03-05")))
    assert months(known_span("2019/2026")) is None  # too wide to list: filed as WIDE
    assert months(known_span("2024-05/2024-03")) is None  # reversed


def test_a_dated_report_skips_clusters_anchored_elsewhere_but_not_free_ones():
    index = ClusterIndex()
    key = ("ARMS_TRANSFER", "gpe:mali", "gpe:russia")
    index.add(0, {key}, "2021-06")  # anchored in June 2021
    index.add(1, {key}, None)  # no date yet: free
    index.add(2, {key}, "2019/2026")  # too wide: compared with every dated report
    assert list(index.candidates({key}, "2024-03-05")) == [1, 2]
    assert list(index.candidates({key}, "2021")) == [0, 1, 2]
    assert list(index.candidates({key}, None)) == [0, 1, 2]  # no date: every cluster of the key
    assert list(index.candidates({key}, "XXXX-06")) == [0, 1, 2]  # no year: the same
    index.add(1, {key}, "2024-03")  # its first dated member anchors it
    assert list(index.candidates({key}, "2021-06-01")) == [0, 2]
    assert list(index.candidates({key}, "2024")) == [1, 2]
