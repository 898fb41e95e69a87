"""`rasd report`: a dated brief on one entity (timeline, key actors, arms, quotes), every line cited."""

from __future__ import annotations

from typing import Any

from rasd.report.brief import build_brief
from rasd.store import Store

FORMATS = ("md", "html")


def _cite(c: dict[str, Any]) -> str:
    """A citation: the sentence, then title, outlet and date of its document."""
    where = " · ".join(x for x in (c.get("title") or c["doc"], c.get("outlet"), c.get("published")) if x)
    return f"«{c['sentence']}» — {where}"


def _party(p: dict[str, Any]) -> str:
    if p.get("quantity") is None:
        return p["name"] or p["text"]
    unit = f" {p['unit']}" if p.get("unit") else ""
    return f"{p['name'] or p['text']} ({p['quantity']:g}{unit})"


def render_markdown(brief: dict[str, Any]) -> str:
    """The brief as Markdown."""
    e = brief["entity"]
    lines = [f"# موجز: {e['name']}" + (f" ({e['name_en']})" if e.get("name_en") else ""), "",
             f"- تاريخ الإعداد (generated): {brief['generated']}"]
    if brief["period"]:
        lines.append(f"- الفترة المغطاة (period): {brief['period'][0]} — {brief['period'][1]}")
    lines.append(f"- المقالات (documents): {e['documents']} · الإشارات (mentions): {e['mentions']}")
    lines.append(f"- الأسماء (aliases): {'، '.join(e['aliases'])}")
    if brief["roles"]:
        lines += ["", "## المناصب (roles)", ""]
        for r in brief["roles"]:
            title = " ".join(x for x in (r.get("rank"), r.get("title")) if x)
            of = f" — {r['of_name'] or r['of']}" if r.get("of") else ""
            lines.append(f"- {r.get('date') or '؟'}: {title}{of}. المصدر: {_cite(r['cite'])}")
    lines += ["", "## الخط الزمني (timeline)", ""]
    for ev in brief["timeline"]:
        parties = "، ".join(f"{p['role']}: {_party(p)}" for p in ev["participants"])
        place = f" في {ev['location_name']}" if ev.get("location_name") else ""
        lines.append(f"- **{ev['date'] or 'دون تاريخ'}** {ev['type']}{place} ({ev['status']}; {parties}).")
        lines += [f"  - المصدر: {_cite(c)}" for c in ev["sources"]]
    if not brief["timeline"]:
        lines.append("- لا أحداث مسجلة.")
    lines += ["", "## الفاعلون الرئيسيون (key actors)", ""]
    for a in brief["actors"]:
        shared = f"{a['shared_sentences']} جمل مشتركة"
        lines.append(f"- {a['name']} ({a['type']}, {shared}). المصدر: {_cite(a['cite'])}")
    if not brief["actors"]:
        lines.append("- لا فاعلين مرتبطين.")
    lines += ["", "## نقل الأسلحة (arms transfers)", ""]
    for r in brief["arms"]:
        number = f"{r['number']:g} " if r.get("number") is not None else ""
        lines.append(f"- {r['year'] or '؟'}: {r['supplier'] or '؟'} ← {r['recipient'] or '؟'}: "
                     f"{number}{r['designation'] or r['description'] or ''} ({r['status']}).")
        lines += [f"  - المصدر: {_cite(c)}" for c in r["sources"]]
    if not brief["arms"]:
        lines.append("- لا عمليات نقل مسجلة.")
    lines += ["", "## اقتباسات (quotes)", ""]
    for q in brief["quotes"]:
        lines.append(f"- {q['speaker_name'] or 'قائل غير معروف'}: «{q['text']}». المصدر: {_cite(q['cite'])}")
    if not brief["quotes"]:
        lines.append("- لا اقتباسات.")
    return "\n".join(lines) + "\n"


def render_html(brief: dict[str, Any]) -> str:
    """The brief as a standalone right-to-left HTML page (article text escaped)."""
    from rasd.web.pages import env

    return env.get_template("report.html").render(b=brief)


def build_report(store: Store, topic: str, fmt: str = "md") -> str:
    """The brief on `topic` (an entity id, name or alias) as Markdown or HTML."""
    brief = build_brief(store, topic)
    return render_html(brief) if fmt == "html" else render_markdown(brief)
