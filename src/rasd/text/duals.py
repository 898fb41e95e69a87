"""Nouns in the dual (طائرتين, مروحيتين, قاعدتي, صاروخين): the quantity 2 carried by the noun itself.

The suffixes ين/تين/تان/تي also end plurals, verbs and names; a stop list
(`rasd/data/numbers/dual_stoplist.txt`) and a few rules on the stem keep those out.
The masculine nominative ان (صاروخان) is left out: it mostly ends names and broken
plurals (لبنان, البلدان), and news prose prefers the oblique ين.
"""

from __future__ import annotations

import regex

from rasd.text.number_words import NumberLexicon, word_value
from rasd.text.tokens import Token, original_prefix_length

DUAL = regex.compile(r"^(?P<stem>\p{L}{2,}?)(?P<suffix>تين|تان|تي|ين)$")
ARTICLE_CLITIC = regex.compile(r"^(?:وب|ول|فب|فل|و|ف|ب|ك)(?=ال)")  # وبالطائرتين -> الطائرتين
PROCLITIC = regex.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل)(?=\p{L}{3})")


def strip_clitics(norm: str) -> str:
    """A normalised word without its conjunction, preposition and article (وبالطائرتين -> طائرتين)."""
    return PROCLITIC.sub("", norm)


def is_dual(norm: str, lex: NumberLexicon, next_token: Token | None) -> bool:
    """A noun in the dual (طائرتين, مروحيتين, قاعدتي, صاروخين), not a look-alike from the stop list."""
    if not norm.endswith(("ين", "تان", "تي")):
        return False  # no dual suffix: DUAL below can match neither the word nor its core
    core = strip_clitics(norm)
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


def dual_kind(norm: str, lex: NumberLexicon) -> str:
    """`duration` for شهرين/ساعتين, `measure` for طنين…; `count` for other nouns."""
    bare = strip_clitics(norm)
    for stem in (bare[:-2], bare[:-3] + "ه", bare[:-2] + "ه"):
        if (stem,) in lex.units:
            return lex.units[(stem,)]
    return "count"


def dual_span(tok: Token) -> tuple[int, int]:
    """The span of a dual noun token; a clitic before the article is left out (وبالطائرتين)."""
    clitic = ARTICLE_CLITIC.match(tok.norm)
    return tok.start + (original_prefix_length(tok.text, clitic.end()) if clitic else 0), tok.end
