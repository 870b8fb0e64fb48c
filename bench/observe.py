"""What the request-id / log-context / latency layer costs a request, in-process.

Run from the repository root: `python bench/observe.py [--requests 3000]`. It builds the app
twice on one SQLite data dir with one company and order: as served, and with
`RequestObserver` left out (the reference, measured in the same run). Each is driven as a bare
ASGI callable (no sockets, no uvicorn) on `GET /healthz` and `GET /orders/{id}`, alternating
rounds so drift in machine load hits both; it prints microseconds per request (median of the
rounds, CPU time of this process), the difference and the ratio. With INFO logging on, the
access line is formatted as JSON into a null stream, as `planroom serve` does to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi.testclient import TestClient

from planroom.api.observe import RequestObserver
from planroom.app import create_app
from planroom.core.logs import JsonFormatter
from planroom.runtime import Runtime
from planroom.settings import Settings


def _app(runtime: Runtime, observed: bool) -> Any:
    app = create_app(runtime)
    if not observed:
        app.user_middleware = [m for m in app.user_middleware if m.cls is not RequestObserver]
    app.middleware_stack = app.build_middleware_stack()
    return app


async def _drive(app: Any, path: str, headers: list[tuple[bytes, bytes]], n: int) -> float:
    scope_base = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    statuses: list[int] = []

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    started = time.process_time()
    for _ in range(n):
        await app(dict(scope_base, state={}), receive, send)
    elapsed = time.process_time() - started
    assert set(statuses) == {200}, set(statuses)
    return elapsed / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000, help="per path, per app, per round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    handler = logging.StreamHandler(open(os.devnull, "w"))  # noqa: SIM115
    handler.setFormatter(JsonFormatter())
    logging.getLogger().handlers[:] = [handler]
    logging.getLogger().setLevel(logging.INFO)
    logging.getLogger("planroom.jobs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(data_dir=Path(data_dir), embedded_workers=0, rate_limit_per_second=0.0)
        runtime = Runtime.from_settings(settings)
        from planroom.migrations.run import upgrade

        upgrade(runtime.engine)
        served, bare = _app(runtime, True), _app(runtime, False)
        with TestClient(served) as client:
            from tests.builders import make_tenant
            from tests.orders.builders import create_draft, tenant_with_owner

            tenant = tenant_with_owner(make_tenant(runtime, client))
            order = create_draft(tenant)
        key = [(b"api-key", tenant.api_key.encode())]
        paths = {"/healthz": [], f"/api/integrate/v3/orders/{order['id']}": key}
        loop = asyncio.new_event_loop()
        print(f"{'path':<34} {'observed µs':>12} {'without µs':>11} {'diff µs':>8} {'ratio':>6}")
        for path, headers in paths.items():
            with_layer: list[float] = []
            without: list[float] = []
            loop.run_until_complete(_drive(served, path, headers, 200))  # warm
            loop.run_until_complete(_drive(bare, path, headers, 200))
            for _ in range(args.rounds):
                with_layer.append(
                    loop.run_until_complete(_drive(served, path, headers, args.requests))
                )
                without.append(loop.run_until_complete(_drive(bare, path, headers, args.requests)))
            a, b = statistics.median(with_layer), statistics.median(without)
            label = path if len(path) < 34 else "/api/integrate/v3/orders/{id}"
            print(f"{label:<34} {a:>12.1f} {b:>11.1f} {a - b:>8.1f} {a / b:>6.3f}")
        runtime.close()


if __name__ == "__main__":
    main()
