"""Which reader an input needs, decided by its content first and its file name second."""

from __future__ import annotations

import gzip
import json
import re
import zlib

HEAD_CHARS = 2048
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES

_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAGS = re.compile(r"</?(?:p|div|span|article|section|h[1-6]|br|a|table|ul|li|img|meta|title)\b[^>]*>",
                   re.IGNORECASE)


def is_warc(data: bytes) -> bool:
    """A WARC/ARC archive, plain or gzipped (warcio reads both)."""
    head = data[:16]
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096])[:16]
        except (zlib.error, gzip.BadGzipFile):
            return False
    return head.startswith(b"WARC/")


def _json_lines(head: str) -> bool:
    """The first non-empty line is a JSON object."""
    for line in head.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("{"):
            return False
        try:
            return isinstance(json.loads(line), dict)
        except ValueError:
            return line.endswith(",") is False and len(head) >= HEAD_CHARS  # a long first line cut short
    return False


def text_format(text: str, name: str) -> str:
    """`feed`, `html`, `jsonl`, `json` or `text` for decoded text."""
    head = text[:HEAD_CHARS].lstrip("\ufeff \t\r\n")
    lower = name.lower()
    if head.startswith("<"):
        if _FEED.search(head) and not _HTML.search(head[:200]):
            return "feed"
        if _HTML.search(head) or len(_TAGS.findall(text[:HEAD_CHARS * 4])) >= 3 or head.startswith("<?xml"):
            return "html"  # other XML too: trafilatura reads its text or says there is none
    if head.startswith("{") and _json_lines(head):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith("{") and lower.endswith(JSONL_SUFFIXES):
        return "json"
    if lower.endswith(HTML_SUFFIXES) and len(_TAGS.findall(text[:HEAD_CHARS * 4])) >= 1:
        return "html"
    if lower.endswith(FEED_SUFFIXES) and _FEED.search(head):
        return "feed"
    return "text"
