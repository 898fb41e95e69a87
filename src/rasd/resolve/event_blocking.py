"""Which earlier event clusters a new report must be compared with: blocking keys filed by date.

A report is only compared with clusters that share one of its blocking keys
(see `events._block_keys`). With few distinct participants (a corpus about
the same ten people and eighteen countries) every key is shared by thousands
of clusters, nearly all of which the report's date rules out. So each key's
clusters are also filed by the months their anchor covers: the first member
whose date has a known year. A report whose date has a known year is then
compared only with the clusters whose anchor's months meet its own, and with
those that have no anchor yet. A cluster left out has a member whose date does
not overlap the report's, so `events.conflict` would reject it: the result is
the same as comparing with every cluster of the key, in the same order.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator

from rasd.resolve.edtf import span

FREE = "free"  # clusters without an anchor: every report may join them
WIDE = "wide"  # anchors too wide (or odd) to file by month: compared with every dated report
ALL = "all"  # every cluster of the key: for reports without a known year
MAX_MONTHS = 100  # a date covering more month numbers than this is filed as WIDE
SMALL = 64  # up to this many listed clusters, sort them at once instead of merging lazily


def known_span(date: str | None) -> tuple[tuple, tuple] | None:
    """(start, end) of a date whose year is known at both ends; None for any other date."""
    s = span(date) if date else None
    if s is None or not s[3] or s[0][0] is None or s[1][0] is None:
        return None
    return s[0], s[1]


def months(bounds: tuple[tuple, tuple]) -> range | None:
    """Month numbers (year * 100 + month) a span covers; None when reversed or too wide to list.

    Both ends map monotonically (a later date never gets a smaller number), so two
    overlapping spans always share a month number.
    """
    lo, hi = bounds
    first, last = lo[0] * 100 + lo[1], hi[0] * 100 + hi[1]
    if lo > hi or last - first >= MAX_MONTHS:
        return None
    return range(first, last + 1)


class ClusterIndex:
    """Cluster ids by (blocking key, date bucket), each list sorted and without repeats."""

    def __init__(self) -> None:
        self.lists: dict[tuple, list[int]] = defaultdict(list)
        self.keys: list[set[tuple]] = []  # per cluster: the blocking keys it is filed under
        self.buckets: list[tuple] = []  # per cluster: FREE, WIDE or its anchor's month numbers

    def candidates(self, keys: Iterable[tuple], date: str | None) -> Iterator[int]:
        """Ids of the clusters a report with these keys and date may join, in increasing order."""
        bounds = known_span(date)
        covered = months(bounds) if bounds is not None else None
        names: tuple = (ALL,) if covered is None else (FREE, WIDE, *covered)
        found = [ids for key in keys for name in names if (ids := self.lists.get((key, name)))]
        if sum(len(ids) for ids in found) <= SMALL:
            yield from sorted({i for ids in found for i in ids})
            return
        last = -1
        for i in heapq.merge(*found):
            if i != last:
                yield i
                last = i

    def add(self, cluster: int, keys: Iterable[tuple], date: str | None) -> None:
        """File a cluster (new, or one a report with these keys and date just joined)."""
        if cluster == len(self.keys):
            self.keys.append(set())
            self.buckets.append((FREE,))
        if self.buckets[cluster] == (FREE,) and known_span(date) is not None:
            buckets = self._anchor(cluster, date)
            for key in self.keys[cluster]:  # its first anchor: refiled from FREE to its months
                self._remove((key, FREE), cluster)
                for bucket in buckets:
                    self._insert((key, bucket), cluster)
        for key in set(keys) - self.keys[cluster]:
            self.keys[cluster].add(key)
            self._insert((key, ALL), cluster)
            for bucket in self.buckets[cluster]:
                self._insert((key, bucket), cluster)

    def _anchor(self, cluster: int, date: str) -> tuple:
        bounds = known_span(date)
        covered = months(bounds) if bounds is not None else None
        self.buckets[cluster] = (WIDE,) if covered is None else tuple(covered)
        return self.buckets[cluster]

    def _insert(self, name: tuple, cluster: int) -> None:
        ids = self.lists[name]
        if not ids or ids[-1] < cluster:
            ids.append(cluster)
        else:
            insort(ids, cluster)

    def _remove(self, name: tuple, cluster: int) -> None:
        ids = self.lists[name]
        at = bisect_left(ids, cluster)
        if at < len(ids) and ids[at] == cluster:
            del ids[at]
