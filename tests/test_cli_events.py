"""`rasd events`, `rasd arms` and `rasd timeline` on a hand-made knowledge base."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from rasd.cli import _register, cli
from rasd.kb.views import arms_register, timeline

KB = {
    "schema": "rasd-kb/1",
    "documents": [
        {"id": "d1", "path": "a.txt", "outlet": "موقع أ", "title": "خبر"},
        {"id": "d2", "path": "b.txt", "outlet": "موقع ب", "title": "خبر آخر"},
    ],
    "entities": [
        {"id": "ru", "type": "GPE", "name": "روسيا", "name_en": "Russia", "aliases": ["روسيا"]},
        {"id": "ml", "type": "GPE", "name": "مالي", "name_en": "Mali", "aliases": ["مالي"]},
        {"id": "mi", "type": "EQUIPMENT", "name": "Mi-24", "name_en": "Mi-24", "aliases": []},
    ],
    "quotes": [],
    "events": [
        {"id": "e1", "type": "ARMS_TRANSFER", "date": "2022-03", "location": "ml", "status": "occurred",
         "corroboration": 2,
         "participants": [{"role": "supplier", "entity": "ru", "text": "روسيا"},
                          {"role": "recipient", "entity": "ml", "text": "مالي"},
                          {"role": "item", "entity": "mi", "text": "Mi-24", "quantity": 4}],
         "evidence": [{"doc": "d1", "start": 0, "end": 10, "text": "سلمت روسيا مالي أربع مروحيات"},
                      {"doc": "d2", "start": 0, "end": 10, "text": "تسلمت مالي أربع مروحيات"}]},
        {"id": "e2", "type": "MEETING", "date": None, "location": None, "status": "occurred",
         "participants": [{"role": "participant", "entity": "ml", "text": "مالي"}],
         "evidence": [{"doc": "d2", "start": 0, "end": 5, "text": "لقاء"}]},
    ],
}


@pytest.fixture()
def kb_file(tmp_path):
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(KB, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _run(*args):
    _register()
    return CliRunner().invoke(cli, list(args))


def test_arms_register_has_sipri_columns():
    (row,) = arms_register(KB)
    assert (row["supplier"], row["recipient"], row["designation"], row["number"], row["years"]) == \
        ("روسيا", "مالي", "Mi-24", "4", "2022")
    assert row["sources"] == "موقع أ; موقع ب"


def test_timeline_orders_by_date_and_filters_by_entity():
    rows = timeline(KB)
    assert [r["id"] for r in rows] == ["e1", "e2"]
    assert [r["id"] for r in timeline(KB, entity="Russia")] == ["e1"]


def test_cli_arms_csv(kb_file):
    result = _run("arms", kb_file, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows[0]["designation"] == "Mi-24" and rows[0]["number"] == "4"


def test_cli_events_json_filters_type(kb_file):
    result = _run("events", kb_file, "--type", "meeting", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.output)] == ["e2"]


def test_cli_timeline_table(kb_file):
    result = _run("timeline", kb_file)
    assert result.exit_code == 0, result.output
    assert "ARMS_TRANSFER" in result.output


def test_cli_refuses_a_file_that_is_not_a_kb(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = _run("events", str(bad))
    assert result.exit_code != 0


def test_listing_commands_read_a_store_as_well_as_a_kb_file(tmp_path):
    page = ("سلمت روسيا الجيش المالي أربع مروحيات قتالية في مطار باماكو الدولي يوم 3 مارس 2024، "
            "وقال وزير الدفاع المالي إن الشحنة تعزز قدرات البلاد.\n")
    (tmp_path / "a.txt").write_text("عنوان الخبر عن الشحنة\n\n" + page, encoding="utf-8")
    db = str(tmp_path / "rasd.db")
    result = _run("ingest", str(tmp_path / "a.txt"), "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    for command in ("entities", "events", "arms", "timeline"):
        result = _run(command, db, "--format", "json")
        assert result.exit_code == 0, (command, result.output)
        assert isinstance(json.loads(result.output), list)
    names = {r["name"] for r in json.loads(_run("entities", db, "--format", "json").output)}
    assert "روسيا" in names
