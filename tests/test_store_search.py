"""Search: clitics, harakat, spelling variants, entity aliases, filters, highlights in the original text."""

from __future__ import annotations

import pytest

import test_store_helpers as helpers
from rasd.model import KB, Document, Span
from rasd.query.search import QueryError, search
from rasd.query.terms import highlight_spans, query_terms, sentence_terms
from rasd.store import open_store
from rasd.store.ingest import store_kb
from test_store_helpers import sample_kb

pg_server, pg_database, store_target = helpers.pg_server, helpers.pg_database, helpers.store_target

EXTRA = [
    "وأعلنت الحكومةُ المالِيَّةُ أنَّ الطائراتِ وصلت إلى العاصمة.",  # harakat
    "وقالت مصادر إن الإتفاقية ستوقع في أكتوبر.",  # hamza on alef
    "ونقلت الشحنة للجيش المالي بعد الاتفاقيه الجديدة.",  # لل and ta marbuta written as ha
    "وتسلمت القوات دبابات T-72B3 وعربات BTR-82A حديثة.",  # designations with hyphens
]


@pytest.fixture
def store(store_target: str):  # noqa: ANN201
    kb = sample_kb()
    body, spans = "", []
    for sentence in EXTRA:
        spans.append(Span(len(body), len(body) + len(sentence)))
        body += sentence + "\n"
    kb.documents.append(Document(id="doc-c", path="c.txt", body=body, outlet="صحيفة الاختبار",
                                 published="2024-10-01", sentences=spans))
    with open_store(store_target) as opened:
        store_kb(opened, KB(kb.documents, kb.entities, kb.events))
        yield opened


def _texts(result: dict) -> list[str]:
    return [r["text"] for r in result["results"]]


def _hits(result: dict) -> list[list[str]]:
    return [[r["text"][s:e] for s, e in r["highlights"]] for r in result["results"]]


def test_terms_index_words_without_their_clitics() -> None:
    terms = sentence_terms("ووصل الوفد إلى وباماكو").split()
    assert "باماكو" in terms and "وباماكو" in terms and "الوفد" in terms


def test_bare_name_finds_it_with_a_conjunction_attached(store) -> None:  # noqa: ANN001
    result = search(store, "باماكو")
    assert result["total"] == 2
    assert any("وباماكو" in t for t in _texts(result))
    assert ["باماكو"] in _hits(result)  # the clitic و is not highlighted


@pytest.mark.parametrize("query", ["الحكومة المالية", "الحكومه الماليه", "الطائرات"])
def test_harakat_in_the_text_do_not_hide_a_word(store, query: str) -> None:  # noqa: ANN001
    result = search(store, query)
    assert result["total"] == 1
    assert "الحكومةُ" in result["results"][0]["text"]


def test_highlight_keeps_the_original_harakat(store) -> None:  # noqa: ANN001
    hits = _hits(search(store, "الحكومة"))
    assert hits == [["الحكومةُ"]]


@pytest.mark.parametrize("query", ["الاتفاقية", "الإتفاقية", "الاتفاقيه"])
def test_alef_and_ta_marbuta_variants_match(store, query: str) -> None:  # noqa: ANN001
    assert search(store, query)["total"] == 2


def test_query_with_a_clitic_also_finds_the_bare_word(store) -> None:  # noqa: ANN001
    assert search(store, "والجيش")["total"] >= 1
    assert search(store, "الجيش")["results"][0]["text"].startswith("ونقلت")


def test_full_alias_finds_the_bare_surname_through_the_entity(store) -> None:  # noqa: ANN001
    result = search(store, "سيرجي لافروف")
    assert "E1" in result["entities"]
    texts = _texts(result)
    assert any("وأكد الوزير لافروف" in t for t in texts)  # only «لافروف» there, found via the entity
    assert result["total"] == 3


