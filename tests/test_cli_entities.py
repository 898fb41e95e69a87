"""`rasd entities` on a small knowledge base built from documents written for these tests."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import _register, cli, main
from rasd.cli.entities import entity_rows
from rasd.kb.writer import write_kb
from rasd.model import KB, Document, Mention, Role
from rasd.resolve.entities import resolve_entities
from rasd.text.normalize import normalize_key


def _doc(doc_id: str, names: list[tuple[str, str]], published: str) -> Document:
    body, mentions = "", []
    for name, etype in names:
        start = len(body)
        body += name + " و "
        mentions.append(Mention(start, start + len(name), name, etype, normalize_key(name)))
    return Document(id=doc_id, path=f"/in/{doc_id}.txt", body=body, mentions=mentions, published=published)


@pytest.fixture()
def kb_file(tmp_path: Path) -> Path:
    old = _doc("old", [("حسن بكري", "PERSON"), ("تشاد", "GPE")], "2021-03-01")
    old.roles.append(Role(person=0, title="وزير الدفاع", of=1, rank="عقيد"))
    new = _doc("new", [("بكري", "PERSON"), ("تشاد", "GPE"), ("انجامينا", "GPE")], "2024-06-30")
    new.roles.append(Role(person=0, title="وزير الدفاع", of=1, rank="جنرال"))
    docs = [new, old]
    kb = KB(documents=docs, entities=resolve_entities(docs))
    path = tmp_path / "kb.json"
    write_kb(kb, path)
    return path


def run(*args: str) -> str:
    _register()
    result = CliRunner().invoke(cli, ["entities", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_json_lists_entities_with_roles_over_time(kb_file: Path) -> None:
    rows = json.loads(run(str(kb_file), "--format", "json"))
    person = next(r for r in rows if r["type"] == "PERSON")
    assert person["name"] == "حسن بكري"
    assert person["mentions"] == 2 and sorted(person["documents"]) == ["new.txt", "old.txt"]
    assert [(r["date"], r["rank"]) for r in person["roles"]] == [
        ("2021-03-01", "عقيد"), ("2024-06-30", "جنرال")]
    assert person["roles"][0]["of_name"]


def test_type_filter_and_limit(kb_file: Path) -> None:
    rows = json.loads(run(str(kb_file), "--format", "json", "--type", "gpe"))
    assert {r["type"] for r in rows} == {"GPE"} and len(rows) == 2
    assert rows[0]["name"] == "تشاد"  # most mentioned first
    assert len(json.loads(run(str(kb_file), "--format", "json", "--limit", "1"))) == 1


def test_csv_has_a_header_and_one_line_per_entity(kb_file: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(str(kb_file), "--format", "csv"))))
    assert len(rows) == 3
    person = next(r for r in rows if r["type"] == "PERSON")
    assert sorted(person["documents"].split("|")) == ["new.txt", "old.txt"]
    assert person["roles"].index("عقيد") < person["roles"].index("جنرال")


def test_table_shows_names_and_roles(kb_file: Path) -> None:
    out = run(str(kb_file))
    lines = out.splitlines()
    assert lines[0].startswith("TYPE") and len(lines) == 4
    person_line = next(line for line in lines if "حسن بكري" in line)
    assert "2021-03-01 عقيد وزير الدفاع" in person_line and "2024-06-30 جنرال" in person_line


def test_entity_rows_work_on_a_plain_dict(kb_file: Path) -> None:
    kb = json.loads(kb_file.read_text(encoding="utf-8"))
    assert [r["name"] for r in entity_rows(kb, "PERSON")] == ["حسن بكري"]
    assert entity_rows({"entities": []}) == []


@pytest.mark.parametrize("content, reason", [
    (None, "cannot read"), ("{not json", "not a JSON file"), ('{"schema": "other"}', "not a rasd-kb/1"),
])
def test_bad_input_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str], content: str | None,
                                       reason: str) -> None:
    path = tmp_path / "kb.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["rasd", "entities", str(path)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert str(path) in err and reason in err



def test_a_role_repeated_on_one_date_is_listed_once(tmp_path: Path) -> None:
    docs = []
    for doc_id in ("x", "y"):
        doc = _doc(doc_id, [("حسن بكري", "PERSON")], "2024-01-01")
        doc.roles.append(Role(person=0, title="وزير الدفاع"))
        docs.append(doc)
    path = tmp_path / "kb.json"
    write_kb(KB(documents=docs, entities=resolve_entities(docs)), path)
    line = next(x for x in run(str(path)).splitlines() if "حسن بكري" in x)
    assert line.count("وزير الدفاع") == 1
    assert len(json.loads(run(str(path), "--format", "json"))[0]["roles"]) == 2  # JSON keeps each document
