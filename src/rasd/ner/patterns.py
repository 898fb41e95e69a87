"""Multi-word names built from a head word (`src/rasd/data/ner/phrase_heads.tsv`) and a careful extent.

Each rule reads from the head to the end of the name and gives up when the
words do not fit: precision first, an unlisted name is better missed than
cut wrong. Rules (the `rule` column):

- domain: `وزارة الدفاع الروسية` - head, 1-3 definite words, an optional nationality adjective
- name: `شركة روساتوم`, `صحيفة "تايمز"` - head and a quoted or name-shaped word or two
- media: `صحيفة الغارديان` - as name, or one definite word that is no adjective
- definite: `المجلس الوطني الانتقالي` - definite head and descriptive/nationality adjectives
- gpe: `سفارة روسيا في مالي` - head, a country and an optional `في/لدى` country
- mission: `بعثة الأمم المتحدة` - head and a named organisation or country
- force: `الجيش المالي`, `القوات المسلحة المالية` - force head, descriptors, a nationality adjective
- group: `جماعات الطوارق المتمردة` - armed-group head, a people's name, an armed adjective
- direction: `شمال مالي`, `غرب أفريقيا` - compass word and a named country/continent
- facility: `مطار باماكو الدولي` - head, a place or name, optional facility adjectives
- place: `مدينة كيدال` - head and an unlisted name; the mention is the name alone
- equipment: `من طراز Mi-35B` - cue and a designation or transliterated name
- equipment_class: `مركبات سبارتاك المدرعة` - weapon class, a name, the class's definite adjective

Designations written as one token (`T-72B3`, `إس-60`) are equipment wherever they occur, and a
name joined by و to equipment is equipment too (`تيغر ولينزا`).
"""

from __future__ import annotations

from rasd.ner.names import is_adjective
from rasd.ner.scan import ARABIC_WORD, QUOTES, Candidate, Scan, tokens_where
from rasd.text.normalize import normalize, normalize_key

ADJECTIVE_ENDINGS = ("يه", "يون", "يين", "يان", "ات")
MAX_QUOTED = 6


def _name_word(scan: Scan, k: int) -> bool:
    """A word that may be (part of) an unlisted proper name: no article, not common, not an adjective."""
    if not scan.is_word(k) or scan.owned(k) is not None:
        return False
    token = scan.tokens[k]
    norm = token.norm
    if not ARABIC_WORD.fullmatch(token.text) or len(norm) < 3 or norm.startswith("ال"):
        return False
    lex = scan.lex
    if norm in lex.stop or norm.endswith(ADJECTIVE_ENDINGS) or norm in lex.heads or scan.gaz.adjective(norm):
        return False  # شمالي، بريطاني: adjectives and head words are no names
    # a clitic on a function word, a definite noun or a verb (لتؤدي) is no name either
    return not any(clitic and (stem in lex.stop or stem.startswith("ال") or stem.startswith(("ي", "ت", "ن")))
                   for _, stem, clitic in scan.stem_forms(k))


def _definite_word(scan: Scan, k: int) -> bool:
    norm = scan.norm(k)
    return (scan.is_word(k) and norm.startswith("ال") and len(norm) > 3 and norm not in scan.lex.stop
            and ARABIC_WORD.fullmatch(scan.tokens[k].text) is not None)


def _mention(scan: Scan, k: int, types: tuple[str, ...]) -> Candidate | None:
    cand = scan.candidate_at(k)
    return cand if cand is not None and cand.type in types else None


def _quoted(scan: Scan, j: int) -> int | None:
    """Token index after the closing quote when a quoted name starts at j; None otherwise."""
    if j >= len(scan.tokens) or scan.tokens[j].text not in QUOTES:
        return None
    for k in range(j + 1, min(len(scan.tokens), j + MAX_QUOTED + 2)):
        if scan.tokens[k].text in QUOTES:
            inner = scan.candidate_at(j + 1)
            if k == j + 1 or (inner is not None and inner.last == k):
                return None  # empty, or a listed name: the gazetteer mention is enough
            return k + 1
        if not scan.is_word(k):
            return None
    return None


