"""Fetching a URL safely: no private, loopback or link-local hosts (checked after DNS and on every
redirect), a byte limit while streaming and a time limit for the whole fetch (from Options).

Every hop is checked before it is requested (a clear message), and again when
the socket is opened: the connection goes to an address that was just
checked, so a DNS answer that changes in between (rebinding) cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from rasd.errors import InputError
from rasd.settings import Options

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 5
USER_AGENT = "rasd/0.1 (+https://github.com/; Arabic news analysis)"


def is_url(text: str) -> bool:
    """Whether an input names a URL rather than a file."""
    return text.lower().startswith(("http://", "https://"))


def _refused(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Addresses a fetch must not reach unless allowed: private, loopback, link-local and the like."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (address.is_private or address.is_loopback or address.is_link_local or address.is_reserved
            or address.is_multicast or address.is_unspecified)


def _resolve(host: str, port: int) -> list[str]:
    return [str(info[4][0]).split("%")[0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def _guarded_transport(allow_private: bool) -> httpx.HTTPTransport:
    """An httpx transport whose sockets only open to addresses that pass the check."""
    import httpcore
    import httpx

    class GuardedBackend(httpcore.SyncBackend):
        def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                        local_address: str | None = None,
                        socket_options: object = None) -> httpcore.NetworkStream:
            try:
                addresses = _resolve(host, port)
            except (socket.gaierror, UnicodeError) as exc:
                raise httpcore.ConnectError(f"cannot resolve host {host!r} ({exc})") from exc
            allowed = [a for a in addresses if allow_private or not _refused(ipaddress.ip_address(a))]
            if not allowed:
                raise httpcore.ConnectError(f"refused: {host} is a private, loopback or link-local address")
            return super().connect_tcp(allowed[0], port, timeout, local_address, socket_options)

    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    if pool is not None and hasattr(pool, "_network_backend"):  # httpx keeps no public hook for this
        pool._network_backend = GuardedBackend()
    return transport


def check_url(url: str, given: str, allow_private: bool) -> None:
    """InputError unless `url` is http(s) and (unless allowed) every address of its host is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(given, f"refused URL scheme {parts.scheme!r} (http and https only)")
    host = parts.hostname
    if not host:
        raise InputError(given, "URL without a host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = _resolve(host, port)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise InputError(given, f"cannot resolve host {host!r} ({exc})") from exc
    if allow_private:
        return
    for text in addresses:
        address = ipaddress.ip_address(text)
        if _refused(address):
            raise InputError(given, f"refused: {host} is a private, loopback or link-local address "
                                    f"({address}); use --allow-private-urls to fetch it")


def _read_body(response: httpx.Response, url: str, limit: int, deadline: float, timeout: float) -> bytes:
    """The streamed body, refused once it passes `limit` bytes or the deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(url, f"response too large ({declared} bytes > url_max_bytes {limit})")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(url, f"response too large (over url_max_bytes {limit})")
        if time.monotonic() > deadline:
            raise InputError(url, f"fetch took longer than url_timeout ({timeout} s)")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_url(url: str, options: Options) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of a URL, within the size and time limits of `options`."""
    import httpx

    limit, timeout = int(options.url_max_bytes), float(options.url_timeout)
    deadline = time.monotonic() + timeout
    current = url
    try:
        headers = {"User-Agent": USER_AGENT}
        transport = _guarded_transport(bool(options.allow_private_urls))
        with httpx.Client(follow_redirects=False, timeout=timeout, headers=headers,
                          transport=transport) as client:
            for _ in range(MAX_REDIRECTS + 1):
                check_url(current, url, bool(options.allow_private_urls))
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        current = urljoin(current, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise InputError(url, f"HTTP error {response.status_code}")
                    body = _read_body(response, url, limit, deadline, timeout)
                    return body, response.headers.get("content-type", ""), str(response.url)
    except httpx.TimeoutException as exc:
        raise InputError(url, f"timed out after {timeout} s") from exc
    except httpx.HTTPError as exc:
        if str(exc).startswith("refused:"):
            raise InputError(url, str(exc)) from exc
        raise InputError(url, f"unreachable ({exc.__class__.__name__}: {exc})") from exc
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")
