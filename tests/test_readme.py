"""The README's tour, run as written against `planroom serve` on a fresh data directory.

Only the key the server prints and the port are put in; every curl then fails the run on an
HTTP error. The tour's order must reach Ready through the embedded workers, the sandbox's
`advance` at once.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def tour_commands() -> str:
    text = README.read_text(encoding="utf-8")
    tour = text[text.index("## A five-minute tour") :]
    block = re.search(r"```sh\n(.*?)```", tour, re.S)
    assert block is not None, "the tour has no sh block"
    return block.group(1)


def test_the_readme_names_what_a_newcomer_needs() -> None:
    text = README.read_text(encoding="utf-8")
    head = text[: text.index("## What comes out")]
    assert "make demo" in head
    assert "already a **sandbox**" in head
    assert "/sandbox/orders/{id}/advance" in head and "/sandbox/orders/$DRAFT/advance" in head
    assert "planroom webhooks listen" in head and "PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES" in head
    # commands a fresh clone has are spelled with their path, or after the venv's activation
    assert "`planroom demo`" not in head


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_tour_works_pasted_line_by_line(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PLANROOM_") or key.startswith("PLANROOM_TEST_")
    }
    env.update(
        PLANROOM_DATA_DIR=str(tmp_path / "data"),
        PLANROOM_PUBLIC_URL=f"http://127.0.0.1:{port}",
        PLANROOM_RENDER_LONG_SIDE_PX="400",
        PLANROOM_VIDEO_SCALE="0.1",
        PLANROOM_WEBHOOK_BACKOFF_SECONDS="[]",
        PLANROOM_RATE_LIMIT_PER_SECOND="0",
    )
    command = [
        sys.executable,
        "-c",
        "from planroom.cli import app; app()",
        "serve",
        "--port",
        str(port),
    ]
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert server.stdout is not None
        printed = [server.stdout.readline() for _ in range(4)]
        assert printed[0].startswith("Created a demo company (a sandbox)."), printed
        key = printed[1].strip()
        assert key.startswith("prk_"), printed
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "serve did not start"
            time.sleep(0.2)

        script = tour_commands()
        assert "KEY=prk_...  " in script and "http://localhost:8000" in script
        script = re.sub(r"^KEY=prk_\.\.\..*$", f"KEY={key}", script, flags=re.M)
        script = script.replace("http://localhost:8000", base)
        script = script.replace("curl -s ", "curl -sS --fail-with-body ")
        script = "set -eo pipefail\n" + script + '\necho\necho "ORDER=$ORDER DRAFT=$DRAFT"\n'
        result = subprocess.run(
            ["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        found = re.search(r"ORDER=(\S+) DRAFT=(\S+)", result.stdout)
        assert found is not None, result.stdout[-2000:]
        order, draft = found.groups()

        headers = {"api-key": key}
        api = f"{base}/api/integrate/v3"
        advanced = httpx.get(f"{api}/orders/{draft}", headers=headers).json()
        assert advanced["info"]["status"] == "Ready"
        deadline = time.monotonic() + 300
        while (status := httpx.get(f"{api}/orders/{order}", headers=headers).json())["info"][
            "status"
        ] != "Ready":
            assert status["info"]["status"] == "Pending", status
            assert time.monotonic() < deadline, "the tour's order did not reach Ready"
            time.sleep(1)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
