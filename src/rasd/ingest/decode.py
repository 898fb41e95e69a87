"""Bytes to text: BOMs, UTF-16 without BOM, UTF-8, Windows Arabic (cp1256) and what charset-normalizer finds.

charset-normalizer alone often names another single-byte code page for
cp1256 Arabic (the bytes are valid in many), so cp1256 is tried first when it
turns most non-ASCII bytes into Arabic letters. Binary files are refused with
the kind of file they look like.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter

from rasd.errors import InputError

log = logging.getLogger("rasd")

MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"), (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an ELF executable"), (b"MZ", "a Windows executable"), (b"\x1f\x8b", "a gzip file"),
    (b"7z\xbc\xaf", "a 7z archive"), (b"Rar!", "a RAR archive"), (b"BZh", "a bzip2 file"),
    (b"\xfd7zXZ", "an xz file"), (b"\x00\x00\x01\x00", "an icon"), (b"SQLite format 3", "an SQLite database"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
ARABIC_CODE_PAGES = ("cp1256", "iso-8859-6")
UTF8_MAX_BAD, UTF8_MAX_BAD_SHARE = 3, 0.001  # replacement characters tolerated in almost-UTF-8 text
CP1256_MIN_ARABIC = 0.6  # share of non-ASCII characters that must be Arabic letters to accept cp1256
CONTROL_MAX_SHARE = 0.01
SNIFF_BYTES = 4096

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HIGH_BYTES = bytes(range(0x30, 0x100))  # deleted to count the bytes below 0x30
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def binary_kind(data: bytes) -> str | None:
    """What a binary file looks like ("a PNG image"), or None when it may be text."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le/be when every other byte is one of a couple of "high" bytes (0x00, 0x06 for Arabic...)."""
    head = data[:SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(head) < 8 or len(data) % 2:
        return None
    for encoding, high, low in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if len(high.translate(None, _HIGH_BYTES)) < 0.95 * len(high):
            continue  # under 95% of the bytes are below 0x30, so no two of them fill 95%: not this layout
        top = Counter(high).most_common(2)
        if sum(n for _, n in top) >= 0.95 * len(high) and all(b < 0x30 for b, _ in top) \
                and len(set(low)) >= min(10, len(low) // 2):
            return encoding
    return None


def _arabic_share(text: str) -> float:
    """Share of non-ASCII characters that are Arabic letters."""
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return 0.0
    return sum(1 for ch in high if "\u0621" <= ch <= "\u064a") / len(high)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES]) or re.search(
        rb"""<\?xml[^>]*encoding=["']([A-Za-z0-9_.:-]+)""", data[:200])
    return match.group(1).decode("ascii").lower() if match else None


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """(text, encoding) by BOM, UTF-16 layout, declaration, UTF-8, cp1256, then charset-normalizer."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            return (text.lstrip("\ufeff"), encoding) if text is not None else None
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _try(data, utf16)
        return (text, utf16) if text is not None else None
    if b"\x00" in data:
        return None
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    declared = declared or declared_charset(data)
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8",):
        text = _try(data, declared)
        if text is not None:
            return text, declared
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(UTF8_MAX_BAD, UTF8_MAX_BAD_SHARE * len(lenient)):
        return lenient, "utf-8"  # UTF-8 with a stray bad byte (a cut file): not another code page
    # the Arabic single-byte code pages: the one that reads more of the bytes as Arabic letters wins
    scored = [(_arabic_share(text), text, enc) for enc in ARABIC_CODE_PAGES if (text := _try(data, enc))]
    if scored:
        share, text, encoding = max(scored, key=lambda item: item[0])
        if share >= CP1256_MIN_ARABIC:
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return None


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """The text of an input and its encoding; InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(name, "empty input")
    kind = binary_kind(data)
    if kind:
        raise InputError(name, f"binary file ({kind}), not a text, HTML, feed, JSON Lines or WARC input")
    found = _guess(data, declared)
    if found is None:
        raise InputError(name, "binary or undecodable content (no text encoding fits)")
    text, encoding = found
    sample = text[:SNIFF_BYTES * 4]
    if sample and _CONTROL.search(sample) and len(_CONTROL.findall(sample)) > CONTROL_MAX_SHARE * len(sample):
        raise InputError(name, "binary content (control characters), not text")
    if not text.strip():
        raise InputError(name, "empty input")
    return text, encoding


def report(failures: list[str], error: InputError) -> None:
    """Record one failed input (one line naming it) and log it; the run goes on."""
    failures.append(str(error))
    log.error("%s", error)
