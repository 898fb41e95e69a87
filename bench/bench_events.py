"""Throughput of the event extraction stage, and how much of it the text layer's parsers take.

Prints figures (never asserts): CPU milliseconds per document for `extract_events` on documents
already split and tagged by the earlier stages, with the time spent in `find_dates` and
`find_quantities` shown apart, and the documents/s this stage alone allows on one core.

    .venv/bin/python bench/bench_events.py [PATH ...]   (default: ../shared/corpus/dev and seeds)
    .venv/bin/python bench/bench_events.py --count 300 --rounds 1   (generated pages, as bench_pipeline)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import rasd.events.view as view
import rasd.events.when as when
from rasd.events import extract_events
from rasd.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "seeds"]


def _timed(func, bucket: list[float]):
    """Wrap a function so that its CPU time is added to bucket[0]."""
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            bucket[0] += time.process_time() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(p) for p in DEFAULT])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=0, help="generated pages instead (bench/generate.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.count:
            sys.path.insert(0, str(ROOT / "bench"))
            from generate import generate

            generate(Path(tmp), args.count)
        docs = analyze([tmp] if args.count else args.paths).documents
    if not docs:
        raise SystemExit("no documents")
    dates, numbers = [0.0], [0.0]
    view.sentence_dates = _timed(when.sentence_dates, dates)  # the sentence view calls these two
    view.sentence_quantities = _timed(when.sentence_quantities, numbers)
    events = 0
    start = time.process_time()
    for _ in range(args.rounds):
        for doc in docs:
            events += len(extract_events(doc).events)
    total = time.process_time() - start
    n = len(docs) * args.rounds
    chars = sum(len(d.body) for d in docs) / len(docs)
    print(f"documents: {len(docs)} x {args.rounds} rounds, {chars:.0f} characters/document, "
          f"{events // args.rounds} events per round")
    print(f"events stage: {total / n * 1000:.2f} ms/document CPU = {n / total:.0f} documents/s per core")
    print(f"  of which find_dates: {dates[0] / n * 1000:.2f} ms/document, "
          f"find_quantities: {numbers[0] / n * 1000:.2f} ms/document")
    own = total - dates[0] - numbers[0]
    print(f"  events code itself: {own / n * 1000:.2f} ms/document = {n / own:.0f} documents/s per core")


if __name__ == "__main__":
    main()