def _domain(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    k = j
    while k < j + 3 and _definite_word(scan, k) and not is_adjective(scan, k):
        k += 1
    if k > j and scan.norm(k).startswith("وال") and _definite_word(scan, k + 1) is False \
            and len(scan.norm(k)) > 5 and scan.owned(k) is None:
        k += 1  # حزب العدالة والتنمية: one coordinated definite word
    if k == j and head_words == 1:
        return None
    if is_adjective(scan, k):
        k += 1
    return k


def _name(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    quoted = _quoted(scan, j)
    if quoted is not None:
        return quoted
    return _name_words(scan, j, feminine=False)


def _media(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    """A newspaper's name may carry the article: `صحيفة الغارديان`, besides `صحيفة "تايمز"`."""
    end = _name(scan, i, j, head_words)
    if end is not None:
        return end
    if _definite_word(scan, j) and scan.owned(j) is None and not is_adjective(scan, j) \
            and not scan.norm(j).endswith(("يه", "يون", "يين")) and scan.norm(j) not in scan.lex.heads:
        return j + 1
    return None


def _place(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    """One or two name words, joined to more by Romance particles (`مدينة بورتو دي غالينياس`,
    `بلدة سانتا كروز دي لا سييرا`)."""
    end = _name_words(scan, j)
    particles, articles = scan.lex.group("place_particle"), scan.lex.group("place_article")
    while end is not None and scan.is_word(end) and scan.norm(end) in particles:
        k = end + 1
        if scan.is_word(k) and scan.norm(k) in articles:
            k += 1  # دي لا
        if not _name_word(scan, k) or scan.norm(k) in particles | articles:
            break
        end = _name_words(scan, k)
    return end


def _name_words(scan: Scan, j: int, feminine: bool = True) -> int | None:
    """End of one or two unlisted name words at j; a second word in the accusative (`اتفاقا`) is not one.

    Without `feminine`, a word in ة is taken for an adjective (`مجموعة مسلحة`): foreign company
    and media names rarely end so, Arabic place names often do.
    """
    if not _name_word(scan, j) or not feminine and scan.norm(j).endswith("ه"):
        return None
    if _name_word(scan, j + 1) and not scan.norm(j + 1).endswith("ا"):
        return j + 2
    return j + 1


def _definite(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    if not any(stem.startswith("ال") for _, stem, _ in scan.stem_forms(i)):  # الحكومة، للحكومة
        return None
    descriptors = scan.lex.group("org_descriptor")
    k = j
    while k < j + 3 and (scan.norm(k) in descriptors or is_adjective(scan, k)):
        k += 1
    if k == j and head_words == 1:
        return None  # البنك المركزي (a two-word head) stands alone; المجلس needs its adjective
    of = _mention(scan, k, ("ORG", "GPE"))
    if of is not None and scan.tokens[k].start < of.start:  # للأمم المتحدة
        k = of.last
    return k


def _gpe(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    place = _mention(scan, j, ("GPE",))
    if place is None or scan.tokens[j].start != place.start:
        return None
    k = place.last
    if scan.norm(k) in ("في", "لدي"):
        host = _mention(scan, k + 1, ("GPE",))
        if host is not None:
            k = host.last
    while k < len(scan.tokens) and scan.norm(k) in scan.lex.group("org_descriptor"):
        k += 1  # بنك فرنسا المركزي
    return k


def _mission(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    body = _mention(scan, j, ("ORG", "GPE"))
    return body.last if body is not None else None


def _force(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    descriptors = scan.lex.group("force_descriptor")
    k = j
    while k < j + 2 and scan.norm(k) in descriptors and not is_adjective(scan, k):
        k += 1
    if not is_adjective(scan, k):
        return None
    return k + 1


def _force_domain(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    """`قوات الدفاع الرواندية`, `قوات الأمن الوطني الصومالية`: forces + their domain + a nationality."""
    if scan.norm(j) not in scan.lex.group("force_domain") or scan.owned(j) is not None:
        return None
    k = j + 1
    while k < j + 3 and scan.norm(k) in scan.lex.group("force_descriptor") and not is_adjective(scan, k):
        k += 1
    return k + 1 if is_adjective(scan, k) else None


def _government(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    """`حكومة الوفاق (الوطني)`, `حكومة الوحدة الوطنية`: a government named by what it stands for."""
    if scan.norm(j) not in scan.lex.group("government_kind") or scan.owned(j) is not None:
        return None
    k = j + 1
    while k < j + 3 and (scan.norm(k) in scan.lex.group("org_descriptor") or is_adjective(scan, k)):
        k += 1
    return k


def _group(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    if not _definite_word(scan, j) or is_adjective(scan, j) or scan.owned(j) is not None:
        return None
    if scan.norm(j + 1) not in scan.lex.group("armed"):
        return None
    return j + 2


def _direction(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    area = _mention(scan, j, ("GPE", "LOC"))
    if area is None or scan.tokens[j].start != area.start:
        return None
    return area.last


def _facility(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    facility_adjectives = scan.lex.group("facility_adj")
    place = _mention(scan, j, ("GPE",))
    if place is not None and scan.tokens[j].start == place.start:
        k = place.last
    elif _name_word(scan, j) and _name_word(scan, j + 1) and scan.norm(j + 2) in facility_adjectives:
        k = j + 2  # قاعدة وادي سيدنا الجوية: the adjective closes a two-word name
    else:
        k = _name_words(scan, j)
        if k is None:
            return None
    while k < len(scan.tokens) and scan.norm(k) in scan.lex.group("facility_adj"):
        k += 1
    return k


def _spaced_designation(scan: Scan, j: int) -> int | None:
    """End of a designation written in two tokens, letters then a number: `إس 400`, `تي 50`, `F 16`."""
    if not scan.is_word(j) or not scan.is_word(j + 1):
        return None
    letters, number = scan.tokens[j].text, scan.tokens[j + 1].text
    if len(letters) > 4 or not letters.isalpha() or scan.norm(j) in scan.lex.stop:
        return None
    return j + 2 if number.isdigit() and len(number) <= 4 else None


def _equipment(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    quoted = _quoted(scan, j)
    if quoted is not None:
        return quoted
    spaced = _spaced_designation(scan, j)
    if spaced is not None:
        return spaced
    return j + 1 if _name_word(scan, j) else None


def _army_key(scan: Scan, i: int, n: int, adjective: int) -> str | None:
    """`الجيش <masculine adjective>` for a national army named by head + nationality adjective."""
    head = " ".join([scan.norm(i).removeprefix("و").removeprefix("ل").removeprefix("ب"),
                     *(scan.norm(k) for k in range(i + 1, i + n))])
    if not head.startswith("ال"):
        head = "ال" + head.removeprefix("ل")
    # a country's army under any of its usual names gets one key: الجيش المالي = القوات المسلحة المالية
    if head not in scan.lex.group("national_army") or adjective != i + n:
        return None
    entries = scan.gaz.adjective(scan.norm(adjective))
    if not entries or not entries[0].adjectives:
        return None
    masculine = entries[0].adjectives[0].removeprefix("ال")
    return normalize_key(f"الجيش ال{masculine}")


def _equipment_class(scan: Scan, i: int, j: int, head_words: int) -> int | None:
    """`مركبات سبارتاك المدرعة`: an unlisted word between a weapon class and its definite adjective.

    The adjective agrees with the class noun across the word, which is therefore a name; a common
    noun would take an indefinite adjective (`مركبات مدرعة`).
    """
    spaced = _spaced_designation(scan, j)
    if spaced is not None:
        return spaced  # مقاتلات إف 16
    if not _name_word(scan, j) or not _definite_word(scan, j + 1) or scan.owned(j + 1) is not None:
        return None
    return j + 1 if scan.norm(j + 1).endswith(("ه", "ي", "يه")) else None


RULES = {
    "domain": _domain, "name": _name, "definite": _definite, "gpe": _gpe, "mission": _mission,
    "force": _force, "group": _group, "direction": _direction, "facility": _facility,
    "place": _place, "equipment": _equipment, "equipment_class": _equipment_class, "media": _media,
    "force_domain": _force_domain, "government": _government,
}


def match_phrases(scan: Scan) -> None:
    """Add the head-word names of the body; a phrase absorbs listed names inside it."""
    head_words = scan.lex.head_words
    owner, word_stems = scan.owner, scan.word_stems
    heads = tokens_where(scan, "phrase_heads", head_words,
                         lambda _, stems: any(stem in head_words for _, stem, _ in stems))
    for i in heads:
        if owner[i] is not None:
            continue
        for offset, stem, _ in word_stems[i]:
            if stem in head_words and _try_heads(scan, i, scan.tokens[i].start + offset, stem):
                break


def _try_heads(scan: Scan, i: int, start: int, stem: str) -> bool:
    """Try the head phrases at token i (read as `stem`), longest first."""
    words = [stem, *(scan.norm(k) for k in range(i + 1, min(len(scan.tokens), i + 3)))]
    for n in range(len(words), 0, -1):
        rules = scan.lex.heads.get(" ".join(words[:n]))
        if rules and _apply(scan, i, start, n, rules):
            return True
    return False


def _apply(scan: Scan, i: int, start: int, n: int, rules: list[tuple[str, str]]) -> bool:
    """Try the rules of one head; the first that reads a name adds it."""
    j = i + n
    for entity_type, rule in rules:
        end = RULES[rule](scan, i, j, n)
        if end is None or end < j or end == j and not (rule == "definite" and n > 1):
            continue
        if rule in ("place", "equipment", "equipment_class"):  # the name alone: كيدال for مدينة كيدال
            first, last = j, end
            if scan.tokens[j].text in QUOTES and end - j > 2:
                first, last = j + 1, end - 1
            cand = Candidate(scan.tokens[first].start, scan.tokens[last - 1].end, entity_type, "pattern",
                             j, end)
        else:
            cand = Candidate(start, scan.tokens[end - 1].end, entity_type, "pattern", i, end)
            if rule == "force":
                cand.key = _army_key(scan, i, n, end - 1)
        if scan.add(cand, absorb=True):
            return True
    return False


def _letter_before(scan: Scan, i: int) -> int | None:
    """Start of a Latin letter spelt in Arabic just before token i (`إف` of `إف سي-31`), also at the end
    of a token after a slash (`جيه-35/إف سي-31`); None when there is none."""
    k = i - 1
    if not scan.is_word(k) or scan.owned(k) is not None:
        return None
    if "\n" in scan.body[scan.tokens[k].end:scan.tokens[i].start]:
        return None
    text = scan.tokens[k].text
    last = text.rsplit("/", 1)[-1]
    if not last or normalize(last) not in scan.lex.group("letter_name"):
        return None
    return scan.tokens[k].end - len(last)


def match_designations(scan: Scan) -> None:
    """Equipment designations written as one token (T-72B3, Mi-35B, BTR-80/82A, إس-60) or as an Arabic
    letter name and one token (`إف سي-31`)."""
    lex = scan.lex
    shaped = tokens_where(scan, "designations", lex, lambda token, _: any(
        ch.isdigit() for ch in token.text) and token.is_word and lex.is_designation(token.text))
    for i in shaped:
        token = scan.tokens[i]
        if scan.owned(i) is None:
            start = _letter_before(scan, i) if ARABIC_WORD.match(token.text) else None
            if start is not None:
                scan.add(Candidate(start, token.end, "EQUIPMENT", "pattern", i - 1, i + 1))
            else:
                start = token.start + _designation_clitic(token.text, scan)
                scan.add(Candidate(start, token.end, "EQUIPMENT", "pattern", i, i + 1))


DESIGNATION_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def _designation_clitic(text: str, scan: Scan) -> int:
    """Length of a conjunction or preposition glued to an Arabic designation (`وإس-400`): the letter
    name after it opens with an alef, which no Arabic word takes after those letters."""
    for clitic in DESIGNATION_CLITICS:
        rest = text[len(clitic):]
        if text.startswith(clitic) and rest[:1] in "أإا" and scan.lex.is_designation(rest):
            return len(clitic)
    return 0


def match_coordinated_equipment(scan: Scan) -> None:
    """`تيغر ولينزا`, `رافال وميراج`: a name joined by و to equipment, ending at a boundary, is equipment."""
    for cand in scan.candidates():
        k = cand.last
        while k < cand.last + 2 and _definite_word(scan, k) and scan.owned(k) is None:
            k += 1  # the agreeing adjective: مركبات سبارتاك المدرعة وكاماز
        if cand.type != "EQUIPMENT" or not scan.is_word(k) or scan.owned(k) is not None:
            continue
        stems = [(start, stem) for start, stem, clitic in scan.stems(k) if clitic == "و"]
        if not stems:
            continue
        start, stem = stems[0]
        after = k + 1
        boundary = not scan.is_word(after) or scan.norm(after) in scan.lex.stop
        shaped = (len(stem) >= 3 and not stem.startswith("ال") and stem not in scan.lex.stop
                  and not stem.endswith(ADJECTIVE_ENDINGS + ("ها", "هم", "ه")))
        if boundary and shaped:
            scan.add(Candidate(start, scan.tokens[k].end, "EQUIPMENT", "pattern", k, k + 1))
