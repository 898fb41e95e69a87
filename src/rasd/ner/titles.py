"""Title phrases before person names: function, country, rank, honorific (`وزير الدفاع المالي العقيد`).

One parser serves both the recogniser (a title phrase licenses the unknown
name after it) and the role extractor (the phrase gives title, country and
rank). Grammar, over tokens:

    [head|prefix|profession]+ (complement | و+profession)* descriptor*
    [country adjective] descriptor* [link + named place/organisation]
    [،] [rank] [honorific] NAME

or a rank, honorific or cue (`برئاسة`) alone before NAME.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.ner.names import first_name_ok, name_extent
from rasd.ner.scan import COMMAS, Candidate, Scan, tokens_where
from rasd.text.normalize import normalize

OF_TYPES = ("GPE", "ORG", "FORCE")


@dataclass
class TitleMatch:
    """A title phrase and where the name after it starts."""

    kind: str  # title | rank | honorific | cue
    phrase_start: int  # character span of the whole phrase (without a leading clitic)
    phrase_end: int
    title_start: int  # character span of the function words only ('' span when none)
    title_end: int
    name_first: int  # token index where the person name starts
    of: Candidate | None = None
    of_gaz: str | None = None
    rank: str | None = None


def _read(scan: Scan, i: int, table, max_words: int = 3) -> tuple[int, int]:
    """(tokens, start offset) of the longest phrase of `table` at token i, clitics allowed on it."""
    best = (0, 0)
    for offset, stem, _ in scan.stem_forms(i):
        n = scan.phrase_at(i, stem, table, max_words)
        if n > best[0]:
            best = (n, scan.tokens[i].start + offset)
    return best


def _rank(scan: Scan, i: int) -> tuple[int, str | None]:
    """(tokens, base rank) of a rank phrase at token i; `عقيد` without the article is "a colonel"."""
    if not scan.norm(i).startswith("ال"):
        return 0, None
    n = scan.phrase_at(i, scan.norm(i), scan.lex.ranks, 3)
    if not n:
        return 0, None
    key = " ".join(scan.norm(k) for k in range(i, i + n))
    return n, scan.lex.ranks[key]


def _honorific(scan: Scan, i: int) -> int:
    """Tokens of an honorific at token i (`د.` is two tokens)."""
    if scan.norm(i) == "د" and scan.norm(i + 1) == ".":
        return 2
    return scan.phrase_at(i, scan.norm(i), scan.lex.honorifics, 2)


def _of_mention(scan: Scan, i: int) -> Candidate | None:
    """A named place/organisation at token i (a clitic on it allowed: `لدى مالي`, `للأمم المتحدة`)."""
    cand = scan.candidate_at(i)
    if cand is not None and cand.type in OF_TYPES:
        return cand
    return None


def _country_adjective(scan: Scan, i: int) -> str | None:
    """The gazetteer id a nationality adjective at token i names (المالي -> gpe:mali)."""
    norm = scan.norm(i)
    if not norm.startswith("ال"):
        return None
    entries = scan.gaz.adjective(norm)
    places = [e for e in entries if e.type == "GPE"] or entries
    return places[0].id if places else None


def _topic(scan: Scan, j: int, before_adjective: bool = False) -> int:
    """End of a field after `في`: 1-3 definite words that name no place (الشؤون الأفريقية).

    With `before_adjective`, stop at a nationality adjective (الخارجية | الأمريكية).
    """
    k = j
    while k < j + 3 and scan.is_word(k) and scan.norm(k).startswith("ال") and scan.owned(k) is None \
            and scan.norm(k) not in scan.lex.stop and not (before_adjective and _country_adjective(scan, k)):
        k += 1
    return k


def _rank_modifiers(scan: Scan, j: int) -> int:
    """Skip the words after a rank that belong to it: الفريق أول ركن، العميد المتقاعد."""
    while scan.is_word(j) and scan.norm(j) in scan.lex.title("rank_modifier"):
        j += 1
    return j


def _tail(scan: Scan, j: int, match: TitleMatch) -> TitleMatch:
    """Read the optional comma, rank and honorific after a phrase; set where the name starts."""
    if j < len(scan.tokens) and scan.tokens[j].text in COMMAS:
        j += 1
    n, base = _rank(scan, j)
    if n:
        match.rank = base
        j = _rank_modifiers(scan, j + n)
        match.phrase_end = scan.tokens[j - 1].end
    h = _honorific(scan, j)
    j += h
    if scan.is_word(j) and scan.norm(j) in scan.lex.title("echo"):
        j += 1  # الملك كينغ: the title again, transliterated from English, before the name
        if j < len(scan.tokens) and scan.tokens[j].text == "(":
            j += 1  # الملك كينغ (الاسم)
    if 0 < j < len(scan.tokens) and "\n" in scan.body[scan.tokens[j - 1].end:scan.tokens[j].start]:
        j = len(scan.tokens)  # a title ending a line (a headline) licenses nothing on the next one
    match.name_first = j
    return match


def title_openers(scan: Scan) -> list[int]:
    """Tokens with a title word among their stems: the only ones where `parse_title` may match.

    Its first check, made once per distinct word (and once per body, for the recogniser and the
    role extractor), since both would otherwise run it at every token. Whether a token is
    still free is left to the caller: rules name words as they go.
    """
    title_words = scan.lex.title_words
    return tokens_where(scan, "title_openers", title_words,
                        lambda _, stems: any(stem in title_words for _, stem, _ in stems))


def parse_title(scan: Scan, i: int) -> TitleMatch | None:
    """The title phrase starting at token i, or None."""
    lex = scan.lex
    tokens = scan.tokens
    if not scan.is_word(i) or scan.owned(i) is not None:
        return None
    if not any(stem in lex.title_words for _, stem, _ in scan.stem_forms(i)):
        return None
    n, base = _rank(scan, i)
    if n:
        j = _rank_modifiers(scan, i + n)
        of_gaz = _country_adjective(scan, j)
        if of_gaz:  # العقيد الكولومبي X: the rank's nationality
            j = _rank_modifiers(scan, j + 1)
        match = TitleMatch("rank", tokens[i].start, tokens[j - 1].end, tokens[i].start, tokens[i].start,
                           j, rank=base, of_gaz=of_gaz)
        match = _tail(scan, j, match)
        if scan.norm(match.name_first).startswith("و"):  # العقيد المتقاعد والخبير العسكري X
            title = parse_title(scan, match.name_first)
            if title is not None and title.kind == "title":
                title.rank = title.rank or match.rank
                title.phrase_start = match.phrase_start
                return title
        return match
    n = _honorific(scan, i)
    if n:
        return TitleMatch("honorific", tokens[i].start, tokens[i + n - 1].end, tokens[i].start,
                          tokens[i].start, i + n)
    n, start = _read(scan, i, lex.title("cue"), 1)
    if n:
        return TitleMatch("cue", start, tokens[i].end, start, start, i + 1)
    heads = lex.title_heads
    professions = lex.title("profession")
    n, start = _read(scan, i, heads)
    if not n:
        n, start = _read(scan, i, professions)
        if n and normalize(scan.body[start:start + 2]) != "ال":
            return None  # دبلوماسي تركي: an unnamed source, not a title before a name
    if not n:
        return None
    # definite when a word of the head has the article (الرئيس، ولي العهد) or a pronoun (نظيره)
    definite = normalize(scan.body[start:start + 2]) == "ال" or any(
        scan.norm(k).startswith("ال") for k in range(i + 1, i + n)) or any(
        stem in lex.title("counterpart") for _, stem, _ in scan.stem_forms(i))
    j = i + n
    match = TitleMatch("title", start, tokens[j - 1].end, start, tokens[j - 1].end, j)
    # chained heads and complements: نائب وزير الدفاع، رئيس الأركان العامة
    while j < len(tokens) and scan.is_word(j):
        m = scan.phrase_at(j, scan.norm(j), lex.title_chain, 3)
        if not m and scan.norm(j).startswith("و"):
            m = scan.phrase_at(j, scan.norm(j)[1:], lex.coordinated_titles, 3)
        if not m:
            break
        j += m
        match.title_end = tokens[j - 1].end
    # construct with a named country or body: وزير خارجية مالي، رئيس المجلس العسكري
    of = _of_mention(scan, j)
    if of is not None and (of.type != "GPE" or not definite or j > i + n):
        match.of = of
        j = of.last
    elif not definite and j == i + n:
        return None  # لوزير حرب، رئيس تحالف: an indefinite head needs its complement
    while scan.is_word(j) and scan.norm(j) in lex.title("descriptor"):
        j += 1
        match.title_end = tokens[j - 1].end
    if match.of is None:
        gaz_id = _country_adjective(scan, j)
        if gaz_id:
            match.of_gaz = gaz_id
            j += 1
    while scan.is_word(j) and scan.norm(j) in lex.title("descriptor"):
        j += 1
    # link: لدى مالي، في مالي، من مالي، باسم الجيش
    if scan.is_word(j) and scan.norm(j) == "في" and _topic(scan, j + 1) > j + 1:
        j = _topic(scan, j + 1)  # الباحث في الشؤون الأفريقية: a field, part of the title
        match.title_end = tokens[j - 1].end
    if scan.is_word(j) and scan.norm(j) in lex.title("link"):
        of = _of_mention(scan, j + 1)
        if of is None:
            # المتحدث باسم الخارجية الأمريكية: an unnamed body, given by its nationality adjective
            body_end = _topic(scan, j + 1, before_adjective=True)
            gaz_id = _country_adjective(scan, body_end) if body_end > j + 1 else None
            if gaz_id is None:
                return None  # المتحدث باسم <something not understood>: no name can be trusted after it
            if match.of is None and match.of_gaz is None:
                match.of_gaz = gaz_id
            j = body_end + 1
        else:
            if match.of is None and match.of_gaz is None:
                match.of = of
            j = of.last
    elif match.of is None and match.of_gaz is None:
        of = _of_mention(scan, j)
        if of is not None and scan.tokens[j].start < of.start:  # a clitic ل: الأمين العام للأمم المتحدة
            match.of = of
            j = of.last
    match.phrase_end = tokens[j - 1].end
    return _tail(scan, j, match)


def _preposition_phrase(scan: Scan, i: int) -> bool:
    """`المدير السابق لمكافحة الإرهاب`: a preposition + noun + definite noun, not a name."""
    return scan.norm(i + 1).startswith("ال") and any(
        clitic in ("ب", "ل", "لل") for _, _, clitic in scan.stem_forms(i))


def name_after_title(scan: Scan, i: int, n: int) -> bool:
    """False for the object of the sentence's verb read after a title with no name.

    `أعلن وزير الدفاع انسحاب القوات` (a verbal noun), `... خطة جديدة` (one feminine noun),
    `... دعم` (one short word), `... مساعدات عسكرية` (a plural), `... صفقة ضخمة` (noun and adjective).
    """
    first = scan.norm(i)
    if scan.lex.is_masdar(first):
        return False
    if first in scan.lex.first_names:
        return True
    if first.endswith("ات") or n == 1 and (first.endswith("ه") or len(first) <= 3):
        return False
    # صفقة ضخمة: a feminine noun and its agreeing adjective
    return not (first.endswith("ه") and scan.norm(i + 1).endswith("ه"))


def _place_as_given_name(scan: Scan, match: TitleMatch, place: Candidate | None) -> Candidate | None:
    """`وزير الدفاع الكيني عدن فارح`: after a complete title, a one-word listed place followed by a
    name word is a given name spelt like the place; the person absorbs it."""
    if place is None or place.type not in ("GPE", "LOC") or place.last != place.first + 1:
        return None
    if match.kind not in ("title", "rank") or not (match.of or match.of_gaz or match.rank):
        return None
    first = match.name_first
    if place.start != scan.tokens[first].start or scan.norm(first).startswith("ال"):
        return None
    word = scan.norm(first + 1)
    if word.startswith(("ال", "ل", "ب", "ك")) and word not in scan.lex.first_names:
        return None  # مصر لبحث، قطر الأسبوع: the place, then a preposition or a definite noun
    n = name_extent(scan, first + 1, verb_check=False)
    if not n or not scan.free(first + 1, first + 1 + n):
        return None
    if not name_after_title(scan, first + 1, n) or scan.lex.is_masdar(scan.norm(first + 1)):
        return None
    cand = Candidate(place.start, scan.tokens[first + n].end, "PERSON", match.kind, first, first + 1 + n)
    return cand if scan.add(cand, absorb=True) else None


def find_title_persons(scan: Scan) -> list[tuple[TitleMatch, Candidate]]:
    """Person names licensed by a title phrase, rank, honorific or cue; adds them to the scan."""
    found = []
    skip_until = 0
    owner = scan.owner
    for i in title_openers(scan):
        if i < skip_until or owner[i] is not None:
            continue
        match = parse_title(scan, i)
        if match is None:
            continue
        skip_until = match.name_first
        person = scan.candidate_at(match.name_first)
        if person is not None and person.type == "PERSON":
            found.append((match, person))
            continue
        place_named = _place_as_given_name(scan, match, person)
        if place_named is not None:
            found.append((match, place_named))
            continue
        n = name_extent(scan, match.name_first,
                        verb_check=match.kind == "title" and match.rank is None
                        or match.kind == "rank" and scan.norm(i) in scan.lex.ambiguous_ranks)
        if not n or _preposition_phrase(scan, match.name_first):
            continue
        if match.kind == "title" and not name_after_title(scan, match.name_first, n):
            continue
        if match.kind == "cue" and not first_name_ok(scan, match.name_first, n) and n < 2:
            continue
        first, last = match.name_first, match.name_first + n
        cand = Candidate(scan.tokens[first].start, scan.tokens[last - 1].end, "PERSON", match.kind,
                         first, last)
        if scan.add(cand):
            found.append((match, cand))
    return found
