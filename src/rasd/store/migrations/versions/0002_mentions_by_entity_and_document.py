"""Index mentions by (entity, document): entity pages of very frequent entities list documents fast.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_mentions_entity_doc", "mentions", ["entity_id", "doc_id"])
    op.drop_index("ix_mentions_entity", table_name="mentions")


def downgrade() -> None:
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.drop_index("ix_mentions_entity_doc", table_name="mentions")
