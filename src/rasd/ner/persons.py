"""Person names without a title before them.

Three shapes: a listed given name (`وقال فلاديمير بوتين`), a name between a speech
verb and a title in apposition (`وقال كورنيلي ننغا، رئيس ...`), and a name after a
nationality adjective used as a noun (`الفرنسي سيدريك بيولين`).
"""

from __future__ import annotations

from rasd.ner.names import first_name_ok, name_extent, spelt_as_name
from rasd.ner.scan import ARABIC_WORD, COMMAS, Candidate, Scan, tokens_where
from rasd.text.tokens import Token

# a given name may carry a conjunction (وفلاديمير بوتين); prepositions make too many words (لدينا)
NAME_CLITICS = ("", "و")


def find_named_persons(scan: Scan) -> None:
    """Add names of two words or more that start with a listed given name (an ambiguous one after a verb)."""
    first_names = scan.lex.first_names
    starts, stop_names = scan.lex.first_name_starts, scan.lex.stop_names
    owner, word_stems, norms = scan.owner, scan.word_stems, scan.norms

    def may_open(token: Token, stems: tuple[tuple[int, str, str], ...]) -> bool:
        """The stem test below, for some stem of an Arabic word."""
        return (token.is_word and ARABIC_WORD.fullmatch(token.text) is not None and any(
            clitic in NAME_CLITICS and (stem in starts or not clitic and token.norm in stop_names)
            for _, stem, clitic in stems))

    i = 0
    for at in tokens_where(scan, "given_name_openers", scan.lex, may_open):
        if at < i:
            continue  # inside the name just added
        i = at
        if owner[i] is not None:
            continue
        added = 0
        for offset, stem, clitic in word_stems[i]:
            if clitic not in NAME_CLITICS:
                continue
            if stem not in starts and (clitic or norms[i] not in stop_names):
                continue  # neither a listed given name nor one spelt like a stop word: nothing below holds
            start = scan.tokens[i].start + offset
            two = f"{stem} {scan.norm(i + 1)}"
            listed = first_names.get(stem) is False or first_names.get(two) is False
            # a given name that is also a word (جمال، أمل) counts as the subject of a speech verb
            known = stem in first_names or two in first_names
            if not clitic and spelt_as_name(scan, i):  # علي: named by a speech verb or a given name after it
                known = True
                listed = listed or scan.norm(i + 1) in first_names
            if not listed and not (known and _after_speech_verb(scan, i)):
                continue
            n = name_extent(scan, i, first_checked=bool(clitic))
            if not clitic and not first_name_ok(scan, i, n):
                continue
            if n >= 2 and not _surname_shaped(scan, i + 1):
                continue
            if n < 2 or (stem in ("عبد", "ابو") and n < 3):
                continue
            if scan.add(Candidate(start, scan.tokens[i + n - 1].end, "PERSON", "first_name", i, i + n)):
                added = n
                break
        i += added or 1


def _after_speech_verb(scan: Scan, i: int) -> bool:
    """Token i follows a verb of saying/stating (وقال، أكد)."""
    return i > 0 and any(stem in scan.lex.verbs and clitic in ("", "و", "ف")
                         for _, stem, clitic in scan.stem_forms(i - 1))


def _surname_shaped(scan: Scan, k: int) -> bool:
    """The word after a given name, without a title to vouch: no accusative, plural or preposition."""
    norm = scan.norm(k)
    if norm in scan.lex.first_names:
        return True
    if norm.endswith(("ا", "ات", "ون")) and len(norm) <= 5:
        return False  # رمضان المتظاهرون
    if norm.startswith(("ي", "ت", "ن")) and len(norm) <= 5:
        return False  # ألبرتو يرفع: an imperfect verb
    return not any(clitic in ("ب", "ل", "ك") and (stem.startswith("ال") or stem in scan.lex.stop)
                   for _, stem, clitic in scan.stem_forms(k))


def _title_word(scan: Scan, i: int) -> bool:
    """True when token i starts a title (`وزير`, `رئيس`, `الخبير`...), clitics aside."""
    lex = scan.lex
    kinds = ("head", "prefix", "profession")
    return any(stem in lex.title(kind) for _, stem, _ in scan.stem_forms(i) for kind in kinds)


def construct_title(scan: Scan, i: int) -> bool:
    """Token i is an indefinite head before a definite complement: `رئيس اللجنة`, `وزير الخارجية`."""
    heads = scan.lex.title_heads
    norm = scan.norm(i)
    return (scan.is_word(i) and not norm.startswith("ال") and norm in heads
            and scan.norm(i + 1).startswith("ال") and scan.owned(i) is None)


