"""Write ../ministries.tsv from the kind and country tables here (run by hand after editing them).

Ministries are named by pattern in Arabic news (`وزارة الدفاع الروسية`), so
they are generated from each country's nisba rather than typed one by one;
the result is shipped as plain data and the loader never runs this script.
Usage: python src/rasd/data/gazetteer/build/ministries.py
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZ = HERE.parent
COLUMNS = ("id", "type", "name", "aliases", "name_en", "wikidata", "adjectives",
           "country", "lat", "lon", "ambiguous")


def read(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV, without comment lines."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [r for r in rows if not next(iter(r.values())).startswith("#")]


def feminine_adjectives(country: dict[str, str]) -> list[str]:
    """`روسي|روس` -> [`الروسية`]: the feminine form (with article) of every -ي nisba, word by word."""
    out = []
    for form in country["adjectives"].split("|"):
        words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in form.split()]
        if words and all(w.endswith("ي") for w in words):
            out.append(" ".join("ال" + w + "ة" for w in words))
    return out


def build() -> list[dict[str, str]]:
    """One row per (country, ministry kind)."""
    kinds = {k["kind"]: k for k in read(HERE / "ministry_kinds.tsv")}
    countries = {c["id"]: c for c in read(GAZ / "countries.tsv")}
    rows = []
    for spec in read(HERE / "ministry_countries.tsv"):
        country = countries[spec["country"]]
        adjectives = feminine_adjectives(country)
        if not adjectives:
            raise SystemExit(f"{spec['country']} has no -ي nisba")
        extras: dict[str, list[str]] = {}
        for item in filter(None, (spec.get("extra_aliases") or "").split("|")):
            kind, _, alias = item.partition(":")
            extras.setdefault(kind, []).append(alias)
        slug = spec["country"].split(":", 1)[1]
        for kind in spec["kinds"].split(","):
            names = [kinds[kind]["name"].format(adj=a) for a in adjectives] + extras.get(kind, [])
            rows.append({
                "id": f"org:{kind}-{slug}", "type": "ORG", "name": names[0], "aliases": "|".join(names[1:]),
                "name_en": kinds[kind]["name_en"].format(country=country["name_en"]), "wikidata": "",
                "adjectives": "", "country": spec["country"], "lat": "", "lon": "", "ambiguous": "",
            })
    return rows


def main() -> None:
    rows = build()
    with (GAZ / "ministries.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"ministries.tsv: {len(rows)} rows")


if __name__ == "__main__":
    main()
