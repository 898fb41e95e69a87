"""Search index: each sentence's terms also carry its document's outlet, year and month tokens.

Outlet and date-range filters then run inside the full-text index instead of
joining every hit to its document. Existing sentences are re-indexed.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _reindex(with_documents: bool) -> None:
    from rasd.query.terms import document_terms, sentence_terms

    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT s.id, substr(d.body, s.start + 1, s.\"end\" - s.start) AS text, d.outlet, d.published "
        "FROM sentences s JOIN documents d ON d.id = s.doc_id")).all()
    for row in rows:
        extra = " ".join(document_terms(row.outlet, row.published)) if with_documents else ""
        conn.execute(sa.text("UPDATE sentences SET terms = :t WHERE id = :i"),
                     {"t": f"{sentence_terms(row.text)} {extra}".strip(), "i": row.id})
    if conn.dialect.name == "sqlite" and rows:
        conn.execute(sa.text("INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild')"))


def upgrade() -> None:
    _reindex(with_documents=True)


def downgrade() -> None:
    _reindex(with_documents=False)
