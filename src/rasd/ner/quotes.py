"""Direct quotations and their speakers.

Quotations are found by pairing quotation marks inside one paragraph (every
style: `"…"`, `“…”`, reversed `”…“`, `«…»`, `„…“`); a mark with a space after
it never opens a quotation, so a stray mark after a closed quote cannot
swallow the rest of the paragraph. The speaker is the subject of the nearest
attribution cue (data/quotes/cues.tsv) before the quote, or of a cue right
after it; chains (`وأضاف:`), participles (`مشيرا إلى أن`) and pronoun-only
verbs inherit the speaker of the sentence or of the previous quote. When no
rule is sure, the speaker stays None (precision first).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasd.model import Document, Mention, Quote, Span
from rasd.text.normalize import normalize
from rasd.text.tokens import Token, tokenize

# opening mark -> the marks that may close it
CLOSERS = {
    '"': '"”“″', "«": "»", "»": "«", "„": "“”", "“": "”“″", "”": "“”″", "＂": "＂",
}
QUOTE_MARKS = set("\"«»„“”＂″")
OPENS_BEFORE = "([«'"  # besides a letter or digit, what may follow an opening mark
DIRECTIONAL = set("«„")  # marks whose direction is unambiguous: spaces inside them are allowed
CONJUNCTIONS = ("و", "ف")


@dataclass(frozen=True)
class Cue:
    """An attribution cue found in the body."""

    kind: str  # verb | chain | participle | nominal | document
    start: int
    end: int
    form: str


@lru_cache(maxsize=1)
def load_cues() -> dict[str, str]:
    """Normalised cue form -> kind, from data/quotes/cues.tsv."""
    cues: dict[str, str] = {}
    text = resources.files("rasd.data").joinpath("quotes/cues.tsv").read_text(encoding="utf-8")
    for row in csv.reader(text.splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#") or len(row) < 2:
            continue
        cues[normalize(row[0].strip())] = row[1].strip()
    return cues


@lru_cache(maxsize=1)
def load_settings() -> dict:
    """The length and distance rules, from data/quotes/settings.json."""
    text = resources.files("rasd.data").joinpath("quotes/settings.json").read_text(encoding="utf-8")
    settings = json.loads(text)
    settings["cue_tight_before"] = {normalize(w) for w in settings["cue_tight_before"]}
    settings["subject_stops"] = {normalize(w) for w in settings["subject_stops"]}
    settings["name_heads"] = {normalize(w) for w in settings["name_heads"]}
    settings["not_subjects"] = {normalize(w) for w in settings["not_subjects"]}
    settings["object_verbs"] = {normalize(w) for w in settings["object_verbs"]}
    return settings


def find_quoted_spans(body: str) -> list[tuple[int, int]]:
    """(open mark, close mark) offsets of every quotation, pairing marks within one paragraph."""
    pairs: list[tuple[int, int]] = []
    i, n = 0, len(body)
    while i < n:
        ch = body[i]
        if ch not in CLOSERS or i + 1 >= n or not _may_open(ch, body[i + 1]):
            i += 1
            continue
        close = _find_closer(body, i)
        if close is None:
            i += 1
            continue
        pairs.append((i, close))
        i = close + 1
    return pairs


def _may_open(mark: str, nxt: str) -> bool:
    """A mark opens a quotation only when glued to a word (spaces allowed inside « » and „ “)."""
    if nxt.isspace():
        return mark in DIRECTIONAL
    return nxt.isalnum() or nxt in OPENS_BEFORE


def _find_closer(body: str, open_at: int) -> int | None:
    """The mark that closes the quotation opened at `open_at`, in the same paragraph."""
    closers = CLOSERS[body[open_at]]
    j = open_at + 1
    while j < len(body) and body[j] != "\n":
        ch = body[j]
        glued = not body[j - 1].isspace() or body[open_at] in DIRECTIONAL
        if ch in closers and glued and j > open_at + 1:
            after = body[j + 1] if j + 1 < len(body) else " "
            if not after.isalnum():  # a mark glued to the next word opens, it does not close
                return j
        j += 1
    return None


def _bounds(doc: Document, pos: int) -> Span:
    """The sentence holding `pos`, clipped to its paragraph (the paragraph when not split)."""
    line_start = doc.body.rfind("\n", 0, pos) + 1
    line_end = doc.body.find("\n", pos)
    line_end = len(doc.body) if line_end < 0 else line_end
    if not doc.sentences:
        return Span(line_start, line_end)
    sent = doc.sentence_at(pos)
    return Span(max(sent.start, line_start), min(sent.end, line_end))


def _cue_kind(token: Token) -> str | None:
    """The cue kind of a token, trying it without a leading و/ف."""
    cues = load_cues()
    norm = token.norm.replace("ـ", "")
    if norm in cues:
        return cues[norm]
    if norm[:1] in CONJUNCTIONS and norm[1:] in cues:
        return cues[norm[1:]]
    return None


def _cues(doc: Document, start: int, end: int) -> list[Cue]:
    """Every attribution cue in body[start:end], in order."""
    found = []
    for tok in tokenize(doc.body[start:end], start):
        kind = _cue_kind(tok)
        if kind:
            found.append(Cue(kind, tok.start, tok.end, tok.norm))
    return found


def _mentions_in(doc: Document, start: int, end: int) -> list[int]:
    """Indices of mentions inside [start, end), by position."""
    inside = [i for i, m in enumerate(doc.mentions) if m.start >= start and m.end <= end]
    return sorted(inside, key=lambda i: doc.mentions[i].start)


def _subject_after(doc: Document, cue_end: int, limit: int, persons_only: bool = False) -> int | None:
    """The named subject of a cue: the first PERSON (or an ORG/FORCE right after it) before any `أن`.

    An organisation further away is the `of` of a title (`وقال X، رئيس تحالف Y`), not the speaker;
    after a verb that takes an object (`وصف`، `انتقد`) an organisation is its object.
    """
    settings = load_settings()
    types = set(settings["speaker_types"])
    org: int | None = None
    for i in _mentions_in(doc, cue_end, limit):
        m = doc.mentions[i]
        words = [t for t in tokenize(doc.body[cue_end:m.start]) if t.is_word]
        if any(t.norm in settings["subject_stops"] for t in words):
            break
        if len(words) > settings["max_subject_distance"]:
            break
        if m.type == "PERSON":
            return i
        if m.type in types and org is None and not persons_only \
                and len(words) <= settings["near_org_distance"]:
            org = i
    return org


def _strip_article(word: str) -> str:
    """A word without its article, for comparing titles (`الوزير` = `وزير`)."""
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def _person_cluster(doc: Document, index: int) -> str:
    """A within-document person identity: the last word of the name (`كامارا` = `ساديو كامارا`)."""
    words = doc.mentions[index].key.split()
    return words[-1] if words else ""


def _of_forms(doc: Document, role_of: int | None, of_gaz: str | None) -> set[str]:
    """Normalised words that name a role's country/organisation (names and adjectives)."""
    forms: set[str] = set()
    if role_of is not None and 0 <= role_of < len(doc.mentions):
        forms.add(doc.mentions[role_of].key)
    gaz_id = of_gaz or (doc.mentions[role_of].gaz_id if role_of is not None and
                        0 <= role_of < len(doc.mentions) else None)
    entry = _gazetteer_entry(gaz_id)
    if entry is not None:
        for name in [entry.name, *entry.aliases, *entry.adjectives]:
            forms.add(_strip_article(normalize(name)))
            forms.add(normalize(name))
    return {f for f in forms if f}


