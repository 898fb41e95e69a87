"""Participants of a trigger from the entity mentions around it.

Each mention of a sentence gets a position (`Slot`): the preposition written
before it (attached `لمالي`, separate `إلى مدينة كيدال`, or a phrase such as
`بمساعدة`), or none. roles.tsv then maps, per frame, a preposition or a
position (SUBJ, OBJ, GEN, PRE, HELPER) to a role. A name joined by و to the
name before it (`بين باماكو وموسكو`) shares that name's position and role.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.events.lexicon import CUES, HELPER_WORD, PREPOSITIONS, ROLES, has_stem, splits
from rasd.events.triggers import Trigger
from rasd.model import Mention
from rasd.text.normalize import normalize
from rasd.text.tokens import Token

DESCRIPTORS = CUES.get("descriptor", frozenset())
HELPERS = CUES.get("helper", frozenset())
FORCE_WORDS = CUES.get("force", frozenset())
QUOTE_MARKS = frozenset('"“”«»„\'')
ATTACHED = {"ب": "ب", "ل": "ل", "لل": "ل"}
INCLUDING = CUES.get("including", frozenset())
TIME_PREPOSITIONS = frozenset({"بعد", "قبل", "عقب", "اثر", "خلال", "منذ", "اثناء", "لدي"})
ADVERB_PREPOSITIONS = TIME_PREPOSITIONS | {"في", "علي", "مع", "داخل"}
ADVERB_WORDS = frozenset({"حاليا", "امس", "اليوم", "الليله", "صباح", "مساء", "ظهر"})
PRONOUNS = ("ه", "ها", "هم", "هما")
MORE_PARTNERS = 3  # object names a meeting verb may take after its first
MEETING_FRAMES = frozenset({"meet", "host"})
# a preposition with a pronoun after a relative clause's verb: the noun before الذي/التي is its object
RESUMPTIVES = {f"{prep}{pronoun}": prep for prep in ("علي", "من", "الي", "في", "ب", "ل")
               for pronoun in ("ه", "ها", "هم")}
BEFORE_CUES = frozenset({"في", "ب", "لدي"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
SUBJECT_WINDOW = 8  # tokens between a verb and its subject (titles: أبرمه وزير الداخلية الغاني اللواء ...)
GEN_WINDOW = 3  # tokens between a noun trigger and its genitive (حفل أقامته سفارة البرازيل)

# which entity types can fill a role (generic items are handled in items.py)
ROLE_TYPES = {
    "supplier": {"GPE", "ORG", "FORCE"}, "recipient": {"GPE", "ORG", "FORCE"},
    "donor": {"GPE", "ORG"}, "party": {"GPE", "ORG", "PERSON", "FORCE"},
    "force": {"FORCE", "GPE", "ORG"}, "host": {"GPE", "LOC", "FAC"},
    "trainer": {"FORCE", "GPE", "ORG"}, "trainee": {"FORCE", "GPE", "ORG"},
    "participant": {"PERSON", "ORG", "GPE"}, "agent": {"FORCE", "GPE", "ORG"},
    "target": {"FORCE", "GPE", "LOC", "FAC", "ORG", "EQUIPMENT"}, "ally": {"FORCE", "GPE", "ORG"},
    "producer": {"GPE", "ORG", "FORCE"}, "partner": {"GPE", "ORG"},
    "recruiter": {"GPE", "ORG", "FORCE"}, "origin": {"GPE", "LOC"}, "topic": set(),
}


@dataclass
class Slot:
    """A mention in a sentence with the tokens it covers and the preposition before it."""

    index: int  # into doc.mentions
    mention: Mention
    first: int
    last: int
    cue: str = ""
    conj: bool = False
    head: int | None = None  # slot position of the name this one is coordinated with


def _token_at(tokens: list[Token], offset: int, starts: list[int] | None = None) -> int | None:
    """The token covering a character offset; `starts` (the tokens' starts) makes it a bisection."""
    if starts is None:
        starts = [t.start for t in tokens]
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < tokens[i].end else None


def _cue_before(body: str, tokens: list[Token], slot: Slot) -> tuple[str, bool]:
    """(preposition, joined by و) for a mention, looking at attached clitics then earlier words."""
    token = tokens[slot.first]
    attached = normalize(body[token.start:slot.mention.start])
    own = "" if attached else normalize(slot.mention.text)
    for clitic in ("ولل", "وبال", "لل", "بال", "وال"):  # a mention that kept its clitic (للجيش الروسي)
        if not attached and own.startswith(clitic):
            attached = clitic[:-1] if clitic.endswith("لل") else clitic[:-2]
            break
    conj = attached[:1] in ("و", "ف")
    if conj:
        attached = attached[1:]
    if attached in ATTACHED:
        return ATTACHED[attached], conj
    for j in range(slot.first - 1, max(slot.first - 5, -1), -1):
        word = tokens[j]
        if word.text in QUOTE_MARKS:
            continue
        if not word.is_word:
            break
        norm = word.norm
        if norm in INCLUDING:  # إلى ست دول من بينها مالي: the list's preposition governs the name
            return _governing(tokens, j), conj
        if j > 0 and f"{tokens[j - 1].norm} {norm}" in PREPOSITIONS:
            return f"{tokens[j - 1].norm} {norm}", conj
        if norm in PREPOSITIONS:
            return norm, conj
        if norm[:1] in ("و", "ف") and norm[1:] in PREPOSITIONS:
            return norm[1:], True
        descriptor = _descriptor(norm)
        if descriptor is None:
            break
        clitic = norm[:descriptor[0]]
        if clitic.endswith("ال"):  # the article, not a preposition: والرئيس
            clitic = clitic[:-2]
        if clitic[-1:] in ("ب", "ل"):
            return ATTACHED.get(clitic[-1:], ""), conj
        conj = conj or clitic[:1] in ("و", "ف")
    return "", conj


@lru_cache(maxsize=65536)
def _descriptor(norm: str) -> tuple[int, str] | None:
    """(clitic length, stem) of a title or nisba standing between a preposition and a name
    (وزير، الروسي), cached per word."""
    return next(((n, stem) for n, stem in splits(norm) if stem in DESCRIPTORS
                 or stem.startswith("ال") and stem.endswith("ي") and n <= 1), None)


def _governing(tokens: list[Token], j: int) -> str:
    """The preposition that opens the list a `من بينها` continues (a few words back)."""
    for k in range(j - 2, max(j - 8, -1), -1):
        norm = tokens[k].norm
        if norm in PREPOSITIONS and norm != "من":
            return norm
        if norm[:1] in ("ل",) and len(norm) > 3 and not norm.startswith("ال"):
            return "ل"
    return ""


def _nested(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether another span holds [start, end)."""
    for s, e in spans:
        if s <= start and end <= e and (s != start or e != end):
            return True
    return False


def sentence_slots(body: str, tokens: list[Token], mentions: list[tuple[int, Mention]]) -> list[Slot]:
    """Slots of the mentions inside a sentence, nested mentions dropped, coordination linked."""
    slots: list[Slot] = []
    starts = [t.start for t in tokens]
    spans = [(o.start, o.end) for _, o in mentions]
    for index, mention in mentions:
        if _nested(mention.start, mention.end, spans):
            continue
        first = _token_at(tokens, mention.start, starts)
        last = _token_at(tokens, mention.end - 1, starts)
        if first is None or last is None:
            continue
        slot = Slot(index, mention, first, last)
        slot.cue, slot.conj = _cue_before(body, tokens, slot)
        slots.append(slot)
    for k, slot in enumerate(slots):
        if slot.conj and not slot.cue and k > 0 and slot.first - slots[k - 1].last <= 3:
            head = slots[k - 1]
            slot.cue, slot.head = head.cue, k - 1 if head.head is None else head.head
    return slots


@lru_cache(maxsize=65536)
def is_helper_verb(norm: str) -> bool:
    """Whether a word is a helping verb (ساعد، مكن...) after its clitics."""
    return has_stem(norm, HELPERS)


def _helper_slot(tokens: list[Token], slots: list[Slot], trigger: Trigger,
                 flags: list[int] | None = None) -> int | None:
    """The slot after a helping verb before the trigger (ساعدت فاغنر باماكو على طرد ...)."""
    for j in range(trigger.first - 1, -1, -1):
        if flags[j] & HELPER_WORD if flags is not None else is_helper_verb(tokens[j].norm):
            for k, slot in enumerate(slots):
                if j < slot.first < trigger.first and not slot.cue:
                    return k
            return None
    return None


def positions(tokens: list[Token], slots: list[Slot], trigger: Trigger,
              lo: int, hi: int, quotes: list[tuple[int, int]] | None = None,
              flags: list[int] | None = None) -> dict[int, str]:
    """slot position -> cue (a preposition or SUBJ/OBJ/GEN/PRE/HELPER) for one trigger's window
    tokens[lo:hi] (its clause, cut at the neighbouring triggers); `flags` are the tokens'
    `word_flags` when the caller has them."""
    found: dict[int, str] = {}
    helper = _helper_slot(tokens, slots, trigger, flags)
    if helper is not None:
        found[helper] = "HELPER"
    # a named weapon is an item, not an actor (شراء رافال), except as the target of an attack
    actors = [s.mention.type != "EQUIPMENT" or trigger.entry.frame == "attack" for s in slots]
    bare_after = [k for k, s in enumerate(slots)
                  if trigger.last < s.first < hi and not s.cue and s.head is None and actors[k]]
    bare_before = [k for k, s in enumerate(slots) if s.last < trigger.first and not s.cue and s.head is None
                   and k not in found and actors[k]]
    quotes = quotes or []
    bare_after = [k for k in bare_after if _same_side(slots[k], trigger, quotes)]
    for k, slot in enumerate(slots):
        # a preposition before the trigger rarely introduces its participant (except a place: في باماكو)
        placed = slot.first > trigger.last or (slot.last < trigger.first and slot.cue in BEFORE_CUES)
        if lo <= slot.first < hi and slot.cue and placed and _same_side(slot, trigger, quotes):
            found[k] = slot.cue
    if trigger.is_verb:
        subject_first = bare_before and slots[bare_before[-1]].last >= trigger.first - 2
        if subject_first:
            found[bare_before.pop()] = "SUBJ"
            names = ["OBJ"]
        elif bare_after and (_unnamed_subject(tokens, trigger.last + 1, slots[bare_after[0]].first)
                             or _unnamed_subject(tokens, max(0, trigger.first - 4), trigger.first)):
            names = ["OBJ"]  # غادر آخر جندي فرنسي النيجر: the subject is a force with no name
        elif _relative_subject(tokens, trigger):
            names = ["OBJ"]  # الغارات التي طالت المعسكر ...: the relative's noun is the subject
        else:
            names = ["SUBJ", "OBJ"]
        meet = trigger.entry.frame in MEETING_FRAMES
        if meet:  # a meeting may have several partners (استقبل X ... سفير دولة Y ... Z)
            names = names + ["OBJ"] * MORE_PARTNERS
        previous = trigger.last
        for k, name in zip(bare_after, names, strict=False):
            gap = _gap(tokens, slots, previous + 1, slots[k].first) if meet else slots[k].first - previous
            if gap > SUBJECT_WINDOW:
                break
            found[k] = name
            previous = slots[k].last
    elif bare_after and slots[bare_after[0]].first - trigger.last <= GEN_WINDOW:
        found[bare_after[0]] = "GEN"
    bare_before = [k for k in bare_before if _same_side(slots[k], trigger, quotes)]
    relative = next((j for j in range(trigger.first - 1, max(trigger.first - 3, -1), -1)
                     if tokens[j].norm in RELATIVES), None)
    if relative is not None and not any(relative < s.first < trigger.first for s in slots):
        # الطائرة التي نقلت ...: the subject is the noun right before the relative pronoun, whatever
        # preposition it has (مخصصة للفوج الثالث الذي وصل)
        before_relative = relative - 1
        if before_relative > 0 and not tokens[before_relative].is_word:  # سد الوادي، الذي
            before_relative -= 1
        antecedent = next((k for k, s in enumerate(slots) if s.last == before_relative), None)
        bare_before = []
        resumptive = _resumptive(tokens, trigger)
        if antecedent is not None and resumptive:  # سد الوادي، الذي استولت عليه الميليشيا
            found[antecedent] = resumptive
        elif antecedent is not None and "SUBJ" not in found.values():
            found[antecedent] = "SUBJ"
    # meetings have many participants; in تزويد أوكرانيا the genitive is the receiver, so the
    # governing subject may still be the supplier
    multi = trigger.entry.frame == "meet" or _gen_differs(trigger.entry.frame)
    if not trigger.is_verb and not multi and _adverbial(tokens, trigger):
        bare_before = []  # بعد هجوم ...: the sentence's subject is not the attacker
    if bare_before and (multi or not {"SUBJ", "GEN"} & set(found.values())):
        found.setdefault(bare_before[-1], "PRE" if trigger.is_verb else "NPRE")
    for k, slot in enumerate(slots):  # coordinated names share their head's position
        if slot.head is not None and slot.head in found and lo <= slot.first < hi:
            found.setdefault(k, found[slot.head])
    return found


def _relative_subject(tokens: list[Token], trigger: Trigger) -> bool:
    """A verb right after الذي/التي with no pronoun pointing back (استهدفت, not أرسلتها or سيطرت عليه):
    the noun before the relative pronoun is its subject, so the name after it is its object."""
    if trigger.first == 0 or tokens[trigger.first - 1].norm not in RELATIVES:
        return False
    return not tokens[trigger.last].norm.endswith(PRONOUNS) and not _resumptive(tokens, trigger)


def _gap(tokens: list[Token], slots: list[Slot], start: int, end: int) -> int:
    """Words between two names, not counting adverbials a verb and its object may enclose: commas,
    place phrases (`في مكتبه في الزرقاء`، `بعمان`), time words (`اليوم الثلاثاء`) and prepositions."""
    placed = {j for s in slots if s.cue for j in range(s.first, s.last + 1)}
    count = 0
    for j in range(start, end):
        token = tokens[j]
        if not token.is_word or j in placed or _adverb_word(token.norm):
            continue
        if j > start and tokens[j - 1].norm in ADVERB_PREPOSITIONS and token.norm.endswith(PRONOUNS):
            continue  # في مكتبه، خلال لقائه
        count += 1
    return count


def _adverb_word(norm: str) -> bool:
    from rasd.events.when import date_words

    return norm in ADVERB_PREPOSITIONS or norm in ADVERB_WORDS \
        or has_stem(norm, date_words())


@cache
def _gen_differs(frame: str) -> bool:
    """Whether a frame's genitive and governing subject (NPRE) play different roles."""
    roles = {cue: role for cue, role, _ in reversed(ROLES.get(frame, ()))}
    return "GEN" in roles and "NPRE" in roles and roles["GEN"] != roles["NPRE"]


def _resumptive(tokens: list[Token], trigger: Trigger) -> str:
    """The preposition of a pronoun pointing back to the relative's noun right after the verb
    (سيطرت عليه -> على), or ''."""
    if trigger.last + 1 >= len(tokens):
        return ""
    return RESUMPTIVES.get(tokens[trigger.last + 1].norm, "")


def _unnamed_subject(tokens: list[Token], start: int, end: int) -> bool:
    """Whether a force noun stands between a verb and the first name after it."""
    return any(has_stem(t.norm, FORCE_WORDS) for t in tokens[start:end])


def _adverbial(tokens: list[Token], trigger: Trigger) -> bool:
    """A noun trigger inside a time adverbial (بعد هجوم، خلال زيارة) without a pronoun pointing back
    (عقب لقائه) belongs to no subject of the sentence."""
    if trigger.first == 0:
        return False
    before = tokens[trigger.first - 1].norm
    word = tokens[trigger.first].norm
    return before.lstrip("وف") in TIME_PREPOSITIONS and not word.endswith(("ه", "ها", "هم", "هما"))


def _same_side(slot: Slot, trigger: Trigger, quotes: list[tuple[int, int]]) -> bool:
    """Whether a name and a trigger are both inside, or both outside, the same quotation."""
    for start, end in quotes:
        if (start <= slot.mention.start < end) != (start <= trigger.start < end):
            return False
    return True


def role_for(frame: str, cue: str, entity_type: str) -> str | None:
    """The first role roles.tsv gives a cue in a frame that the entity type can fill."""
    for row_cue, role, types in ROLES.get(frame, ()):
        if row_cue == cue and entity_type in (types if types is not None else ROLE_TYPES.get(role, ())):
            return role
    return None
