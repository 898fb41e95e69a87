"""`rasd report`: a brief on an entity is dated and cites a document and a sentence on every line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import _register, cli
from rasd.query.common import NotFound
from rasd.report import build_report
from rasd.report.brief import find_topic
from rasd.store import open_store


def test_topic_is_found_by_id_name_or_any_alias(db: str) -> None:
    with open_store(db) as store:
        assert find_topic(store, "E1") == "E1"
        assert find_topic(store, "لافروف") == "E1"
        assert find_topic(store, "سيرجى لافروف") == "E1"  # ى/ي variant
        with pytest.raises(NotFound, match="did you mean"):
            find_topic(store, "لافرو")


def test_markdown_brief_cites_every_fact(db: str) -> None:
    with open_store(db) as store:
        text = build_report(store, "مالي")
    assert text.startswith("# موجز: مالي (Mali)")
    assert "تاريخ الإعداد" in text and "2024-07-02 — 2024-07-02" in text
    assert "روسيا ← مالي: 2 طائرتين (planned)" in text  # the arms transfer
    lines = text.splitlines()
    body = lines[lines.index("## الخط الزمني (timeline)"):]
    for i, line in enumerate(body):  # every fact carries a source, or is followed by its sources
        if line.startswith("- ") and not line.startswith("- لا "):
            assert "المصدر:" in line or body[i + 1].startswith("  - المصدر:"), line
    cited = [line for line in lines if "المصدر:" in line]
    assert len(cited) >= 4
    # each event/transfer line is followed by its sources; every other fact line carries one
    assert all("«" in line and " — لافروف في باماكو · صحيفة الاختبار · 2024-07-02" in line for line in cited)
    assert "قال وزير الخارجية الروسي سيرجي لافروف إن موسكو ستسلم مالي طائرتين." in text


def test_quotes_and_roles_of_a_person(db: str) -> None:
    with open_store(db) as store:
        text = build_report(store, "E1")
    assert "2024-07-02: وزير الخارجية — روسيا. المصدر:" in text
    assert "سيرجي لافروف: «التعاون مستمر». المصدر: «وقال لافروف: «التعاون مستمر».»" in text


def test_html_brief_escapes_article_text(db: str) -> None:
    with open_store(db) as store:
        html = build_report(store, "باماكو", fmt="html")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_cli_writes_the_report(db: str, tmp_path: Path) -> None:
    _register()
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(cli, ["report", "--db", db, "--topic", "لافروف", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# موجز: سيرجي لافروف")
