"""Derived views over a rasd-kb/1 dict: the event list, an arms-transfer register and a timeline.

Pure functions over the KB's JSON form, so the CLI, the API and exports all
show the same rows.
"""

from __future__ import annotations

from typing import Any

from rasd.resolve.edtf import sort_key, span

KB = dict[str, Any]


def _names(kb: KB) -> dict[str, str]:
    return {e["id"]: e.get("name") or e["id"] for e in kb.get("entities", [])}


def _outlets(kb: KB) -> dict[str, str]:
    return {d["id"]: d.get("outlet") or d.get("title") or d["id"] for d in kb.get("documents", [])}


def _years(date: str | None) -> str:
    """The year or years of an EDTF date, as the SIPRI register writes them (2023, 2023-2025)."""
    s = span(date)
    if s is None or s[0][0] is None:
        return ""
    first, last = s[0][0], s[1][0]
    return str(first) if first == last or last is None else f"{first}-{last}"


def _role_text(event: dict, roles: set[str], names: dict[str, str]) -> str:
    parts = []
    for p in event.get("participants", []):
        if p["role"] in roles:
            name = names.get(p["entity"]) if p.get("entity") else p.get("text")
            if name and name not in parts:
                parts.append(name)
    return "، ".join(parts)


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


def arms_register(kb: KB) -> list[dict[str, Any]]:
    """ARMS_TRANSFER events in the SIPRI trade-register layout, one row per item."""
    names, outlets = _names(kb), _outlets(kb)
    rows = []
    for ev in kb.get("events", []):
        if ev["type"] != "ARMS_TRANSFER":
            continue
        items = [p for p in ev.get("participants", []) if p["role"] == "item"] or [None]
        sources = sorted({outlets.get(x["doc"], x["doc"]) for x in ev.get("evidence", [])})
        for item in items:
            rows.append({
                "supplier": _role_text(ev, {"supplier"}, names),
                "recipient": _role_text(ev, {"recipient"}, names),
                "designation": (names.get(item["entity"]) if item and item.get("entity") else
                                item.get("text") if item else ""),
                "number": _fmt_number(item["quantity"]) if item and item.get("quantity") is not None else "",
                "years": _years(ev.get("date")),
                "date": ev.get("date"),
                "status": ev.get("status"),
                "sources": "; ".join(sources),
                "event": ev["id"],
            })
    rows.sort(key=lambda r: (r["supplier"], r["recipient"], sort_key(r["date"])))
    return rows


def timeline(kb: KB, entity: str | None = None, event_type: str | None = None) -> list[dict[str, Any]]:
    """Events in date order (undated last), optionally about one entity id or name."""
    rows = event_rows(kb, event_type)
    if entity:
        wanted = {e["id"] for e in kb.get("entities", [])
                  if entity in (e["id"], e.get("name"), e.get("name_en")) or entity in e.get("aliases", [])}
        keep = {ev["id"] for ev in kb.get("events", [])
                if ev.get("location") in wanted or any(p.get("entity") in wanted for p in ev["participants"])}
        rows = [r for r in rows if r["id"] in keep]
    evidence = {ev["id"]: ev.get("evidence", []) for ev in kb.get("events", [])}
    for row in rows:
        first = evidence[row["id"]][0] if evidence[row["id"]] else None
        row["sentence"] = first["text"] if first else ""
    return rows
