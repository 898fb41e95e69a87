"""Exports: every format round-trips the KB, from the store and through the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from rasd.cli import _register, cli
from rasd.kb.writer import kb_to_dict
from rasd.store.export import kb_graph, kb_tables, read_jsonl, write_csv, write_jsonl, write_parquet
from test_store_helpers import sample_kb


@pytest.fixture
def kb() -> dict:
    data = kb_to_dict(sample_kb())
    data.pop("failures")
    return data


def test_jsonl_round_trips(kb: dict) -> None:
    out = io.StringIO()
    write_jsonl(kb, out)
    assert len(out.getvalue().splitlines()) == 2 + 4 + 1 + 2
    assert read_jsonl(io.StringIO(out.getvalue())) == kb


def test_csv_and_parquet_hold_every_row(kb: dict, tmp_path: Path) -> None:
    import csv

    tables = kb_tables(kb)
    assert len(tables["mentions"]) == 7 and len(tables["evidence"]) == 3 and len(tables["aliases"]) == 5
    write_csv(kb, tmp_path / "csv")
    with (tmp_path / "csv" / "evidence.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["text"] for r in rows] == [x["text"] for x in tables["evidence"]]
    write_parquet(kb, tmp_path / "pq")
    docs = pq.read_table(tmp_path / "pq" / "documents.parquet").to_pylist()
    assert [d["body"] for d in docs] == [d["body"] for d in kb["documents"]]
    assert json.loads(docs[0]["sentences"]) == kb["documents"][0]["sentences"]


def test_graph_links_entities_in_a_sentence_and_event_participants(kb: dict) -> None:
    graph = kb_graph(kb)
    assert graph.nodes["E1"]["name"] == "سيرجي لافروف"
    assert graph.edges["E1", "E2"]["kind"] == "co-occurrence"  # لافروف and موسكو share the first sentence
    assert not graph.has_edge("E1", "E4")  # never in one sentence
    assert graph.edges["V1", "E3"]["role"] == "recipient"


@pytest.mark.parametrize("fmt", ["kb", "jsonl", "graphml", "csv", "parquet"])
def test_cli_export_writes_each_format(db: str, kb: dict, tmp_path: Path, fmt: str) -> None:
    _register()
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "kb":
        data = json.loads(out.read_text(encoding="utf-8"))
        data.pop("failures")
        assert data == kb
    elif fmt == "jsonl":
        assert read_jsonl(out.open(encoding="utf-8")) == kb
    elif fmt == "graphml":
        graph = nx.read_graphml(out)
        assert set(graph.nodes) == {"E1", "E2", "E3", "E4", "V1", "V2"}
    else:
        assert {p.stem for p in out.iterdir()} >= {"documents", "entities", "events", "evidence", "quotes"}


def test_cli_export_of_tables_needs_out(db: str) -> None:
    _register()
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "csv"])
    assert result.exit_code != 0 and "--out" in result.output
