"""Dashboard pages rendered from a hand-built store: every page, escaping of article text, highlights."""

from __future__ import annotations

import re
import warnings

import pytest

from rasd.api import create_app
from rasd.store import open_store
from rasd.store.ingest import store_kb
from test_store_helpers import sample_kb

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PAGES = ["/", "/documents", "/documents/doc-a", "/documents/doc-b", "/entities", "/entities?type=PERSON",
         "/entities/E1", "/events/V1", "/events/V2", "/timeline", "/timeline?type=ARMS_TRANSFER", "/arms",
         "/quotes", "/search", "/search?q=باماكو", "/map", "/graph"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    store = open_store(str(tmp_path_factory.mktemp("web") / "kb.db"))
    store_kb(store, sample_kb())
    return TestClient(create_app(store))


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_rtl_and_offline(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="ar" dir="rtl">' in html
    # nothing is fetched from elsewhere: every src/href is local (no CDN, fonts or tiles)
    for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert ref.startswith(("/", "#", "http://testserver/")), ref


def test_article_markup_is_escaped_everywhere(client: TestClient) -> None:
    for url in ("/documents/doc-b", "/events/V2", "/search?q=شحنة", "/documents", "/"):
        html = client.get(url).text
        assert "<script>alert(1)</script>" not in html, url
        assert "<b>مدرعات</b>" not in html, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/documents/doc-b").text


def test_reader_marks_mentions_evidence_and_quotes(client: TestClient) -> None:
    html = client.get("/documents/doc-a").text
    mark = r'<a href="/entities/E1" class="ent"><mark class="ent t-PERSON">سيرجي لافروف</mark>'
    assert re.search(mark, html)
    assert 'id="s-0"' in html and 'data-event="V1"' in html  # the evidence sentence is an anchor
    assert '<span class="quote">التعاون مستمر</span>' in html


def test_event_page_highlights_evidence_in_context(client: TestClient) -> None:
    html = client.get("/events/V2").text
    assert html.count('<figure class="evidence-item">') == 2
    assert 'href="/documents/doc-b#s-0"' in html
    assert "2 (2 مقالات، 2 مصادر)" in html


def test_search_page_highlights_the_hit_without_its_clitic(client: TestClient) -> None:
    html = client.get("/search?q=باماكو").text
    assert 'و<mark class="hit">باماكو</mark>' in html


def test_missing_records_are_html_404s(client: TestClient) -> None:
    for url in ("/entities/none", "/events/none", "/documents/none", "/no-such-page"):
        response = client.get(url)
        assert response.status_code == 404 and "<html" in response.text


def test_map_places_events_from_gazetteer_coordinates(client: TestClient) -> None:
    html = client.get("/map").text
    assert re.search(r'<a href="/entities/E4" class="place"><circle cx="[\d.]+" cy="[\d.]+"', html)
    assert "باماكو (2)" in html


def test_graph_draws_co_occurring_entities(client: TestClient) -> None:
    html = client.get("/graph").text
    assert html.count('class="edge"') == 3 and html.count('class="node') == 4


def test_timeline_page_is_paged(client: TestClient) -> None:
    first = client.get("/timeline?limit=1").text
    assert first.count('<li class="t-') == 1 and 'rel="next"' in first and "1–1 / 2" in first
    second = client.get("/timeline?limit=1&offset=1").text
    assert 'href="/events/V2"' in second and 'rel="prev"' in second


@pytest.mark.parametrize(("url", "shown"), [
    ("/entities?limit=1", "1–1 / 4"), ("/documents?limit=1", "1–1 / 2"),
    ("/search?q=لافروف&limit=2", "1–2 / 3"),
])
def test_list_pages_link_to_the_next_page(client: TestClient, url: str, shown: str) -> None:
    html = client.get(url).text
    assert shown in html and 'rel="next"' in html and 'rel="prev"' not in html
