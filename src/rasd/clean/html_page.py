"""Article body and metadata of an HTML page, through trafilatura.

htmldate's extensive search guesses a date from any year on the page (a
`© 2023` footer becomes 2023-01-01), so only dates stated in the markup
(meta tags, `<time>`, JSON-LD) are taken here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.errors import InputError

DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M"}
BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
              "section", "article", "aside", "nav", "time", "tr", "td", "th", "table", "figure", "figcaption",
              "blockquote", "dd", "dt", "address", "main", "form")


@dataclass
class HtmlParts:
    """What trafilatura finds in a page."""

    text: str = ""
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def extract_html(html: str, name: str, url: str | None = None) -> HtmlParts:
    """Main text, title, markup date and site name of a page; InputError when nothing is readable."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=True, date_extraction_params=DATE_PARAMS)
    except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura on broken markup
        raise InputError(name, f"unreadable HTML ({exc.__class__.__name__})") from exc
    if result is None or not any(ch.isalpha() for ch in result.text or ""):
        raise InputError(name, "no article text found in the HTML")
    published = result.date or None
    if published and published.endswith("T00:00"):
        published = published[:10]  # a date-only stamp, not midnight
    return HtmlParts(text=result.text, title=(result.title or "").strip() or None, published=published,
                     outlet=(result.sitename or "").strip() or None, url=result.url or url)


def visible_lines(html: str) -> str:
    """The page's visible text with one line per block element (the page as a reader sees it).

    Used only for what trafilatura leaves out on purpose: the dateline under
    the headline and the copyright line of the footer.
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().splitlines() if line.strip())
