"""The gazetteer loader: API, spelling-tolerant lookups, adjectives and the shape of the shipped data."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from rasd.errors import InputError
from rasd.model import ENTITY_TYPES
from rasd.ner.gazetteer import COLUMNS, DATA_DIR, build_gazetteer, load_gazetteer, loose_key, read_tsv
from rasd.text.normalize import normalize_key

MIN_ENTRIES = 600


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def ids(entries) -> list[str]:
    return [e.id for e in entries]


def test_load_is_cached(gaz):
    assert load_gazetteer() is gaz


@pytest.mark.parametrize("name, entry_id", [
    ("مالي", "gpe:mali"),
    ("روسيا", "gpe:russia"),
    ("اوكرانيا", "gpe:ukraine"),  # hamza-less alef
    ("أوكـرانيا", "gpe:ukraine"),  # tatweel
    ("الولايات المتحدة الأمريكية", "gpe:usa"),
    ("الأمم المتحدة", "org:un"),
    ("فرانس برس", "org:afp"),
    ("أ ف ب", "org:afp"),
    ("فاغنر", "force:wagner"),
    ("T-72B3", "eq:t-72b3"),
    ("t72b3", "eq:t-72b3"),
])
def test_lookup_exact_names_and_aliases(gaz, name, entry_id):
    assert entry_id in ids(gaz.lookup(normalize_key(name)))


@pytest.mark.parametrize("variant, entry_id", [
    ("فاجنر", "force:wagner"),
    ("مجموعة فاقنر", "force:wagner"),  # ق for g
    ("سيرجي لافروف", "per:sergey-lavrov"),
    ("سان بطرسبورج", "gpe:saint-petersburg"),
    ("واجادوجو", "gpe:ouagadougou"),
])
def test_lookup_loose_spellings(gaz, variant, entry_id):
    assert entry_id in ids(gaz.lookup(normalize_key(variant)))


def test_loose_key_folds():
    assert loose_key("فاغنر") == loose_key("فاجنر") == loose_key("فاقنر")
    assert loose_key("سيرغي") == loose_key("سيرجي")
    assert loose_key("بطرسبورغ") == loose_key("بطرسبورج")
    assert loose_key("عبدالله") == loose_key("عبد الله")
    assert loose_key("أبوظبي") == loose_key("أبو ظبي")
    assert loose_key("ميغ 29") == loose_key("ميغ-29")
    assert loose_key("فيلليب") == loose_key("فيليب")  # a doubled letter in a long word


def test_loose_key_keeps_ordinary_words_apart():
    # long vowels are kept: dropping them would merge الأمن (security) with اليمن, التي with ألتاي
    assert loose_key("الأمن") != loose_key("اليمن")
    assert loose_key("التي") != loose_key("ألتاي")
    assert loose_key("روسيا") != loose_key("رسا")
    assert loose_key("تتعزز") != loose_key("تعز")  # short words keep their doubled letters
    assert loose_key("عراقي") != loose_key("عراقجي")  # letters are merged before g-folding
    assert loose_key("2024 م") == "2024 م"  # a year is never glued to the next word


def test_exact_hit_wins_over_loose(gaz):
    assert ids(gaz.lookup("روسيا")) == ["gpe:russia"]


def test_lookup_unknown_is_empty(gaz):
    assert gaz.lookup("كلمة لا توجد") == []
    assert gaz.get("gpe:atlantis") is None


@pytest.mark.parametrize("form", ["المالي", "المالية", "الماليين", "الماليون", "ماليون", "ماليين"])
def test_adjective_forms(gaz, form):
    assert ids(gaz.adjective(normalize_key(form))) == ["gpe:mali"]


def test_adjective_irregular_plural_and_article(gaz):
    assert "gpe:russia" in ids(gaz.adjective("الروس"))
    assert "gpe:russia" in ids(gaz.adjective("روسيه"))  # normalised feminine
    assert gaz.adjective("الكبير") == []


def test_get_and_fields(gaz):
    bamako = gaz.get("gpe:bamako")
    assert bamako is not None and bamako.type == "GPE" and bamako.country == "gpe:mali"
    assert bamako.lat == pytest.approx(12.65, abs=0.2) and bamako.lon == pytest.approx(-8.0, abs=0.2)
    assert gaz.get("gpe:mali").ambiguous and not gaz.get("gpe:russia").ambiguous


def test_first_tokens_and_max_words(gaz):
    first = gaz.first_tokens()
    assert {"الامم", "فاغنر", "t72b3", "سيرغي"} <= first
    assert loose_key("سيرجي") in first
    assert {"ميغ", "t"} <= first  # `ميغ-29` may be printed `ميغ 29`, `T-72` as `T 72`
    longest = max(len(normalize_key(n).split()) for e in gaz for n in (e.name, *e.aliases))
    assert gaz.max_words >= longest


# --- the shipped data ---

def test_enough_entries(gaz):
    assert len(gaz) >= MIN_ENTRIES


def test_every_row_well_formed():
    seen: set[str] = set()
    for path in sorted(DATA_DIR.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            assert tuple(next(reader)) == COLUMNS, path.name
            for row in reader:
                assert len(row) == len(COLUMNS), f"{path.name}:{reader.line_num}"
                assert row == [c.strip() for c in row], f"{path.name}:{reader.line_num} stray spaces"
        for entry in read_tsv(path):
            assert entry.type in ENTITY_TYPES
            assert entry.id not in seen, f"duplicate id {entry.id}"
            seen.add(entry.id)


def test_references_and_coordinates(gaz):
    for entry in gaz:
        if entry.country:
            assert gaz.get(entry.country) is not None, f"{entry.id}: unknown country {entry.country}"
        assert (entry.lat is None) == (entry.lon is None), entry.id
        if entry.type in ("GPE",) and entry.id.startswith("gpe:"):
            assert entry.lat is not None, f"{entry.id} has no coordinates"


def test_duplicate_id_is_an_error(tmp_path: Path):
    header = "\t".join(COLUMNS)
    row = "\t".join(["gpe:x", "GPE", "اكس", "", "", "", "", "", "", "", ""])
    (tmp_path / "a.tsv").write_text(f"{header}\n{row}\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError, match="duplicate"):
        build_gazetteer(read_tsv(tmp_path / "a.tsv"))


@pytest.mark.parametrize("field, value, message", [
    ("type", "CITY", "unknown type"),
    ("lat", "123", "out of range"),
    ("lon", "east", "not a number"),
    ("wikidata", "mali", "wikidata"),
    ("id", "mali", "bad id"),
])
def test_malformed_row_names_file_and_line(tmp_path: Path, field, value, message):
    values = dict(zip(COLUMNS, ["gpe:x", "GPE", "اكس", "", "", "", "", "", "1.0", "2.0", ""], strict=True))
    values[field] = value
    path = tmp_path / "bad.tsv"
    path.write_text("\t".join(COLUMNS) + "\n" + "\t".join(values.values()) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        read_tsv(path)
    assert "bad.tsv:2" in str(err.value)


def test_ministries_file_is_generated_from_its_tables():
    spec = importlib.util.spec_from_file_location("ministries_build", DATA_DIR / "build" / "ministries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build()
    shipped = read_tsv(DATA_DIR / "ministries.tsv")
    assert [r["id"] for r in built] == [e.id for e in shipped], "run build/ministries.py"
    assert [r["name"] for r in built] == [e.name for e in shipped]


def test_ministries_follow_the_nisba(gaz):
    assert ids(gaz.lookup("وزارة الدفاع الروسية")) == ["org:mod-russia"]
    assert ids(gaz.lookup("وزارة الخارجية الأميركية")) == ["org:state-department"]
    assert gaz.get("org:mod-mali").country == "gpe:mali"


# ordinary words and phrases that a name-like entry must not claim without context
ORDINARY = ["كيف", "التي", "الأمن", "السيد", "الوقود", "جراد", "المتوسط", "الجمعية العامة", "قال", "رسا",
            "الشباب", "الكبير", "بير", "أبا", "ماسك", "سعيد", "المالية", "حماة", "الضفة", "فتح", "القاعدة",
            "البيت", "فأما", "إطار", "لفيف", "وجده", "مسقط", "الكفرة", "وال"]


@pytest.mark.parametrize("word", ORDINARY)
def test_ordinary_words_are_unknown_or_flagged(gaz, word):
    key = normalize_key(word)
    assert all(e.ambiguous for e in gaz.lookup(key)), word
    assert all(e.ambiguous for e in gaz.adjective(key)), word


# names two entries share on purpose; any other shared name is a data error
SHARED_NAMES = {"عمان"}  # Oman (also Amman): both flagged ambiguous


def test_no_two_entries_share_a_name_by_accident(gaz):
    shared = {key for key, entries in gaz.by_key.items() if len({e.id for e in entries}) > 1}
    assert shared <= {normalize_key(n) for n in SHARED_NAMES}, shared
