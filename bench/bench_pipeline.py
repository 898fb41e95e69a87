"""Throughput and peak memory of `rasd analyze`, stage by stage, on a generated corpus.

Prints figures (never asserts): documents/s and MB/s per core for ingestion
and cleaning, sentences/s for entity recognition, documents/s end to end
(ingest to kb.json), and the peak resident memory. Times are the process's CPU
time (one process = one core), so other load on the machine does not skew them.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from rasd.dedup import mark_duplicates  # noqa: E402
from rasd.ingest import read_inputs  # noqa: E402
from rasd.kb.writer import kb_to_dict, write_kb  # noqa: E402
from rasd.model import KB  # noqa: E402
from rasd.pipeline import FREEZE_EVERY, Pipeline, build_documents  # noqa: E402
from rasd.resolve.entities import resolve_entities  # noqa: E402
from rasd.resolve.events import resolve_events  # noqa: E402
from rasd.settings import Options  # noqa: E402


def peak_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000, help="documents to generate")
    parser.add_argument("--corpus", type=Path, default=None, help="an existing folder to use instead")
    parser.add_argument("--until", choices=("clean", "all"), default="all",
                        help="clean: ingest, clean, dedup and write only; all: the whole pipeline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp) / "corpus"
        if args.corpus is None:
            generate(corpus, args.count)
        size_mb = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 1e6
        options, failures = Options(), []

        t0 = time.process_time()
        docs = list(build_documents(read_inputs([str(corpus)], options, failures), options, failures))
        t_ingest = time.process_time() - t0

        pipeline = Pipeline(options, steps=[] if args.until == "clean" else None)
        timings = {step.name: 0.0 for step in pipeline.steps}
        for i, doc in enumerate(docs, 1):
            for step in pipeline.steps:
                s = time.process_time()
                step.func(doc)
                timings[step.name] += time.process_time() - s
            if i % FREEZE_EVERY == 0:
                gc.freeze()  # as `analyze_documents` does: annotated documents stay to the end
        gc.freeze()
        t_annotate = sum(timings.values()) or 1e-9

        s = time.process_time()
        mark_duplicates(docs, options)
        t_dedup = time.process_time() - s
        s = time.process_time()
        entities = resolve_entities(docs)
        events = resolve_events(docs, entities)
        t_resolve = time.process_time() - s
        s = time.process_time()
        write_kb(kb_to_dict(KB(docs, entities, events, failures)), Path(tmp) / "kb.json")
        t_write = time.process_time() - s
        total = time.process_time() - t0

    n = len(docs)
    sentences = sum(len(d.sentences) for d in docs)
    print(f"corpus: {n} documents, {size_mb:.1f} MB, {sentences} sentences, {len(failures)} failures")
    print(f"ingest+clean   {n / t_ingest:9.1f} docs/s  {size_mb / t_ingest:6.2f} MB/s per core")
    for name, seconds in timings.items():
        print(f"{name:<14} {n / seconds if seconds else float('inf'):9.1f} docs/s  "
              f"{sentences / seconds if seconds else float('inf'):9.1f} sentences/s")
    if timings:
        print(f"annotate (all) {n / t_annotate:9.1f} docs/s  {sentences / t_annotate:9.1f} sentences/s")
    print(f"dedup          {n / t_dedup:9.1f} docs/s")
    print(f"resolve        {t_resolve:9.2f} s    ({len(entities)} entities, {len(events)} events)")
    print(f"write kb.json  {t_write:9.2f} s")
    print(f"end to end     {n / total:9.1f} docs/s  {size_mb / total:6.2f} MB/s per core  ({total:.1f} s)")
    print(f"peak memory    {peak_mb():9.0f} MB")


if __name__ == "__main__":
    main()
