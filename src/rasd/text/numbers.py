"""Quantities in Arabic text: digits, number words, duals, multipliers, approximations, units.

Counting "how many aircraft" needs more than digits: `طائرتين` is 2, `25 ألف طن` is
25000 tonnes, `عشرات الجنود` is at least 10. Numbers that name things rather than count
them (`T-72B3`, `إس-400`, `القرار 2719`, `عيار 57 ملم`, years) are kept but marked by `kind`
so later stages can skip them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from rasd.text.dates import find_dates, normalized
from rasd.text.duals import dual_kind, dual_span, is_dual, strip_clitics
from rasd.text.number_words import NumberLexicon, WordNumber, load_numbers, word_value
from rasd.text.tokens import TOKEN_RE, Token, original_prefix_length, tokenize

KINDS = ("count", "calibre", "designation", "year", "percent", "money", "measure", "duration")
DIGITS = regex.compile(r"\d+(?:\.\d+)?")
MIXED = regex.compile(r"(?=.*\p{L})(?=.*\d)")  # a token with letters and digits: T-72B3, Mi-35B, إس-400
DIGIT_CLITIC = regex.compile(r"^(?:وب|ول|وفي|لل|و|ف|ب|ل)(?=\d)")
DEFINITE = regex.compile(r"^(?:وال|بال|فال|كال|لل|ال)")
GLUED = regex.compile(r"^(\d+(?:\.\d+)?)(\p{Arabic}{2,})$")
# compiled once: regex.match/search with a pattern string pay a costly cache look-up per call
ARABIC_START = regex.compile(r"\p{Arabic}")
DIGIT_RUN = regex.compile(r"\d+")


@dataclass(frozen=True)
class QuantityMatch:
    """A quantity: its span (number, multiplier and unit), value, approximation, unit and kind.

    `value` is the stated number, or the lower bound of a vague one (عشرات → 10);
    `kind` is one of KINDS: only `count` (and `money`/`measure`) are amounts of things.
    """

    start: int
    end: int
    text: str
    value: float
    approximate: bool
    unit_text: str | None
    kind: str = "count"


def _drop_digit_clitic(tok: Token) -> Token:
    """`و2025` -> `2025`: a conjunction or preposition glued to a number is not part of it."""
    if tok.norm.isalpha():
        return tok  # no digit: the common case, decided without a regex
    digits = DIGIT_CLITIC.sub("", tok.norm)
    if digits == tok.norm or not DIGITS.fullmatch(digits):
        return tok
    return Token(tok.end - len(digits), tok.end, tok.text[-len(digits):], digits)


def _split_glued(tok: Token) -> list[Token]:
    """`65عاما` -> `65` `عاما`: digits glued to an Arabic word are a number and its noun."""
    if tok.norm.isalpha():
        return [tok]
    m = GLUED.match(tok.norm)
    if m is None or len(tok.text) != len(tok.norm):
        return [tok]
    cut = tok.start + m.end(1)
    return [Token(tok.start, cut, tok.text[:m.end(1)], m.group(1)),
            Token(cut, tok.end, tok.text[m.end(1):], m.group(2))]


def _merge_digits(tokens: list[Token]) -> list[Token]:
    """Join `1,500`, `١٬٥٠٠` and `2٫5` back into one token (the tokenizer splits at commas)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        while not tok.norm.isalpha() and (tok.norm.isdigit() or DIGITS.fullmatch(tok.norm)) \
                and i + 2 < len(tokens):
            sep, nxt = tokens[i + 1], tokens[i + 2]
            adjacent = tok.end == sep.start and sep.end == nxt.start and nxt.norm.isdigit()
            if adjacent and sep.text in ",٬" and len(nxt.norm) == 3 and "." not in tok.norm:
                tok = Token(tok.start, nxt.end, tok.text + sep.text + nxt.text, tok.norm + nxt.norm)
            elif adjacent and sep.text == "٫" and "." not in tok.norm:
                tok = Token(tok.start, nxt.end, tok.text + sep.text + nxt.text, f"{tok.norm}.{nxt.norm}")
            else:
                break
            i += 2
        out.append(tok)
        i += 1
    return out


def _plain_token_class() -> bool:
    """Whether Token is the plain frozen dataclass of four fields that `_tokenize` fills directly."""
    fields = getattr(Token, "__dataclass_fields__", {})
    return (list(fields) == ["start", "end", "text", "norm"] and "__slots__" not in vars(Token)
            and not hasattr(Token, "__post_init__"))


_FILL = _plain_token_class()


