"""How far a person name runs: 1-4 words of name shape, bounded by punctuation and ordinary words.

A name word is Arabic letters only, not a listed stop word, title, rank or
country adjective, and not glued to a conjunction or preposition followed by
such a word. Particles bind to the next word (`عبد الله`, `بن سلمان`, `أبو
قصرة`, data/ner/name_parts.tsv). A word with the article is a family name
only after a listed given name or as a nisba (`أحمد الشرع`, `ثابت العباسي`),
and ends the name; regnal numbers end it too (`محمد السادس`). Verb-like,
plural and short inner words never extend a name of two words or more.
"""

from __future__ import annotations

from rasd.ner.lexicon import Lexicon, spelling
from rasd.ner.scan import ARABIC_WORD, COMMAS, Scan
from rasd.text.tokens import Token

MAX_WORDS = 4  # name units (a particle and its word are one unit)
MAX_TOKENS = 7
CONJUNCTIONS = ("و", "ف")
# a conjunction or preposition glued to a stop word ends a name (وهي، لأن); `ك` too rarely: كوفي is ك+وفي
BLOCKING_CLITICS = {"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"}
VERB_PREFIXES = ("ي", "ت")
# a third name word rarely starts with a conjunction or preposition letter (بيلو لأعضاء)
CLITIC_LETTERS = ("و", "ف", "ب", "ل", "ك")
# nor ends like a relative adjective or a plural (فومين اتفاقية)
NOUN_ENDINGS = ("يه", "ات")
PLURAL_ENDINGS = ("ون", "ات", "يه")
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")


def spelt_as_name(scan: Scan, i: int) -> bool:
    """Token i is a given name that normalises to a stop word but is spelt as the name (`علي`, not `على`)."""
    return scan.norm(i) in scan.lex.stop_names and spelling(scan.tokens[i].text) in scan.lex.name_spellings


def _title_end(scan: Scan, k: int) -> bool:
    """Token k can end what introduces a name: a comma, title word, rank, honorific, speech verb or
    nationality adjective (`العقيد`, `وقال`, `القطري`)."""
    lex = scan.lex
    if not 0 <= k < len(scan.tokens):
        return False
    if scan.tokens[k].text in COMMAS:
        return True
    if not scan.is_word(k):
        return False
    return is_adjective(scan, k) or any(
        stem in lex.title_words or stem in lex.ranks or stem in lex.title_chain
        or stem in lex.title("descriptor") or stem in lex.verbs and clitic in ("", "و", "ف")
        for _, stem, clitic in scan.stem_forms(k))


def name_in_context(scan: Scan, i: int) -> bool:
    """A stop-word-shaped given name spelt as the name is one after a title, rank, comma or speech
    verb, or next to a listed given name (`اللواء علي كريم`, `وقال علي حسن`); elsewhere it may be
    the preposition misspelt."""
    if not spelt_as_name(scan, i):
        return False
    nxt = scan.norm(i + 1)
    if nxt in scan.lex.first_names or scan.norm(i - 1) in scan.lex.first_names:
        return True  # علي حسن، محمد علي: next to another given name
    # أكد علي ضرورة: the preposition misspelt before a verbal or feminine noun
    return _title_end(scan, i - 1) and not (nxt.endswith("ه") or scan.lex.is_masdar(nxt))


def _link_after_title(scan: Scan, i: int) -> bool:
    """`باسم` after `متحدث`/`ناطق` (or a title's adjective) is "on behalf of", not the given name,
    also with a pronoun (`المتحدث باسمها`)."""
    lex = scan.lex
    norm = scan.norm(i)
    links = lex.title("link")
    if norm not in links and not any(norm.endswith(p) and norm[:-len(p)] in links for p in PRONOUN_SUFFIXES):
        return False
    return scan.is_word(i - 1) and (is_adjective(scan, i - 1) or any(
        stem in lex.title_chain or stem in lex.title("profession") or stem in lex.title("descriptor")
        for _, stem, _ in scan.stem_forms(i - 1)))


def _blocked(scan: Scan, i: int) -> bool:
    """True when token i cannot be part of a name (stop word, title word, clitic + stop word...).

    What depends on the word alone is worked out once per word (`_word_blocks`); the context
    (who owns the token, the words around it) is read here.
    """
    token = scan.tokens[i]
    never, stop_name, link_shaped, blocks, blocks_inside = _word_blocks(scan, token, i)
    if never:
        return True
    owner = scan.owned(i)
    if owner is not None and owner.type != "PERSON":
        return True
    if stop_name and name_in_context(scan, i):
        return False
    if link_shaped and _link_after_title(scan, i):
        return True
    return blocks or blocks_inside and i > 0


