"""Ingestion + cleaning speed: documents per second on one core (decode, sniff, clean, metadata, language).

Runs `read_bytes` + `build_document` over the seed and dev pages (or the test
fixture page when ../shared is absent), repeated to a few thousand documents,
over generated pages (bench/generate.py, what bench_pipeline.py reads), plus an
HTML page through trafilatura. Prints documents/s; no assertion.

    .venv/bin/python bench/bench_clean.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import article  # noqa: E402

from rasd.clean import build_document  # noqa: E402
from rasd.ingest import read_bytes  # noqa: E402
from rasd.settings import Options  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def pages(pattern: str) -> list[tuple[str, bytes]]:
    files = sorted(SHARED.glob(pattern)) if SHARED.is_dir() else []
    return [(str(f), f.read_bytes()) for f in files]


def run(name: str, inputs: list[tuple[str, bytes]], repeat: int) -> None:
    options = Options()
    failures: list[str] = []
    path, data = inputs[0]
    build_document(next(read_bytes(data, path, options, failures, path=path)), options)  # warm caches
    count, chars = 0, 0
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for path, data in inputs:
            for source in read_bytes(data, path, options, failures, path=path):
                doc = build_document(source, options)
                count += 1
                chars += len(doc.body)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{name:<28} {count:>6} docs  {elapsed:6.2f} s wall {count / elapsed:6.0f} docs/s  "
          f"{cpu:6.2f} s CPU {count / cpu:6.0f} docs/s per core  {chars / count:6.0f} body chars/doc")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    seeds = pages("seeds/*.txt") or [(str(FIXTURES / "page_with_furniture.txt"),
                                      (FIXTURES / "page_with_furniture.txt").read_bytes())]
    run("text pages (seeds)", seeds, args.repeat)
    dev = pages("dev/d*.txt")
    if dev:
        run("text pages (dev, cut 2 kB)", dev, max(1, args.repeat // 5))
    rng = random.Random(7)
    generated = [(f"page_{i:06d}.txt", article(rng).encode("utf-8")) for i in range(200)]
    run("generated pages", generated, max(1, args.repeat // 20))
    html = FIXTURES / "article.html"
    run("HTML page (trafilatura)", [(str(html), html.read_bytes())], args.repeat)


if __name__ == "__main__":
    main()
