"""Hostile bodies against a real server process: the status named, and its peak memory (VmHWM,
reset before each request) bounded. The server is uvicorn in its own process on 127.0.0.1."""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.runtime import Runtime
from tests.api.test_hostile_input import bomb_png
from tests.conftest import make_settings

MB = 1024 * 1024
PEAK_GROWTH_LIMIT = 40 * MB
START_SECONDS = 240.0
API = "/api/integrate/v3"


@dataclass
class Server:
    pid: int
    port: int
    api_key: str

    def reset_peak(self) -> None:
        Path(f"/proc/{self.pid}/clear_refs").write_text("5")

    def peak_growth(self, before: int) -> int:
        return _status_bytes(self.pid, "VmHWM") - before

    def rss(self) -> int:
        return _status_bytes(self.pid, "VmRSS")


def _status_bytes(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {field} for process {pid}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not Path("/proc/self/clear_refs").exists():
        pytest.skip("needs Linux /proc to measure the server's peak memory")
    root = tmp_path_factory.mktemp("memory")
    database_url = f"sqlite:///{root / 'planroom.db'}"
    settings = make_settings(root, database_url)
    runtime = Runtime.from_settings(settings)
    from planroom.migrations.run import upgrade

    upgrade(runtime.engine)
    with unit_of_work(runtime.session_factory) as session:
        api_key = companies.create_company(session, name="Memory Co").api_key
    runtime.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "PLANROOM_DATA_DIR": str(settings.data_dir),
        "PLANROOM_DATABASE_URL": database_url,
        "PLANROOM_EMBEDDED_WORKERS": "0",
        "PLANROOM_RATE_LIMIT_PER_SECOND": "0",
    }
    env.pop("PLANROOM_QUEUE_URL", None)
    command = [sys.executable, "-m", "uvicorn", "--factory", "planroom.app:app_from_environment"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    child = subprocess.Popen(command, env=env, cwd=root)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            assert child.poll() is None, "the server exited"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)
        yield Server(pid=child.pid, port=port, api_key=api_key)
    finally:
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _send_until_answered(
    server: Server, head: str, chunks: Iterator[bytes]
) -> tuple[int, bytes, int]:
    """Send `head` then `chunks` until the server answers; (status, body, bytes sent)."""
    sent = 0
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
        sock.sendall(head.encode())
        for chunk in chunks:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        answer = b""
        while b"\r\n\r\n" not in answer or not _complete(answer):
            part = sock.recv(65536)
            if not part:
                break
            answer += part
    status = int(answer.split(b" ", 2)[1])
    return status, answer.split(b"\r\n\r\n", 1)[1], sent


def _complete(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def _chunked(total: int, size: int = MB) -> Iterator[bytes]:
    yield f"{size:x}\r\n".encode() + b'{"name": "' + b"x" * (size - 10) + b"\r\n"
    for _ in range(total // size - 1):
        yield f"{size:x}\r\n".encode() + b"x" * size + b"\r\n"


def _head(path: str, headers: dict[str, str]) -> str:
    lines = [f"POST {API}{path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return "\r\n".join(lines) + "\r\n\r\n"


def test_200_mb_declared_without_a_key_is_refused_at_once(server: Server) -> None:
    server.reset_peak()
    before = server.rss()
    head = _head("/orders/draft", {"Content-Length": str(200 * MB)})
    status, body, sent = _send_until_answered(server, head, (b"x" * MB for _ in range(200)))
    assert status == 413
    assert b'"too_large"' in body
    assert sent < 200 * MB
    assert server.peak_growth(before) < PEAK_GROWTH_LIMIT


def test_a_streamed_body_without_a_key_gets_401_before_it_is_read(server: Server) -> None:
    server.reset_peak()
    before = server.rss()
    head = _head("/orders/draft", {"Transfer-Encoding": "chunked"})
    status, body, sent = _send_until_answered(server, head, _chunked(200 * MB))
    assert status == 401
    assert b'"unauthorized"' in body
    assert sent < 200 * MB
    assert server.peak_growth(before) < PEAK_GROWTH_LIMIT


def test_an_idempotent_post_streams_to_the_limit_without_buffering(server: Server) -> None:
    server.reset_peak()
    before = server.rss()
    headers = {
        "Transfer-Encoding": "chunked",
        "api-key": server.api_key,
        "Idempotency-Key": "huge",
    }
    status, body, sent = _send_until_answered(
        server, _head("/offices", headers), _chunked(200 * MB)
    )
    assert status == 413
    assert b'"too_large"' in body
    assert sent < 200 * MB
    # the first 50 MB went through the hash into a spool file, not into memory
    assert server.peak_growth(before) < PEAK_GROWTH_LIMIT


def test_a_9400_square_png_logo_is_a_413_without_decoding_it(server: Server) -> None:
    bomb = bomb_png()
    server.reset_peak()
    before = server.rss()
    response = httpx.put(
        f"http://127.0.0.1:{server.port}{API}/companies/logo",
        content=bomb,
        headers={"api-key": server.api_key, "content-type": "image/png"},
        timeout=60,
    )
    assert response.status_code == 413
    assert "9400 x 9400" in response.json()["message"]
    assert server.peak_growth(before) < PEAK_GROWTH_LIMIT