# token text -> the parts of `_blocked` that depend on the word alone, for the lexicon in _BLOCKS_OF
_BLOCKS: dict[str, tuple[bool, bool, bool, bool, bool]] = {}
_BLOCKS_OF: list[Lexicon] = []


def _word_blocks(scan: Scan, token: Token, i: int) -> tuple[bool, bool, bool, bool, bool]:
    """(never a name word, a given name spelt like a stop word, shaped like `باسم`, blocked as a word,
    blocked except at the start of the body: a conjunction on a given name), remembered per word."""
    lex = scan.lex
    if not _BLOCKS_OF or _BLOCKS_OF[0] is not lex or len(_BLOCKS) > 200_000:
        _BLOCKS.clear()
        _BLOCKS_OF[:] = [lex]
    found = _BLOCKS.get(token.text)
    if found is not None:
        return found
    norm = token.norm
    never = not scan.words[i] or not ARABIC_WORD.fullmatch(token.text) or len(norm) < 2
    links = lex.title("link")
    link_shaped = norm in links or any(norm.endswith(p) and norm[:-len(p)] in links for p in PRONOUN_SUFFIXES)
    blocks = bool(norm in lex.stop or norm in lex.ranks or norm in lex.honorifics or norm in lex.title("head")
                  or norm in lex.title("profession") or norm in lex.title("prefix"))
    if norm.endswith(PRONOUN_SUFFIXES) and any(norm[:-len(p)] in lex.stop for p in PRONOUN_SUFFIXES
                                               if norm.endswith(p)):
        blocks = True  # خلاله، بعدها: a function word with a pronoun
    blocks_inside = False
    for _, stem, clitic in scan.stem_forms(i):
        if clitic and clitic not in ("ك", "وك") and stem.startswith("ال"):
            blocks = True  # للعاصمة، والجيش: a preposition or conjunction, a definite noun; كالمي is a name
        if clitic in BLOCKING_CLITICS and (
                stem in lex.stop or stem in lex.title("head") or stem in lex.title("profession")):
            blocks = True
        if clitic in BLOCKING_CLITICS and clitic in CONJUNCTIONS and stem in lex.first_names:
            blocks_inside = True
    found = (never, norm in lex.stop_names, link_shaped, blocks, blocks_inside)
    if 0 <= i < len(scan.tokens):  # (a negative index reads the token from the end, but has no stems)
        _BLOCKS[token.text] = found
    return found


def _verb_like(scan: Scan, i: int) -> bool:
    """A verb after a title (`الرئيس التركي يهدد اليونان`, `الرئيس الأمريكي منح الأوروبيين`).

    An imperfect (ي/ت/ن + a short word) or any short word followed by its object: a definite noun,
    a mention or a preposition. A name word so shaped (تبون، عون) is followed by a verb or punctuation.
    """
    norm = scan.norm(i)
    imperfect = norm.startswith(("ي", "ت", "ن"))
    if norm in scan.lex.first_names or norm in scan.lex.particles or len(norm) > 6 or not (
            imperfect or len(norm) <= 4):
        return False
    k = i + 1
    if not scan.is_word(k):
        return False
    nxt = scan.norm(k)
    if nxt.startswith("ال") and not (nxt.endswith("ي") and not is_adjective(scan, k)):
        return True  # an object; but a nisba is a family name: ثابت العباسي
    if scan.owned(k) is not None and scan.owned(k).type != "PERSON":
        return True
    stop = scan.lex.stop
    return nxt in stop or any(clitic in ("ب", "ل") and (stem.startswith("ال") or stem in stop)
                              for _, stem, clitic in scan.stem_forms(k))


def _inner_name(scan: Scan, k: int) -> bool:
    """A given name spelt like a stop word inside a name: `علي` between two given names."""
    lex = scan.lex
    return (scan.norm(k) in lex.stop_names and scan.norm(k - 1) in lex.first_names
            and scan.norm(k + 1) in lex.first_names)


def _bind(scan: Scan, k: int) -> int:
    """Tokens a particle at k takes with its name word (بن سلمان: 2, بن عبد الرحمن: 3), 0 when none."""
    end = k + 1
    while end < len(scan.tokens) and scan.norm(end) in ("عبد", "ابو") and end - k < 3:
        end += 1
    if end >= len(scan.tokens) or _blocked(scan, end) and scan.norm(end) not in scan.lex.stop_names:
        return 0
    word = scan.norm(end)
    if word.startswith("ال") and scan.norm(end - 1) == "عبد" and word not in scan.lex.divine_names:
        return 0
    if word.startswith("ال") and scan.norm(end - 1) not in ("عبد", "ابو") and is_adjective(scan, end):
        return 0
    return end - k + 1


