"""What the edge observes of a request: its id, its order, its route, its latency.

Every answer carries `X-Request-Id`: the caller's own when it sent a valid one (1 to 128 of
`A-Z a-z 0-9 . _ : - + = / @`), else a new one. The id, the company (once the key is resolved)
and the order (from the path) are in every log line of the request (`core.logs`).
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass
from typing import Any

from starlette.types import Scope

from planroom.api.asgi import header
from planroom.core.metrics import REQUEST_SECONDS

REQUEST_ID = re.compile(rb"[A-Za-z0-9._:\-+=/@]{1,128}")
ORDER_IN_PATH = re.compile(r"/orders/([0-9a-fA-F-]{36})(?:/|$)")
MOUNTED = ("/static/",)  # the app's mounts: they set no route in the scope


class _RequestIds:
    """32 hex digits: this process's random half and a count. Unique without a system call
    per request; a forked process draws a half of its own."""

    def __init__(self) -> None:
        self._draw()
        os.register_at_fork(after_in_child=self._draw)

    def _draw(self) -> None:
        self._process = os.urandom(8).hex()
        self._count = itertools.count(int.from_bytes(os.urandom(8)))

    def new(self) -> str:
        return f"{self._process}{next(self._count) & 0xFFFF_FFFF_FFFF_FFFF:016x}"


new_request_id = _RequestIds().new


def request_id_of(scope: Scope) -> str:
    """The caller's `X-Request-Id` when it is valid, else a new one."""
    given = header(scope, b"x-request-id")
    if given is not None and REQUEST_ID.fullmatch(given):
        return given.decode("ascii")
    return new_request_id()


def order_in_path(path: str) -> str | None:
    """The order id of an `/orders/{id}...` path, lowercase: every line of its request has it."""
    if "/orders/" not in path:
        return None
    found = ORDER_IN_PATH.search(path)
    return None if found is None else found.group(1).lower()


@dataclass(frozen=True, slots=True)
class NamedRoute:
    """The `route` a request answered outside the router puts in its scope: its template, for
    metrics, logs and traces, as a route the router matched would."""

    path: str
    methods: frozenset[str] = frozenset({"GET"})


def route_template(scope: Scope) -> str:
    """The matched route's path with its parameters named (`/api/integrate/v3/orders/
    {order_id}`), from the path and its parameters (included routers keep their own prefix
    apart); `unrouted` when no route matched, so the label's values stay few."""
    route = scope.get("route")
    if isinstance(route, NamedRoute):
        return route.path
    path: str = scope["path"]
    if route is None:
        if path.startswith(MOUNTED):
            return f"{path[: path.index('/', 1)]}/{{path}}"
        return "unrouted"
    params: dict[str, Any] = scope.get("path_params") or {}
    if not params:
        return path
    names = {str(value): f"{{{name}}}" for name, value in params.items()}
    segments = path.split("/")
    return "/".join(
        names.get(segment) or names.get(segment.lower(), segment) for segment in segments
    )


class RequestMetrics:
    """Latency by method, route and status (`planroom_http_request_duration_seconds`); each
    series is looked up once."""

    def __init__(self) -> None:
        self._series: dict[tuple[str, str, int], Any] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status)
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = REQUEST_SECONDS.labels(method, route, str(status))
        series.observe(seconds)
