"""Article body and metadata of a scraped text page (lines of text with the page furniture left in).

The body is the run of lines from the first to the last paragraph, minus the
furniture inside it; the headline is the text line just above that run (a
repeated line or the one above a dateline wins); the date is a dateline next
to the headline; credits and the original URL come from the furniture lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from rasd.clean.byline import prefix_sources
from rasd.clean.credits import inline_credits, merge_credits, original_url_in
from rasd.clean.dates import lead_date
from rasd.clean.lead import split_lead
from rasd.clean.lexicon import speech_cues
from rasd.clean.lines import CLOSING_QUOTES, TEASER_ENDS, Line, classify_lines
from rasd.clean.outlet import outlet_from_copyright
from rasd.text.normalize import normalize_key

TITLE_MIN_WORDS = 3
TITLE_PLAIN_MIN_WORDS = 4  # without repetition or a dateline, a headline has a few words at least
TITLE_MAX_WORDS = 35
DATE_AFTER_TITLE_LINES = 4  # non-blank lines after the headline where its dateline may stand
DATE_BEFORE_TITLE_LINES = 2
CREDIT_AFTER_BODY_LINES = 4  # non-blank lines after the last paragraph that may still credit it
BODY_KINDS = ("text",)
QUESTION_ENDS = ("?", "؟", "!")
QUESTION_HEADLINE_MAX_WORDS = 15
CLOSING_ENDS = tuple(".!?؟") + CLOSING_QUOTES  # how a short closing sentence of the article ends
CLOSING_MIN_WORDS = 2
STRAIGHT_QUOTES = ("\"", "'")
CONJUNCTIONS = ("و", "ف")

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ARABIC = regex.compile(r"\p{Arabic}")


@dataclass
class PageParts:
    """What a text page yields: body line numbers and the metadata found around them."""

    body: list[Line] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    cited_sources: list[str] = field(default_factory=list)
    original_url: str | None = None
    outlet: str | None = None


def _nonblank(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.kind != "blank"]


def _headline_like(line: Line, arabic: bool) -> bool:
    """A line that could be a headline: a few words, no final full stop, in the body's script."""
    words = len(_WORD.findall(line.text))
    if line.kind not in ("text", "repeated") or line.paragraph:
        return False
    if line.text.endswith(".") and line.kind != "repeated":  # a headline has no full stop, unless repeated
        return False
    return TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS and (not arabic or bool(_ARABIC.search(line.text)))


def _title_line(header: list[Line], arabic: bool) -> Line | None:
    """The headline among the lines above the body: repeated, above a dateline, or the nearest."""
    candidates = [line for line in header if _headline_like(line, arabic)]
    if not candidates:
        return None
    repeated = [line for line in candidates if line.kind == "repeated"]
    if repeated:
        return repeated[-1]
    for line in reversed(candidates):
        position = header.index(line)
        after = header[position + 1:position + 1 + DATE_AFTER_TITLE_LINES]
        if any(other.kind == "date" for other in after):
            return _above_deck(header, line, arabic)
    plain = [line for line in candidates if len(_WORD.findall(line.text)) >= TITLE_PLAIN_MIN_WORDS]
    return _above_deck(header, plain[-1], arabic) if plain else None


def _above_deck(header: list[Line], line: Line, arabic: bool) -> Line:
    """The headline when `line` is the longer deck (summary) stacked right under it."""
    position = header.index(line)
    if position == 0:
        return line
    above = header[position - 1]
    words, above_words = len(_WORD.findall(line.text)), len(_WORD.findall(above.text))
    if _headline_like(above, arabic) and TITLE_PLAIN_MIN_WORDS + 1 <= above_words < words:
        return above
    return line


def _published(nonblank: list[Line], title: Line | None, first: int) -> str | None:
    """The dateline next to the headline (after it first, then just above it)."""
    if title is not None:
        at = nonblank.index(title)
        after = [line for line in nonblank[at + 1:at + 1 + DATE_AFTER_TITLE_LINES] if line.index < first]
        before = nonblank[max(0, at - DATE_BEFORE_TITLE_LINES):at]
        for line in after + list(reversed(before)):
            if line.kind == "date":
                return line.date
        return None
    header = [line for line in nonblank if line.index < first][-DATE_AFTER_TITLE_LINES:]
    dates = [line.date for line in header if line.kind == "date"]
    return dates[-1] if dates else None


def _question_headline(line: Line) -> bool:
    """A short question or exclamation opening the page is a headline (`هل تنجح …؟`), not a paragraph."""
    return line.text.endswith(QUESTION_ENDS) and line.words <= QUESTION_HEADLINE_MAX_WORDS


def _same_text(line: Line, key: str) -> bool:
    """Whether a line says `key` (a normalised headline); long lines are not compared at all."""
    if len(line.text) > 2 * len(key) + 10:
        return False
    return (line.key or normalize_key(line.text)) == key


