"""Speed of the rule-based recogniser and role extractor: sentences/s on one core.

Reads the seed and dev articles from ../shared (never copied here), splits
them into sentences and runs `recognize_entities` + `extract_roles` over the
bodies several times. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_ner.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rasd.model import Document
from rasd.ner import recognize_entities
from rasd.ner.roles import extract_roles
from rasd.text.sentences import split_sentences

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("*/*.txt"))]
    if not bodies:
        raise SystemExit(f"no articles under {SHARED}")
    sentences = sum(len(split_sentences(b)) for b in bodies)
    recognize_entities(Document("warm", None, body=bodies[0]))  # load the lexicons and the gazetteer once
    started, cpu_started = time.perf_counter(), time.process_time()
    mentions = roles = 0
    for _ in range(args.rounds):
        for i, body in enumerate(bodies):
            doc = extract_roles(recognize_entities(Document(str(i), None, body=body)))
            mentions += len(doc.mentions)
            roles += len(doc.roles)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    total = sentences * args.rounds
    print(f"articles {len(bodies)}  sentences {sentences}  rounds {args.rounds}")
    print(f"mentions/round {mentions // args.rounds}  roles/round {roles // args.rounds}")
    # CPU time is the per-core figure; wall time also counts other processes on a shared machine
    print(f"NER + roles, CPU time:  {total / cpu:,.0f} sentences/s ({cpu:.2f} s)")
    print(f"NER + roles, wall time: {total / elapsed:,.0f} sentences/s ({elapsed:.2f} s)")


if __name__ == "__main__":
    main()