def _role_country(doc: Document, role_of: int | None, of_gaz: str | None) -> str | None:
    """The gazetteer id of a role's country or organisation, when known."""
    if of_gaz:
        return of_gaz
    if role_of is not None and 0 <= role_of < len(doc.mentions):
        return doc.mentions[role_of].gaz_id
    return None


def _countries_named(doc: Document, words: list[Token], start: int, limit: int) -> set[str]:
    """Gazetteer ids of the countries a title phrase names, by mention or adjective (`الوزير الروسي`)."""
    named = {m.gaz_id for m in doc.mentions if m.gaz_id and m.type == "GPE"
             and start <= m.start and m.end <= min(limit, words[-1].end if words else start)}
    gaz = _gazetteer()
    if gaz is not None:
        for tok in words:
            named |= {e.id for e in gaz.adjective(tok.norm) if e.type == "GPE"}
    return named


def _gazetteer():  # noqa: ANN202 - rasd.ner.gazetteer.Gazetteer
    """The gazetteer, or None when it is not available (back-references then use names only)."""
    try:
        from rasd.ner.gazetteer import load_gazetteer
        return load_gazetteer()
    except Exception:  # the gazetteer is optional here: a missing one only weakens back-references
        return None


def _gazetteer_entry(gaz_id: str | None):  # noqa: ANN202 - the gazetteer's Entry type
    """The gazetteer entry of an id, or None when the gazetteer is not available."""
    gaz = _gazetteer() if gaz_id else None
    return gaz.get(gaz_id) if gaz is not None else None