def _tokenize(text: str) -> list[Token]:
    """`tokenize(text)`, taking each token's normal form from the text normalised once.

    Every character folds on its own, so a token's normal form is the stretch of the
    normalised text whose characters come from the token (see `normalized`).
    Σ alone lower-cases by context: such text still goes through tokenize. The frozen
    dataclass __init__ costs 4x filling the instance dict, and pages have thousands of
    tokens, so the fields are set directly while Token is that plain class.
    """
    if "Σ" in text:
        return tokenize(text)
    norm, _, inverse = normalized(text)
    identity = isinstance(inverse, range)
    if not _FILL:
        return [Token(*m.span(), m.group(), norm[m.start():m.end()] if identity
                      else norm[inverse[m.start()]:inverse[m.end()]]) for m in TOKEN_RE.finditer(text)]
    new = object.__new__
    tokens = []
    append = tokens.append
    for m in TOKEN_RE.finditer(text):
        start, end = m.span()
        tok = new(Token)
        fields = tok.__dict__
        fields["start"] = start
        fields["end"] = end
        fields["text"] = text[start:end]
        fields["norm"] = norm[start:end] if identity else norm[inverse[start]:inverse[end]]
        append(tok)
    return tokens


_DUAL_ENDS = ("ين", "تان", "تي")  # is_dual is False for any other word
_FIRSTS: dict[int, tuple[object, frozenset[str]]] = {}


def _firsts(phrases: dict | frozenset) -> frozenset[str]:
    """The first words of a lexicon's phrases, so most tokens are ruled out by one set look-up."""
    known = _FIRSTS.get(id(phrases))
    if known is None or known[0] is not phrases:
        known = (phrases, frozenset(p[0] for p in phrases if p))
        _FIRSTS[id(phrases)] = known
    return known[1]


def _phrase_at(tokens: list[Token], i: int, phrases: dict | frozenset, longest: int) -> int:
    """The number of tokens of the longest phrase starting at token i (0 when none)."""
    if i < len(tokens):
        norm = tokens[i].norm
        if norm not in _firsts(phrases) and not (norm[:1] in "وف" and (norm[1:],) in phrases):
            return 0
    for n in range(min(longest, len(tokens) - i), 0, -1):
        words = tuple(t.norm for t in tokens[i:i + n])
        if words in phrases:
            return n
        if n == 1 and words[0][:1] in "وف" and (words[0][1:],) in phrases:
            return 1
    return 0


def _phrase_before(tokens: list[Token], i: int, phrases: frozenset, longest: int) -> int:
    """The number of tokens of the longest phrase ending just before token i."""
    for n in range(min(longest, i), 0, -1):
        words = [t.norm for t in tokens[i - n:i]]
        if tuple(words) in phrases:
            return n
        if words[0][:1] in "وف" and (words[0][1:], *words[1:]) in phrases:
            return n
    return 0


def _dual_match(tok: Token, text: str, lex: NumberLexicon) -> QuantityMatch:
    start, end = dual_span(tok)
    word = text[start:end]
    return QuantityMatch(start, end, word, 2.0, False, word, dual_kind(tok.norm, lex))


def _unit(tokens: list[Token], j: int, lex: NumberLexicon, allow_min: bool) -> tuple[int, str | None]:
    """(tokens used, kind or None) of the unit or counted noun at token j."""
    if j >= len(tokens):
        return 0, None
    n = _phrase_at(tokens, j, lex.units, lex.longest_phrase)
    if n and tokens[j].norm[:1] not in "وف" or n > 1:
        return n, lex.units[tuple(t.norm for t in tokens[j:j + n])]
    # partitive من: عشرات من الجنود, 500 من الجنود (not 5 من موسكو: a definite noun must follow)
    partitive = tokens[j].norm == "من" and j + 1 < len(tokens)
    skip = 1 if partitive and (allow_min or tokens[j + 1].norm.startswith("ال")) else 0
    tok = tokens[j + skip]
    if not tok.is_word or len(tok.norm) < 2 or tok.norm[:1].isdigit() or tok.norm in lex.function_words:
        return 0, None
    nominal = tok.text.endswith(("ة", "ات"))  # ta marbuta and -ات mark nouns (22 وحدة), never verbs
    if tok.norm[:1] in "وف" and not nominal and len(tok.norm) > 3:
        return 0, None  # وأصيب: a new clause, not the counted noun
    if word_value(tok.norm) or not ARABIC_START.match(tok.norm):
        return 0, None
    definite = DEFINITE.match(tok.norm)
    if definite and (not (skip or allow_min) or definite.group() != "ال"):
        return 0, None  # 2024 الأخير, عشرات بالجروح: a counted noun is indefinite, with no preposition
    bare = tok.norm[2:] if definite else tok.norm
    return skip + 1, lex.units.get((bare,), "count")  # ملايين الدولارات is money


