"""Who a page credits: source lines (`المصدر: AFP`), agency bylines (`(أ ف ب)`), original-article links.

A credit line is metadata, not body; an agency named inside a paragraph is
recorded but the paragraph is left untouched.
"""

from __future__ import annotations

import regex

from rasd.clean.lexicon import agency_key, phrase_kind, strip_label
from rasd.text.normalize import normalize_key

CREDIT_MAX_WORDS = 6  # the credit itself: an agency or outlet name, never a sentence
CAPTION_MAX_WORDS = 16
LATIN_CREDIT_MAX_WORDS = 4

_LINE_SOURCE = regex.compile(r"^\s*(?:ال)?(?:مصدر|مصادر)\s*(?P<sep>[:：\-–])?\s*(?P<name>\S[^\n]*)$")
_GLUED_SOURCE = regex.compile(r"(?P<caption>\S.*?)\s*(?:ال)?مصدر\s*[:：]\s*(?P<name>\S[^\n]*)$")
_PARENS = regex.compile(r"[(（]\s*(?P<name>[^()（）\n]{1,30}?)\s*[)）]")
_AGENCY_WORD = regex.compile(r"(?:^|\s)[وبل]?(?:ل)?وكال(?:ة|ه)\s+(?=(?P<rest>[^\n]{1,60}))")
_NEWS_AGENCY = regex.compile(
    r"^(?:ال)?(?:أ|ا)نباء\s+(?:[\"«“](?P<quoted>[^\"»”]{1,25})[\"»”]|(?P<name>\p{Arabic}+(?:\s+\p{Arabic}+)?))")
_URL = regex.compile(r"https?://[^\s<>\"'»”]+")
_QUOTES = "\"'«»“”„‟"
_SPLIT = regex.compile(r"\s*(?:[/،,+|]|\s-\s|\sو(?=\p{Arabic}))\s*")
_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN_NAME = regex.compile(r"[\p{Latin}][\p{Latin}\s.&'/-]*")
_ADJECTIVES = {"الرسميه", "الرسمي", "الحكوميه", "الدوليه"}


def _clean_name(name: str) -> str:
    """A credited name without surrounding punctuation or quotes."""
    return name.strip().strip(_QUOTES + ".:：-–—()[]").strip()


def _names(credit: str) -> list[str]:
    """The names in a credit (`رويترز / أ ف ب` -> both), each at most a few words."""
    names = [_clean_name(part) for part in _SPLIT.split(credit)]
    return [n for n in names if n and len(n.split()) <= CREDIT_MAX_WORDS]


def source_line_credits(line: str) -> list[str] | None:
    """The names credited by a whole `المصدر: X` / `المصدر وكالات` line, None if it is not one."""
    match = _LINE_SOURCE.match(line)
    if not match or len(line.split()) > CREDIT_MAX_WORDS + 1:
        return None
    if _URL.search(match["name"]):
        return None  # `المصدر: https://…` is an original-article link, see original_url_in
    names = _names(match["name"])
    if not match["sep"] and not all(agency_key(n) for n in names):
        return None  # `مصدر مطلع قال` is a sentence; `المصدر وكالات` names an agency
    return names or None


def caption_credits(line: str) -> list[str] | None:
    """The credit glued to a photo caption (`جنود في ماليالمصدر: رويترز`), None if the line is not one."""
    if len(line.split()) > CAPTION_MAX_WORDS:
        return None
    match = _GLUED_SOURCE.match(line.strip())
    if match:
        names = _names(match["name"])
        if names:
            return names
    stripped = line.strip()
    if stripped.endswith((")", "）")):
        tail = _PARENS.findall(stripped)
        caption = stripped[:max(stripped.rfind("("), stripped.rfind("（"))].strip()
        if tail and agency_key(tail[-1]) and caption and not caption.endswith(tuple(".!؟?:")):
            return [_clean_name(tail[-1])]
    return None


def is_latin_credit(line: str) -> bool:
    """A lone Latin photo-agency/credit line (`Legion-Media`, `Getty Images`, `AFP`)."""
    text = line.strip()
    if not text or len(text.split()) > LATIN_CREDIT_MAX_WORDS or _ARABIC.search(text):
        return False
    if _URL.search(text) or any(map(str.isdigit, text)):
        return False
    return bool(_LATIN_NAME.fullmatch(text))


def inline_credits(text: str) -> list[str]:
    """Agencies credited inside body text: `(أ ف ب)`, `وكالة رويترز`, `وكالة أنباء "آبا"`."""
    found: list[str] = []
    for match in _PARENS.finditer(text):
        if agency_key(match["name"]):
            found.append(_clean_name(match["name"]))
    for match in _AGENCY_WORD.finditer(text):
        rest = match["rest"]
        news = _NEWS_AGENCY.match(rest)
        if news:
            if news["quoted"]:
                found.append(_clean_name(news["quoted"]))
            else:
                words = [w for w in news["name"].split() if normalize_key(w) not in _ADJECTIVES]
                found.append(" ".join(["وكالة", rest[:news.start("name")].strip(), *words]))
            continue
        words = rest.strip(_QUOTES + " ").split()
        for n in (3, 2, 1):
            candidate = _clean_name(" ".join(words[:n]))
            if candidate and agency_key(candidate):
                found.append(candidate)
                break
    return [name for name in found if name]


def original_url_in(line: str, next_line: str | None) -> str | None:
    """The original-article URL after a marker (`أصل الخبر`, `المصدر الأصلي: …`), on the line or the next."""
    if phrase_kind(line, frozenset({"original"})) is None:
        return None
    rest = strip_label(line, "original") or ""
    for text in (rest, next_line or ""):
        match = _URL.search(text)
        if match:
            return match.group(0).rstrip(".,،)")
    return None


def merge_credits(names: list[str]) -> list[str]:
    """Credited names once each: spellings of one agency (`أ ف ب`, `AFP`) count once."""
    seen: set[str] = set()
    merged: list[str] = []
    for name in names:
        key = agency_key(name) or normalize_key(name)
        if key and key not in seen:
            seen.add(key)
            merged.append(name)
    return merged