def _title_referent(doc: Document, start: int, limit: int) -> int | None:
    """A title after a cue that refers back to a person of the document (`وأكد الوزير المالي`)."""
    words = [t for t in tokenize(doc.body[start:limit], start) if t.is_word][:6]
    if not words:
        return None
    head = _strip_article(words[0].norm)
    window = {t.norm for t in words} | {_strip_article(t.norm) for t in words}
    named = _countries_named(doc, words[1:4], start, limit)
    candidates = []
    for role in doc.roles:
        if not role.title or not (0 <= role.person < len(doc.mentions)):
            continue
        if doc.mentions[role.person].start >= start:
            continue
        title = [_strip_article(w) for w in normalize(role.title).split()]
        if not title or title[0] != head:
            continue
        country = _role_country(doc, role.of, role.of_gaz)
        if named and country and country not in named:
            continue  # `الوزير الروسي` is not the Chadian minister
        score = 1 + (len(title) > 1 and len(words) > 1 and _strip_article(words[1].norm) == title[1])
        of_forms = _of_forms(doc, role.of, role.of_gaz)
        if of_forms & window:
            score += 2
        candidates.append((score, role.person))
    if not candidates:
        return None
    best = max(score for score, _ in candidates)
    people = [p for score, p in candidates if score == best]
    if len({_person_cluster(doc, p) for p in people}) != 1:
        return None
    return max(people, key=lambda p: doc.mentions[p].start)


def _explicit_subject(doc: Document, cue_end: int, limit: int) -> bool:
    """True when the verb has a subject of its own that is not a named mention (`وقال المصدر`,
    `وأفادت وسائل الإعلام`), as opposed to a pronoun (`وأضاف:`، `وأضاف أن`، `وقال في بيان`)."""
    tokens = tokenize(doc.body[cue_end:limit])
    if not tokens or not tokens[0].is_word:
        return False
    settings = load_settings()
    norm = tokens[0].norm.replace("ـ", "")
    if norm in settings["not_subjects"] or norm in settings["subject_stops"] or _cue_kind(tokens[0]):
        return False
    return len(norm) >= 3 or norm.isdigit()


def _base_form(cue: Cue) -> str:
    """The cue's form without a leading و/ف (`ووصف` -> `وصف`)."""
    return cue.form[1:] if cue.form[:1] in CONJUNCTIONS and cue.form not in load_cues() else cue.form


def _speaker_of_verb(doc: Document, cue: Cue, limit: int) -> int | None:
    """The named subject of a verb cue, or the person its title refers back to."""
    persons_only = _base_form(cue) in load_settings()["object_verbs"]
    subject = _subject_after(doc, cue.end, limit, persons_only=persons_only)
    if subject is None:
        subject = _title_referent(doc, cue.end, limit)
    return subject


