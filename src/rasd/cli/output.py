"""Shared output options of listing commands: a table for people, JSON and CSV for programs."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

FORMATS = ("table", "json", "csv")


def format_option(func: Callable) -> Callable:
    """The --format option every listing command takes."""
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for reading, json or csv for other programs")(func)


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, title: str | None = None) -> None:
    """Print rows as a rich table, a JSON array or CSV with a header."""
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console(width=max(120, Console().width)).print(table)


def _is_store(source: str) -> bool:
    """A PostgreSQL URL or an SQLite file (by its header), rather than a kb.json."""
    if source.startswith(("postgresql://", "postgresql+psycopg://", "sqlite://")):
        return True
    try:
        with open(source, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def load_kb(source: str) -> dict[str, Any]:
    """A rasd-kb/1 dict from a kb.json or from a store; anything else is an InputError naming it."""
    from rasd.errors import InputError

    if _is_store(source):
        from rasd.kb.writer import kb_to_dict
        from rasd.store import open_store
        from rasd.store.read import load_kb as load_store_kb

        return kb_to_dict(load_store_kb(open_store(source)))
    try:
        with open(source, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(source, f"not a JSON file ({exc})") from exc
    if not isinstance(data, dict) or data.get("schema") != "rasd-kb/1" \
            or not isinstance(data.get("entities", []), list):
        raise InputError(source, "not a rasd-kb/1 knowledge base")
    return data
