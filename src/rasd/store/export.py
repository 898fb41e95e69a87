"""Exports of a rasd-kb/1 dict: kb JSON, JSON Lines, CSV and Parquet tables, GraphML.

Every function takes the KB dict (`kb_to_dict(load_kb(store))`), so the exports
of a store and of `rasd analyze` are built by the same code.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import IO, Any

import networkx as nx

FORMATS = ("kb", "jsonl", "csv", "parquet", "graphml")
KINDS = (("documents", "document"), ("entities", "entity"), ("quotes", "quote"), ("events", "event"))


def write_jsonl(kb: dict[str, Any], out: IO[str]) -> None:
    """One JSON object per line, each with a `kind` (document, entity, quote, event)."""
    for key, kind in KINDS:
        for record in kb.get(key, []):
            out.write(json.dumps({"kind": kind, **record}, ensure_ascii=False) + "\n")


def read_jsonl(lines: IO[str]) -> dict[str, Any]:
    """The KB dict back from `write_jsonl` output."""
    kb: dict[str, Any] = {"schema": "rasd-kb/1", **{key: [] for key, _ in KINDS}}
    keys = {kind: key for key, kind in KINDS}
    for line in lines:
        if line.strip():
            record = json.loads(line)
            kb[keys[record.pop("kind")]].append(record)
    return kb


def kb_tables(kb: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The KB as flat tables (one row per document, entity, alias, role, mention, event, ...)."""
    def scalar(value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value

    tables: dict[str, list[dict[str, Any]]] = {
        "documents": [{k: scalar(v) for k, v in d.items()} for d in kb.get("documents", [])],
        "entities": [], "aliases": [], "roles": [], "mentions": [],
        "events": [], "participants": [], "evidence": [],
        "quotes": [dict(q) for q in kb.get("quotes", [])],
    }
    for e in kb.get("entities", []):
        tables["entities"].append({k: scalar(v) for k, v in e.items()
                                   if k not in ("aliases", "roles", "mentions")})
        tables["aliases"] += [{"entity": e["id"], "alias": a} for a in e["aliases"]]
        tables["roles"] += [{"entity": e["id"], **r} for r in e["roles"]]
        tables["mentions"] += [{"entity": e["id"], **m} for m in e["mentions"]]
    for ev in kb.get("events", []):
        tables["events"].append({k: scalar(v) for k, v in ev.items()
                                 if k not in ("participants", "evidence")})
        tables["participants"] += [{"event": ev["id"], **p} for p in ev["participants"]]
        tables["evidence"] += [{"event": ev["id"], **x} for x in ev["evidence"]]
    return tables


def write_csv(kb: dict[str, Any], folder: Path) -> list[Path]:
    """One UTF-8 CSV file per table in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in kb_tables(kb).items():
        path = folder / f"{name}.csv"
        columns = list(dict.fromkeys(k for row in rows for k in row))
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written


def write_parquet(kb: dict[str, Any], folder: Path) -> list[Path]:
    """One Parquet file per table in `folder`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in kb_tables(kb).items():
        path = folder / f"{name}.parquet"
        columns = list(dict.fromkeys(k for row in rows for k in row))
        table = pa.table({c: [row.get(c) for row in rows] for c in columns}) if rows else pa.table({})
        pq.write_table(table, path)
        written.append(path)
    return written


def kb_graph(kb: dict[str, Any]) -> nx.Graph:
    """Entities and events as nodes; edges for entities sharing a sentence and for event participants."""
    graph = nx.Graph()
    for e in kb.get("entities", []):
        graph.add_node(e["id"], kind="entity", type=e["type"], name=e["name"], mentions=len(e["mentions"]))
    sentences = {d["id"]: d.get("sentences") or [[0, len(d["body"])]] for d in kb.get("documents", [])}
    together: dict[tuple[str, int], set[str]] = {}
    for e in kb.get("entities", []):
        for m in e["mentions"]:
            spans = sentences.get(m["doc"], [])
            index = next((i for i, (s, t) in enumerate(spans) if s <= m["start"] < t), -1)
            together.setdefault((m["doc"], index), set()).add(e["id"])
    weights: Counter[tuple[str, str]] = Counter()
    for ids in together.values():
        weights.update(combinations(sorted(ids), 2))
    for (a, b), weight in weights.items():
        graph.add_edge(a, b, kind="co-occurrence", weight=weight)
    for ev in kb.get("events", []):
        graph.add_node(ev["id"], kind="event", type=ev["type"], date=ev.get("date") or "",
                       status=ev["status"], evidence=len(ev["evidence"]))
        for p in ev["participants"]:
            if p.get("entity") and graph.has_node(p["entity"]):
                graph.add_edge(ev["id"], p["entity"], kind="participant", role=p["role"], weight=1)
        if ev.get("location") and graph.has_node(ev["location"]):
            graph.add_edge(ev["id"], ev["location"], kind="location", role="LOCATION", weight=1)
    return graph


def write_graphml(kb: dict[str, Any], out: Path) -> None:
    """The entity/event graph as GraphML (for Gephi, Cytoscape, networkx)."""
    nx.write_graphml(kb_graph(kb), out)
