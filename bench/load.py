"""Requests/s and latency under 8, 32, 64 and 128 concurrent clients, next to a bare ASGI app.

Run from the repository root: `python bench/load.py [--duration 15] [--topology sqlite,postgres]`.
For each topology it starts `planroom serve` on 127.0.0.1 (the embedded default: SQLite and one
process; PostgreSQL: a fresh database, the Redis queue and `--workers 2`), makes a company with
40 orders, then keeps N keep-alive connections busy for `--duration` seconds on
`GET /orders/{id}` and on `GET /orders?limit=20`. Each level is then run against
`bench/bare_app.py` (the same bytes, the same uvicorn options and process count) in the same
run. It prints requests/s, p50 and p99, the answers other than 200 by status (only 503 and 429
are acceptable; `timeout` and `reset` are client-side failures) and the ratio to the bare app.
A client told 503 or 429 waits the `Retry-After` second before its next call, as a well-behaved
client does; p50 and p99 are of the 200 answers.

Only loopback, only the ports given (`--port`, `--port + 1`), and at most `--duration` seconds
per level. Rate limits are switched off: one key at 128 clients would only measure the 429s.
PostgreSQL comes from `PLANROOM_BENCH_POSTGRES_URL` (default `postgresql+psycopg://postgres@
127.0.0.1:5432/postgres`), Redis from `PLANROOM_BENCH_REDIS_URL` (default db 13 on 6379).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
API = "/api/integrate/v3"
REQUEST_TIMEOUT = 10.0
START_TIMEOUT = 240.0
ORDERS = 40
RETRY_AFTER = 1.0
OK = ("200", "304")


@dataclass
class Level:
    clients: int
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0

    @property
    def rps(self) -> float:
        return sum(self.statuses.values()) / self.elapsed if self.elapsed else 0.0

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    @property
    def ok_rps(self) -> float:
        ok = self.statuses["200"] + self.statuses["304"]
        return ok / self.elapsed if self.elapsed else 0.0

    @property
    def errors(self) -> dict[str, int]:
        return {status: n for status, n in sorted(self.statuses.items()) if status not in OK}


async def _client(
    port: int, raw: bytes, deadline: float, level: Level, started: asyncio.Event
) -> None:
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    await started.wait()
    while time.monotonic() < deadline:
        begun = time.monotonic()
        try:
            if writer is None or reader is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(raw)
            status, close = await asyncio.wait_for(_response(reader), REQUEST_TIMEOUT)
        except TimeoutError:
            status, close = "timeout", True
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            status, close = "reset", True
        level.statuses[status] += 1
        if status in OK:
            level.latencies.append(time.monotonic() - begun)
        if close and writer is not None:
            writer.close()
            reader = writer = None
        if status in ("503", "429"):
            # as a well-behaved client does (the answers say `Retry-After: 1`)
            await asyncio.sleep(min(RETRY_AFTER, max(0.0, deadline - time.monotonic())))
    if writer is not None:
        writer.close()


async def _response(reader: asyncio.StreamReader) -> tuple[str, bool]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionResetError
    status = status_line.split(b" ", 2)[1].decode()
    length, close = 0, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value.strip())
        elif name == b"connection" and value.strip().lower() == b"close":
            close = True
    await reader.readexactly(length)
    return status, close


async def _run_level(
    port: int, path: str, api_key: str, clients: int, seconds: float, extra: str = ""
) -> Level:
    raw = (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\napi-key: {api_key}\r\n"
        f"accept: application/json\r\n{extra}\r\n"
    ).encode()
    level = Level(clients)
    started = asyncio.Event()
    deadline = time.monotonic() + seconds
    tasks = [
        asyncio.create_task(_client(port, raw, deadline, level, started)) for _ in range(clients)
    ]
    begun = time.monotonic()
    started.set()
    await asyncio.gather(*tasks)
    level.elapsed = time.monotonic() - begun
    return level


def run_level(
    port: int, path: str, api_key: str, clients: int, seconds: float, extra: str = ""
) -> Level:
    """`clients` keep-alive connections calling `path` for `seconds`; `extra` is more header
    lines, each ending in CRLF."""
    try:
        import uvloop

        return uvloop.run(_run_level(port, path, api_key, clients, seconds, extra))
    except ImportError:
        return asyncio.run(_run_level(port, path, api_key, clients, seconds, extra))


@contextmanager
def process(
    command: list[str], env: dict[str, str], log: Path, port: int
) -> Iterator[subprocess.Popen[bytes]]:
    """A server process on 127.0.0.1:`port`, stopped (SIGINT, then SIGKILL) at the end."""
    with log.open("w") as output:
        child = subprocess.Popen(
            command, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if child.poll() is not None:
                raise RuntimeError(f"{command[0]} exited; see {log}")
            try:
                if httpx.get(f"http://{HOST}:{port}/healthz", timeout=2).status_code in (
                    200,
                    404,
                ):
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"no answer on port {port} within {START_TIMEOUT:.0f} s")
            time.sleep(0.5)
        yield child
    finally:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _postgres_database() -> tuple[str, str, str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(
        os.environ.get(
            "PLANROOM_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        )
    )
    name = f"planroom_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    return url, admin_url.render_as_string(hide_password=False), name


def _drop_postgres(admin_url: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _seed(env: dict[str, str], port: int) -> tuple[str, str]:
    """A company, its owner and `ORDERS` drafts; returns the API key and one order id."""
    created = subprocess.run(
        [str(VENV_BIN / "planroom"), "company", "create", "--name", "Load Co", "--json"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    api_key = json.loads(created.stdout.strip().splitlines()[-1])["api_key"]
    base = f"http://{HOST}:{port}{API}"
    with httpx.Client(base_url=base, headers={"api-key": api_key}, timeout=30) as client:
        client.post(
            "/users", json={"email": "load@example.com", "role": "Manager"}
        ).raise_for_status()
        ids = []
        for index in range(ORDERS):
            draft = client.post(
                "/orders/draft",
                json={
                    "street": f"{index + 1} Main Street",
                    "city": "Minneapolis",
                    "country": "United States",
                    "owner_email": "load@example.com",
                },
            )
            draft.raise_for_status()
            ids.append(draft.json()["id"])
    return api_key, ids[0]


def bench_topology(args: argparse.Namespace, topology: str) -> list[str]:
    work = Path(tempfile.mkdtemp(prefix=f"planroom-load-{topology}-"))
    env = {
        **os.environ,
        "PLANROOM_DATA_DIR": str(work / "data"),
        "PLANROOM_RATE_LIMIT_PER_SECOND": "0",
        "PLANROOM_PUBLIC_URL": f"http://{HOST}:{args.port}",
    }
    workers = 1
    dropping: tuple[str, str] | None = None
    if topology == "postgres":
        url, admin_url, name = _postgres_database()
        dropping = (admin_url, name)
        env["PLANROOM_DATABASE_URL"] = url
        env["PLANROOM_QUEUE_URL"] = os.environ.get(
            "PLANROOM_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"
        )
        workers = args.workers
    serve = [str(VENV_BIN / "planroom"), "serve", "--port", str(args.port)]
    serve += ["--workers", str(workers)]
    lines: list[str] = []
    try:
        subprocess.run(
            [str(VENV_BIN / "planroom"), "migrate"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        with process(serve, env, work / "serve.log", args.port):
            api_key, order_id = _seed(env, args.port)
            paths = {"order": f"{API}/orders/{order_id}", "list": f"{API}/orders?limit=20"}
            payloads = {}
            for path in paths.values():
                answer = httpx.get(
                    f"http://{HOST}:{args.port}{path}", headers={"api-key": api_key}, timeout=30
                )
                answer.raise_for_status()
                payloads[path] = answer.text
            planroom_levels = {
                (name, clients): run_level(args.port, path, api_key, clients, args.duration)
                for name, path in paths.items()
                for clients in args.levels
            }
        (work / "payloads.json").write_text(json.dumps(payloads))
        bare_env = {**env, "BENCH_PAYLOADS": str(work / "payloads.json")}
        bare_port = args.port + 1
        bare = [
            str(VENV_BIN / "uvicorn"),
            "--factory",
            "bare_app:make_app",
            "--app-dir",
            str(ROOT / "bench"),
            "--host",
            HOST,
            "--port",
            str(bare_port),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ]
        with process(bare, bare_env, work / "bare.log", bare_port):
            bare_levels = {
                (name, clients): run_level(bare_port, path, api_key, clients, args.duration)
                for name, path in paths.items()
                for clients in args.levels
            }
        label = (
            "SQLite, 1 process"
            if topology == "sqlite"
            else f"PostgreSQL+Redis, {workers} processes"
        )
        for name, path in paths.items():
            lines.append(
                f"\n{label}: GET {path.replace(order_id, '{id}')}  ({args.duration:g} s a level)"
            )
            lines.append(
                f"{'clients':>7} {'req/s':>8} {'200/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
                f"{'bare req/s':>10} {'ratio':>6}  answers other than 200"
            )
            for clients in args.levels:
                mine, yardstick = planroom_levels[(name, clients)], bare_levels[(name, clients)]
                ratio = mine.ok_rps / yardstick.rps if yardstick.rps else float("nan")
                lines.append(
                    f"{clients:>7} {mine.rps:>8.1f} {mine.ok_rps:>8.1f} "
                    f"{mine.percentile(0.5) * 1000:>8.1f} "
                    f"{mine.percentile(0.99) * 1000:>8.1f} {yardstick.rps:>10.1f} {ratio:>6.2f}  "
                    f"{mine.errors or 'none'}"
                )
    finally:
        if dropping is not None:
            _drop_postgres(*dropping)
        shutil.rmtree(work, ignore_errors=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per level")
    parser.add_argument(
        "--levels", type=lambda text: [int(n) for n in text.split(",")], default=[8, 32, 64, 128]
    )
    parser.add_argument("--topology", default="sqlite,postgres", help="sqlite, postgres or both")
    parser.add_argument("--port", type=int, default=18150, help="this port and the next one")
    parser.add_argument("--workers", type=int, default=2, help="API processes on PostgreSQL")
    args = parser.parse_args()
    for topology in args.topology.split(","):
        for line in bench_topology(args, topology.strip()):
            print(line, flush=True)


if __name__ == "__main__":
    main()
