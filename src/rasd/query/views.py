"""Views computed from a rasd-kb/1 dict: the arms-transfer register and the event timeline.

Pure functions over the KB dict, so `rasd arms`, `rasd timeline`, the API, the
dashboard and the report all read the same rows whether the KB came from a
kb.json or from a store (`rasd.query.records.kb_view`).
"""

from __future__ import annotations

from typing import Any

from rasd.text.normalize import normalize_key


def _names(kb: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in kb.get("entities", [])}


def _citations(kb: dict[str, Any], event: dict[str, Any]) -> list[dict[str, Any]]:
    """One citation per evidence sentence: the document's title, outlet and date, and the sentence."""
    docs = {d["id"]: d for d in kb.get("documents", [])}
    cites = []
    for x in event.get("evidence", []):
        doc = docs.get(x["doc"], {})
        cites.append({"doc": x["doc"], "title": doc.get("title"), "outlet": doc.get("outlet"),
                      "published": doc.get("published"), "start": x["start"], "end": x["end"],
                      "sentence": x["text"]})
    return cites


def _party(event: dict[str, Any], role: str, names: dict[str, str]) -> list[dict[str, Any]]:
    return [{"entity": p.get("entity"), "name": names.get(p.get("entity") or "", p["text"]),
             "text": p["text"]} for p in event.get("participants", []) if p["role"].lower() == role]


def _year(date: str | None) -> str | None:
    """The year(s) of an EDTF date (`2023-10/2023-12` -> 2023, `2023/2024` -> 2023-2024)."""
    if not date:
        return None
    years = sorted({part[:4] for part in date.split("/") if part[:4].isdigit()})
    return "-".join(years[:1] + years[-1:] if len(years) > 1 else years) or None


def arms_register(kb: dict[str, Any]) -> list[dict[str, Any]]:
    """ARMS_TRANSFER events in the SIPRI trade-register layout, one row per item (or per event).

    Columns: supplier, recipient, designation (the item entity's name), description
    (the item as written), number, unit, year, status, sources.
    """
    names = _names(kb)
    rows = []
    for ev in kb.get("events", []):
        if ev["type"] != "ARMS_TRANSFER":
            continue
        supplier = _party(ev, "supplier", names)
        recipient = _party(ev, "recipient", names)
        items = [p for p in ev.get("participants", []) if p["role"].lower() == "item"] or [None]
        for item in items:
            rows.append({
                "event": ev["id"],
                "supplier": ", ".join(p["name"] for p in supplier) or None,
                "supplier_ids": [p["entity"] for p in supplier if p["entity"]],
                "recipient": ", ".join(p["name"] for p in recipient) or None,
                "recipient_ids": [p["entity"] for p in recipient if p["entity"]],
                "designation": names.get(item.get("entity") or "") if item else None,
                "description": item["text"] if item else None,
                "number": item.get("quantity") if item else None,
                "unit": item.get("unit") if item else None,
                "approximate": bool(item.get("approximate")) if item else False,
                "year": _year(ev.get("date")), "date": ev.get("date"), "status": ev["status"],
                "corroboration": ev.get("corroboration", len({x["doc"] for x in ev.get("evidence", [])})),
                "sources": _citations(kb, ev),
            })
    rows.sort(key=lambda r: (r["date"] or "9999", r["supplier"] or "", r["recipient"] or ""))
    return rows


def _involves(ev: dict[str, Any], entity: str) -> bool:
    ids = {p.get("entity") for p in ev.get("participants", [])} | {ev.get("location")}
    return entity in ids


def _country_ids(kb: dict[str, Any], country: str) -> set[str]:
    """Entity ids named `country` (id, name or alias, normalised)."""
    key = normalize_key(country)
    return {e["id"] for e in kb.get("entities", [])
            if e["id"] == country or key in {normalize_key(a) for a in [e["name"], *e.get("aliases", [])]}}


def timeline(kb: dict[str, Any], *, types: list[str] | None = None, entity: str | None = None,
             country: str | None = None, country_of: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Every event in date order (undated last), with participants named and every source cited.

    Filters: event types, an entity taking part (or the place), a country by id or
    name. `country_of` maps place ids to their country's id (from the gazetteer),
    so an event in Bamako counts for Mali.
    """
    names = _names(kb)
    wanted_country = _country_ids(kb, country) if country else set()
    if country_of:
        wanted_country |= {place for place, land in country_of.items() if land in wanted_country}
    rows = []
    for ev in kb.get("events", []):
        if types and ev["type"] not in types:
            continue
        if entity and not _involves(ev, entity):
            continue
        if country and not any(_involves(ev, c) for c in wanted_country):
            continue
        rows.append({
            "event": ev["id"], "type": ev["type"], "date": ev.get("date"), "status": ev["status"],
            "location": ev.get("location"), "location_name": names.get(ev.get("location") or ""),
            "participants": [{"role": p["role"], "entity": p.get("entity"),
                              "name": names.get(p.get("entity") or "", p["text"]), "text": p["text"],
                              "quantity": p.get("quantity"), "unit": p.get("unit")}
                             for p in ev.get("participants", [])],
            "corroboration": ev.get("corroboration", 1),
            "sources": _citations(kb, ev),
        })
    # EDTF sorts as text; unknown years (XXXX-01-17) come after every dated event, undated ones last
    rows.sort(key=lambda r: (2 if not r["date"] else 1 if r["date"].startswith("X") else 0, r["date"] or "",
                             r["event"]))
    return rows