def test_filters_narrow_the_hits(store) -> None:  # noqa: ANN001
    assert search(store, "لافروف", outlet="وكالة المثال")["total"] == 1
    assert search(store, "لافروف", date_from="2024-08")["total"] == 1
    assert search(store, "لافروف", date_to="2024-07")["total"] == 2
    assert search(store, "باماكو", event_type="ARMS_TRANSFER")["total"] == 1  # doc-a has the transfer
    assert search(store, "", entity="E4")["total"] == 2


def test_pagination_reports_the_total(store) -> None:  # noqa: ANN001
    page = search(store, "لافروف", limit=1, offset=1)
    assert page["total"] == 3 and len(page["results"]) == 1


def test_an_empty_query_is_refused(store) -> None:  # noqa: ANN001
    with pytest.raises(QueryError):
        search(store, "  ")


def test_quotes_and_operators_in_a_query_are_plain_text(store) -> None:  # noqa: ANN001
    assert search(store, 'باماكو" OR "x')["total"] == 0
    assert search(store, "باماكو AND")["total"] == 0


def test_highlight_spans_map_back_through_clitics() -> None:
    text = "ووصلت الشحنة لِلجيشِ"
    spans = highlight_spans(text, query_terms("الجيش"))
    assert [text[s:e] for s, e in spans] == ["لجيشِ"]


def test_filtered_counts_stop_at_the_cap(store, monkeypatch) -> None:  # noqa: ANN001
    import rasd.query.search as module

    monkeypatch.setattr(module, "COUNT_CAP", 1)
    capped = search(store, "لافروف", date_to="2024-07")
    assert (capped["total"], capped["total_exact"]) == (1, False)
    assert len(capped["results"]) == 2  # the page itself is not cut
    if store.dialect == "sqlite":  # unfiltered SQLite searches count in FTS5, exactly
        assert search(store, "لافروف")["total_exact"]


def test_outlet_and_month_ranges_are_index_words() -> None:
    from rasd.query.terms import date_range_tokens, document_terms, outlet_token

    assert document_terms("وكالة المثال", "2024-07-02T10:00") == [outlet_token("وكاله المثال"), "zzy2024",
                                                                   "zzm202407"]
    assert date_range_tokens("2023-11", "2025-02") == ["zzm202311", "zzm202312", "zzy2024", "zzm202501",
                                                       "zzm202502"]
    assert date_range_tokens("2024-07-01", "2024-08") is None  # days: the filter joins the documents


@pytest.mark.parametrize(("date_from", "date_to", "total"), [
    ("2024-07", "2024-07", 2), ("2024", "2024", 3), ("2024-08", "2024-12", 1), ("2024-07-03", "2024-12", 1),
    ("2023", "2023-12", 0),
])
def test_date_ranges_by_index_words_and_by_join_agree(store, date_from: str, date_to: str,  # noqa: ANN001
                                                       total: int) -> None:
    assert search(store, "لافروف", date_from=date_from, date_to=date_to)["total"] == total


def test_a_store_from_before_document_terms_is_reindexed(tmp_path) -> None:  # noqa: ANN001
    from alembic import command
    from sqlalchemy import text

    from rasd.store.engine import alembic_config

    with open_store(str(tmp_path / "kb.db")) as opened:
        store_kb(opened, sample_kb())
        config = alembic_config()
        with opened.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
            assert "zzy2024" not in conn.execute(text("SELECT terms FROM sentences")).scalars().first()
    with open_store(str(tmp_path / "kb.db")) as opened:  # opening upgrades to head again
        assert search(opened, "لافروف", outlet="وكالة المثال")["total"] == 1


@pytest.mark.parametrize("query", ["T-72B3", "t-72b3", "BTR-82A دبابات"])
def test_designations_with_hyphens_are_found(store, query: str) -> None:  # noqa: ANN001
    result = search(store, query)
    assert result["total"] == 1
    assert "T-72B3" in "".join(f["text"] for f in result["results"][0]["fragments"] if f["hit"]) or \
        "BTR-82A" in result["results"][0]["text"]
