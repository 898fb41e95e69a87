"""How long loading the gazetteer takes and how big its index is (prints numbers, asserts nothing).

Usage: .venv/bin/python bench/bench_gazetteer.py
"""

from __future__ import annotations

import time
import tracemalloc

from rasd.ner.gazetteer import DATA_DIR, load_gazetteer


def main() -> None:
    times = []
    for _ in range(5):
        load_gazetteer.cache_clear()
        start = time.perf_counter()
        gaz = load_gazetteer(DATA_DIR)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    load_gazetteer.cache_clear()
    load_gazetteer(DATA_DIR)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    names = sum(1 + len(e.aliases) for e in gaz)
    print(f"entries            {len(gaz)}")
    print(f"names+aliases      {names}")
    print(f"exact keys         {len(gaz.by_key)}")
    print(f"loose keys         {len(gaz.by_loose)}")
    print(f"adjective keys     {len(gaz.by_adjective)}")
    print(f"load best/median   {min(times):.3f} s / {sorted(times)[2]:.3f} s")
    print(f"load peak memory   {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
