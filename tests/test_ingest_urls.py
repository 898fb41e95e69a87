"""URLs: fetched from a local server only when private addresses are allowed, refused otherwise."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rasd.errors import InputError
from rasd.ingest import fetch, read_inputs
from rasd.ingest.fetch import check_url
from rasd.settings import Options

PARAGRAPH = "أعلنت وزارة الدفاع يوم الأحد عن وصول دفعة جديدة من المعدات العسكرية إلى القاعدة الجوية."
HTML = (f"<html><head><title>وصول معدات</title></head><body><article><h1>وصول معدات</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>").encode("cp1256")


class Handler(BaseHTTPRequestHandler):
    """A tiny site: an article (cp1256), a redirect to it, a large page and a 404."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/article":
            self._send(200, HTML, "text/html; charset=windows-1256")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def read(url: str, **settings: object):
    failures: list[str] = []
    sources = list(read_inputs([url], Options().replace(**settings), failures))
    return sources, failures


def test_local_url_with_private_urls_allowed(server):
    (source,), failures = read(f"{server}/article", allow_private_urls=True)
    assert failures == []
    assert source.path is None and source.url == f"{server}/article"
    assert source.fmt == "html" and PARAGRAPH in source.content and source.encoding == "windows-1256"


def test_redirect_is_followed_to_the_final_url(server):
    (source,), failures = read(f"{server}/moved", allow_private_urls=True)
    assert failures == [] and source.url == f"{server}/article"


def test_local_url_refused_by_default(server):
    sources, failures = read(f"{server}/article")
    assert sources == []
    assert failures[0].startswith(f"{server}/article: refused") and "allow-private-urls" in failures[0]


def test_every_redirect_hop_is_checked(server, monkeypatch):
    checked: list[str] = []

    def guard(url: str, given: str, allow_private: bool) -> None:
        checked.append(url)
        if url.endswith("/article"):
            raise InputError(given, "refused: private address")

    monkeypatch.setattr(fetch, "check_url", guard)
    sources, failures = read(f"{server}/moved", allow_private_urls=True)
    assert sources == [] and checked == [f"{server}/moved", f"{server}/article"]
    assert failures == [f"{server}/moved: refused: private address"]


def test_http_errors_size_limit_and_unreachable_hosts(server):
    _, failures = read(f"{server}/missing", allow_private_urls=True)
    assert failures == [f"{server}/missing: HTTP error 404"]
    _, failures = read(f"{server}/big", allow_private_urls=True, url_max_bytes=1000)
    assert "too large" in failures[0]
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _, failures = read(f"http://127.0.0.1:{port}/", allow_private_urls=True, url_timeout=2.0)
    assert failures[0].startswith(f"http://127.0.0.1:{port}/: unreachable")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fe80::1]/", "http://0.0.0.0/",
])
def test_private_loopback_and_link_local_addresses_are_refused(url):
    with pytest.raises(InputError, match="refused"):
        check_url(url, url, allow_private=False)
    check_url(url, url, allow_private=True)


def test_other_schemes_are_refused():
    with pytest.raises(InputError, match="scheme"):
        check_url("ftp://example.org/a", "ftp://example.org/a", allow_private=True)


def test_the_socket_is_guarded_too_when_dns_changes_after_the_check(server, monkeypatch):
    # the first check sees a public address; the connection then resolves to loopback (DNS rebinding)
    monkeypatch.setattr(fetch, "check_url", lambda url, given, allow_private: None)
    sources, failures = read(f"{server}/article")
    assert sources == []
    assert failures[0].startswith(f"{server}/article: refused")
