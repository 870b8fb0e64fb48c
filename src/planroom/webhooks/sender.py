"""One HTTP attempt: POST the frozen body, never follow redirects, classify the answer.

Connections are kept alive between calls: each worker process keeps one httpx client per
receiving host (the guard pins the checked address, so a client per host name keeps each TLS
connection to the name it was opened for).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Literal

import httpx

from planroom.webhooks.guard import AddressRefused, check_target

Outcome = Literal["delivered", "retry", "gone", "refused"]
RESPONSE_EXCERPT_CHARS = 1024


MAX_SHARED_HOSTS = 256


@dataclass(frozen=True)
class AttemptResult:
    outcome: Outcome
    status_code: int | None
    error: str | None
    duration_ms: int
    response_body: str | None = None
    timed_out: bool = False


class SharedClients:
    """Kept-alive httpx clients, one per (scheme, host name, port); thread-safe."""

    def __init__(self, max_hosts: int = MAX_SHARED_HOSTS) -> None:
        self._clients: dict[tuple[str, str], httpx.Client] = {}
        self._lock = threading.Lock()
        self._max_hosts = max_hosts

    def get(self, key: tuple[str, str]) -> httpx.Client | None:
        """The host's client; None once `max_hosts` hosts have one (call with a fresh client)."""
        with self._lock:
            client = self._clients.get(key)
            if client is None and len(self._clients) < self._max_hosts:
                client = self._clients[key] = new_client()
            return client

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()


def new_client() -> httpx.Client:
    return httpx.Client(
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=5, keepalive_expiry=30),
    )


shared_clients = SharedClients()


def post(
    url: str,
    body: str,
    headers: dict[str, str],
    *,
    timeout: float,
    allow_private: bool,
    clients: SharedClients | None = shared_clients,
) -> AttemptResult:
    """POST `body` to `url`. 2xx within `timeout` is delivered; 410 is gone (stop calling the
    URL); a refused address is final; anything else (3xx, 4xx, 5xx, timeouts, network errors)
    may be retried."""
    started = time.monotonic()

    def elapsed_ms() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        target = check_target(url, allow_private=allow_private)
    except AddressRefused as exc:
        return AttemptResult("refused", None, str(exc), elapsed_ms())
    except OSError as exc:
        return AttemptResult("retry", None, f"could not resolve the host: {exc}", elapsed_ms())

    request_headers = dict(headers)
    extensions: dict[str, str] = {}
    if target.host_header:
        request_headers["host"] = target.host_header
    if target.sni_hostname:
        extensions["sni_hostname"] = target.sni_hostname
    limits = httpx.Timeout(timeout, connect=min(5.0, timeout))
    key = (target.url.scheme, f"{target.host_header or target.url.netloc.decode()}")
    shared = clients.get(key) if clients is not None else None
    client = shared or new_client()
    try:
        with client.stream(
            "POST",
            target.url,
            content=body.encode(),
            headers=request_headers,
            extensions=extensions,
            timeout=limits,
        ) as response:
            waited = time.monotonic() - started
            excerpt = _read_excerpt(response)
    except httpx.TimeoutException:
        error = f"no answer within {timeout:g} s"
        return AttemptResult("retry", None, error, elapsed_ms(), timed_out=True)
    except httpx.HTTPError as exc:
        return AttemptResult("retry", None, _describe(exc), elapsed_ms())
    finally:
        if shared is None:
            client.close()

    status = response.status_code
    if waited > timeout:
        error = f"answered {status} after {waited:.1f} s, later than {timeout:g} s"
        return AttemptResult("retry", status, error, elapsed_ms(), excerpt, timed_out=True)
    if 200 <= status < 300:
        return AttemptResult("delivered", status, None, elapsed_ms(), excerpt)
    if status == 410:
        error = "410 Gone: the URL asked not to be called again, so it was disabled"
        return AttemptResult("gone", status, error, elapsed_ms(), excerpt)
    if 300 <= status < 400:
        location = response.headers.get("location", "")
        error = f"redirect {status} to {location!r} (redirects are not followed)"
        return AttemptResult("retry", status, error, elapsed_ms(), excerpt)
    return AttemptResult("retry", status, f"HTTP {status}", elapsed_ms(), excerpt)


def _read_excerpt(response: httpx.Response) -> str | None:
    collected = bytearray()
    for chunk in response.iter_bytes():
        collected.extend(chunk)
        if len(collected) >= RESPONSE_EXCERPT_CHARS * 4:
            break
    if not collected:
        return None
    text = collected.decode("utf-8", errors="replace").replace("\x00", "")
    return text[:RESPONSE_EXCERPT_CHARS]


def _describe(exc: httpx.HTTPError) -> str:
    kind = type(exc).__name__
    detail = str(exc) or kind
    return f"{kind}: {detail}"[:500]
