"""Direct quotations and their speakers: the pipeline component.

Quotations come from `quote_marks`; the speaker is the subject of the nearest
attribution cue (data/quotes/cues.tsv) before the quote, or of a cue right
after it; chains (`وأضاف:`), participles (`مشيرا إلى أن`) and pronoun-only
verbs inherit the speaker of the sentence, of the previous quote or of the
last reported speech; a title after the verb refers back to a named person
(`quote_titles`). When no rule is sure, the speaker stays None (precision first).
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.model import Document, Mention, Quote, Span
from rasd.ner.quote_bodies import generic_noun_end, generic_referent, statement_after
from rasd.ner.quote_cues import (
    Cue,
    base_form,
    cue_kind,
    find_cues,
    load_settings,
    sentence_bounds,
    sentences_between,
)
from rasd.ner.quote_marks import find_quoted_spans, inner_span, is_quotation
from rasd.ner.quote_titles import person_cluster, title_referent
from rasd.text.tokens import tokens_between


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
        words = [t for t in tokens_between(doc.body, cue_end, m.start) if t.is_word]
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


def _explicit_subject(doc: Document, cue_end: int, limit: int) -> bool:
    """True when the verb has a subject of its own that is not a named mention (`وقال المصدر`,
    `وأفادت وسائل الإعلام`), as opposed to a pronoun (`وأضاف:`، `وأضاف أن`، `وقال في بيان`)."""
    tokens = tokens_between(doc.body, cue_end, limit)
    if not tokens or not tokens[0].is_word:
        return False
    settings = load_settings()
    norm = tokens[0].norm.replace("ـ", "")
    if norm in settings["not_subjects"] or norm in settings["subject_stops"] or cue_kind(tokens[0]):
        return False
    return len(norm) >= 3 or norm.isdigit()


def _relayed_source(doc: Document, cue: Cue, limit: int) -> int | None:
    """`نقلت وكالة X عن Y` / `نقلا عن Y`: the source is the one named right after `عن`, not the relay."""
    for tok in tokens_between(doc.body, cue.end, limit):
        if tok.norm == "عن":
            return _subject_after(doc, tok.end, limit)
        if tok.norm in load_settings()["subject_stops"]:
            break
    return None


def _speaker_of_verb(doc: Document, cue: Cue, limit: int) -> int | None:
    """The named subject of a verb cue, or the person its title refers back to."""
    if base_form(cue) in load_settings()["relay_cues"]:
        return _relayed_source(doc, cue, limit)
    persons_only = base_form(cue) in load_settings()["object_verbs"]
    subject = _subject_after(doc, cue.end, limit, persons_only=persons_only)
    if subject is None and persons_only:
        body = _subject_after(doc, cue.end, limit)  # هنأ الجيش في بيان: an organisation's statement
        if body is not None and doc.mentions[body].type != "PERSON" and statement_after(
                doc, doc.mentions[body].end, limit):
            subject = body
    if subject is None:
        subject = title_referent(doc, cue.end, limit)
    generic = generic_noun_end(doc, cue.end, limit) if subject is None else None
    if generic is not None and (not persons_only or statement_after(doc, generic[0], limit)):
        subject = generic_referent(doc, cue.start, generic[1])  # وأشارت الوكالة: the agency named before
    return subject


def _persons_before(doc: Document, start: int, end: int) -> int | None:
    """The one person named in [start, end), or None when there are none or several."""
    people = [i for i in _mentions_in(doc, start, end) if doc.mentions[i].type == "PERSON"]
    if len({person_cluster(doc, p) for p in people}) != 1:
        return None
    return people[0]


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
    for sent in sentences_between(doc, state.scanned, until):
        for cue in reversed(find_cues(doc, sent.start, sent.end)):
            if cue.kind not in ("verb", "chain"):
                continue
            speaker = _speaker_of_verb(doc, cue, sent.end)
            if speaker is not None and _valid_speaker(doc.mentions, speaker):
                state.last_speaker = speaker
                break
            if _explicit_subject(doc, cue.end, sent.end):
                state.last_speaker = None  # `وقال المصدر إن…`: someone unnamed spoke last
                break
    state.scanned = max(state.scanned, until)


def _attribute(doc: Document, open_at: int, close_at: int, state: _State) -> tuple[int | None, str | None]:
    """(speaker mention index, cue) of the quotation between the marks at open_at and close_at."""
    sent = sentence_bounds(doc, open_at)
    same_sentence = state.sentence_speaker is not None and state.sentence_speaker[0] == sent.start
    prev_in_sentence = state.sentence_speaker[1] if same_sentence and state.sentence_speaker else None
    cues = find_cues(doc, sent.start, open_at)
    if not cues and not doc.body[sent.start:open_at].strip():
        colon = _colon_before(doc.body, sent.start)
        if colon is not None:  # `وقال الوزير:` closing the paragraph before the quotation
            sent = sentence_bounds(doc, colon)
            cues = find_cues(doc, sent.start, colon)
    if cues:
        return _attribute_to_cue(doc, cues, sent, open_at, state, prev_in_sentence)
    line_end = doc.body.find("\n", close_at)
    window = len(doc.body) if line_end < 0 else line_end  # the cue may sit in the next sentence
    words = [t for t in tokens_between(doc.body, close_at + 1, window) if t.is_word]
    for tok in words[:load_settings()["after_quote_window"]]:
        kind = cue_kind(tok)
        if kind in ("verb", "chain", "nominal"):
            cue = Cue(kind, tok.start, tok.end, tok.norm)
            if base_form(cue) in load_settings()["relay_cues"]:
                return _relayed_source(doc, cue, window), tok.text
            return _subject_after(doc, tok.end, window), tok.text
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
    said = doc.body[cue.start:cue.end]  # the cue as written, for the quote record
    if cue.kind == "document":
        return None, said
    if cue.kind == "nominal":
        return _speaker_of_verb(doc, cue, open_at), said
    if cue.kind == "participle":
        if prev_in_sentence is not None:
            return prev_in_sentence, said
        verbs = [c for c in cues if c.kind in ("verb", "chain") and c.end <= cue.start]
        for verb in reversed(verbs):
            speaker = _speaker_of_verb(doc, verb, cue.start)
            if speaker is not None or _explicit_subject(doc, verb.end, cue.start):
                return speaker, said
        fallback = _persons_before(doc, sent.start, cue.start)
        return (fallback if fallback is not None else state.last_speaker), said
    speaker = _speaker_of_verb(doc, cue, open_at)
    if speaker is not None:
        return speaker, said
    if _explicit_subject(doc, cue.end, open_at) and base_form(cue) not in load_settings()["object_verbs"]:
        state.last_speaker = None  # `وأضاف المصدر` names a new, unknown speaker: do not inherit
        return None, said
    if prev_in_sentence is not None:
        return prev_in_sentence, said
    before = _persons_before(doc, sent.start, cue.start)
    if before is None:  # a title as the subject before the verb: `السفيرة التركية أكدت أن "…"`
        before = title_referent(doc, sent.start, cue.start)
    return (before if before is not None else state.last_speaker), said


def extract_quotes(doc: Document) -> Document:
    """Pipeline component: fill doc.quotes with every quotation and its speaker (or None)."""
    quotes: list[Quote] = []
    state = _State()
    for open_at, close_at in find_quoted_spans(doc.body):
        start, end = inner_span(doc.body, open_at, close_at)
        if start >= end or not is_quotation(doc, open_at, start, end):
            continue
        _follow_reported_speech(doc, state, sentence_bounds(doc, open_at).start)
        speaker, cue = _attribute(doc, open_at, close_at, state)
        if speaker is not None and not _valid_speaker(doc.mentions, speaker):
            speaker = None
        quotes.append(Quote(start, end, doc.body[start:end], speaker, cue))
        if speaker is not None:
            state.last_speaker = speaker
        state.sentence_speaker = (sentence_bounds(doc, open_at).start, speaker)
        state.scanned = max(state.scanned, sentence_bounds(doc, close_at).end)
    doc.quotes = quotes
    return doc


def _valid_speaker(mentions: list[Mention], index: int) -> bool:
    """A speaker must be a person or an organisation mention."""
    if not 0 <= index < len(mentions):
        return False
    mention = mentions[index]
    return mention.end > mention.start and mention.type in load_settings()["speaker_types"]
