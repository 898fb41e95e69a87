"""Speed of sentence splitting, entity recognition, roles and quotes: sentences/s on one core.

Reads the seed and dev articles from ../shared (never copied here), or generates
`--count` synthetic pages (bench/generate.py), and runs the four annotation
steps of the pipeline over them several times. Prints, per step, sentences/s
and ms per page of CPU time (one process = one core); asserts nothing.

    .venv/bin/python bench/bench_ner.py [--rounds 3] [--count 500]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from rasd.model import Document  # noqa: E402
from rasd.ner import recognize_entities  # noqa: E402
from rasd.ner.quotes import extract_quotes  # noqa: E402
from rasd.ner.roles import extract_roles  # noqa: E402
from rasd.text.sentences import split_document  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
STEPS = (("sentences", split_document), ("entities", recognize_entities), ("roles", extract_roles),
         ("quotes", extract_quotes))


def _bodies(count: int) -> list[str]:
    """Cleaned bodies of `count` generated pages, or of the shared articles when count is 0."""
    if not count:
        return [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("*/*.txt"))]
    from rasd.ingest import read_inputs
    from rasd.pipeline import build_documents
    from rasd.settings import Options

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), count)
        options, failures = Options(), []
        return [d.body for d in build_documents(read_inputs([tmp], options, failures), options, failures)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=0, help="generated pages (0: the shared articles)")
    args = parser.parse_args()
    bodies = _bodies(args.count)
    if not bodies:
        raise SystemExit(f"no articles under {SHARED}")
    for _, step in STEPS:  # load the lexicons, the gazetteer and the cue lists once
        step(Document("warm", None, body=bodies[0]))
    seconds = dict.fromkeys((name for name, _ in STEPS), 0.0)
    sentences = mentions = roles = quotes = 0
    for _ in range(args.rounds):
        for i, body in enumerate(bodies):
            doc = Document(str(i), None, body=body)
            for name, step in STEPS:
                started = time.process_time()
                step(doc)
                seconds[name] += time.process_time() - started
            sentences += len(doc.sentences)
            mentions += len(doc.mentions)
            roles += len(doc.roles)
            quotes += len(doc.quotes)
    pages = len(bodies) * args.rounds
    print(f"pages {len(bodies)}  sentences {sentences // args.rounds}  rounds {args.rounds}")
    print(f"per round: mentions {mentions // args.rounds}  roles {roles // args.rounds}  "
          f"quotes {quotes // args.rounds}")
    for name, cpu in seconds.items():
        print(f"{name:<10} {sentences / cpu:10,.0f} sentences/s per core  {1000 * cpu / pages:7.3f} ms/page")
    rest = seconds["sentences"] + seconds["roles"] + seconds["quotes"]
    print(f"sentences + roles + quotes {1000 * rest / pages:.3f} ms/page")


if __name__ == "__main__":
    main()
