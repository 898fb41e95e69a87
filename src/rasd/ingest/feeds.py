"""RSS and Atom feeds: one Source per entry, after defusedxml has refused entity tricks (XML bombs, XXE)."""

from __future__ import annotations

from collections.abc import Iterator

from rasd.errors import InputError
from rasd.ingest.decode import report
from rasd.ingest.records import container_date
from rasd.ingest.sniff import text_format
from rasd.model import Source


def refuse_xml_attacks(data: bytes, name: str) -> None:
    """InputError when the XML declares entities or external references (billion laughs, XXE)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(name, f"refused XML: {exc.__class__.__name__} (entity declarations or external "
                               "references, as in XML bombs)") from exc
    except ParseError:
        if b"<!ENTITY" in data.upper():  # malformed XML that still declares entities: refuse, do not guess
            raise InputError(name, "refused XML: malformed document with entity declarations") from None


def read_feed(data: bytes, name: str, path: str | None, failures: list[str]) -> Iterator[Source]:
    """Entries of an RSS/Atom feed with their link, title, date and the feed's title as outlet."""
    import feedparser

    refuse_xml_attacks(data, name)
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputError(name, f"unreadable feed ({problem})" if problem else "feed without entries")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{name}#{number}"
        contents = entry.get("content") or []
        content = (contents[0].get("value") if contents else None) or entry.get("summary") or ""
        if not content.strip():
            report(failures, InputError(where, "feed entry without text"))
            continue
        fmt = "html" if "<" in content and text_format(content, ".html") == "html" else "text"
        yield Source(path=where if path else None, content=content, fmt=fmt, url=entry.get("link"),
                     title=(entry.get("title") or "").strip() or None,
                     published=container_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                     outlet=outlet)