def _value_at(tokens: list[Token], i: int, lex: NumberLexicon) -> tuple[int, float, bool] | None:
    """(tokens used, value, vague) of a number starting at token i: digits(+multiplier), words, vague."""
    tok = tokens[i]
    if not tok.norm.isalpha() and DIGITS.fullmatch(tok.norm):
        value, n = float(tok.norm), 1
        while i + n < len(tokens) and (w := word_value(tokens[i + n].norm)) and w[1] in ("scale",) \
                and w[2] == 0:
            value *= w[0]
            n += 1
        return n, value, False
    n = _phrase_at(tokens, i, lex.vague, lex.longest_phrase)
    if n and tokens[i].norm[:1] not in "وف":
        return n, lex.vague[tuple(t.norm for t in tokens[i:i + n])], True
    if tok.norm != "و" and word_value(tok.norm) is None:
        return None  # what the loop below decides for a first token that is no number word
    number = WordNumber()
    n = 0
    while i + n < len(tokens):
        norm = tokens[i + n].norm
        joined = False
        if norm == "و" and i + n + 1 < len(tokens):
            found, joined, extra = word_value(tokens[i + n + 1].norm), True, 1
        else:
            found, extra = word_value(norm), 0
            joined = bool(found and found[2])
        if n == 0 and extra:
            break
        if n == 0:
            joined = False  # وثلاثة آلاف: the conjunction joins the clause, not the number
        if not found or not number.accepts(found[0], found[1], joined):
            break
        number.add(found[0], found[1])
        n += 1 + extra
    if n == 0 or number.words == 1 and number.last_type in ("teen_only", "fraction"):
        return None
    return n, number.value, False


def _designation(tok: Token) -> QuantityMatch | None:
    """A token mixing letters and digits (T-72B3, Mi-35B, إس-400) names a model, it counts nothing."""
    if tok.norm.isalpha() or not MIXED.match(tok.norm) or DIGITS.fullmatch(DIGIT_CLITIC.sub("", tok.norm)):
        return None
    digits = DIGIT_RUN.search(tok.norm)
    return QuantityMatch(tok.start, tok.end, tok.text, float(digits.group()) if digits else 0.0,
                         False, None, "designation")


def _is_clock(tokens: list[Token], i: int) -> bool:
    """Whether token i is an hour or minute of a clock time (8:35)."""
    tok = tokens[i]
    if tok.norm.isalpha():
        return False
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool(DIGITS.fullmatch(tok.norm) and (prev and prev.text == ":" and prev.end == tok.start
                                                or nxt and nxt.text == ":" and nxt.start == tok.end))


def _add_dual(found: list[QuantityMatch], tok: Token, text: str, lex: NumberLexicon) -> None:
    """Append a dual noun; a dual adjective right after it (طائرتين حربيتين) joins the same pair."""
    dual = _dual_match(tok, text, lex)
    last = found[-1] if found else None
    if last and last.value == 2 and last.unit_text and not text[last.end:dual.start].strip():
        span = text[last.start:dual.end]
        dual = QuantityMatch(last.start, dual.end, span, 2.0, False, span, last.kind)
        found.pop()
    found.append(dual)


def _number_match(tokens: list[Token], i: int, n: int, value: float, vague: bool, text: str,
                  lex: NumberLexicon) -> tuple[QuantityMatch, int]:
    """The quantity whose number fills tokens[i:i+n] (kind, unit, approximation) and the index after it."""
    tok = tokens[i]
    prev = tokens[i - 1] if i else None
    kind = "count"
    cue = lex.designation_cues.get(prev.norm) or lex.designation_cues.get(strip_clitics(prev.norm)) \
        if prev is not None else None
    if cue:
        kind = "calibre" if cue == "calibre" else "designation"
    used, unit_kind = _unit(tokens, i + n, lex, allow_min=vague)
    if value == 1 and n == 1 and not DIGITS.fullmatch(tok.norm):
        used, unit_kind = 0, None  # عام واحد قابلة: واحد follows its noun
    if kind != "count" and unit_kind == "count":
        used, unit_kind = 0, None  # القرار 2719 نشرت: an identifier has no counted noun
    if kind == "count" and unit_kind:
        kind = unit_kind
    end_index = i + n + used
    before = _phrase_before(tokens, i, lex.approx_before, lex.longest_phrase)
    after = _phrase_at(tokens, end_index, lex.approx_after, lex.longest_phrase)
    unit_text = None
    if used:
        first_unit = tokens[i + n + 1] if used > 1 and tokens[i + n].norm == "من" else tokens[i + n]
        unit_text = text[first_unit.start:tokens[end_index - 1].end]
    start, end = tok.start, tokens[end_index - 1].end
    word = word_value(tok.norm)
    if word and word[2]:
        start += original_prefix_length(tok.text, 1)  # وثلاثة: the conjunction is not part of the number
    match = QuantityMatch(start, end, text[start:end], value, vague or bool(before or after), unit_text, kind)
    return match, end_index


