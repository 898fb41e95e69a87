"""Reading inputs (files, folders, JSONL, HTML, WARC, feeds, URLs) into `Source` records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.model import Source
from rasd.settings import Options


def read_inputs(paths: list[str], options: Options, failures: list[str]) -> Iterator[Source]:
    """Yield a Source per article found in the inputs; unreadable inputs go to `failures`. (stub)"""
    for path in paths:
        p = Path(path)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            try:
                yield Source(path=str(f), content=f.read_text(encoding="utf-8"), fmt="text")
            except (OSError, UnicodeDecodeError) as exc:
                failures.append(str(InputError(str(f), str(exc))))
