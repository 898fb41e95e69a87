"""Articles given as records: JSON Lines (one object a line), a JSON array, and container dates.

Field names vary between scrapers, so a few common spellings are accepted
for each (`text`/`content`/`body`, `date`/`published`/`datePublished`...).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from rasd.errors import InputError
from rasd.ingest.decode import report
from rasd.ingest.sniff import text_format
from rasd.model import Source

TEXT_FIELDS = ("text", "content", "body", "article", "maintext")
HTML_FIELDS = ("html", "raw_html", "content_html")
URL_FIELDS = ("url", "link", "source_url")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "datePublished", "date_publish", "pubDate", "published_at", "time")
OUTLET_FIELDS = ("outlet", "site", "site_name", "sitename", "source", "publisher")

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?")


def container_date(value: Any) -> str | None:
    """EDTF of a date a container gives (ISO string, RFC 822 string, struct_time, epoch seconds)."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%dT%H:%M", value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.utcfromtimestamp(value).strftime("%Y-%m-%dT%H:%M") if value > 0 else None
    if not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if match:
        year, month, day, hour, minute = match.groups()
        edtf = f"{year}-{month}" + (f"-{day}" if day else "")
        return edtf + (f"T{hour}:{minute}" if hour else "")
    try:
        return parsedate_to_datetime(value).strftime("%Y-%m-%dT%H:%M")
    except (TypeError, ValueError, IndexError):
        pass
    from rasd.clean.dates import parse_stated_date

    return parse_stated_date(value)


def _first(record: dict, fields: tuple[str, ...]) -> Any:
    for name in fields:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def record_source(record: Any, path: str) -> Source:
    """A Source from one article record; InputError when it carries no text or HTML."""
    if not isinstance(record, dict):
        raise InputError(path, "a record must be a JSON object")
    html = _text(_first(record, HTML_FIELDS))
    text = _text(_first(record, TEXT_FIELDS))
    if html is None and text is None:
        raise InputError(path, f"no article text: none of the fields {', '.join(TEXT_FIELDS + HTML_FIELDS)}")
    outlet = _first(record, OUTLET_FIELDS)
    if isinstance(outlet, dict):  # schema.org publisher objects
        outlet = outlet.get("name")
    content = html if html is not None else text or ""
    fmt = "html" if html is not None or text_format(content, "") == "html" else "text"
    return Source(path=path, content=content, fmt=fmt, url=_text(_first(record, URL_FIELDS)),
                  title=_text(_first(record, TITLE_FIELDS)),
                  published=container_date(_first(record, DATE_FIELDS)), outlet=_text(outlet))


def read_json_lines(text: str, name: str, failures: list[str]) -> Iterator[Source]:
    """One Source per line (`path` is `file#line`, 1-based); a bad line is a failure, the rest go on."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}#{number}"
        try:
            yield record_source(json.loads(line), where)
        except ValueError as exc:
            report(failures, InputError(where, f"invalid JSON ({getattr(exc, 'msg', exc)})"))
        except InputError as exc:
            report(failures, exc)


def read_json(text: str, name: str, failures: list[str]) -> Iterator[Source]:
    """A JSON array of article records (or one record); `path` is `file#N`, N from 1."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(name, f"invalid JSON ({exc})") from exc
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        try:
            yield record_source(record, f"{name}#{number}" if isinstance(data, list) else name)
        except InputError as exc:
            report(failures, exc)
