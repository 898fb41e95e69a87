"""The typed data model shared by every stage.

One `Document` carries the cleaned body; every annotation on it (sentences,
mentions, roles, quotes, event mentions) is an offset span into `body`, never
a copied string that could drift. Cross-document records (`Entity`, `Event`)
are built by `rasd.resolve` from the per-document annotations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "FORCE", "EQUIPMENT")
EVENT_TYPES = (
    "ARMS_TRANSFER", "AGREEMENT", "DEPLOYMENT", "WITHDRAWAL", "TRAINING", "MEETING",
    "AID", "MILITARY_OPERATION", "PRODUCTION", "RECRUITMENT", "PLEDGE",
)
STATUSES = ("occurred", "planned", "reported")


@dataclass
class Source:
    """One input as read, before cleaning: raw text or HTML plus what the container says."""

    path: str | None  # file path as given, or "file#line" for JSON Lines, None for URLs
    content: str  # decoded text (HTML or plain)
    fmt: str  # "text" | "html"
    url: str | None = None
    title: str | None = None  # from the container (JSONL field, feed entry, WARC header)
    published: str | None = None  # EDTF, from the container
    outlet: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Span:
    """A half-open [start, end) range of code points in a document body."""

    start: int
    end: int


@dataclass
class Mention:
    """A named-entity mention in a body. `key` is the normalised, clitic-free lookup form."""

    start: int
    end: int
    text: str  # body[start:end]: the name without its clitics
    type: str  # one of ENTITY_TYPES
    key: str
    source: str = "gazetteer"  # gazetteer | title | rank | pattern | crf | alias
    gaz_id: str | None = None  # gazetteer entry id when the name is listed
    name_en: str | None = None
    entity: str | None = None  # KB entity id, set by cross-document resolution


@dataclass
class Role:
    """A title / rank a text gives to the person of mention `person` (index into doc.mentions)."""

    person: int
    title: str | None
    of: int | None = None  # index into doc.mentions of the country or organisation
    of_gaz: str | None = None  # gazetteer id of `of` when it is given by an adjective (المالي -> Mali)
    rank: str | None = None
    start: int = 0  # the span of the whole title phrase
    end: int = 0


@dataclass
class Quote:
    """A direct quotation; `speaker` indexes doc.mentions (None for documents and unknowns)."""

    start: int
    end: int
    text: str
    speaker: int | None = None
    cue: str | None = None  # the attribution verb or chain that gave the speaker


@dataclass
class Argument:
    """An event participant in one sentence: an entity mention, or a generic item kept as text."""

    role: str
    text: str
    start: int
    end: int
    mention: int | None = None  # index into doc.mentions
    quantity: float | None = None
    unit: str | None = None
    approximate: bool = False


@dataclass
class EventMention:
    """One event as one sentence of one document reports it."""

    type: str
    trigger: Span
    sentence: Span
    arguments: list[Argument] = field(default_factory=list)
    date: str | None = None  # EDTF
    location: int | None = None  # index into doc.mentions
    status: str = "occurred"


@dataclass
class Document:
    """An article: metadata, the cleaned body and every annotation as spans into it."""

    id: str
    path: str | None
    body: str = ""
    url: str | None = None
    original_url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    cited_sources: list[str] = field(default_factory=list)
    language: str = "ar"
    duplicate_of: str | None = None
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # stage-specific extras (e.g. fingerprints)

    def text(self, span: Span | Mention | Quote) -> str:
        """The body text under a span."""
        return self.body[span.start:span.end]

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding an offset (the whole body when sentences are not split)."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return Span(0, len(self.body))


@dataclass
class EntityRole:
    """A role of a KB entity in one document (`of` is a KB entity id)."""

    title: str | None
    of: str | None
    rank: str | None
    date: str | None
    doc: str


@dataclass
class Entity:
    """One real-world entity across the corpus."""

    id: str
    type: str
    name: str
    name_en: str | None = None
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[EntityRole] = field(default_factory=list)
    mentions: list[tuple[str, int]] = field(default_factory=list)  # (doc id, mention index)


@dataclass
class EventParticipant:
    """A participant of a KB event (`entity` is a KB entity id)."""

    role: str
    text: str
    entity: str | None = None
    quantity: float | None = None
    unit: str | None = None
    approximate: bool = False


@dataclass
class Evidence:
    """A sentence of a document that reports an event."""

    doc: str
    start: int
    end: int
    text: str


@dataclass
class Event:
    """One real-world event across the corpus, with every report of it."""

    id: str
    type: str
    date: str | None
    location: str | None
    status: str
    participants: list[EventParticipant] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    corroboration: int = 1  # independent outlets reporting it


@dataclass
class KB:
    """A whole knowledge base: what `rasd analyze` writes as rasd-kb/1."""

    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # one line per input that could not be read
