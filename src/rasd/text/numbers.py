"""Quantities in Arabic text: digits, number words, duals, multipliers, approximations, units.

Counting "how many aircraft" needs more than digits: `طائرتين` is 2, `25 ألف طن` is
25000 tonnes, `عشرات الجنود` is at least 10. Numbers that name things rather than count
them (`T-72B3`, `إس-400`, `القرار 2719`, `عيار 57 ملم`, years) are kept but marked by `kind`
so later stages can skip them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from rasd.text.dates import find_dates
from rasd.text.number_words import NumberLexicon, WordNumber, load_numbers, word_value
from rasd.text.tokens import Token, original_prefix_length, tokenize

KINDS = ("count", "calibre", "designation", "year", "percent", "money", "measure", "duration")
DIGITS = regex.compile(r"\d+(?:\.\d+)?")
MIXED = regex.compile(r"(?=.*\p{L})(?=.*\d)")  # a token with letters and digits: T-72B3, Mi-35B, إس-400
DUAL = regex.compile(r"^(?P<stem>\p{L}{2,}?)(?P<suffix>تين|تان|تي|ين)$")
DIGIT_CLITIC = regex.compile(r"^(?:وب|ول|وفي|لل|و|ف|ب|ل)(?=\d)")
ARTICLE_CLITIC = regex.compile(r"^(?:وب|ول|فب|فل|و|ف|ب|ك)(?=ال)")  # وبالطائرتين -> الطائرتين
DEFINITE = regex.compile(r"^(?:وال|بال|فال|كال|لل|ال)")
GLUED = regex.compile(r"^(\d+(?:\.\d+)?)(\p{Arabic}{2,})$")
PROCLITIC = regex.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل)(?=\p{L}{3})")


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
    digits = DIGIT_CLITIC.sub("", tok.norm)
    if digits == tok.norm or not DIGITS.fullmatch(digits):
        return tok
    return Token(tok.end - len(digits), tok.end, tok.text[-len(digits):], digits)


def _split_glued(tok: Token) -> list[Token]:
    """`65عاما` -> `65` `عاما`: digits glued to an Arabic word are a number and its noun."""
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
        while (tok.norm.isdigit() or DIGITS.fullmatch(tok.norm)) and i + 2 < len(tokens):
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


def _phrase_at(tokens: list[Token], i: int, phrases: dict | frozenset, longest: int) -> int:
    """The number of tokens of the longest phrase starting at token i (0 when none)."""
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


def _strip_clitics(norm: str) -> str:
    return PROCLITIC.sub("", norm)


def _is_dual(norm: str, lex: NumberLexicon, next_token: Token | None) -> bool:
    """A noun in the dual (طائرتين, مروحيتين, قاعدتي, صاروخين), not a look-alike from the stop list."""
    core = _strip_clitics(norm)
    if word_value(norm) or norm.endswith(("ستان", "يين")):
        return False
    if any(form in lex.dual_stoplist for form in (norm, core, "ال" + core)):
        return False
    m = DUAL.match(core)
    if m is None or len(m.group("stem")) < 3:  # وحدتين: the و belongs to the word
        core, m = norm, DUAL.match(norm)
        if m is None or len(m.group("stem")) < 3:
            return False
    suffix, stem = m.group("suffix"), m.group("stem")
    if stem.lstrip("وف")[:1] == "ي":  # يتعين, ويأتي: an imperfect verb
        return False
    if suffix == "تي":  # construct dual (طائرتي هليكوبتر): no clitic or article, a noun follows
        noun_follows = next_token is not None and next_token.is_word
        return core == norm and norm[0] not in "وف" and noun_follows and stem[-1] != "ي"
    if suffix == "ين":  # not a sound plural of a participle (مسلحين, مقاتلين, ناشطين), a masdar (تأمين)
        participle = stem[0] == "م" and len(stem) >= 4 or len(stem) == 4 and stem[1] == "ا"
        masdar = stem[0] == "ت" and len(stem) == 3
        broken_plural = len(stem) == 4 and stem[2] == "ا"  # قوانين, جثامين
        return not (participle or masdar or broken_plural)
    return True


def _dual_kind(norm: str, lex: NumberLexicon) -> str:
    """`duration` for شهرين/ساعتين, `measure` for طنين…; `count` for other nouns."""
    bare = _strip_clitics(norm)
    for stem in (bare[:-2], bare[:-3] + "ه", bare[:-2] + "ه"):
        if (stem,) in lex.units:
            return lex.units[(stem,)]
    return "count"


def _dual_match(tok: Token, text: str, lex: NumberLexicon) -> QuantityMatch:
    """A dual noun as the quantity 2; the span drops a clitic before the article (وبالطائرتين)."""
    clitic = ARTICLE_CLITIC.match(tok.norm)
    start = tok.start + (original_prefix_length(tok.text, clitic.end()) if clitic else 0)
    word = text[start:tok.end]
    return QuantityMatch(start, tok.end, word, 2.0, False, word, _dual_kind(tok.norm, lex))


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
    if word_value(tok.norm) or not regex.match(r"\p{Arabic}", tok.norm):
        return 0, None
    definite = DEFINITE.match(tok.norm)
    if definite and (not (skip or allow_min) or definite.group() != "ال"):
        return 0, None  # 2024 الأخير, عشرات بالجروح: a counted noun is indefinite, with no preposition
    return skip + 1, "count"


def _value_at(tokens: list[Token], i: int, lex: NumberLexicon) -> tuple[int, float, bool] | None:
    """(tokens used, value, vague) of a number starting at token i: digits(+multiplier), words, vague."""
    tok = tokens[i]
    if DIGITS.fullmatch(tok.norm):
        value, n = float(tok.norm), 1
        while i + n < len(tokens) and (w := word_value(tokens[i + n].norm)) and w[1] in ("scale",) \
                and w[2] == 0:
            value *= w[0]
            n += 1
        return n, value, False
    n = _phrase_at(tokens, i, lex.vague, lex.longest_phrase)
    if n and tokens[i].norm[:1] not in "وف":
        return n, lex.vague[tuple(t.norm for t in tokens[i:i + n])], True
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


def _scan(text: str, with_dates: bool = True) -> list[QuantityMatch]:
    lex = load_numbers()
    tokens = _merge_digits([part for t in tokenize(text) for part in _split_glued(_drop_digit_clitic(t))])
    dates = [(d.start, d.end) for d in find_dates(text)] if with_dates else []
    found: list[QuantityMatch] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        digit_form = DIGIT_CLITIC.sub("", tok.norm)
        if MIXED.match(tok.norm) and not DIGITS.fullmatch(digit_form):
            digits = regex.search(r"\d+", tok.norm)
            found.append(QuantityMatch(tok.start, tok.end, tok.text, float(digits.group()) if digits else 0.0,
                                       False, None, "designation"))
            i += 1
            continue
        in_date = any(s <= tok.start < e for s, e in dates)
        if in_date and not (DIGITS.fullmatch(tok.norm) and len(tok.norm) == 4):
            i += 1
            continue
        if in_date:
            found.append(QuantityMatch(tok.start, tok.end, tok.text, float(tok.norm), False, None, "year"))
            i += 1
            continue
        if DIGITS.fullmatch(tok.norm) and (prev and prev.text == ":" and prev.start == tokens[i - 2].end
                                           or nxt and nxt.text == ":" and nxt.start == tok.end):
            i += 1  # a clock time (8:35), not a quantity
            continue
        got = _value_at(tokens, i, lex)
        if got is None:
            if tok.is_word and _is_dual(tok.norm, lex, nxt):
                dual = _dual_match(tok, text, lex)
                last = found[-1] if found else None
                if last and last.value == 2 and last.unit_text and not text[last.end:dual.start].strip():
                    dual = QuantityMatch(last.start, dual.end, text[last.start:dual.end], 2.0, False,
                                         text[last.start:dual.end], last.kind)  # طائرتين حربيتين: one pair
                    found.pop()
                found.append(dual)
            i += 1
            continue
        n, value, vague = got
        kind = "count"
        cue = lex.designation_cues.get(prev.norm) or lex.designation_cues.get(_strip_clitics(prev.norm)) \
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
        approximate = vague
        before = _phrase_before(tokens, i, lex.approx_before, lex.longest_phrase)
        after = _phrase_at(tokens, end_index, lex.approx_after, lex.longest_phrase)
        approximate = approximate or bool(before or after)
        unit_text = None
        if used:
            first_unit = tokens[i + n + used - 1] if unit_kind == "count" else tokens[i + n]
            unit_text = text[first_unit.start:tokens[end_index - 1].end]
        start, end = tok.start, tokens[end_index - 1].end
        if word_value(tok.norm) and word_value(tok.norm)[2]:
            start += original_prefix_length(tok.text, 1)
        found.append(QuantityMatch(start, end, text[start:end], value, approximate, unit_text, kind))
        i = end_index
    return found


def find_quantities(text: str) -> list[QuantityMatch]:
    """Quantities in `text` in order, with exact offsets (text[start:end] == match.text)."""
    return _scan(text)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words (`25 ألف`, `ثلاثة وعشرون`, `١٬٥٠٠`), else None."""
    for match in _scan(text, with_dates=False):
        if match.kind != "designation":
            return match.value
    return None