def has_article(scan: Scan, i: int) -> bool:
    """Token i starts with the article; `ألفارو`, `إلهام` normalise to ال... but their alef has a hamza."""
    return scan.norm(i).startswith("ال") and not scan.tokens[i].text.startswith(("أ", "إ", "آ"))


def is_adjective(scan: Scan, i: int) -> bool:
    """True when token i is a listed nationality adjective (الروسي، المالية)."""
    norm = scan.norm(i)
    return norm.startswith("ال") and bool(scan.gaz.adjective(norm))


def name_extent(scan: Scan, i: int, first_checked: bool = False, verb_check: bool = True) -> int:
    """How many tokens from i form a person name (0 when token i cannot start one).

    Any name-shaped word may start it: callers without a title, rank or honorific before
    the name check its given name (`first_name_ok`).
    `first_checked` says the caller already vetted token i (a given name behind a clitic);
    `verb_check` off trusts a word after a rank or honorific even when it looks like a verb.
    """
    lex = scan.lex
    if i >= len(scan.tokens):
        return 0
    first = scan.norm(i)
    if not first_checked:
        if _blocked(scan, i) or verb_check and _verb_like(scan, i):
            return 0
        if has_article(scan, i) and first not in lex.first_names:
            return 0
        if first.startswith("و") and first not in lex.first_names:
            return 0  # وملحقين، ونظيره: a conjunction starts a new phrase, not a name
    k = i
    units = 0
    while k < len(scan.tokens) and units < MAX_WORDS:
        norm = scan.norm(k)
        if k > i and _blocked(scan, k) and not _inner_name(scan, k):
            break
        if k > i and "\n" in scan.body[scan.tokens[k - 1].end:scan.tokens[k].start]:
            break
        if norm in lex.particles:
            bound = _bind(scan, k)
            if not bound or k + bound - i > MAX_TOKENS:
                break  # a particle binds to a next name word or ends nothing
            k += bound
            units += 1
            continue
        if k > i and norm in lex.title("regnal"):
            k += 1  # محمد السادس، إليزابيث الثانية: a regnal number ends the name
            break
        if k > i and has_article(scan, k):
            # a family name with the article: after a listed given name, or a nisba (العباسي)
            if units > 2 or is_adjective(scan, k) or norm in lex.stop or norm.endswith(PLURAL_ENDINGS):
                break
            if scan.norm(k - 1) not in lex.first_names and not norm.endswith("ي"):
                break
            if units == 2 and (scan.norm(k - 1) not in lex.first_names
                               or scan.is_word(k + 1) and not _blocked(scan, k + 1)):
                break
            k += 1
            units += 1
            break
        short_inside = len(norm) <= 3 and scan.is_word(k + 1) and not _blocked(scan, k + 1)
        clitic_shaped = (norm.startswith(VERB_PREFIXES + CLITIC_LETTERS)
                         and not _closed_by_comma(scan, k, units))
        if units >= 2 and norm not in lex.first_names and (
                short_inside or norm.endswith(NOUN_ENDINGS) or clitic_shaped):
            break  # a short word ends a name (طارق عظيم خان،) but does not sit inside one (بشاري قتل اثنا)
        k += 1
        units += 1
    return k - i


def _closed_by_comma(scan: Scan, k: int, units: int) -> bool:
    """Words from k run to a comma within the name's length, all name-shaped: `ظاهر أحمد بشير خان،`
    (a word opening like a clitic, بشير, then belongs to the name)."""
    m = k
    while scan.is_word(m) and units + (m - k) < MAX_WORDS:
        norm = scan.norm(m)
        if _blocked(scan, m) or has_article(scan, m) or norm.endswith(NOUN_ENDINGS) or len(norm) < 3:
            return False
        m += 1
    return m > k and m < len(scan.tokens) and scan.tokens[m].text in COMMAS


def first_name_ok(scan: Scan, i: int, n: int) -> bool:
    """True when a title-less name of n tokens starts with a listed given name (two words at least)."""
    if n < 2:
        return False
    first = scan.norm(i)
    if scan.norm(i) in ("عبد", "ابو") and n >= 3:
        first = f"{first} {scan.norm(i + 1)}"
    return first in scan.lex.first_names or name_in_context(scan, i)
