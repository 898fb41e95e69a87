"""Cleaning a Source to an article body with its metadata (title, date, outlet, sources)."""

from __future__ import annotations

import hashlib

from rasd.clean.credits import merge_credits
from rasd.clean.html_page import extract_html, visible_lines
from rasd.clean.language import detect_language
from rasd.clean.text_page import PageParts, analyse_text_page
from rasd.errors import InputError
from rasd.model import Document, Source
from rasd.settings import Options
from rasd.text.normalize import normalize_key

ID_CHARS = 16


def content_id(text: str) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_CHARS]


def _html_parts(source: Source, name: str) -> tuple[PageParts, dict[str, str | None]]:
    """Body and metadata of an HTML source: trafilatura's, then the text-page rules on its text."""
    html = extract_html(source.content, name, source.url)
    page = analyse_text_page(html.text, title=html.title, extracted=True)
    meta = {"title": html.title, "published": html.published, "outlet": html.outlet}
    if not (html.published and html.outlet) and html.title:
        whole = analyse_text_page(visible_lines(source.content), title=html.title)
        meta["published"] = html.published or whole.published
        meta["outlet"] = html.outlet or whole.outlet
    return page, meta


def build_document(source: Source, options: Options) -> Document:
    """Turn a raw source into a Document with a clean body and metadata; InputError when it has no text."""
    name = source.path or source.url or "<input>"
    if not source.content.strip():
        raise InputError(name, "empty input")
    if not any(map(str.isalpha, source.content)):
        raise InputError(name, "no text: the input has no letters at all")
    try:
        return _build(source, name)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - one odd page must not end a corpus run
        raise InputError(name, f"cannot clean this input ({exc.__class__.__name__}: {exc})") from exc


def _build(source: Source, name: str) -> Document:
    """The Document of a non-empty source."""
    if source.fmt == "html":
        page, meta = _html_parts(source, name)
    else:
        page, meta = analyse_text_page(source.content, title=source.title), {}
    body = "\n".join(line.text for line in page.body)
    title = source.title or meta.get("title") or page.title
    if title:
        title_key = normalize_key(title)
        body = "\n".join(line for line in body.split("\n")
                          if len(line) > 2 * len(title_key) + 10 or normalize_key(line) != title_key)
    return Document(
        id=content_id(body or source.content),
        path=source.path,
        url=source.url,
        body=body,
        title=title,
        published=source.published or meta.get("published") or page.published,
        outlet=source.outlet or meta.get("outlet") or page.outlet,
        original_url=page.original_url,
        cited_sources=merge_credits(page.cited_sources),
        language=detect_language(body or title or source.content),
    )
