"""Generate a synthetic corpus of article-sized Arabic news pages for benchmarks.

The sentences are templates written for rasd (no third-party text); names,
numbers and dates vary so that documents differ, and each page carries the
furniture real scraped pages have (ticker, menu, related links, copyright).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

COUNTRIES = ["مالي", "النيجر", "تشاد", "السودان", "ليبيا", "روسيا", "فرنسا", "تركيا", "الصين", "مصر",
             "الجزائر", "المغرب", "بوركينا فاسو", "موريتانيا", "إثيوبيا", "الصومال", "كينيا", "العراق"]
CAPITALS = ["باماكو", "نيامي", "نجامينا", "الخرطوم", "طرابلس", "موسكو", "باريس", "أنقرة", "بكين", "القاهرة"]
PEOPLE = ["أحمد بن سالم", "يوسف كوليبالي", "إبراهيم تراوري", "محمد ولد أحمد", "سيرغي إيفانوف", "جان دوبون",
          "عثمان سيسي", "خالد المنصوري", "علي حسن", "موسى دياكيتي"]
TITLES = ["وزير الدفاع", "وزير الخارجية", "رئيس الأركان", "المتحدث باسم الجيش", "السفير"]
RANKS = ["العقيد", "اللواء", "الجنرال", "العميد", ""]
ITEMS = ["طائرتين مروحيتين", "ثلاث طائرات مسيرة", "12 مدرعة", "شحنة من الذخائر", "أربعة رادارات",
         "25 ألف طن من القمح", "منظومة دفاع جوي", "عشرات الآليات العسكرية"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
          "نوفمبر", "ديسمبر"]
TEMPLATES = [
    "أعلن {title} {adj} {rank} {person} أن بلاده تسلمت {item} من {country2} في {day} {month} {year}.",
    "وقال {person} في مؤتمر صحافي في {capital}: \"نحن ملتزمون بتعزيز التعاون العسكري مع شركائنا\".",
    "ووقعت حكومتا {country} و{country2} اتفاقية للتعاون الدفاعي تشمل تدريب الضباط وتبادل الخبرات.",
    "وأضاف أن الجيش استعاد السيطرة على عدة مناطق في شمال البلاد بعد هجوم واسع في {month} الماضي.",
    "وكانت {country2} قد أرسلت قوات إلى {country} في إطار مهمة لمكافحة الإرهاب، قبل أن تنسحب منها في {year}.",
    "وأشار مراقبون إلى أن هذه الخطوة تعكس تحولا في السياسة الخارجية للبلاد نحو شركاء جدد في المنطقة.",
    "واستقبل الرئيس في {capital} وفدا من {country2} برئاسة {person} لبحث مشاريع إنتاج الذخائر محليا.",
    "وقدمت {country2} مساعدات إنسانية تضمنت {item} لدعم الأمن الغذائي في {country}.",
]
FURNITURE_TOP = ["عاجل", "الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة"]
FURNITURE_BOTTOM = ["أخبار ذات صلة", "اترك تعليقاً", "تابعونا على", "جميع الحقوق محفوظة © {year} موقع الأخبار"]


def article(rng: random.Random, n_paragraphs: int = 8) -> str:
    """One scraped page: furniture, headline, dateline, paragraphs, furniture."""
    values = lambda: {  # noqa: E731 - a fresh draw per sentence
        "title": rng.choice(TITLES), "adj": "", "rank": rng.choice(RANKS), "person": rng.choice(PEOPLE),
        "item": rng.choice(ITEMS), "country": rng.choice(COUNTRIES), "country2": rng.choice(COUNTRIES),
        "capital": rng.choice(CAPITALS), "day": rng.randint(1, 28), "month": rng.choice(MONTHS),
        "year": rng.randint(2019, 2026),
    }
    a, b, number = rng.choice(COUNTRIES), rng.choice(COUNTRIES), rng.randint(1, 10**6)
    headline = f"{a} و{b} تبحثان تعزيز التعاون العسكري رقم {number}"
    dateline = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2019, 2026)}"
    lines = rng.sample(FURNITURE_TOP, 3) + ["", headline, "", dateline]
    for _ in range(n_paragraphs):
        paragraph = " ".join(" ".join(rng.choice(TEMPLATES).format(**values()).split()) for _ in range(3))
        lines += ["", paragraph]
    lines += [""] + [f.format(year=rng.randint(2019, 2026)) for f in FURNITURE_BOTTOM]
    return "\n".join(lines) + "\n"


def generate(out: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` pages as text files under `out` and return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = out / f"page_{i:06d}.txt"
        path.write_text(article(rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    paths = generate(args.out, args.count)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} pages, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
