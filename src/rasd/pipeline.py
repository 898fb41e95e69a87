"""The pipeline: sources -> documents -> per-document annotation -> cross-document resolution -> KB.

Per-document stages are `Document -> Document` components run in order (as
in spaCy); cross-document steps (duplicates, entity and event resolution) run
once over all documents afterwards.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rasd.errors import RasdError
from rasd.model import KB, Document, Source
from rasd.settings import Options

log = logging.getLogger("rasd")

Component = Callable[[Document], Document]


@dataclass
class Step:
    """A named per-document component."""

    name: str
    func: Component


def default_steps(options: Options) -> list[Step]:
    """The per-document components in order; imported here so each stage stays a plain module."""
    from rasd.events import extract_events
    from rasd.ner import recognize_entities
    from rasd.ner.quotes import extract_quotes
    from rasd.ner.roles import extract_roles
    from rasd.text.sentences import split_document

    return [
        Step("sentences", split_document),
        Step("entities", lambda doc: recognize_entities(doc, model=options.ner_model)),
        Step("roles", extract_roles),
        Step("quotes", extract_quotes),
        Step("events", extract_events),
    ]


class Pipeline:
    """A list of per-document components applied in order."""

    def __init__(self, options: Options | None = None, steps: list[Step] | None = None) -> None:
        self.options = options or Options()
        self.steps = steps if steps is not None else default_steps(self.options)

    def __call__(self, doc: Document) -> Document:
        for step in self.steps:
            doc = step.func(doc)
        return doc


def build_documents(sources: Iterable[Source], options: Options, failures: list[str]) -> Iterator[Document]:
    """Clean each source into a Document; a source that fails is reported and skipped."""
    from rasd.clean import build_document

    for source in sources:
        try:
            yield build_document(source, options)
        except RasdError as exc:
            failures.append(str(exc))
            log.error("%s", exc)


def make_ids_unique(docs: list[Document]) -> None:
    """Give a second input with the same body its own id, marked as a copy of the first.

    Ids are content hashes, so two files holding one article share an id; the KB
    needs one record per input, and the copy is a duplicate by definition.
    """
    seen: dict[str, Document] = {}
    for doc in docs:
        if doc.id not in seen:
            seen[doc.id] = doc
            continue
        original = seen[doc.id]
        where = doc.path or doc.url or str(len(seen))
        doc.id = hashlib.sha256(f"{original.id}|{where}".encode()).hexdigest()[:16]
        doc.duplicate_of = original.id
        seen[doc.id] = doc


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(options: Options) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(options)


def _annotate_one(doc: Document, pipeline: Pipeline | None = None) -> tuple[Document, str | None]:
    """Run the per-document stages; an error names the document and the run goes on without it."""
    pipeline = pipeline or _WORKER_PIPELINE
    assert pipeline is not None
    try:
        return pipeline(doc), None
    except RasdError as exc:
        return doc, f"{doc.path or doc.url or doc.id}: {exc}"
    except Exception as exc:  # a bug in a stage must not lose the other documents
        log.debug("stage failure", exc_info=True)
        name = doc.path or doc.url or doc.id
        return doc, f"{name}: internal error while annotating ({type(exc).__name__}: {exc})"


# how many documents are annotated between two `gc.freeze()` calls (see `analyze_documents`)
FREEZE_EVERY = 256


def annotate_all(docs: list[Document], options: Options) -> Iterator[tuple[Document, str | None]]:
    """Annotate documents in order, in `options.workers` processes when more than one is asked for."""
    workers = options.workers or os.cpu_count() or 1
    if workers <= 1 or len(docs) < 2 * workers:
        pipeline = Pipeline(options)
        for i, doc in enumerate(docs, 1):
            yield _annotate_one(doc, pipeline)
            if i % FREEZE_EVERY == 0:
                gc.freeze()  # annotated documents live to the end: stop the collector re-walking them
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.map(_annotate_one, docs, chunksize=16)


def analyze_documents(docs: list[Document], options: Options | None = None,
                      failures: list[str] | None = None,
                      progress: Callable[[Document], None] | None = None) -> KB:
    """Annotate documents and resolve them across the corpus into a KB."""
    from rasd.dedup import mark_duplicates
    from rasd.resolve.entities import resolve_entities
    from rasd.resolve.events import resolve_events

    options = options or Options()
    failures = failures if failures is not None else []
    make_ids_unique(docs)
    annotated: list[Document] = []
    # The annotated corpus is held until the KB is built; each full pass of the cyclic garbage
    # collector over it cost as much as a small stage, so it is frozen out of the collector's
    # view meanwhile (objects are still freed by reference counting) and handed back at the end.
    try:
        for doc, error in annotate_all(docs, options):
            if error is None:
                annotated.append(doc)
            else:
                failures.append(error)
                log.error("%s", error)
            if progress:
                progress(doc)
        gc.freeze()
        mark_duplicates(annotated, options)
        entities = resolve_entities(annotated)
        events = resolve_events(annotated, entities)
    finally:
        gc.unfreeze()
    return KB(documents=annotated, entities=entities, events=events, failures=failures)


def analyze(paths: Iterable[str], options: Options | None = None,
            progress: Callable[[Document], None] | None = None) -> KB:
    """Read inputs (files, folders, URLs) and return the knowledge base; failures are listed in it."""
    from rasd.ingest import read_inputs

    options = options or Options()
    failures: list[str] = []
    docs = list(build_documents(read_inputs(list(paths), options, failures), options, failures))
    return analyze_documents(docs, options, failures, progress)
