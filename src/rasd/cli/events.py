"""`rasd events`, `rasd arms`, `rasd timeline`: event views of a knowledge base."""

from __future__ import annotations

import click

from rasd.cli.output import emit, format_option, load_kb
from rasd.kb.views import arms_register, event_rows, timeline


@click.command()
@click.argument("kb_path", metavar="KB.json|STORE")
@click.option("--type", "event_type", default=None, help="only this event type (e.g. ARMS_TRANSFER)")
@format_option
def events(kb_path: str, event_type: str | None, fmt: str) -> None:
    """List the events of a knowledge base with participants, place, status and corroboration."""
    rows = event_rows(load_kb(kb_path), event_type)
    emit(rows, ["date", "type", "status", "participants", "location", "corroboration", "evidence", "id"], fmt,
         title="events")


@click.command()
@click.argument("kb_path", metavar="KB.json|STORE")
@format_option
def arms(kb_path: str, fmt: str) -> None:
    """The arms-transfer register (SIPRI trade-register layout) of a knowledge base."""
    rows = arms_register(load_kb(kb_path))
    emit(rows, ["supplier", "recipient", "designation", "number", "years", "status", "sources"], fmt,
         title="arms transfers")


@click.command(name="timeline")
@click.argument("kb_path", metavar="KB.json|STORE")
@click.option("--entity", default=None, help="only events involving this entity (id, name or alias)")
@click.option("--type", "event_type", default=None, help="only this event type")
@format_option
def timeline_cmd(kb_path: str, entity: str | None, event_type: str | None, fmt: str) -> None:
    """Events in date order, each with its first evidence sentence."""
    rows = timeline(load_kb(kb_path), entity, event_type)
    columns = ["date", "type", "participants", "location", "corroboration", "sentence"]
    emit(rows, columns, fmt, title="timeline")


COMMANDS = [events, arms, timeline_cmd]