def definite_title(scan: Scan, i: int) -> bool:
    """Token i is a definite title head or profession right after a name: `X الرئيس التنفيذي لشركة`."""
    lex = scan.lex
    norm = scan.norm(i)
    return (scan.is_word(i) and norm.startswith("ال") and scan.owned(i) is None
            and norm in lex.head_profession_starts and bool(scan.phrase_at(i, norm, lex.head_professions, 3)))


NOUN_SHAPES = ("ون", "ين", "ات", "ه", "ا")  # plurals, feminine nouns, accusatives: مسؤولون، قوة، أيضا


def _foreign_name_shaped(scan: Scan, first: int, last: int) -> bool:
    """Words [first, last) look like an unknown foreign name: no article, no noun or plural ending,
    no nationality adjective or verbal noun (`ماتيو رينزي`، not `مسؤول أمريكي` or `مصادر مطلعة`)."""
    lex = scan.lex
    for k in range(first, last):
        norm = scan.norm(k)
        if (not scan.is_word(k) or norm.startswith("ال") or norm.endswith(NOUN_SHAPES) or len(norm) < 3
                or norm in lex.stop or lex.is_masdar(norm) or scan.gaz.adjective(norm)):
            return False
    return True


def find_apposed_persons(scan: Scan) -> None:
    """A name between a speech verb and a title: `وقال كورنيلي ننغا، رئيس تحالف ...`,
    `قال رومانو برودي رئيس اللجنة`, `قال رومانو برودي الرئيس السابق` (a head in construct or
    with the article needs no comma), or two foreign-looking words and a comma (`وقال ماتيو رينزي، إن`)."""
    lex = scan.lex
    heads, starts = lex.title_heads, lex.head_profession_starts
    anchors = tokens_where(scan, "apposition_anchors", lex, lambda token, _: token.text in COMMAS or (
        token.is_word and (token.norm in heads or token.norm in starts)))  # see the two tests below
    if not anchors:
        return
    verbs = set(tokens_where(scan, "speech_verbs", lex, lambda _, stems: any(
        stem in lex.verbs and clitic in ("", "و", "ف") for _, stem, clitic in stems)))
    for i in anchors:
        token = scan.tokens[i]
        if token.text not in COMMAS and not construct_title(scan, i) and not definite_title(scan, i):
            continue
        bare_comma = token.text in COMMAS and not _title_word(scan, i + 1)
        for first in range(i - 1, max(i - 5, 0), -1):
            if first - 1 not in verbs:
                continue
            if bare_comma and not (i - first == 2 and _foreign_name_shaped(scan, first, i)):
                break  # a comma alone vouches only for two unknown foreign-looking words
            if scan.free(first, i) and name_extent(scan, first) == i - first:
                scan.add(Candidate(scan.tokens[first].start, scan.tokens[i - 1].end, "PERSON", "apposition",
                                   first, i))
            break


def find_nationality_persons(scan: Scan) -> None:
    """`الفرنسي سيدريك بيولين`, `القطري ناصر غانم`: a nationality adjective used as a noun before a name.

    Only where the adjective qualifies nothing before it (no definite noun or name precedes it), and
    the name starts with an unambiguous listed given name or ends at punctuation, a number or a
    function word.
    """
    from rasd.ner.titles import name_after_title

    lex = scan.lex
    owner = scan.owner
    # a singular nationality: الأوروبيين مزيدا is a plural and its object
    singular = tokens_where(scan, "singular_nationalities", scan.gaz, lambda token, _: token.norm.endswith(
        ("ي", "يه")) and token.norm.startswith("ال") and bool(scan.gaz.adjective(token.norm)))
    for i in singular:
        if not 1 <= i < len(scan.tokens) - 1 or owner[i] is not None:
            continue
        before = scan.norm(i - 1)
        if scan.is_word(i - 1) and (before.startswith("ال") or scan.owned(i - 1) is not None
                                    or before in lex.title_heads or before in lex.title("profession")):
            continue
        first = i + 1
        word = scan.norm(first)
        accusative = word.endswith("ا") and len(word) <= 5
        if word not in lex.first_names and (word.endswith(("ها", "هم")) or accusative):
            continue  # عواقبها، مزيدا: a noun with a pronoun, an accusative
        n = name_extent(scan, first)
        if not n or n > 3 or not scan.free(first, first + n) or not name_after_title(scan, first, n):
            continue
        after = first + n
        ends = after >= len(scan.tokens) or not scan.is_word(after) or scan.tokens[after].text.isdigit() \
            or scan.norm(after) in lex.stop
        if lex.first_names.get(scan.norm(first)) is False or ends:
            scan.add(Candidate(scan.tokens[first].start, scan.tokens[after - 1].end, "PERSON", "nationality",
                               first, after))
