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


def load_kb(path: str) -> dict[str, Any]:
    """Read a rasd-kb/1 file, with a one-line error when it is not one."""
    from rasd.errors import InputError

    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"cannot read the knowledge base: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != "rasd-kb/1":
        raise InputError(path, "not a rasd-kb/1 file")
    return data
