"""`json.dumps(obj, ensure_ascii=False, indent=1)`, character for character, several times faster.

With an indent, the standard library encodes in pure Python, one generator
step per token, which made writing a 10,000-document kb.json take seconds.
Here Python only walks the outer containers. A container of scalars (a
mention, a participant) and a list of such containers (an entity's
mentions, a document's sentence spans) are encoded by the C encoder, whose
item separator already carries the newline and the indentation of its level;
the lines around brackets are added with one `str.replace`. That replace is
exact because the encoder escapes newlines inside strings: a real newline
only ever follows a separator. Anything unusual (non-string keys, other
types) goes to the standard library's own encoder for that subtree.
"""

from __future__ import annotations

import json
from functools import lru_cache
from itertools import chain
from json import encoder as _std
from typing import Any, TextIO

SCALARS = frozenset({str, int, float, bool, type(None)})
FLUSH_AT = 8192  # pieces held before they are written out


def dumps_indented(obj: Any, indent: int = 1) -> str:
    """The text `json.dumps(obj, ensure_ascii=False, indent=indent)` would return."""
    return "".join(_pieces(obj, indent))


def dump_indented(obj: Any, fh: TextIO, indent: int = 1) -> None:
    """Write what `json.dump(obj, fh, ensure_ascii=False, indent=indent)` would write."""
    sink = _Sink(fh)
    _encode(obj, 0, " " * indent, sink)
    sink.flush()


def _pieces(obj: Any, indent: int) -> list[str]:
    parts: list[str] = []
    _encode(obj, 0, " " * indent, parts)
    return parts


class _Sink(list):
    """Pieces on their way to a file, written out every few thousand (never the whole KB at once)."""

    def __init__(self, fh: TextIO) -> None:
        super().__init__()
        self.fh = fh

    def flush(self) -> None:
        self.fh.writelines(self)
        self.clear()


@lru_cache(maxsize=256)
def _c_encoder(indent: str, level: int):  # noqa: ANN202 - the C encoder's callable
    """The C encoder whose item separator starts a line at `level`, or None without the C extension."""
    if _std.c_make_encoder is None:
        return None
    return _std.c_make_encoder(None, _refuse, _std.encode_basestring, None, ": ",
                               ",\n" + indent * level, False, False, True)


def _refuse(obj: Any) -> Any:
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


@lru_cache(maxsize=16)
def _std_encoder(indent: str):  # noqa: ANN202 - the standard library's iterencode
    enc = json.JSONEncoder(ensure_ascii=False, indent=indent)
    return _std._make_iterencode({}, enc.default, _std.encode_basestring, indent, _float,
                                 enc.key_separator, enc.item_separator, False, False, True)


def _float(value: float) -> str:
    """A float as the standard library writes it (NaN and the infinities by their JS names)."""
    if value != value:
        return "NaN"
    if value in (_std.INFINITY, -_std.INFINITY):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _flat(obj: Any) -> bool:
    """A non-empty dict or list of scalars only (the type checks run in C: map, issuperset)."""
    kind = type(obj)
    if kind is dict:
        return bool(obj) and SCALARS.issuperset(map(type, obj.values()))
    return (kind is list or kind is tuple) and bool(obj) and SCALARS.issuperset(map(type, obj))


def _encode(obj: Any, level: int, indent: str, parts: list[str]) -> None:
    kind = type(obj)
    if kind is dict and all(type(k) is str for k in obj):
        if not obj:
            parts.append("{}")
        elif _flat(obj):
            _encode_flat(obj, level, indent, parts)
        else:
            inner = "\n" + indent * (level + 1)
            parts.append("{")
            for n, (key, value) in enumerate(obj.items()):
                parts.append(inner if n == 0 else "," + inner)
                parts.append(_std.encode_basestring(key))
                parts.append(": ")
                _encode(value, level + 1, indent, parts)
            parts.append("\n" + indent * level + "}")
    elif kind is list or kind is tuple:
        if not obj:
            parts.append("[]")
        elif SCALARS.issuperset(map(type, obj)):
            _encode_flat(obj, level, indent, parts)
        elif _rows(obj):
            _encode_rows(obj, level, indent, parts)
        else:
            inner = "\n" + indent * (level + 1)
            parts.append("[")
            for n, value in enumerate(obj):
                parts.append(inner if n == 0 else "," + inner)
                _encode(value, level + 1, indent, parts)
                if len(parts) > FLUSH_AT and type(parts) is _Sink:
                    parts.flush()
            parts.append("\n" + indent * level + "]")
    elif kind in SCALARS:
        parts.append(_scalar(obj))
    else:  # a dict with other keys, or a type only the standard library refuses right
        parts.extend(_std_encoder(indent)(obj, level))


def _scalar(value: str | int | float | bool | None) -> str:
    """One scalar as the standard library writes it (checked in its order: str, None, bools, int)."""
    if type(value) is str:
        return _std.encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    return _float(value)


def _rows(obj: list | tuple) -> bool:
    """A list whose items are all non-empty flat dicts, or all non-empty flat lists."""
    kinds = set(map(type, obj))
    if kinds == {dict}:
        items = chain.from_iterable(map(dict.values, obj))
    elif kinds <= {list, tuple}:
        items = chain.from_iterable(obj)
    else:
        return False
    return all(obj) and SCALARS.issuperset(map(type, items))


def _encode_flat(obj: dict | list | tuple, level: int, indent: str, parts: list[str]) -> None:
    """A flat container: the C encoder's text, its brackets on lines of their own."""
    encoder = _c_encoder(indent, level + 1)
    if encoder is None:
        parts.extend(_std_encoder(indent)(obj, level))
        return
    text = "".join(encoder(obj, 0))
    parts.append(text[0] + "\n" + indent * (level + 1) + text[1:-1] + "\n" + indent * level + text[-1])


def _encode_rows(obj: list | tuple, level: int, indent: str, parts: list[str]) -> None:
    """A list of flat containers in one C call, encoded with the separator of the rows' items.

    Between two rows that separator is followed by the next row's bracket; inside a row
    by a key or a scalar, never a bracket. So each `},\\n<items' indent>{` is a row boundary.
    """
    encoder = _c_encoder(indent, level + 2)
    if encoder is None:
        parts.extend(_std_encoder(indent)(obj, level))
        return
    text = "".join(encoder(obj, 0))
    opening, closing = text[1], text[-2]
    outer, row, items = indent * level, indent * (level + 1), indent * (level + 2)
    body = text[2:-2].replace(f"{closing},\n{items}{opening}",
                              f"\n{row}{closing},\n{row}{opening}\n{items}")
    parts.append(f"[\n{row}{opening}\n{items}{body}\n{row}{closing}\n{outer}]")
