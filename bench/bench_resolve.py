"""Speed of quote attribution and cross-document entity resolution on a synthetic corpus.

Documents are built from sentences written for this benchmark, with hand-placed
mentions (no NER in the loop), so the numbers are those of rasd.ner.quotes and
rasd.resolve.entities alone.

    .venv/bin/python bench/bench_resolve.py [--docs 2000] [--paragraphs 20]
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc

from rasd.model import Document, Mention, Role
from rasd.ner.quotes import extract_quotes
from rasd.resolve.entities import resolve_entities
from rasd.text.normalize import normalize_key
from rasd.text.sentences import split_sentences

FIRST = ["محمد", "أحمد", "عمر", "سالم", "خالد", "يوسف", "حسن", "موسى", "إبراهيم", "عبد الله"]
LAST = ["ديارا", "كامارا", "ميغا", "مايغا", "توري", "كوليبالي", "سيسيه", "ديوب", "كوناتي", "تراوري"]
PLACES = ["باماكو", "كيدال", "نيامي", "غاو", "تمبكتو", "موبتي", "سيغو"]
QUOTE = "نحن ماضون في بناء شراكة متينة مع جيراننا في المنطقة"
PARAGRAPHS = [
    'وقال الوزير {full} في {place}: "{quote}"',
    'وأضاف {last}: "{quote}"',
    "وأشاد {full} بـ\"التقدم الكبير\" الذي تحقق في {place}",
    'وبحسب الخبير {full}، "{quote}"',
    "ووصل {full} إلى {place} أمس في زيارة رسمية",
    'ويتضمن الاتفاق "{quote}"',
]


def make_doc(n: int, paragraphs: int, rng: random.Random) -> Document:
    """One synthetic article with mentions and a role per full name."""
    body, names = "", []
    for _ in range(paragraphs):
        full = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        fields = {"full": full, "last": full.split()[-1], "place": rng.choice(PLACES), "quote": QUOTE}
        text = rng.choice(PARAGRAPHS).format(**fields)
        for name, etype in ((full, "PERSON"), (fields["last"], "PERSON"), (fields["place"], "GPE")):
            at = text.find(name)
            if at >= 0 and not any(s <= len(body) + at < e for s, e, _ in names):
                names.append((len(body) + at, len(body) + at + len(name), etype))
        body += text + "\n"
    mentions = [Mention(s, e, body[s:e], t, normalize_key(body[s:e])) for s, e, t in sorted(names)]
    doc = Document(id=f"d{n}", path=None, body=body, sentences=split_sentences(body), mentions=mentions)
    doc.roles = [Role(person=i, title="وزير") for i, m in enumerate(mentions) if len(m.text.split()) > 1]
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--paragraphs", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(7)
    docs = [make_doc(n, args.paragraphs, rng) for n in range(args.docs)]
    n_mentions = sum(len(d.mentions) for d in docs)
    t0 = time.perf_counter()
    for doc in docs:
        extract_quotes(doc)
    t1 = time.perf_counter()
    entities = resolve_entities(docs)
    t2 = time.perf_counter()
    tracemalloc.start()  # a second, traced pass: tracing slows Python down, so it is not timed
    for doc in docs:
        extract_quotes(doc)
    resolve_entities(docs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    n_quotes = sum(len(d.quotes) for d in docs)
    print(f"documents          {len(docs)}")
    print(f"mentions           {n_mentions}")
    print(f"quotes             {n_quotes}  ({n_quotes / (t1 - t0):.0f} quotes/s, "
          f"{len(docs) / (t1 - t0):.0f} docs/s)")
    print(f"entities           {len(entities)}  ({n_mentions / (t2 - t1):.0f} mentions/s)")
    print(f"quote time         {t1 - t0:.2f} s")
    print(f"resolve time       {t2 - t1:.2f} s")
    print(f"peak memory        {peak / 1e6:.1f} MB (tracemalloc, both steps, untimed pass)")


if __name__ == "__main__":
    main()