def _body_bounds(nonblank: list[Line], paragraphs: list[Line], extracted: bool,
                 titled: bool) -> tuple[int, int]:
    """Line numbers of the first and last body lines: the paragraph run, or every text line when
    an extractor already cut the article out or when the page has no paragraph at all."""
    texts = [line for line in nonblank if line.kind in ("text", "repeated")]
    if extracted and texts:
        return texts[0].index, texts[-1].index
    if paragraphs:
        return paragraphs[0].index, _closing_end(nonblank, paragraphs[-1].index)
    if not texts:
        return (nonblank[-1].index + 1 if nonblank else 0), -1
    guess = 1 if not titled and len(texts) > 1 else 0  # the first line may be the headline
    return texts[guess].index, texts[-1].index


def _continues(line: Line) -> bool:
    """A short line that still belongs to the article after its last paragraph: a sentence ending in
    a stop or a closing quote that opens with و/ف, a speech verb or an attribution cue (`وتابع: "…".`)."""
    text = line.text
    if line.kind != "text" or line.words < CLOSING_MIN_WORDS or text.endswith(TEASER_ENDS):
        return False
    if not text.endswith(CLOSING_ENDS) or text.endswith(STRAIGHT_QUOTES) and (
            text[-2:-1].isspace() or text.count(text[-1]) % 2):
        return False  # a straight quote after a space, or unpaired, opens a quotation cut off
    first = normalize_key(text.split()[0])
    cues = speech_cues()
    return first.startswith(CONJUNCTIONS) or first in cues


def _closing_end(nonblank: list[Line], last: int) -> int:
    """The last body line: the last paragraph, or the short closing sentences right after it."""
    for line in nonblank:
        if line.index <= last:
            continue
        if not _continues(line):
            break
        last = line.index
    return last


def _cited(nonblank: list[Line], body: list[Line], start: int, last: int) -> list[str]:
    """Credited sources in page order: credit and caption lines from the headline to just after the
    body, and agencies named inside body lines."""
    tail = [line for line in nonblank if line.index > last][:CREDIT_AFTER_BODY_LINES]
    tail_end = tail[-1].index if tail else last
    in_body = {line.index for line in body}
    credits: list[str] = []
    for line in nonblank:
        if start <= line.index <= tail_end and line.kind in ("credit", "caption"):
            credits.extend(line.credits)
        elif line.index in in_body:
            credits.extend(inline_credits(line.text))
    return merge_credits(credits)


def analyse_text_page(content: str, title: str | None = None, extracted: bool = False) -> PageParts:
    """Split a scraped page into body lines and metadata.

    `title` when the container already knows it; `extracted` when an extractor
    (trafilatura) already cut the article out, so every text line between the
    first and the last one is body, short ones included.
    """
    lines = classify_lines(content)
    nonblank = _nonblank(lines)
    paragraphs = [line for line in nonblank if line.paragraph]
    if len(paragraphs) > 1 and _question_headline(paragraphs[0]):
        paragraphs[0].paragraph = False
        paragraphs = paragraphs[1:]
    parts = PageParts()
    first, last = _body_bounds(nonblank, paragraphs, extracted, title is not None)
    if title is None:
        arabic = bool(paragraphs) and bool(_ARABIC.search(paragraphs[0].text))
        title_line = _title_line([line for line in nonblank if line.index < first], arabic)
        parts.title = title_line.text if title_line else None
    else:
        known = normalize_key(title)
        title_line = next((line for line in nonblank if _same_text(line, known)), None)
        parts.title = title
    title_key = normalize_key(parts.title) if parts.title else None
    parts.body = [line for line in nonblank if first <= line.index <= last and line.kind in BODY_KINDS
                  and not (title_key and _same_text(line, title_key))]
    lead = split_lead(parts.body[0].text) if parts.body else None
    labelled = next((line.page_date for line in nonblank if line.page_date and line.index <= last), None)
    parts.published = _published(nonblank, title_line, first)
    if parts.published is None and parts.body and not extracted:
        parts.published = lead.date if lead else lead_date(parts.body[0].text)
    if labelled and not (parts.published or "").startswith(labelled):
        parts.published = labelled  # a labelled page date wins; a dateline of that day only adds the time
    parts.cited_sources = _cited(nonblank, parts.body, title_line.index if title_line else 0, last)
    named = prefix_sources(lead.names) if lead else None  # agencies and an outlet the prefix names
    if lead:  # credits in the prefix (`باريس (أ ف ب) - …`) were read above, from the whole line
        parts.cited_sources = merge_credits(parts.cited_sources + named.credits)
        parts.body[0].text = lead.rest
    for i, line in enumerate(nonblank):
        if line.kind == "original":
            following = nonblank[i + 1].text if i + 1 < len(nonblank) else None
            parts.original_url = original_url_in(line.text, following)
            if parts.original_url:
                break
    outlets = (outlet_from_copyright(line.text) for line in nonblank if line.kind == "copyright")
    parts.outlet = next((name for name in outlets if name), None) or (named.outlet if named else None)
    return parts
