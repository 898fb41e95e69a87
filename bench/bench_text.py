"""Throughput of the text layer on generated Arabic text: sentences/s, dates/s, quantities/s.

Prints numbers only; nothing is asserted. Run: .venv/bin/python bench/bench_text.py [paragraphs]
"""

from __future__ import annotations

import random
import sys
import time

from rasd.text.dates import find_dates, parse_datetime
from rasd.text.numbers import find_quantities
from rasd.text.sentences import split_sentences

SUBJECTS = ["وزير الدفاع", "رئيس الأركان", "المتحدث باسم الجيش", "د. أحمد علي", "السفير"]
VERBS = ["أعلن", "قال", "أكد", "أوضح"]
DATES = ["في 4 يوليو 2024", "الأربعاء", "الشهر الماضي", "في نهاية عام 2023", "في 17 يناير",
         "مطلع 2024", "في أغسطس الماضي", "بين عامي 2023 و2025"]
AMOUNTS = ["نحو 2500 جندي", "طائرتين مروحيتين", "ثلاث دبابات", "25 ألف طن من القمح",
           "1.5 مليار دولار", "عشرات الآليات", "دبابات T-72B3", "مدفع عيار 57 ملم"]


def paragraph(rng: random.Random) -> str:
    """A few sentences of news-like Arabic with dates, amounts, quotes and abbreviations."""
    parts = []
    for _ in range(rng.randint(2, 5)):
        parts.append(f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(DATES)} أن البلاد تسلمت "
                     f"{rng.choice(AMOUNTS)}، مضيفا: «التعاون مستمر. ولن يتوقف».")
    return " ".join(parts)


def rate(label: str, func, texts: list[str]) -> None:
    start = time.perf_counter()
    items = sum(len(func(t)) for t in texts)
    seconds = time.perf_counter() - start
    chars = sum(len(t) for t in texts)
    print(f"{label:<12} {items:>8} items  {items / seconds:>10.0f} items/s  "
          f"{chars / seconds / 1000:>8.0f} kchars/s")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = random.Random(7)
    texts = ["\n".join(paragraph(rng) for _ in range(5)) for _ in range(count // 5 or 1)]
    find_dates("تحميل"), find_quantities("تحميل")  # build patterns and load lexicons once
    print(f"{count} paragraphs, {sum(len(t) for t in texts)} characters")
    rate("sentences", split_sentences, texts)
    rate("dates", lambda t: find_dates(t, "2024-07-07"), texts)
    rate("quantities", find_quantities, texts)
    stamps = ["07 يوليو 2024، 8:35 م", "الأحد 7 تموز 2024", "2024-07-07T20:35:00+03:00"] * 1000
    start = time.perf_counter()
    for stamp in stamps:
        parse_datetime(stamp)
    per_second = len(stamps) / (time.perf_counter() - start)
    print(f"{'datetimes':<12} {len(stamps):>8} items  {per_second:>10.0f} items/s")


if __name__ == "__main__":
    main()
