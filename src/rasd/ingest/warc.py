"""WARC archives (plain or gzipped): one Source per HTML response record."""

from __future__ import annotations

import io
from collections.abc import Iterator

from rasd.errors import InputError
from rasd.ingest.decode import decode_bytes, report
from rasd.model import Source


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def read_warc(data: bytes, name: str, path: str | None, max_bytes: int,
              failures: list[str]) -> Iterator[Source]:
    """HTML responses of a WARC file; `path` is `file#N` with N the record's number (from 1)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            where = f"{name}#{number}"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                report(failures, InputError(where, f"record larger than {max_bytes} bytes"))
                continue
            try:
                text, encoding = decode_bytes(payload, where, _charset(content_type))
            except InputError as exc:
                report(failures, exc)
                continue
            found += 1
            yield Source(path=where if path else None, content=text, fmt="html",
                         url=record.rec_headers.get_header("WARC-Target-URI"), encoding=encoding)
    except ArchiveLoadFailed as exc:
        raise InputError(name, f"unreadable WARC archive ({exc})") from exc
    if not found:
        raise InputError(name, "WARC archive without HTML response records")
