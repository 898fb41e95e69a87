"""The rasd store: one schema on SQLite (default) or PostgreSQL, read by the query layer.

`open_store("kb.db")` or `open_store("postgresql://...")` returns a migrated
`Store`; `rasd.store.ingest.ingest_documents` adds documents to it and
`rasd.store.read.load_kb` gives the whole KB back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from rasd.store import schema
from rasd.store.engine import create_store_engine, display_name, upgrade


@dataclass
class Store:
    """A migrated store: its engine and what `--db` named."""

    target: str
    engine: Engine

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    def get_meta(self, key: str) -> str | None:
        """A value of the `meta` table (None when unset)."""
        with self.engine.connect() as conn:
            return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()

    def resolution_pending(self) -> bool:
        """True when documents were added since cross-document resolution last finished."""
        return self.get_meta("resolution_pending") == "1"

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(target: str) -> Store:
    """Open (creating and migrating when needed) the store named by `--db`."""
    engine = create_store_engine(target)
    upgrade(engine, display_name(target))
    return Store(target, engine)
