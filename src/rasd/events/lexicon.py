"""The event lexicons of `rasd/data/events/`, loaded and expanded into inflected forms once at import.

Arabic verbs and nouns appear conjugated, with pronoun suffixes and with
clitics (`وسلمتها`, `بتسليم`, `ستقدم`). Rather than analysing every token at
run time, each lexicon entry is expanded here into its regular inflected
forms, so a token costs a few dictionary look-ups (one per clitic split).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.text.normalize import normalize
from rasd.text.tokens import clitic_splits
from rasd.text.tokens import tokenize as tokenize  # the stage tokenises with the text layer

DATA = Path(__file__).resolve().parent.parent / "data" / "events"

# what the sentence-level rules ask about each word, as bits of one cached int per word
# (`rasd.events.view.word_flags`): a possible trigger, a clause opener, a calendar word, an
# item noun, a helping verb, and from STATUS_SHIFT up the status word lists it belongs to
TRIGGER_WORD, CLAUSE_WORD, DATE_WORD, ITEM_WORD, HELPER_WORD = 1, 2, 4, 8, 16
STATUS_SHIFT = 5  # five status lists, then the closed word lists of `rasd.events.view.FLAGGED`

PAST_SUFFIXES = ("", "ت", "تا", "ا", "وا", "ن", "نا", "تم")
IMPERFECT_PREFIXES = ("ي", "ت", "ن")
IMPERFECT_SUFFIXES = ("", "ون", "ان", "ن", "وا", "ا", "ين")
OBJECT_SUFFIXES = ("", "ه", "ها", "هم", "هما")
NOUN_PRONOUNS = ("ه", "ها", "هم", "هما")


@dataclass(frozen=True)
class TriggerEntry:
    """One line of triggers.tsv: `words` are normalised; the first is inflected by `pos`."""

    words: tuple[str, ...]
    pos: str  # V | I | N | W
    type: str
    frame: str
    order: int  # line order, to break ties


@dataclass(frozen=True)
class FormHit:
    """An inflected form of an entry: how many letters the inflection added and whether it is future."""

    entry: TriggerEntry
    added: int
    future: bool


@lru_cache(maxsize=65536)
def splits(norm: str) -> tuple[tuple[int, str], ...]:
    """`clitic_splits` of a normalised word, cached: news vocabulary repeats a lot."""
    return tuple(clitic_splits(norm))


@lru_cache(maxsize=65536)
def stems_of(norm: str) -> frozenset[str]:
    """The word and its forms without each possible clitic, cached."""
    return frozenset(stem for _, stem in splits(norm))


def has_stem(norm: str, words: frozenset[str]) -> bool:
    """Whether the word, or the word without one of its clitics, is one of `words`."""
    return not stems_of(norm).isdisjoint(words)


def _rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, without comments and blank lines."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def past_forms(stem: str) -> dict[str, bool]:
    """Past-tense conjugations with object pronouns (`وقع` -> وقعت، وقعوا، وقعه...)."""
    forms = {}
    for subj in PAST_SUFFIXES:
        for obj in OBJECT_SUFFIXES:
            if subj == "وا" and obj:
                forms[stem + "و" + obj] = False
            else:
                forms[stem + subj + obj] = False
    return forms


def imperfect_forms(stem: str) -> dict[str, bool]:
    """Imperfect conjugations, with the future prefix سـ marked (`قدم` -> يقدم، ستقدم، يقدمون...)."""
    forms: dict[str, bool] = {}
    for prefix in IMPERFECT_PREFIXES:
        for future in ("", "س"):
            for subj in IMPERFECT_SUFFIXES:
                for obj in OBJECT_SUFFIXES:
                    forms.setdefault(future + prefix + stem + subj + obj, bool(future))
    return forms


def noun_forms(stem: str) -> dict[str, bool]:
    """A noun with sound plural, dual, pronoun suffixes and accusative alef (`زياره` -> زيارته...)."""
    forms = {stem: False}
    if stem.endswith("ه"):  # ta marbuta, normalised
        base = stem[:-1]
        for suffix in ("ات", "تان", "تين", "تي", "تا", "اتها", "اتهم"):
            forms[base + suffix] = False
        for pronoun in NOUN_PRONOUNS:
            forms[base + "ت" + pronoun] = False
    else:
        for suffix in ("ات", "ان", "ين", "ا", *NOUN_PRONOUNS):
            forms[stem + suffix] = False
        if stem.endswith("اء"):  # لقاء -> لقائه، لقاؤه
            for seat in ("ئ", "ؤ"):
                for pronoun in NOUN_PRONOUNS:
                    forms[stem[:-1] + seat + pronoun] = False
    return forms


def expand(word: str, pos: str) -> dict[str, bool]:
    """Every form of a word for its part of speech, mapped to whether it marks the future."""
    if pos == "V":
        return past_forms(word)
    if pos == "I":
        return imperfect_forms(word)
    if pos == "N":
        return noun_forms(word)
    return {word: False}


def load_triggers() -> dict[str, list[FormHit]]:
    """Normalised inflected form -> the entries it can realise, fewest added letters first."""
    table: dict[str, list[FormHit]] = defaultdict(list)
    for order, row in enumerate(_rows("triggers.tsv")):
        form, pos, type_, frame = row[:4]
        words = tuple(normalize(w) for w in form.split())
        entry = TriggerEntry(words, pos, type_, frame, order)
        for inflected, future in expand(words[0], pos).items():
            table[inflected].append(FormHit(entry, len(inflected) - len(words[0]), future))
    for hits in table.values():
        hits.sort(key=lambda h: (-len(h.entry.words), h.added, h.entry.order))
    return dict(table)


def load_roles() -> dict[str, list[tuple[str, str, frozenset[str] | None]]]:
    """frame -> [(cue, role, entity types or None)] in file order; prepositional cues are normalised."""
    roles: dict[str, list[tuple[str, str, frozenset[str] | None]]] = defaultdict(list)
    for row in _rows("roles.tsv"):
        frame, cue, role = row[:3]
        types = frozenset(row[3].split(",")) if len(row) > 3 and row[3] else None
        roles[frame].append((cue if cue.isupper() else normalize(cue), role, types))
    return dict(roles)


def load_items() -> dict[str, tuple[str, str]]:
    """Normalised item form (with plurals, duals, pronouns) -> (lemma as listed, category)."""
    items: dict[str, tuple[str, str]] = {}
    for form, category in (row[:2] for row in _rows("items.tsv")):
        for inflected in noun_forms(normalize(form)):
            items.setdefault(inflected, (form, category))
    return items


def load_cues() -> dict[str, frozenset[str]]:
    """kind -> normalised words (see cues.tsv)."""
    cues: dict[str, set[str]] = defaultdict(set)
    for form, kind in (row[:2] for row in _rows("cues.tsv")):
        cues[kind].add(normalize(form))
    return {kind: frozenset(words) for kind, words in cues.items()}


TRIGGERS = load_triggers()
ROLES = load_roles()
ITEMS = load_items()
CUES = load_cues()
PREPOSITIONS = frozenset(cue for rows in ROLES.values() for cue, _, _ in rows if not cue.isupper())
