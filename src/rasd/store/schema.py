"""The one store schema (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Two groups of tables:
- per-document tables (`documents`, `sentences`), written once when a document
  is ingested and never changed by a later ingest (except `duplicate_of`);
  `documents.annotations` keeps the document's own annotations as JSON so
  cross-document resolution can re-run without re-annotating;
- resolved tables (`entities`, `entity_aliases`, `entity_roles`, `mentions`,
  `events`, `event_participants`, `evidence`, `quotes`), rewritten together in
  one transaction whenever resolution runs.
`meta` holds flags such as `resolution_pending`. Documented in docs/store.md;
the Alembic migrations under `migrations/` must produce exactly these tables
(a test compares them).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=True),
)

documents = Table(
    "documents", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingest order
    Column("id", String(128), nullable=False, unique=True),
    Column("path", Text), Column("url", Text), Column("original_url", Text),
    Column("outlet", Text), Column("title", Text),
    Column("published", String(64)),  # EDTF; ISO strings sort by date
    Column("language", String(16), nullable=False, server_default="ar"),
    Column("cited_sources", Text, nullable=False, server_default="[]"),  # JSON list
    Column("duplicate_of", String(128)),
    Column("body", Text, nullable=False),
    Column("annotations", Text, nullable=False),  # JSON: sentences, mentions, roles, quotes, events, meta
    Column("ingested_at", String(32), nullable=False),
)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_outlet", documents.c.outlet)

sentences = Table(
    "sentences", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(128), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("terms", Text, nullable=False),  # normalised tokens plus clitic-stripped forms, space-joined
)
Index("ix_sentences_doc", sentences.c.doc_id, sentences.c.start)

entities = Table(
    "entities", metadata,
    Column("id", String(128), primary_key=True),
    Column("ord", Integer, nullable=False),  # order in the KB
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_en", Text),
    Column("wikidata", String(32)),
    Column("mention_count", Integer, nullable=False, server_default="0"),
    Column("doc_count", Integer, nullable=False, server_default="0"),
)
Index("ix_entities_type", entities.c.type)

entity_aliases = Table(
    "entity_aliases", metadata,
    Column("entity_id", String(128), ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False),  # normalize_key(alias)
)
Index("ix_entity_aliases_key", entity_aliases.c.key)
Index("ix_entity_aliases_entity", entity_aliases.c.entity_id)

entity_roles = Table(
    "entity_roles", metadata,
    Column("entity_id", String(128), ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("title", Text), Column("of", String(128)), Column("rank", Text),
    Column("date", String(64)),
    Column("doc_id", String(128), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_entity_roles_entity", entity_roles.c.entity_id)

mentions = Table(
    "mentions", metadata,
    Column("doc_id", String(128), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),  # index into the document's mentions
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("entity_id", String(128), ForeignKey("entities.id", ondelete="SET NULL")),
    Column("entity_ord", Integer),  # position of this mention in its entity's mention list
)
Index("ix_mentions_doc", mentions.c.doc_id, mentions.c.start)
Index("ix_mentions_entity_doc", mentions.c.entity_id, mentions.c.doc_id)  # migration 0002

events = Table(
    "events", metadata,
    Column("id", String(128), primary_key=True),
    Column("ord", Integer, nullable=False),
    Column("type", String(32), nullable=False),
    Column("date", String(64)),
    Column("location", String(128)),
    Column("status", String(16), nullable=False),
    Column("corroboration", Integer, nullable=False, server_default="1"),
)
Index("ix_events_type", events.c.type)
Index("ix_events_date", events.c.date)

event_participants = Table(
    "event_participants", metadata,
    Column("event_id", String(128), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("role", String(32), nullable=False),
    Column("entity_id", String(128)),
    Column("text", Text, nullable=False),
    Column("quantity", Float), Column("unit", Text),
    Column("approximate", Boolean, nullable=False, server_default=false()),
)
Index("ix_event_participants_event", event_participants.c.event_id)
Index("ix_event_participants_entity", event_participants.c.entity_id)

evidence = Table(
    "evidence", metadata,
    Column("event_id", String(128), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("doc_id", String(128), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_evidence_event", evidence.c.event_id)
Index("ix_evidence_doc", evidence.c.doc_id)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # order in the KB
    Column("doc_id", String(128), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("speaker", String(128)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cue", Text),
)
Index("ix_quotes_speaker", quotes.c.speaker)

RESOLVED_TABLES = (quotes, evidence, event_participants, events, mentions, entity_roles, entity_aliases,
                   entities)
