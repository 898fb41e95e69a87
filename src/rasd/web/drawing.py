"""Maps and graphs drawn by rasd itself as SVG coordinates (no tile server, no CDN)."""

from __future__ import annotations

from collections import Counter
from typing import Any

WIDTH, HEIGHT = 900, 520
PAD = 0.15  # extra room around the points, as a share of the span


def _bounds(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(lon_min, lon_max, lat_min, lat_max) around the points, at least 20 x 12 degrees."""
    if not points:
        return -20.0, 50.0, -5.0, 40.0  # Africa and the Middle East
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lon_min, lon_max, lat_min, lat_max = min(lons), max(lons), min(lats), max(lats)
    lon_span, lat_span = max(20.0, lon_max - lon_min), max(12.0, lat_max - lat_min)
    mid_lon, mid_lat = (lon_min + lon_max) / 2, (lat_min + lat_max) / 2
    lon_span, lat_span = lon_span * (1 + 2 * PAD), lat_span * (1 + 2 * PAD)
    return mid_lon - lon_span / 2, mid_lon + lon_span / 2, mid_lat - lat_span / 2, mid_lat + lat_span / 2


def event_map(points: list[dict[str, Any]], context: list[dict[str, Any]]) -> dict[str, Any]:
    """An equirectangular map: a graticule, gazetteer places for context, a circle per place with events.

    `points` carry lat/lon/name/location/type; `context` are gazetteer places
    (name, lat, lon) drawn faintly when they fall inside the frame.
    """
    lon_min, lon_max, lat_min, lat_max = _bounds([(p["lat"], p["lon"]) for p in points])

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (round((lon - lon_min) / (lon_max - lon_min) * WIDTH, 1),
                round((lat_max - lat) / (lat_max - lat_min) * HEIGHT, 1))

    step = 10 if lon_max - lon_min > 40 else 5
    grid = []
    for lon in range(int(lon_min // step * step), int(lon_max) + 1, step):
        x, _ = xy(0, lon)
        grid.append({"x1": x, "y1": 0, "x2": x, "y2": HEIGHT, "label": f"{lon}°"})
    for lat in range(int(lat_min // step * step), int(lat_max) + 1, step):
        _, y = xy(lat, 0)
        grid.append({"x1": 0, "y1": y, "x2": WIDTH, "y2": y, "label": f"{lat}°"})
    places: dict[str, dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    for p in points:
        counts[p["location"]] += 1
        x, y = xy(p["lat"], p["lon"])
        place = places.setdefault(p["location"], {"location": p["location"], "name": p["name"], "x": x,
                                                  "y": y, "types": Counter(), "events": []})
        place["types"][p["type"]] += 1
        place["events"].append(p["event"])
    drawn = []
    for place in places.values():
        place["count"] = counts[place["location"]]
        place["r"] = round(5 + 3 * min(counts[place["location"]], 8), 1)
        place["types"] = dict(place["types"])
        drawn.append(place)
    faint = []
    for c in context:
        if lat_min <= c["lat"] <= lat_max and lon_min <= c["lon"] <= lon_max:
            x, y = xy(c["lat"], c["lon"])
            faint.append({"name": c["name"], "x": x, "y": y})
    return {"width": WIDTH, "height": HEIGHT, "grid": grid, "places": drawn, "context": faint}


def graph_layout(graph: dict[str, Any], seed: int = 7) -> dict[str, Any]:
    """Positions for the relation graph (networkx spring layout, fixed seed so pages are stable)."""
    import networkx as nx

    g = nx.Graph()
    for n in graph["nodes"]:
        g.add_node(n["id"])
    for e in graph["edges"]:
        g.add_edge(e["source"], e["target"], weight=e["weight"])
    pos = nx.spring_layout(g, seed=seed, weight="weight") if g.number_of_nodes() else {}
    margin = 60

    def scale(v: float, size: int) -> float:
        return round(margin + (v + 1) / 2 * (size - 2 * margin), 1)

    nodes = [{**n, "x": scale(pos[n["id"]][0], WIDTH), "y": scale(pos[n["id"]][1], HEIGHT),
              "r": round(6 + min(n["mentions"], 40) ** 0.5 * 2.5, 1)} for n in graph["nodes"]]
    at = {n["id"]: n for n in nodes}
    edges = [{**e, "x1": at[e["source"]]["x"], "y1": at[e["source"]]["y"], "x2": at[e["target"]]["x"],
              "y2": at[e["target"]]["y"], "w": round(min(1 + e["weight"] / 2, 6), 1)} for e in graph["edges"]]
    return {"width": WIDTH, "height": HEIGHT, "nodes": nodes, "edges": edges}


def gazetteer_places(limit_types: tuple[str, ...] = ("GPE",)) -> list[dict[str, Any]]:
    """Gazetteer places with coordinates (countries and cities), for map context."""
    from rasd.query.happenings import _gazetteer

    try:
        entries = _gazetteer().entries.values()
    except Exception:  # noqa: BLE001 - the map still works without context
        return []
    return [{"name": e.name, "lat": e.lat, "lon": e.lon} for e in entries
            if e.type in limit_types and e.lat is not None and e.lon is not None and not e.country]
