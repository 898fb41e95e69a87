"""`rasd entities`: the entities of a knowledge base with their mentions, documents and roles over time."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import click

from rasd.cli.output import load_kb as read_kb
from rasd.model import ENTITY_TYPES

FORMATS = ("table", "json", "csv")


def _doc_label(doc: dict[str, Any]) -> str:
    """A short name for a document: its file name, else its id."""
    path = doc.get("path") or ""
    return Path(path.split("#")[0]).name if path else str(doc.get("id"))


def entity_rows(kb: dict[str, Any], etype: str | None = None,
                limit: int | None = None) -> list[dict[str, Any]]:
    """One row per entity, most mentioned first; roles sorted by date with `of` named.

    Shared by the CLI and (later) the store and API, so it only needs a rasd-kb/1 dict.
    """
    entities = [e for e in kb.get("entities", []) if isinstance(e, dict)]
    names = {e.get("id"): e.get("name_en") or e.get("name") for e in entities}
    labels = {d.get("id"): _doc_label(d) for d in kb.get("documents", []) if isinstance(d, dict)}
    if etype:
        entities = [e for e in entities if str(e.get("type", "")).upper() == etype.upper()]
    rows = []
    for e in entities:
        mentions = e.get("mentions") or []
        docs = list(dict.fromkeys(m.get("doc") for m in mentions))
        roles = sorted(e.get("roles") or [], key=lambda r: (r.get("date") is None, r.get("date") or "",
                                                           str(r.get("doc"))))
        rows.append({
            "id": e.get("id"), "type": e.get("type"), "name": e.get("name"), "name_en": e.get("name_en"),
            "mentions": len(mentions), "documents": [labels.get(d, d) for d in docs],
            "roles": [{"date": r.get("date"), "rank": r.get("rank"), "title": r.get("title"),
                       "of": r.get("of"), "of_name": names.get(r.get("of")),
                       "doc": labels.get(r.get("doc"), r.get("doc"))} for r in roles],
        })
    rows.sort(key=lambda r: (-r["mentions"], -len(r["documents"]), str(r["name"])))
    return rows[:limit] if limit is not None else rows


def role_text(role: dict[str, Any]) -> str:
    """One role as text: `2024-02-23 جنرال وزير الدفاع (Mali)`."""
    parts = [role.get("date") or "undated", role.get("rank") or "", role.get("title") or ""]
    text = " ".join(p for p in parts if p)
    return f"{text} ({role['of_name']})" if role.get("of_name") else text


def _roles_line(roles: list[dict[str, Any]]) -> str:
    """Roles over time on one line; a role repeated with the same date is shown once."""
    return "; ".join(dict.fromkeys(role_text(role) for role in roles))


def format_rows(rows: list[dict[str, Any]], fmt: str) -> str:
    """The rows as an aligned table, a JSON array or CSV."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "type", "name", "name_en", "mentions", "documents", "roles"])
        for r in rows:
            writer.writerow([r["id"], r["type"], r["name"], r["name_en"] or "", r["mentions"],
                             "|".join(r["documents"]), _roles_line(r["roles"])])
        return out.getvalue().rstrip("\n")
    header = ["TYPE", "NAME", "NAME_EN", "MENTIONS", "DOCS", "ROLES OVER TIME"]
    table = [[r["type"], r["name"], r["name_en"] or "", str(r["mentions"]), str(len(r["documents"])),
              _roles_line(r["roles"])] for r in rows]
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(len(header) - 1)]
    lines = ["  ".join([*(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)), row[-1]]).rstrip()
             for row in [header, *table]]
    return "\n".join(lines)


@click.command("entities")
@click.argument("kb_path", metavar="KB.json|STORE")
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES, case_sensitive=False), default=None,
              help="only entities of this type")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="output format")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="at most N entities (most mentioned first)")
def entities(kb_path: str, etype: str | None, fmt: str, limit: int | None) -> None:
    """List the entities of a knowledge base: type, names, mentions, documents and roles over time."""
    rows = entity_rows(read_kb(kb_path), etype, limit)
    click.echo(format_rows(rows, fmt))


COMMANDS = [entities]
