"""The quotation data files are well formed and documented."""

from __future__ import annotations

import csv
from pathlib import Path

from rasd.ner.quote_cues import load_cues, load_settings
from rasd.text.normalize import normalize

DATA = Path(__file__).resolve().parent.parent / "src" / "rasd" / "data"
KINDS = {"verb", "chain", "participle", "nominal", "document"}


def test_every_cue_has_a_known_kind_and_one_kind_only() -> None:
    rows = [r for r in csv.reader((DATA / "quotes" / "cues.tsv").read_text(encoding="utf-8").splitlines(),
                                  delimiter="\t") if r and not r[0].startswith("#")]
    kinds: dict[str, str] = {}
    for row in rows:
        form, kind = normalize(row[0].strip()), row[1].strip()
        assert kind in KINDS, row
        assert kinds.setdefault(form, kind) == kind, f"{row[0]} listed as {kinds[form]} and {kind}"
    assert set(load_cues().values()) == KINDS
    for form in ("قال", "اكد", "اضاف", "تابع", "بحسب", "مشيرا", "يتضمن"):
        assert form in load_cues(), form


def test_settings_lists_are_documented_in_the_readme() -> None:
    readme = (DATA / "quotes" / "README.md").read_text(encoding="utf-8")
    for key in load_settings():
        assert f"`{key}`" in readme, f"settings.json key {key} is not described in data/quotes/README.md"