def _persons_before(doc: Document, start: int, end: int) -> int | None:
    """The one person named in [start, end), or None when there are none or several."""
    people = [i for i in _mentions_in(doc, start, end) if doc.mentions[i].type == "PERSON"]
    if len({_person_cluster(doc, p) for p in people}) != 1:
        return None
    return people[0]


def _is_tight(doc: Document, open_at: int, left: int) -> bool:
    """True when the word right before the quote ties it to an attribution (`بـ"…"`, `قال: "…"`).

    A cue verb itself is not enough (`ونقلت "سي إن إن"` quotes a name).
    """
    tokens = tokenize(doc.body[left:open_at], left)
    if not tokens:
        return False
    return tokens[-1].norm.replace("ـ", "") in load_settings()["cue_tight_before"]


def _after_name_head(doc: Document, open_at: int, left: int) -> bool:
    """True when the quote directly follows a noun that introduces a name (`شركة "…"`, `عملية "…"`).

    Only the indefinite head counts: `رئيس المجلس "…"` may well be followed by what he said.
    """
    tokens = tokenize(doc.body[left:open_at], left)
    if not tokens or not tokens[-1].is_word or doc.body[tokens[-1].end:open_at].strip():
        return False
    norm = tokens[-1].norm.replace("ـ", "")
    forms = {norm, norm[1:] if norm[:1] in "وبلف" else norm}
    return bool(forms & load_settings()["name_heads"])


@dataclass
class _State:
    """What attribution carries from one quote to the next within a document."""

    last_speaker: int | None = None
    sentence_speaker: tuple[int, int | None] | None = None  # (sentence start, speaker)
    scanned: int = 0  # body offset up to which reported speech has been followed


def _follow_reported_speech(doc: Document, state: _State, until: int) -> None:
    """Move `last_speaker` to whoever spoke last before `until`, quoted or not.

    `وقال X إن الوضع مستقر. وأضاف: "…"` — the chain continues X's indirect speech.
    """
    for sent in _sentences_between(doc, state.scanned, until):
        for cue in reversed(_cues(doc, sent.start, sent.end)):
            if cue.kind not in ("verb", "chain"):
                continue
            speaker = _speaker_of_verb(doc, cue, sent.end)
            if speaker is not None and doc.mentions[speaker].type == "PERSON":
                state.last_speaker = speaker
                break
            if _explicit_subject(doc, cue.end, sent.end):
                state.last_speaker = None  # `وقال المصدر إن…`: someone unnamed spoke last
                break
    state.scanned = max(state.scanned, until)


def _sentences_between(doc: Document, start: int, end: int) -> list[Span]:
    """The sentences (or, unsplit, the paragraphs) lying wholly inside [start, end)."""
    if doc.sentences:
        return [s for s in doc.sentences if start <= s.start and s.end <= end]
    spans, pos = [], start
    for line in doc.body[start:end].split("\n"):
        if line.strip():
            spans.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _attribute(doc: Document, open_at: int, close_at: int, state: _State) -> tuple[int | None, str | None]:
    """(speaker mention index, cue) of the quotation between the marks at open_at and close_at."""
    sent = _bounds(doc, open_at)
    same_sentence = state.sentence_speaker is not None and state.sentence_speaker[0] == sent.start
    prev_in_sentence = state.sentence_speaker[1] if same_sentence and state.sentence_speaker else None
    cues = _cues(doc, sent.start, open_at)
    if not cues and not doc.body[sent.start:open_at].strip():
        colon = _colon_before(doc.body, sent.start)
        if colon is not None:  # `وقال الوزير:` closing the paragraph before the quotation
            sent = _bounds(doc, colon)
            cues = _cues(doc, sent.start, colon)
    if cues:
        return _attribute_to_cue(doc, cues, sent, open_at, state, prev_in_sentence)
    after = _bounds(doc, close_at)
    window = max(after.end, close_at + 1)
    words = [t for t in tokenize(doc.body[close_at + 1:window], close_at + 1) if t.is_word]
    for tok in words[:load_settings()["after_quote_window"]]:
        kind = _cue_kind(tok)
        if kind in ("verb", "chain", "nominal"):
            return _subject_after(doc, tok.end, window), tok.norm
    return None, None


