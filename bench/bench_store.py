"""Store benchmarks: search latency on a large store, ingest throughput, API requests per second.

Prints figures only (no assertions). The large store is built from generated
documents (our own word lists, random clitics and harakat) written straight
to the store with their mentions, entities and events, so the figures measure
the store and the query layer, not the annotators; the full ingest (pipeline +
resolution) is measured separately on generated pages (bench/generate.py).

    .venv/bin/python bench/bench_store.py [--docs 100000] [--ingest 200] [--db PATH|postgresql://...]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rasd.model import KB, Document, Entity, Event, EventParticipant, Evidence, Mention, Span  # noqa: E402
from rasd.store import open_store  # noqa: E402
from rasd.store.ingest import store_kb  # noqa: E402

WORDS = ("أعلن أكد قال أضاف وزير الدفاع الخارجية الجيش القوات الحكومة الرئيس المجلس العسكري الاتفاق التعاون "
         "العسكري الأمني صفقة شحنة أسلحة ذخائر مدرعات طائرات مسيرة مروحيات تدريب مناورات انسحاب انتشار قاعدة "
         "مطار حدود شمال جنوب شرق غرب مساعدات قمح وقود طن مليون دولار اجتماع زيارة مؤتمر صحافي بيان رسمي "
         "مصادر محلية تقارير هجوم عملية مكافحة الإرهاب المتمردين الجماعات المسلحة السيطرة مدينة منطقة إقليم "
         "الأمم المتحدة الاتحاد الأفريقي البعثة السفير الوفد المفاوضات الطاقة النووية الذهب المناجم").split()
NAMES = ("مالي روسيا فرنسا تركيا الصين النيجر تشاد السودان ليبيا الجزائر المغرب مصر موريتانيا بوركينا إيران "
         "باماكو نيامي موسكو باريس أنقرة بكين الخرطوم طرابلس كيدال غاو تمبكتو موبتي سيغو كايس فاغنر").split()
PEOPLE = ["سالم", "كوليبالي", "تراوري", "ديارا", "كامارا", "غويتا", "ديوب", "مايغا", "توري", "سيسي",
          "إيفانوف", "بتروف", "دوبون", "مارتان", "يلدز", "وانغ", "حسن", "المنصوري", "العلي", "الحسيني"]
CLITICS = ["", "", "", "و", "ب", "ل", "وب", "ف"]
HARAKAT = ["", "", "", "", "\u064e", "\u064f", "\u0650"]
EVENT_TYPES = ["ARMS_TRANSFER", "AGREEMENT", "DEPLOYMENT", "MEETING", "AID", "TRAINING"]


def entity_pool(rng: random.Random, size: int) -> list[str]:
    """Names for `size` entities: places and groups, then generated two-word person names."""
    names = list(NAMES)
    while len(names) < size:
        names.append(f"{rng.choice(PEOPLE)} {rng.choice(PEOPLE)}{len(names)}")
    return names[:size]


def generate_kb(count: int, n_entities: int = 5000, seed: int = 11) -> KB:
    """`count` documents of three sentences, two or three named mentions each, and events on some."""
    rng = random.Random(seed)
    names = entity_pool(rng, n_entities)
    cum, total = [], 0.0
    for i in range(len(names)):  # Zipf: a few names are everywhere
        total += 1 / (i + 1)
        cum.append(total)
    mentions_of: dict[int, list[tuple[str, int]]] = {}
    docs, events = [], []
    for d in range(count):
        body, sentences, mentions = "", [], []
        for _ in range(3):
            start = len(body)
            words = [rng.choice(WORDS) + rng.choice(HARAKAT) for _ in range(rng.randint(8, 14))]
            for which in rng.choices(range(len(names)), cum_weights=cum, k=rng.randint(2, 3)):
                words.insert(rng.randrange(len(words) + 1), (rng.choice(CLITICS), which))
            for w in words:
                if isinstance(w, tuple):
                    clitic, which = w
                    body += clitic
                    mentions.append(Mention(len(body), len(body) + len(names[which]), names[which], "GPE",
                                            names[which]))
                    mentions_of.setdefault(which, []).append((f"g{d}", len(mentions) - 1))
                    body += names[which] + " "
                else:
                    body += w + " "
            body = body.rstrip() + "."
            sentences.append(Span(start, len(body)))
            body += "\n"
        doc = Document(id=f"g{d}", path=None, body=body, title=" ".join(rng.sample(WORDS, 5)),
                       outlet=f"موقع {d % 40}", published=f"20{18 + d % 7}-{1 + d % 12:02d}-{1 + d % 28:02d}",
                       sentences=sentences, mentions=mentions)
        docs.append(doc)
        if d % 10 == 0 and len(mentions) >= 2:
            s = sentences[0]
            events.append(Event(f"ev{d}", rng.choice(EVENT_TYPES), doc.published[:7], None, "occurred",
                                participants=[EventParticipant("supplier", mentions[0].text),
                                              EventParticipant("recipient", mentions[1].text)],
                                evidence=[Evidence(doc.id, s.start, s.end, body[s.start:s.end])]))
    entities = [Entity(f"e{i}", "GPE", name, aliases=[name], mentions=mentions_of[i])
                for i, name in enumerate(names) if i in mentions_of]
    ids = {e.name: e.id for e in entities}
    for doc in docs:
        for m in doc.mentions:
            m.entity = ids[m.text]
    for ev in events:
        for p in ev.participants:
            p.entity = ids[p.text]
    return KB(documents=docs, entities=entities, events=events)


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return f"p50 {p(0.5):.1f} ms  p95 {p(0.95):.1f} ms  max {ordered[-1] * 1000:.1f} ms  (n={len(ordered)})"


def bench_search(store, rng: random.Random, n: int = 300) -> None:  # noqa: ANN001
    from rasd.query.search import search

    queries = ([rng.choice(WORDS) for _ in range(n // 3)]
               + [f"{rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(n // 3)]
               + [rng.choice(NAMES + PEOPLE) for _ in range(n // 3)])
    for label, kwargs in (("search", {}), ("search + outlet filter", {"outlet": "موقع 7"}),
                          ("search + date range", {"date_from": "2020-01", "date_to": "2020-06"})):
        times = []
        for q in queries:
            t = time.perf_counter()
            search(store, q, limit=20, **kwargs)
            times.append(time.perf_counter() - t)
        print(f"{label:28s} {percentiles(times)}")


def bench_ingest(target_dir: Path, count: int) -> None:
    """The full `rasd ingest` path (read, clean, annotate, store, resolve) on generated pages."""
    from generate import generate

    from rasd.ingest import read_inputs
    from rasd.pipeline import build_documents
    from rasd.settings import Options
    from rasd.store.ingest import ingest_documents

    pages = target_dir / "pages"
    generate(pages, count + 1)
    options, failures = Options(), []
    docs = list(build_documents(read_inputs([str(pages)], options, failures), options, failures))
    docs, last = docs[:-1], docs[-1:]
    with open_store(str(target_dir / "ingest.db")) as store:
        t = time.perf_counter()
        result = ingest_documents(store, docs, options)
        took = time.perf_counter() - t
        print(f"full ingest (pipeline+resolve) {result.added} docs in {took:.1f} s "
              f"= {result.added / took:.1f} docs/s")
        half = docs[: count // 2]
        t = time.perf_counter()
        again = ingest_documents(store, half, options)
        print(f"re-ingest of {len(half)} stored docs     {time.perf_counter() - t:.2f} s "
              f"(added {again.added})")
        t = time.perf_counter()
        ingest_documents(store, last, options)
        print(f"one new doc into {len(docs)} (re-resolves all) {time.perf_counter() - t:.2f} s")


def bench_api(store, kb: KB, n: int = 200) -> None:  # noqa: ANN001
    import httpx
    import uvicorn

    from rasd.api import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    rng = random.Random(3)
    entity_ids = [e.id for e in kb.entities]
    event_ids = [e.id for e in kb.events]
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        cases = (("API /api/entities/{id}", lambda: f"/api/entities/{rng.choice(entity_ids[50:])}"),
                 ("API /api/entities/{top 5}", lambda: f"/api/entities/{rng.choice(entity_ids[:5])}"),
                 ("API /api/events/{id}", lambda: f"/api/events/{rng.choice(event_ids)}"),
                 ("page /entities/{id}", lambda: f"/entities/{rng.choice(entity_ids[50:])}"),
                 ("page /events/{id}", lambda: f"/events/{rng.choice(event_ids)}"))
        for label, make in cases:
            times = []
            start = time.perf_counter()
            for _ in range(n):
                t = time.perf_counter()
                client.get(make()).raise_for_status()
                times.append(time.perf_counter() - t)
            rate = n / (time.perf_counter() - start)
            print(f"{label:28s} {rate:7.1f} req/s  {percentiles(times)}")
    server.should_exit = True
    thread.join(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the search store")
    parser.add_argument("--ingest", type=int, default=200, help="generated pages for the full-ingest figure")
    parser.add_argument("--db", default=None, help="store to build (default: a temporary SQLite file)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rasd-bench-"))
    target = args.db or str(work / "bench.db")
    t = time.perf_counter()
    kb = generate_kb(args.docs)
    print(f"generated {len(kb.documents)} docs, {len(kb.entities)} entities, {len(kb.events)} events "
          f"in {time.perf_counter() - t:.1f} s")
    with open_store(target) as store:
        t = time.perf_counter()
        store_kb(store, kb)
        took = time.perf_counter() - t
        print(f"store write (docs+index+resolved) {len(kb.documents) / took:.0f} docs/s ({took:.1f} s)")
        if store.dialect == "sqlite":
            print(f"store size {Path(target).stat().st_size / 1e6:.0f} MB")
        bench_search(store, random.Random(5))
        bench_api(store, kb)
    if args.ingest:
        bench_ingest(work, args.ingest)


if __name__ == "__main__":
    main()
