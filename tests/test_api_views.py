"""The pure views over a rasd-kb/1 dict: the arms register (SIPRI layout) and the timeline."""

from __future__ import annotations

from rasd.kb.writer import kb_to_dict
from rasd.query.views import arms_register, timeline
from test_store_helpers import sample_kb


def _kb() -> dict:
    return kb_to_dict(sample_kb())


def test_arms_register_has_the_sipri_columns_and_cites_sources() -> None:
    [row] = arms_register(_kb())
    assert (row["supplier"], row["recipient"], row["description"], row["number"], row["year"]) == (
        "روسيا", "مالي", "طائرتين", 2.0, "2024")
    assert row["supplier_ids"] == ["E2"] and row["status"] == "planned"
    [source] = row["sources"]
    assert source["title"] == "لافروف في باماكو" and source["sentence"].startswith("قال وزير الخارجية")


def test_arms_register_one_row_per_item_and_year_ranges() -> None:
    kb = _kb()
    event = kb["events"][0]
    event["date"] = "2023-10/2024-02"
    event["participants"].append({"role": "item", "entity": "E4", "text": "مدرعات", "quantity": 12,
                                  "unit": None, "approximate": True})
    rows = arms_register(kb)
    assert [r["description"] for r in rows] == ["طائرتين", "مدرعات"]
    assert rows[1]["designation"] == "باماكو" and rows[1]["approximate"]
    assert {r["year"] for r in rows} == {"2023-2024"}


def test_only_arms_transfers_enter_the_register() -> None:
    kb = _kb()
    kb["events"][0]["type"] = "AID"
    assert arms_register(kb) == []


def test_timeline_orders_by_date_and_puts_unknown_years_last() -> None:
    kb = _kb()
    kb["events"].append({**kb["events"][1], "id": "V3", "date": "XXXX-01-17"})
    kb["events"].append({**kb["events"][1], "id": "V4", "date": None})
    kb["events"].append({**kb["events"][1], "id": "V5", "date": "2023"})
    assert [r["event"] for r in timeline(kb)] == ["V5", "V1", "V2", "V3", "V4"]


def test_timeline_filters_by_type_entity_and_country() -> None:
    kb = _kb()
    assert [r["event"] for r in timeline(kb, types=["MEETING"])] == ["V2"]
    assert [r["event"] for r in timeline(kb, entity="E1")] == ["V2"]
    assert [r["event"] for r in timeline(kb, country="مالي")] == ["V1"]
    # with the gazetteer's place -> country map, the meeting in Bamako counts for Mali too
    assert [r["event"] for r in timeline(kb, country="مالي", country_of={"E4": "E3"})] == ["V1", "V2"]
    [meeting] = timeline(kb, types=["MEETING"])
    assert meeting["participants"][0]["name"] == "سيرجي لافروف" and len(meeting["sources"]) == 2
