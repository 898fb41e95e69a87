"""Reading inputs (files, folders, JSONL, HTML, WARC, feeds, URLs) into `Source` records.

Every input that cannot be read becomes one line in `failures` naming it, and
the run goes on with the others: a bad file must never stop a corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.decode import decode_bytes, report
from rasd.ingest.feeds import read_feed
from rasd.ingest.fetch import fetch_url, is_url
from rasd.ingest.records import read_json, read_json_lines
from rasd.ingest.sniff import INPUT_SUFFIXES, is_warc, text_format
from rasd.ingest.warc import read_warc
from rasd.model import Source
from rasd.settings import Options

log = logging.getLogger("rasd")

__all__ = ["read_inputs", "read_bytes", "read_file", "read_url"]


def read_bytes(data: bytes, name: str, options: Options, failures: list[str], *, path: str | None,
               url: str | None = None, charset: str | None = None) -> Iterator[Source]:
    """Sources in the bytes of one input, whatever its format (detected by content, then by name)."""
    if is_warc(data):
        yield from read_warc(data, name, path, int(options.max_input_bytes), failures)
        return
    text, encoding = decode_bytes(data, name, charset)
    fmt = text_format(text, name)
    if fmt == "feed":
        yield from read_feed(data, name, path, failures)
    elif fmt in ("jsonl", "json"):
        reader = read_json_lines if fmt == "jsonl" else read_json
        for source in reader(text, name, failures):
            if path is None:  # records of a fetched URL: no file to point to
                source.path, source.url = None, source.url or url
            yield source
    else:
        yield Source(path=path, content=text, fmt=fmt, url=url, encoding=encoding)


def read_file(file: Path, options: Options, failures: list[str]) -> Iterator[Source]:
    """Sources in one file; InputError for a missing, oversized or unreadable file."""
    name = str(file)
    size = file.stat().st_size
    limit = int(options.max_input_bytes)
    if size > limit:
        raise InputError(name, f"file too large ({size} bytes > max_input_bytes {limit})")
    yield from read_bytes(file.read_bytes(), name, options, failures, path=name)


def read_url(url: str, options: Options, failures: list[str]) -> Iterator[Source]:
    """Sources at a URL (a page, a feed, JSON Lines or a WARC); `path` is None and `url` set."""
    data, content_type, final = fetch_url(url, options)
    charset = None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    yield from read_bytes(data, url, options, failures, path=None, url=final, charset=charset)


def folder_files(folder: Path) -> list[Path]:
    """Input files under a folder, recursively and sorted; hidden files and other suffixes are skipped."""
    files = []
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue
        if file.name.lower().endswith(INPUT_SUFFIXES) or not file.suffix:
            files.append(file)
        else:
            log.debug("skipping %s: not an input suffix", file)
    return files


def _guarded(sources: Iterable[Source], name: str, failures: list[str]) -> Iterator[Source]:
    """The sources of one input; any error while reading it becomes one failure line."""
    try:
        yield from sources
    except InputError as exc:
        report(failures, exc)
    except OSError as exc:
        report(failures, InputError(name, exc.strerror or str(exc)))
    except Exception as exc:  # noqa: BLE001 - a broken input must never end the run
        log.debug("unexpected error reading %s", name, exc_info=True)
        report(failures, InputError(name, f"unreadable ({exc.__class__.__name__}: {exc})"))


def read_inputs(paths: list[str], options: Options, failures: list[str]) -> Iterator[Source]:
    """Yield a Source per article found in the inputs; unreadable inputs go to `failures`."""
    for given in paths:
        if is_url(given):
            yield from _guarded(read_url(given, options, failures), given, failures)
            continue
        path = Path(given)
        if path.is_dir():
            files = folder_files(path)
            if not files:
                report(failures, InputError(given, "folder without input files"))
            for file in files:
                yield from _guarded(read_file(file, options, failures), str(file), failures)
        elif path.exists():
            yield from _guarded(read_file(path, options, failures), given, failures)
        else:
            report(failures, InputError(given, "no such file or folder"))
