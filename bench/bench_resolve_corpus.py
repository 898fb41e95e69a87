"""CPU time of the cross-document steps (dedup, entity and event resolution, kb.json) on a
generated corpus, annotated once and pickled to bench/out/ so that reruns skip annotation.

    .venv/bin/python bench/bench_resolve_corpus.py --count 10000 [--profile resolve_events]

The first run for a count annotates bench/generate.py's corpus (slow) and writes
bench/out/annotated-COUNT.pkl; later runs load it. Figures are process CPU time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pickle
import pstats
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
from rasd.pipeline import Pipeline, build_documents  # noqa: E402
from rasd.resolve.entities import resolve_entities  # noqa: E402
from rasd.resolve.events import resolve_events  # noqa: E402
from rasd.settings import Options  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
STEPS = ("dedup", "resolve_entities", "resolve_events", "kb_to_dict", "write_kb")


def annotated(count: int) -> list:
    """The annotated documents of the `count`-page generated corpus, from the pickle when there is one."""
    path = OUT / f"annotated-{count}.pkl"
    if not path.exists():
        options, failures = Options(), []
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp), count)
            docs = list(build_documents(read_inputs([tmp], options, failures), options, failures))
        pipeline = Pipeline(options)
        docs = [pipeline(doc) for doc in docs]
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    return pickle.loads(path.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--profile", choices=STEPS, help="print the cProfile of one step")
    args = parser.parse_args()
    docs = annotated(args.count)
    state: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        funcs = {
            "dedup": lambda: mark_duplicates(docs, Options()),
            "resolve_entities": lambda: state.setdefault("entities", resolve_entities(docs)),
            "resolve_events": lambda: state.setdefault("events", resolve_events(docs, state["entities"])),
            "kb_to_dict": lambda: state.setdefault(
                "dict", kb_to_dict(KB(docs, state["entities"], state["events"], []))),
            "write_kb": lambda: write_kb(state["dict"], Path(tmp) / "kb.json"),
        }
        times = {}
        for name in STEPS:
            profiler = cProfile.Profile() if name == args.profile else None
            s = time.process_time()
            if profiler:
                profiler.runcall(funcs[name])
            else:
                funcs[name]()
            times[name] = time.process_time() - s
            if profiler:
                text = io.StringIO()
                pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(30)
                print(text.getvalue())
    reports = sum(len(d.events) for d in docs)
    print(f"corpus: {len(docs)} documents, {reports} event reports, {len(state['entities'])} entities, "
          f"{len(state['events'])} events")
    for name in STEPS:
        print(f"{name:<17} {times[name]:8.2f} s CPU")
    print(f"{'kb.json (both)':<17} {times['kb_to_dict'] + times['write_kb']:8.2f} s CPU")


if __name__ == "__main__":
    main()
