"""The quality gate: rasd on the seeds, scored by the shared scorer, never below the recorded floor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.kb.writer import write_kb
from rasd.pipeline import analyze

FLOOR = Path(__file__).with_name("quality_floor.json")


@pytest.fixture(scope="module")
def scores(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float | None]:
    seeds = shared_dir / "corpus" / "seeds"
    out = tmp_path_factory.mktemp("floor") / "kb.json"
    write_kb(analyze([str(seeds)]), out)
    result = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), "--gold",
         str(shared_dir / "eval" / "seeds.gold.json"), "--pred", str(out), "--inputs", str(seeds), "--json"],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _floor() -> dict[str, dict[str, float]]:
    return json.loads(FLOOR.read_text(encoding="utf-8"))


@pytest.mark.parametrize("metric", sorted(_floor()["min"]))
def test_metric_not_below_floor(scores, metric):
    floor = _floor()["min"][metric]
    assert scores[metric] is not None and scores[metric] >= floor - 1e-9, \
        f"{metric} = {scores[metric]} dropped below the floor {floor}"


@pytest.mark.parametrize("metric", sorted(_floor()["max"]))
def test_metric_not_above_ceiling(scores, metric):
    ceiling = _floor()["max"][metric]
    assert scores[metric] is not None and scores[metric] <= ceiling, \
        f"{metric} = {scores[metric]} rose above {ceiling}"
