"""The REST API: every endpoint, pagination, JSON errors with their status, and bearer-token writes."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import test_store_helpers as helpers
from rasd.api import create_app
from rasd.store import open_store
from rasd.store.ingest import store_kb
from test_store_helpers import sample_kb

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pg_server, pg_database, store_target = helpers.pg_server, helpers.pg_database, helpers.store_target
TOKEN = "test-token-3f9a"


def _client(target: str, token: str | None = TOKEN) -> TestClient:
    store = open_store(target)
    store_kb(store, sample_kb())
    return TestClient(create_app(store, token=token))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return _client(str(tmp_path_factory.mktemp("api") / "kb.db"))


GETS = [
    ("/api/overview", lambda j: j["counts"]["documents"] == 2 and j["top_entities"][0]["id"] == "E1"),
    ("/api/documents", lambda j: j["total"] == 2 and j["items"][0]["id"] == "doc-b"),
    ("/api/documents/doc-a", lambda j: any(s["kind"] == "quote" for s in j["spans"])),
    ("/api/entities", lambda j: j["total"] == 4),
    ("/api/entities?type=GPE", lambda j: j["total"] == 3),
    ("/api/entities?q=لافروف", lambda j: [e["id"] for e in j["items"]] == ["E1"]),
    ("/api/entities/E1", lambda j: j["roles"][0]["title"] == "وزير الخارجية" and j["roles"][0]["date"]),
    ("/api/events", lambda j: [e["id"] for e in j["items"]] == ["V1", "V2"]),
    ("/api/events?type=MEETING", lambda j: j["total"] == 1),
    ("/api/events?entity=E3", lambda j: [e["id"] for e in j["items"]] == ["V1"]),
    ("/api/events/V2", lambda j: len(j["evidence"]) == 2 and j["corroboration"] == 2),
    ("/api/quotes", lambda j: j["items"][0]["speaker_name"] == "سيرجي لافروف"),
    ("/api/quotes?speaker=E2", lambda j: j["total"] == 0),
    ("/api/arms", lambda j: j["items"][0]["supplier"] == "روسيا" and j["items"][0]["number"] == 2),
    ("/api/timeline", lambda j: [r["event"] for r in j["items"]] == ["V1", "V2"]),
    ("/api/timeline?type=MEETING", lambda j: [r["event"] for r in j["items"]] == ["V2"]),
    ("/api/timeline?country=مالي", lambda j: [r["event"] for r in j["items"]] == ["V1"]),
    ("/api/search?q=باماكو", lambda j: j["total"] == 2),
    ("/api/search?q=لافروف&outlet=وكالة المثال", lambda j: j["total"] == 1),
    ("/api/map", lambda j: j["total"] == 2 and j["items"][0]["lat"] is not None),
    ("/api/graph", lambda j: {"source": "E1", "target": "E2", "weight": 1} in j["edges"]),
]


@pytest.mark.parametrize(("url", "check"), GETS, ids=[u for u, _ in GETS])
def test_every_read_endpoint_answers(client: TestClient, url: str, check) -> None:  # noqa: ANN001
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert check(response.json())


def test_both_engines_answer_the_same(store_target: str) -> None:
    client = _client(store_target)
    for url, check in GETS:
        assert check(client.get(url).json()), url


def test_pagination_gives_total_limit_offset(client: TestClient) -> None:
    data = client.get("/api/entities?limit=1&offset=1").json()
    assert (data["total"], data["limit"], data["offset"], len(data["items"])) == (4, 1, 1, 1)
    assert data["items"][0]["id"] == "E4"  # second most mentioned


@pytest.mark.parametrize(("url", "status"), [
    ("/api/entities/nope", 404), ("/api/events/nope", 404), ("/api/documents/nope", 404),
    ("/api/events?type=WAR", 400), ("/api/search", 400), ("/api/search?q=%20", 400),
    ("/api/entities?limit=0", 422), ("/api/documents?limit=1000", 422), ("/api/quotes?offset=-1", 422),
    ("/api/nothing-here", 404),
])
def test_errors_are_small_json_with_a_status(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error", "status"} and body["status"] == status and body["error"]


def test_openapi_schema_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/documents", "/api/entities/{entity_id}", "/api/events/{event_id}", "/api/quotes",
                 "/api/arms", "/api/timeline", "/api/search"):
        assert path in paths
    assert "/" not in paths  # dashboard pages stay out of the API schema


ARTICLE = [{"title": "وصول مروحيات إلى نيامي",
            "text": "وصول مروحيات إلى نيامي\n\nوصلت إلى مطار نيامي أمس أربع مروحيات قتالية "
                    "قدمتها تركيا للجيش النيجري في إطار اتفاق عسكري.\n",
            "published": "2024-09-03", "outlet": "موقع تجريبي"}]


def test_writes_are_refused_without_a_configured_token(tmp_path: Path) -> None:
    client = _client(str(tmp_path / "kb.db"), token=None)
    response = client.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and "token" in response.json()["error"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic " + TOKEN, TOKEN])
def test_writes_need_the_right_bearer_token(tmp_path: Path, header: str | None) -> None:
    client = _client(str(tmp_path / "kb.db"))
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/documents", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_posted_articles_are_ingested_once(tmp_path: Path) -> None:
    client = _client(str(tmp_path / "kb.db"))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/documents", json=ARTICLE, headers=auth)
    assert first.status_code == 201, first.text
    assert first.json()["added"] == 1
    again = client.post("/api/documents", json=ARTICLE, headers=auth).json()
    assert (again["added"], again["skipped"]) == (0, 1)
    assert client.get("/api/documents").json()["total"] == 3
    assert client.get("/api/search?q=مروحيات").json()["total"] >= 1


@pytest.mark.parametrize("payload", [[], [{"title": "x"}], [{"text": ""}], {"text": "not a list"}])
def test_bad_article_payloads_are_rejected(tmp_path: Path, payload: object) -> None:
    client = _client(str(tmp_path / "kb.db"))
    response = client.post("/api/documents", json=payload, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (400, 422)
    assert "error" in response.json()


def test_rasd_serve_answers_on_localhost(tmp_path: Path) -> None:
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    target = str(tmp_path / "kb.db")
    with open_store(target) as store:
        store_kb(store, sample_kb())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "RASD_API_TOKEN"}
    server = subprocess.Popen([str(Path(sys.executable).parent / "rasd"), "serve", "--db", target,
                               "--port", str(port)], env=env, stderr=subprocess.PIPE)
    try:
        deadline, response = time.monotonic() + 30, None
        while time.monotonic() < deadline and response is None:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2)
            except httpx.TransportError:
                time.sleep(0.1)
        assert response is not None and response.json()["counts"]["documents"] == 2
        assert 'dir="rtl"' in httpx.get(f"http://127.0.0.1:{port}/").text
        refused = httpx.post(f"http://127.0.0.1:{port}/api/documents", json=ARTICLE)
        assert refused.status_code == 403  # no token in the environment: writes are off
    finally:
        server.terminate()
        server.wait(timeout=10)
