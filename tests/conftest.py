"""Shared fixtures: paths to ../shared and the --slow option."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"
SCORER = SHARED / "eval" / "score.py"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run the long tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="long test: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SEEDS.is_dir() or not SCORER.is_file():
        pytest.skip(f"../shared is absent here ({SHARED}): the seeds and the scorer are needed")
    return SHARED


@pytest.fixture
def db(tmp_path: Path) -> str:
    """An SQLite store file holding the hand-made sample KB of the store tests."""
    from rasd.store import open_store
    from rasd.store.ingest import store_kb
    from test_store_helpers import sample_kb

    target = str(tmp_path / "kb.db")
    with open_store(target) as store:
        store_kb(store, sample_kb())
    return target
