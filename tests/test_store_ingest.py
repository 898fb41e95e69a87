"""The store: round trips, idempotent and incremental ingest, resume after a killed ingest, migrations."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

import test_store_helpers as helpers
from rasd.errors import StoreError
from rasd.kb.writer import kb_to_dict
from rasd.pipeline import analyze, build_documents
from rasd.settings import Options
from rasd.store import open_store, schema
from rasd.store.ingest import ingest_documents, store_kb
from rasd.store.read import load_kb
from test_store_helpers import sample_kb, write_articles

pg_server, pg_database, store_target = helpers.pg_server, helpers.pg_database, helpers.store_target

ROOT = Path(__file__).resolve().parent.parent


def _documents(paths: list[str]) -> list:
    from rasd.ingest import read_inputs

    options, failures = Options(), []
    return list(build_documents(read_inputs(paths, options, failures), options, failures))


def _kb(store) -> dict:  # noqa: ANN001
    data = kb_to_dict(load_kb(store))
    data.pop("failures")
    return data


def _analyzed(paths: list[str]) -> dict:
    data = kb_to_dict(analyze(paths))
    data.pop("failures")
    return data


def _counts(store) -> dict[str, int]:  # noqa: ANN001
    with store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                for t in schema.metadata.sorted_tables}


def test_hand_built_kb_round_trips(store_target: str) -> None:
    with open_store(store_target) as store:
        assert store_kb(store, sample_kb()) == 2
        expected = kb_to_dict(sample_kb())
        expected.pop("failures")
        assert _kb(store) == expected
        assert not store.resolution_pending()


def test_reingest_changes_nothing(store_target: str, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)
    docs = _documents([str(tmp_path / "in")])
    with open_store(store_target) as store:
        first = ingest_documents(store, docs, batch_size=4)
        assert (first.added, first.skipped, first.resolved) == (6, 0, True)
        before, counts = _kb(store), _counts(store)
        again = ingest_documents(store, _documents([str(tmp_path / "in")]))
        assert (again.added, again.skipped, again.resolved) == (0, 6, False)
        assert _kb(store) == before
        assert _counts(store) == counts


def test_incremental_ingest_equals_analyze(store_target: str, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 4)
    write_articles(tmp_path / "in", 3, start=4)
    paths = sorted(str(p) for p in (tmp_path / "in").iterdir())
    with open_store(store_target) as store:
        ingest_documents(store, _documents(paths[:4]))
        result = ingest_documents(store, _documents(paths[4:]))
        assert result.added == 3 and result.resolved
        assert _kb(store) == _analyzed(paths)


def test_export_equals_analyze_on_seeds(shared_dir: Path, tmp_path: Path) -> None:
    seeds = str(shared_dir / "corpus" / "seeds")
    with open_store(str(tmp_path / "kb.db")) as store:
        ingest_documents(store, _documents([seeds]), batch_size=2)
        assert _kb(store) == _analyzed([seeds])


def _stored_count(target: str) -> int:
    try:
        with open_store(target) as store, store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.documents)).scalar()
    except StoreError:
        return 0


# enough articles that the child is still ingesting when the test has seen 4 stored and kills it
KILLED_INGEST_ARTICLES = 200


def test_killed_ingest_leaves_a_consistent_store_that_resumes(store_target: str, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", KILLED_INGEST_ARTICLES)
    open_store(store_target).close()  # migrate first, so the child only ingests
    cmd = [str(Path(sys.executable).parent / "rasd"), "ingest", str(tmp_path / "in"), "--db", store_target,
           "--batch-size", "2", "--quiet"]
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _stored_count(store_target) < 4 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if child.poll() is not None:
        pytest.fail(f"the ingest ended before it could be killed: {child.stderr.read().decode()[-500:]}")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with open_store(store_target) as store:
        stored = _counts(store)["documents"]
        assert 0 < stored < KILLED_INGEST_ARTICLES
        assert stored % 2 == 0  # whole batches only
        assert store.resolution_pending()
        with store.engine.connect() as conn:  # every stored document has its sentences, none is half-written
            orphans = conn.execute(text("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                                        "(SELECT 1 FROM sentences s WHERE s.doc_id = d.id)")).scalar()
            assert orphans == 0
            if store.dialect == "sqlite":
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        result = ingest_documents(store, _documents([str(tmp_path / "in")]), batch_size=50)
        assert result.added == KILLED_INGEST_ARTICLES - stored and result.skipped == stored
        assert not store.resolution_pending()
        assert _counts(store)["documents"] == KILLED_INGEST_ARTICLES


def test_pending_resolution_finishes_on_next_ingest(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    with open_store(str(tmp_path / "kb.db")) as store:
        ingest_documents(store, _documents([str(tmp_path / "in")]))
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'resolution_pending'"))
        result = ingest_documents(store, [])
        assert result.resolved and not store.resolution_pending()


def test_migrations_build_exactly_the_schema(store_target: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with open_store(store_target) as store, store.engine.connect() as conn:
        def described(name: str | None, kind: str, _parent: object) -> bool:
            # the search index (FTS5 tables, the tsvector index) is made by raw SQL in the migration
            return not (name or "").startswith(("sentence_fts", "ix_sentences_terms_tsv"))

        context = MigrationContext.configure(conn, opts={"include_name": described})
        assert compare_metadata(context, schema.metadata) == []


def test_sqlite_store_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "kb.db")) as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_store_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nowhere" / "kb.db"))


def test_a_file_that_is_not_a_store_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("ليس قاعدة بيانات\n" * 50, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        open_store(str(path))
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)
