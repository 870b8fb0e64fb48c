"""The request path against its limit: Planroom next to a bare ASGI app, per process.

Run from the repository root: `python bench/api.py [--duration 10] [--levels 1,8,32]`.
It starts `planroom serve` (one process, SQLite, rate limits off, jobs left to `planroom
worker`: no job threads in the API process) and `bench/bare_app.py` answering the very same
bytes (and the same `ETag`/304) under the same uvicorn options (uvloop, httptools, one
process, access log on), both at once on 127.0.0.1 (`--port`, `--port + 1`). It makes a
company with 40 orders, then loads each endpoint at each number of keep-alive clients,
Planroom and the bare app one after the other, level by level, so both see the same machine:

- `GET /orders/{id}`
- `GET /orders/{id}` with `If-None-Match` of its `ETag` (each answer a 304)
- `GET /orders?limit=20`

and prints requests/s of each next to the bare app's and their ratio (goals at 8 clients:
0.5 for the order, 0.25 for the list). On a machine other work shares, requests/s also measure
how much of the CPU each server got; so it also prints the CPU time each server process spent
per answer (from /proc) and their ratio, bare over Planroom: the share of the bare app's rate
one process reaches on a core of its own. Only 200 and 304 answers count for Planroom; any other
is printed. The load comes from `wrk` (Debian: `apt-get install wrk`), one thread, in its own
process; without `wrk` on the PATH (or with `--client python`) the asyncio client of
`bench/load.py` runs instead, in this process, and says so. `--embedded-workers 2` runs the
default job threads inside the API process as `planroom serve` alone does.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from load import API, HOST, ROOT, VENV_BIN, _seed, process, run_level

Load = Callable[[int, str, dict[str, str], int, float], "Figure"]
UVICORN_OPTIONS = ["--loop", "uvloop", "--http", "httptools", "--workers", "1"]
"""What `planroom serve --workers 1` gives uvicorn (with `limit_concurrency`, which only matters
past a thousand connections)."""


@dataclass
class Figure:
    rps: float
    ok_rps: float
    p50_ms: float
    p99_ms: float
    others: str
    cpu_us: float = float("nan")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(load: Load, pid: int, *args: Any) -> Figure:
    before = cpu_seconds(pid)
    figure = load(*args)
    served = figure.rps * float(args[-1])
    figure.cpu_us = (cpu_seconds(pid) - before) / served * 1e6 if served else float("nan")
    return figure


def _wrk_ms(text: str) -> float:
    value = float(re.sub(r"[a-z]+$", "", text))
    unit = re.sub(r"^[0-9.]+", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(port: int, path: str, headers: dict[str, str], clients: int, seconds: float) -> Figure:
    command = ["wrk", "-t", "1", "-c", str(clients), "-d", f"{seconds:g}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://{HOST}:{port}{path}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    elapsed = float(re.search(r"requests in ([0-9.]+)s", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    failed = int(bad.group(1)) if bad else 0
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.MULTILINE))
    others = []
    if failed:
        others.append(f"{failed} non-2xx/3xx")
    if errors:
        others.append(errors.group(1).strip())
    return Figure(
        rps=total / elapsed,
        ok_rps=(total - failed) / elapsed,
        p50_ms=_wrk_ms(percentiles["50"]),
        p99_ms=_wrk_ms(percentiles["99"]),
        others=", ".join(others) or "none",
    )


def python_client(
    port: int, path: str, headers: dict[str, str], clients: int, seconds: float
) -> Figure:
    api_key = headers.pop("api-key")
    extra = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    level = run_level(port, path, api_key, clients, seconds, extra)
    return Figure(
        rps=level.rps,
        ok_rps=level.ok_rps,
        p50_ms=level.percentile(0.5) * 1000,
        p99_ms=level.percentile(0.99) * 1000,
        others=str(level.errors or "none"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per level")
    parser.add_argument(
        "--levels", type=lambda text: [int(n) for n in text.split(",")], default=[1, 8, 32]
    )
    parser.add_argument("--port", type=int, default=18100, help="this port and the next one")
    parser.add_argument("--client", choices=("wrk", "python"), default="wrk")
    parser.add_argument("--embedded-workers", type=int, default=0)
    args = parser.parse_args()
    load: Load = wrk
    if args.client == "python" or shutil.which("wrk") is None:
        print("wrk not found (apt-get install wrk): the Python client of bench/load.py runs")
        load = python_client

    work = Path(tempfile.mkdtemp(prefix="planroom-api-bench-"))
    env = {
        **os.environ,
        "PLANROOM_DATA_DIR": str(work / "data"),
        "PLANROOM_RATE_LIMIT_PER_SECOND": "0",
        "PLANROOM_EMBEDDED_WORKERS": str(args.embedded_workers),
        "PLANROOM_MAX_CONCURRENT_REQUESTS": "64",
        "PLANROOM_PUBLIC_URL": f"http://{HOST}:{args.port}",
    }
    serve = [str(VENV_BIN / "planroom"), "serve", "--port", str(args.port), "--workers", "1"]
    bare_port = args.port + 1
    bare = [str(VENV_BIN / "uvicorn"), "--factory", "bare_app:make_app"]
    bare += ["--app-dir", str(ROOT / "bench"), "--host", HOST, "--port", str(bare_port)]
    # `planroom serve` logs at info, so each request writes an access log line: so does the bare app
    bare += [*UVICORN_OPTIONS, "--log-level", "info"]
    try:
        subprocess.run(
            [str(VENV_BIN / "planroom"), "migrate"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        with process(serve, env, work / "serve.log", args.port) as server:
            api_key, order_id = _seed(env, args.port)
            order = f"{API}/orders/{order_id}"
            listing = f"{API}/orders?limit=20"
            payloads: dict[str, object] = {}
            answer = httpx.get(f"http://{HOST}:{args.port}{order}", headers={"api-key": api_key})
            answer.raise_for_status()
            etag = answer.headers["etag"]
            payloads[order] = {"body": answer.text, "etag": etag}
            answer = httpx.get(f"http://{HOST}:{args.port}{listing}", headers={"api-key": api_key})
            answer.raise_for_status()
            payloads[listing] = answer.text
            (work / "payloads.json").write_text(json.dumps(payloads))
            bare_env = {**env, "BENCH_PAYLOADS": str(work / "payloads.json")}
            with process(bare, bare_env, work / "bare.log", bare_port) as yardstick:
                _check_304(args.port, order, api_key, etag)
                _check_304(bare_port, order, api_key, etag)
                cases = [
                    ("GET /orders/{id}", order, {}),
                    ("GET /orders/{id}, If-None-Match (304)", order, {"If-None-Match": etag}),
                    ("GET /orders?limit=20", listing, {}),
                ]
                for title, path, headers in cases:
                    pids = (server.pid, yardstick.pid)
                    _print_case(args, load, title, path, {"api-key": api_key, **headers}, pids)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _check_304(port: int, path: str, api_key: str, etag: str) -> None:
    answer = httpx.get(
        f"http://{HOST}:{port}{path}", headers={"api-key": api_key, "if-none-match": etag}
    )
    assert answer.status_code == 304, (port, answer.status_code)


def _print_case(
    args: argparse.Namespace,
    load: Load,
    title: str,
    path: str,
    headers: dict[str, str],
    pids: tuple[int, int],
) -> None:
    bare_port = args.port + 1
    print(f"\n{title}  ({args.duration:g} s a level, 1 process each)", flush=True)
    print(
        f"{'clients':>7} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'bare req/s':>10} "
        f"{'bare p50':>8} {'ratio':>6} {'CPU us':>7} {'bare CPU':>8} {'CPU ratio':>9}  "
        "answers other than 200/304"
    )
    for clients in args.levels:
        mine = measured(load, pids[0], args.port, path, dict(headers), clients, args.duration)
        yardstick = measured(load, pids[1], bare_port, path, dict(headers), clients, args.duration)
        ratio = mine.ok_rps / yardstick.ok_rps if yardstick.ok_rps else float("nan")
        cpu_ratio = yardstick.cpu_us / mine.cpu_us if mine.cpu_us else float("nan")
        print(
            f"{clients:>7} {mine.ok_rps:>8.0f} {mine.p50_ms:>7.2f} {mine.p99_ms:>7.2f} "
            f"{yardstick.ok_rps:>10.0f} {yardstick.p50_ms:>8.2f} {ratio:>6.3f} "
            f"{mine.cpu_us:>7.0f} {yardstick.cpu_us:>8.0f} {cpu_ratio:>9.3f}  {mine.others}",
            flush=True,
        )


if __name__ == "__main__":
    main()