def _colon_before(body: str, pos: int) -> int | None:
    """The offset of a colon ending the text right before `pos` (across a paragraph break), if any."""
    j = pos - 1
    while j >= 0 and body[j].isspace():
        j -= 1
    return j if j >= 0 and body[j] in ":：" else None


def _attribute_to_cue(doc: Document, cues: list[Cue], sent: Span, open_at: int, state: _State,
                      prev_in_sentence: int | None) -> tuple[int | None, str | None]:
    """The speaker given by the last cue before the quotation (see the module docstring)."""
    cue = cues[-1]
    if cue.kind == "document":
        return None, cue.form
    if cue.kind == "nominal":
        return _subject_after(doc, cue.end, open_at), cue.form
    if cue.kind == "participle":
        if prev_in_sentence is not None:
            return prev_in_sentence, cue.form
        verbs = [c for c in cues if c.kind in ("verb", "chain") and c.end <= cue.start]
        for verb in reversed(verbs):
            speaker = _speaker_of_verb(doc, verb, cue.start)
            if speaker is not None or _explicit_subject(doc, verb.end, cue.start):
                return speaker, cue.form
        fallback = _persons_before(doc, sent.start, cue.start)
        return (fallback if fallback is not None else state.last_speaker), cue.form
    speaker = _speaker_of_verb(doc, cue, open_at)
    if speaker is not None:
        return speaker, cue.form
    if _explicit_subject(doc, cue.end, open_at) and _base_form(cue) not in load_settings()["object_verbs"]:
        state.last_speaker = None  # `وأضاف المصدر` names a new, unknown speaker: do not inherit
        return None, cue.form
    if prev_in_sentence is not None:
        return prev_in_sentence, cue.form
    before = _persons_before(doc, sent.start, cue.start)
    if before is None:  # a title as the subject before the verb: `السفيرة التركية أكدت أن "…"`
        before = _title_referent(doc, sent.start, cue.start)
    return (before if before is not None else state.last_speaker), cue.form


def _inner(body: str, open_at: int, close_at: int) -> tuple[int, int]:
    """The quoted words without the marks and surrounding spaces."""
    start, end = open_at + 1, close_at
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _keep(doc: Document, open_at: int, start: int, end: int) -> bool:
    """Quotations, not quoted names: long enough, or short but tied to an attribution cue."""
    settings = load_settings()
    sent = _bounds(doc, open_at)
    if _after_name_head(doc, open_at, sent.start):
        return False
    n_words = sum(1 for t in tokenize(doc.body[start:end]) if t.is_word)
    if n_words >= settings["min_words_without_cue"]:
        return True
    if n_words < settings["min_words_with_cue"]:
        return False
    cues = _cues(doc, sent.start, open_at)
    return bool(cues) and cues[-1].kind != "document" and _is_tight(doc, open_at, sent.start)


def extract_quotes(doc: Document) -> Document:
    """Pipeline component: fill doc.quotes with every quotation and its speaker (or None)."""
    quotes: list[Quote] = []
    state = _State()
    for open_at, close_at in find_quoted_spans(doc.body):
        start, end = _inner(doc.body, open_at, close_at)
        if start >= end or not _keep(doc, open_at, start, end):
            continue
        _follow_reported_speech(doc, state, _bounds(doc, open_at).start)
        speaker, cue = _attribute(doc, open_at, close_at, state)
        if speaker is not None and not _valid_speaker(doc.mentions, speaker):
            speaker = None
        quotes.append(Quote(start, end, doc.body[start:end], speaker, cue))
        if speaker is not None:
            state.last_speaker = speaker
        state.sentence_speaker = (_bounds(doc, open_at).start, speaker)
        state.scanned = max(state.scanned, _bounds(doc, close_at).end)
    doc.quotes = quotes
    return doc


def _valid_speaker(mentions: list[Mention], index: int) -> bool:
    """A speaker must be a person or an organisation mention."""
    return 0 <= index < len(mentions) and mentions[index].type in load_settings()["speaker_types"]
