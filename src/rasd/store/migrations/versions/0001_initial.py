"""The initial store: documents, sentences with their search terms, resolved tables, meta flags.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

def doc_fk() -> sa.ForeignKey:
    """A fresh foreign key to documents.id (a ForeignKey object belongs to one column)."""
    return sa.ForeignKey("documents.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=True),
    )
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(128), nullable=False, unique=True),
        sa.Column("path", sa.Text), sa.Column("url", sa.Text), sa.Column("original_url", sa.Text),
        sa.Column("outlet", sa.Text), sa.Column("title", sa.Text),
        sa.Column("published", sa.String(64)),
        sa.Column("language", sa.String(16), nullable=False, server_default="ar"),
        sa.Column("cited_sources", sa.Text, nullable=False, server_default="[]"),
        sa.Column("duplicate_of", sa.String(128)),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("annotations", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(128), doc_fk(), nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
    )
    op.create_index("ix_sentences_doc", "sentences", ["doc_id", "start"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text),
        sa.Column("wikidata", sa.String(32)),
        sa.Column("mention_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("doc_count", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_entities_type", "entities", ["type"])
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.String(128), sa.ForeignKey("entities.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
    )
    op.create_index("ix_entity_aliases_key", "entity_aliases", ["key"])
    op.create_index("ix_entity_aliases_entity", "entity_aliases", ["entity_id"])
    op.create_table(
        "entity_roles",
        sa.Column("entity_id", sa.String(128), sa.ForeignKey("entities.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("title", sa.Text), sa.Column("of", sa.String(128)), sa.Column("rank", sa.Text),
        sa.Column("date", sa.String(64)),
        sa.Column("doc_id", sa.String(128), doc_fk(), nullable=False),
    )
    op.create_index("ix_entity_roles_entity", "entity_roles", ["entity_id"])
    op.create_table(
        "mentions",
        sa.Column("doc_id", sa.String(128), doc_fk(), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.String(128), sa.ForeignKey("entities.id", ondelete="SET NULL")),
        sa.Column("entity_ord", sa.Integer),
    )
    op.create_index("ix_mentions_doc", "mentions", ["doc_id", "start"])
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date", sa.String(64)),
        sa.Column("location", sa.String(128)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("corroboration", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_table(
        "event_participants",
        sa.Column("event_id", sa.String(128), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(128)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("quantity", sa.Float), sa.Column("unit", sa.Text),
        sa.Column("approximate", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_event_participants_event", "event_participants", ["event_id"])
    op.create_index("ix_event_participants_entity", "event_participants", ["entity_id"])
    op.create_table(
        "evidence",
        sa.Column("event_id", sa.String(128), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("doc_id", sa.String(128), doc_fk(), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_evidence_event", "evidence", ["event_id"])
    op.create_index("ix_evidence_doc", "evidence", ["doc_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(128), doc_fk(), nullable=False),
        sa.Column("speaker", sa.String(128)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("cue", sa.Text),
    )
    op.create_index("ix_quotes_speaker", "quotes", ["speaker"])
    # full-text search over the normalised terms of each sentence
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE sentence_fts USING fts5(terms, content='sentences', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
    else:
        op.execute("CREATE INDEX ix_sentences_terms_tsv ON sentences "
                   "USING gin (to_tsvector('simple', terms))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS sentence_fts")
    for name in ("quotes", "evidence", "event_participants", "events", "mentions", "entity_roles",
                 "entity_aliases", "entities", "sentences", "documents", "meta"):
        op.drop_table(name)
