"""The dashboard in a real browser (Debian's chromium via Playwright) on a store built from the seeds.

Every page loads, entity -> event -> evidence can be followed by clicking, search
works, and no request leaves 127.0.0.1. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A rasd server on 127.0.0.1 over a store of the seed articles."""
    import uvicorn

    from rasd.api import create_app
    from rasd.ingest import read_inputs
    from rasd.pipeline import build_documents
    from rasd.settings import Options
    from rasd.store import open_store
    from rasd.store.ingest import ingest_documents

    store = open_store(str(tmp_path_factory.mktemp("browser") / "kb.db"))
    options, failures = Options(), []
    docs = list(build_documents(read_inputs([str(shared_dir / "corpus" / "seeds")], options, failures),
                                options, failures))
    ingest_documents(store, docs, options)
    port = _free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is missing: apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str):  # noqa: ANN001, ANN201
    """A page that records every request it makes."""
    context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    hosts = {urlparse(url).hostname for url in page.requests if not url.startswith(("data:", "about:"))}
    context.close()
    assert hosts <= {"127.0.0.1"}, f"requests left 127.0.0.1: {hosts}"


def _shot(page, name: str) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("path", ["/", "/timeline", "/entities", "/arms", "/quotes", "/documents", "/map",
                                  "/graph", "/search?q=مالي"])
def test_each_page_loads(page, server: str, path: str) -> None:  # noqa: ANN001
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    response = page.goto(server + path)
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").count() == 1
    assert not errors
    _shot(page, "page" + path.replace("/", "_").replace("?", "_").replace("=", "_"))


def test_entity_to_event_to_evidence(page, server: str) -> None:  # noqa: ANN001
    import httpx

    events = httpx.get(f"{server}/api/events?limit=200").json()["items"]
    with_entity = [(e, p["entity"]) for e in events for p in e["participants"] if p["entity"]]
    if not with_entity:
        pytest.skip("the pipeline found no event with an entity participant in the seeds")
    event, entity = with_entity[0]
    page.goto(f"{server}/entities/{entity}")
    _shot(page, "click_1_entity")
    page.locator(f'a[href="/events/{event["id"]}"]').first.click()
    page.wait_for_url(f"**/events/{event['id']}")
    assert page.locator("figure.evidence-item").count() >= 1
    assert page.locator("figure.evidence-item .evidence").first.inner_text().strip()
    _shot(page, "click_2_event")
    page.locator("figure.evidence-item figcaption a").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator(".evidence:target").count() == 1  # the evidence sentence is the fragment target
    current = page.locator(".evidence.current")
    assert current.count() >= 1 and current.first.is_visible()  # all of its pieces are highlighted
    anchor = page.locator(".evidence:target").get_attribute("data-s")
    assert all(current.nth(i).get_attribute("data-s") == anchor for i in range(current.count()))
    _shot(page, "click_3_evidence")


def test_search_from_the_header(page, server: str) -> None:  # noqa: ANN001
    page.goto(server + "/")
    page.fill('header form input[name="q"]', "روسيا")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    hits = page.locator("mark.hit")
    assert hits.count() >= 1
    texts = [hits.nth(i).inner_text() for i in range(hits.count())]
    assert "روسيا" in texts  # other hits may be the same entity under another alias (موسكو)
    _shot(page, "search")


def test_reader_toggle_hides_annotation_colours(page, server: str) -> None:  # noqa: ANN001
    page.goto(server + "/documents")
    page.locator("table.list a").first.click()
    page.wait_for_url("**/documents/**")
    page.uncheck("#toggle-marks")
    assert "hide-marks" in (page.locator("#body").get_attribute("class") or "")
    _shot(page, "reader")
