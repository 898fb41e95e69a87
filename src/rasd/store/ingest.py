"""Incremental ingest: annotate new documents, commit them in batches, then re-resolve the corpus.

A document whose id is already stored is skipped, so re-ingesting changes
nothing. Each batch is one transaction that also sets `resolution_pending`; the
final resolution rewrites the resolved tables and clears the flag in one
transaction. A killed ingest therefore leaves whole batches and a raised flag,
and the next ingest (even of nothing new) finishes the resolution.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rasd.errors import RasdError
from rasd.model import KB, Document
from rasd.pipeline import Pipeline
from rasd.settings import Options
from rasd.store import Store
from rasd.store.read import document_ids, load_documents
from rasd.store.write import checkpoint, insert_documents, write_resolved

log = logging.getLogger("rasd")


@dataclass
class IngestResult:
    """What an ingest did."""

    added: int = 0
    skipped: int = 0
    resolved: bool = False
    failures: list[str] = field(default_factory=list)


def resolve_store(store: Store, options: Options) -> None:
    """Re-run duplicate marking and cross-document resolution over every stored document."""
    from rasd.dedup import mark_duplicates
    from rasd.resolve.entities import resolve_entities
    from rasd.resolve.events import resolve_events

    with store.engine.begin() as conn:
        docs = load_documents(conn)
        before = {d.id: d.duplicate_of for d in docs}
        for doc in docs:
            doc.duplicate_of = None
        mark_duplicates(docs, options)
        entities = resolve_entities(docs)
        events = resolve_events(docs, entities)
        changed = {d.id: d.duplicate_of for d in docs if d.duplicate_of != before[d.id]}
        write_resolved(conn, docs, entities, events, changed)


def ingest_documents(store: Store, docs: Iterable[Document], options: Options | None = None,
                     batch_size: int = 50,
                     progress: Callable[[Document], None] | None = None) -> IngestResult:
    """Annotate and store the documents not yet stored, then resolve if anything changed."""
    options = options or Options()
    pipeline = Pipeline(options)
    known = document_ids(store)
    result = IngestResult()
    batch: list[Document] = []

    def flush() -> None:
        if batch:
            with store.engine.begin() as conn:
                insert_documents(conn, batch)
            result.added += len(batch)
            batch.clear()

    for doc in docs:
        if doc.id in known:
            result.skipped += 1
        else:
            known.add(doc.id)
            try:
                batch.append(pipeline(doc))
            except RasdError as exc:
                result.failures.append(f"{doc.path or doc.url or doc.id}: {exc}")
                log.error("%s: %s", doc.path or doc.id, exc)
            if len(batch) >= batch_size:
                flush()
        if progress:
            progress(doc)
    flush()
    if result.added or store.resolution_pending():
        resolve_store(store, options)
        result.resolved = True
        checkpoint(store.engine)
    return result


def store_kb(store: Store, kb: KB) -> int:
    """Store an already analysed KB as is (its documents and resolution); returns documents added.

    For KBs built elsewhere (`rasd analyze` output, tests, benchmarks): stored
    documents are kept, new ones added, and the KB's own resolution replaces the resolved tables.
    """
    known = document_ids(store)
    new = [d for d in kb.documents if d.id not in known]
    with store.engine.begin() as conn:
        for start in range(0, len(new), 500):
            insert_documents(conn, new[start:start + 500])
        write_resolved(conn, kb.documents, kb.entities, kb.events,
                       {d.id: d.duplicate_of for d in kb.documents if d.duplicate_of})
    checkpoint(store.engine)
    return len(new)
