"""One HTTP attempt: POST the frozen body through the guarded outgoing client
(`core.http`, kept-alive connections shared with source downloads), classify the answer."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

import httpx

from planroom.core.http import AddressRefused, SharedClients, guarded_stream, shared_clients

Outcome = Literal["delivered", "retry", "gone", "refused"]
RESPONSE_EXCERPT_CHARS = 1024


@dataclass(frozen=True)
class AttemptResult:
    outcome: Outcome
    status_code: int | None
    error: str | None
    duration_ms: int
    response_body: str | None = None
    timed_out: bool = False


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

    limits = httpx.Timeout(timeout, connect=min(5.0, timeout))
    try:
        with guarded_stream(
            "POST",
            url,
            allow_private=allow_private,
            timeout=limits,
            headers=headers,
            content=body.encode(),
            clients=clients,
        ) as response:
            waited = time.monotonic() - started
            excerpt = _read_excerpt(response)
    except AddressRefused as exc:
        return AttemptResult("refused", None, str(exc), elapsed_ms())
    except OSError as exc:
        return AttemptResult("retry", None, f"could not resolve the host: {exc}", elapsed_ms())
    except httpx.TimeoutException:
        error = f"no answer within {timeout:g} s"
        return AttemptResult("retry", None, error, elapsed_ms(), timed_out=True)
    except httpx.HTTPError as exc:
        return AttemptResult("retry", None, _describe(exc), elapsed_ms())

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