_PLAIN: dict[int, tuple[object, frozenset[str]]] = {}


def _not_plain(lex: NumberLexicon) -> frozenset[str]:
    """Letter-only words that may start a number: number words (also after و/ف), first words of
    vague phrases, و/ف + a one-word vague phrase, and و. Any other letter-only word is, for `_scan`,
    no designation, clock or number, so only the dual check remains for it."""
    known = _PLAIN.get(id(lex))
    if known is None or known[0] is not lex:
        words = set(lex.words)
        words.update(c + w for c in "وف" for w in lex.words if len(c + w) > 2)
        words.update(_firsts(lex.vague))
        words.update(c + p[0] for c in "وف" for p in lex.vague if len(p) == 1)
        words.add("و")
        known = (lex, frozenset(words))
        _PLAIN[id(lex)] = known
    return known[1]


def _scan(text: str, with_dates: bool = True) -> list[QuantityMatch]:
    lex = load_numbers()
    parts: list[Token] = []
    for t in _tokenize(text):
        if t.norm.isalpha() or len(t.norm) == 1 and not t.norm.isdecimal():
            parts.append(t)  # no digit: nothing to split off
        else:
            parts.extend(_split_glued(_drop_digit_clitic(t)))
    # only a separator token , ٬ or ٫ ever joins digits
    tokens = _merge_digits(parts) if "," in text or "٬" in text or "٫" in text else parts
    not_plain = _not_plain(lex)
    found: list[QuantityMatch] = []
    # a token without digits (a word or a sign) that starts no number and has no dual ending adds
    # nothing (no designation, clock, number or dual): visit only the others
    busy = [k for k, t in enumerate(tokens)
            if not ((t.norm.isalpha() or len(t.norm) == 1 and not t.norm.isdecimal())
                    and t.norm not in not_plain and not t.norm.endswith(_DUAL_ENDS))]
    if not busy:
        return found  # nothing to visit: the dates, which only rule tokens out, are not needed
    dates = [(d.start, d.end) for d in find_dates(text)] if with_dates else []
    i = 0
    d = 0  # dates are sorted and apart, tokens ascending: the first date not ended before the token
    for k in busy:
        if k < i:
            continue  # taken by the number before
        i = k
        tok = tokens[i]
        while d < len(dates) and dates[d][1] <= tok.start:
            d += 1
        if d < len(dates) and dates[d][0] <= tok.start:  # a date's day is no quantity; its year is marked
            if DIGITS.fullmatch(tok.norm) and len(tok.norm) == 4:
                year = float(tok.norm)
                found.append(QuantityMatch(tok.start, tok.end, tok.text, year, False, None, "year"))
            i += 1
            continue
        norm = tok.norm
        if norm.isalpha() and norm not in not_plain:  # most words: only a dual may count something
            if norm.endswith(_DUAL_ENDS) and tok.is_word \
                    and is_dual(norm, lex, tokens[i + 1] if i + 1 < len(tokens) else None):
                _add_dual(found, tok, text, lex)
            i += 1
            continue
        designation = _designation(tok)
        if designation:
            found.append(designation)
            i += 1
            continue
        if _is_clock(tokens, i):
            i += 1
            continue
        got = _value_at(tokens, i, lex)
        if got is None:
            if tok.is_word and is_dual(tok.norm, lex, tokens[i + 1] if i + 1 < len(tokens) else None):
                _add_dual(found, tok, text, lex)
            i += 1
            continue
        match, i = _number_match(tokens, i, *got, text, lex)
        found.append(match)
    return found


def find_quantities(text: str) -> list[QuantityMatch]:
    """Quantities in `text` in order, with exact offsets (text[start:end] == match.text)."""
    return list(_scanned(text))


@lru_cache(maxsize=4096)
def _scanned(text: str) -> tuple[QuantityMatch, ...]:
    """`_scan` with dates, cached: the events stage reads the same phrase around an item noun from
    several triggers and stages, and wire copy repeats phrases across pages (matches are frozen)."""
    return tuple(_scan(text))


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words (`25 ألف`, `ثلاثة وعشرون`, `١٬٥٠٠`), else None."""
    for match in _scan(text, with_dates=False):
        if match.kind != "designation":
            return match.value
    return None
