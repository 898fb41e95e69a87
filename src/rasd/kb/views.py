"""Flat rows for the command line: the event list, and the arms register and timeline of
`rasd.query.views` (the one implementation the API and dashboard use too) flattened for
tables and CSV.
"""

from __future__ import annotations

from typing import Any

from rasd.query.views import arms_register as arms_records
from rasd.query.views import timeline as timeline_records
from rasd.resolve.edtf import sort_key

KB = dict[str, Any]


def _names(kb: KB) -> dict[str, str]:
    return {e["id"]: e.get("name") or e["id"] for e in kb.get("entities", [])}


def event_rows(kb: KB, event_type: str | None = None) -> list[dict[str, Any]]:
    """One row per event: date, type, status, participants by role, place, corroboration, evidence."""
    names = _names(kb)
    rows = []
    for ev in sorted(kb.get("events", []), key=lambda e: (sort_key(e.get("date")), e["type"])):
        if event_type and ev["type"] != event_type.upper():
            continue
        roles: dict[str, list[str]] = {}
        for p in ev.get("participants", []):
            label = names.get(p["entity"]) if p.get("entity") else p.get("text")
            if p.get("quantity") is not None:
                label = f"{label} ({_fmt_number(p['quantity'])}{' ' + p['unit'] if p.get('unit') else ''})"
            roles.setdefault(p["role"], []).append(label)
        rows.append({
            "id": ev["id"], "date": ev.get("date"), "type": ev["type"], "status": ev.get("status"),
            "participants": "; ".join(f"{r}: {'، '.join(v)}" for r, v in roles.items()),
            "location": names.get(ev.get("location")) if ev.get("location") else None,
            "corroboration": ev.get("corroboration", len({x["doc"] for x in ev.get("evidence", [])})),
            "evidence": len(ev.get("evidence", [])),
        })
    return rows


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _sources(record: dict[str, Any]) -> str:
    """The outlets (else titles, else ids) of a record's citations, once each."""
    seen = dict.fromkeys(c.get("outlet") or c.get("title") or c["doc"] for c in record["sources"])
    return "; ".join(seen)


def arms_register(kb: KB) -> list[dict[str, Any]]:
    """The arms register of `rasd.query.views` as flat rows (SIPRI columns) for tables and CSV."""
    rows = []
    for r in arms_records(kb):
        rows.append({
            "supplier": r["supplier"] or "", "recipient": r["recipient"] or "",
            "designation": r["designation"] or r["description"] or "",
            "number": _fmt_number(r["number"]) if r["number"] is not None else "",
            "years": r["year"] or "", "date": r["date"], "status": r["status"],
            "sources": _sources(r), "event": r["event"],
        })
    rows.sort(key=lambda r: (r["supplier"], r["recipient"], sort_key(r["date"])))
    return rows


def timeline(kb: KB, entity: str | None = None, event_type: str | None = None) -> list[dict[str, Any]]:
    """`rasd.query.views.timeline` as flat rows, optionally about one entity given by id, name or alias."""
    types = [event_type.upper()] if event_type else None
    records = timeline_records(kb, types=types)
    if entity:
        wanted = {e["id"] for e in kb.get("entities", [])
                  if entity in (e["id"], e.get("name"), e.get("name_en")) or entity in e.get("aliases", [])}
        records = [r for r in records if r["location"] in wanted
                   or any(p["entity"] in wanted for p in r["participants"])]
    flat = {row["id"]: row for row in event_rows(kb, event_type)}
    return [{**flat[r["event"]], "sentence": r["sources"][0]["sentence"] if r["sources"] else ""}
            for r in records]
