"""CPU per request of Planroom's own ASGI stack, in-process, next to a bare ASGI app.

Run from the repository root: `python bench/edge.py [--requests 2000] [--rounds 9]`. It makes
a company with one order in a fresh SQLite data dir, then drives the app `planroom serve` runs
(logging as it does: JSON lines at INFO, here to the null device) and `bench/bare_app.py`
answering the same bytes as bare ASGI callables: no sockets, no uvicorn, no load generator. So
it shows what the edge, the hot reads and the routes cost by themselves, steadier than
`bench/api.py` on a shared machine. For each path it prints the median CPU microseconds per
request of the rounds (alternating the two apps, so drift in load hits both) and their
difference: what Planroom adds to a request. Served by uvicorn at 8 clients, the bare app costs
about 130 µs of CPU an answer (`bench/api.py`), so Planroom reaches half the bare app's rate
while it adds no more than that. Paths: `GET /healthz`
(a route), `GET /orders/{id}`, the same with `If-None-Match` (a 304), `GET /orders?limit=20`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bare_app import make_app
from fastapi.testclient import TestClient

from planroom.app import create_app
from planroom.core import logs
from planroom.migrations.run import upgrade
from planroom.runtime import Runtime
from planroom.settings import Settings

Asgi = Any


def _scope(path: str, query: bytes, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"user-agent", b"bench"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def _drive(app: Asgi, target: str, headers: list[tuple[bytes, bytes]], n: int) -> float:
    """CPU µs per request of `n` requests, after checking the answers are 200 or 304."""
    path, _, query = target.partition("?")

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    statuses: set[int] = set()

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.add(message["status"])

    started = time.process_time()
    for _ in range(n):
        await app(_scope(path, query.encode(), list(headers)), receive, send)
    elapsed = time.process_time() - started
    assert statuses <= {200, 304} and len(statuses) == 1, statuses
    return elapsed / n * 1e6


async def _lifespan(app: Asgi) -> tuple[asyncio.Queue[dict[str, str]], asyncio.Task[None]]:
    """Start `app`'s lifespan (the DB gate sizes its thread pool there); put a shutdown in the
    returned queue and await the task to end it."""
    messages: asyncio.Queue[dict[str, str]] = asyncio.Queue()
    await messages.put({"type": "lifespan.startup"})
    started = asyncio.Event()

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "lifespan.startup.complete":
            started.set()

    scope = {"type": "lifespan", "asgi": {"version": "3.0"}}
    task = asyncio.ensure_future(app(scope, messages.get, send))
    await started.wait()
    return messages, task


def _seed(runtime: Runtime, served: Asgi, work: Path) -> tuple[dict[str, Any], Path]:
    """One company with one order; the bare app's payloads (the served bytes and tag)."""
    from tests.builders import make_tenant
    from tests.orders.builders import create_draft, tenant_with_owner

    with TestClient(served) as client:
        tenant = tenant_with_owner(make_tenant(runtime, client))
        order = create_draft(tenant)
        api = "/api/integrate/v3"
        one = client.get(f"{api}/orders/{order['id']}", headers={"api-key": tenant.api_key})
        page = client.get(f"{api}/orders?limit=20", headers={"api-key": tenant.api_key})
    key = (b"api-key", tenant.api_key.encode())
    order_path = f"{api}/orders/{order['id']}"
    etag = one.headers["etag"]
    cases = {
        "GET /healthz": ("/healthz", []),
        "GET /orders/{id}": (order_path, [key]),
        "GET /orders/{id} (304)": (order_path, [key, (b"if-none-match", etag.encode())]),
        "GET /orders?limit=20": (f"{api}/orders?limit=20", [key]),
    }
    payloads = {
        "/healthz": '{"status":"ok"}',
        order_path: {"body": one.text, "etag": etag},
        f"{api}/orders?limit=20": page.text,
    }
    (work / "payloads.json").write_text(json.dumps(payloads))
    return cases, work / "payloads.json"


async def _measure(args: argparse.Namespace, runtime: Runtime, work: Path) -> None:
    served = create_app(runtime)
    cases, payloads = _seed(runtime, served, work)
    os.environ["BENCH_PAYLOADS"] = str(payloads)
    bare = make_app()
    shutdown, lifespan = await _lifespan(served)
    print(f"{'request':<24} {'Planroom µs':>12} {'bare µs':>8} {'added µs':>9}")
    for label, (target, headers) in cases.items():
        ours: list[float] = []
        theirs: list[float] = []
        await _drive(served, target, headers, 300)  # warm: answers built, code specialised
        await _drive(bare, target, headers, 300)
        for _ in range(args.rounds):
            ours.append(await _drive(served, target, headers, args.requests))
            theirs.append(await _drive(bare, target, headers, args.requests))
        a, b = statistics.median(ours), statistics.median(theirs)
        print(f"{label:<24} {a:>12.1f} {b:>8.1f} {a - b:>9.1f}")
    await shutdown.put({"type": "lifespan.shutdown"})
    await lifespan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="per path, app and round")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    # as `planroom serve` logs: JSON lines at INFO to stderr, here the null device
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    logs.configure()
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(data_dir=Path(data_dir), embedded_workers=0, rate_limit_per_second=0.0)
        runtime = Runtime.from_settings(settings)
        upgrade(runtime.engine)
        try:
            uvloop.run(_measure(args, runtime, Path(data_dir)))
        finally:
            runtime.close()


if __name__ == "__main__":
    main()
