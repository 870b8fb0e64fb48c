"""`planroom worker` and `planroom serve` as real processes: start, watch their log, kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from planroom.settings import Settings

CLI = "from planroom.cli import app; app()"


class PlanroomProcess:
    """One child process whose output (stdout and stderr) is collected line by line."""

    def __init__(self, name: str, args: list[str], env: dict[str, str]) -> None:
        self.name = name
        self.popen = subprocess.Popen(
            [sys.executable, "-c", CLI, *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()

    def saw(self, text: str) -> bool:
        with self._changed:
            return any(text in line for line in self.lines)

    def wait_for(self, text: str, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        with self._changed:
            while not any(text in line for line in self.lines):
                left = deadline - time.monotonic()
                if left <= 0 or self.popen.poll() is not None:
                    return any(text in line for line in self.lines)
                self._changed.wait(min(left, 0.5))
            return True

    @property
    def output(self) -> str:
        with self._changed:
            return "\n".join(self.lines[-80:])

    def kill(self) -> None:
        """kill -9: no shutdown, no finally blocks, jobs in hand die with it."""
        if self.popen.poll() is None:
            os.kill(self.popen.pid, signal.SIGKILL)
        self.popen.wait(10)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGINT)
            try:
                self.popen.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()
        self._reader.join(5)


def planroom_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment a `planroom` process needs to share the test's settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PLANROOM_")}
    values = {
        "PLANROOM_DATA_DIR": str(settings.data_dir),
        "PLANROOM_DATABASE_URL": settings.resolved_database_url,
        "PLANROOM_PUBLIC_URL": settings.resolved_public_url,
        "PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
        "PLANROOM_RENDER_LONG_SIDE_PX": str(settings.render_long_side_px),
        "PLANROOM_VIDEO_SCALE": str(settings.video_scale),
        "PLANROOM_RATE_LIMIT_PER_SECOND": "0",
        "PLANROOM_EMBEDDED_WORKERS": "0",
    }
    if settings.queue_url:
        values["PLANROOM_QUEUE_URL"] = settings.queue_url
    if settings.storage_url:
        values["PLANROOM_STORAGE_URL"] = settings.storage_url
    if settings.s3_endpoint_url:
        values["PLANROOM_S3_ENDPOINT_URL"] = settings.s3_endpoint_url
    env.update(values)
    env.update(extra)
    return env


@contextmanager
def processes() -> Iterator[list[PlanroomProcess]]:
    """Every process started into the list is stopped (or killed) at the end."""
    started: list[PlanroomProcess] = []
    try:
        yield started
    finally:
        for process in started:
            process.stop()


def start_worker(env: dict[str, str], name: str, threads: int = 2) -> PlanroomProcess:
    return PlanroomProcess(name, ["worker", "--threads", str(threads)], env)


def start_server(env: dict[str, str], name: str, port: int) -> PlanroomProcess:
    return PlanroomProcess(name, ["serve", "--host", "127.0.0.1", "--port", str(port)], env)


def wait_until_serving(process: PlanroomProcess, base_url: str, seconds: float = 90.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.popen.poll() is None, process.output
        try:
            if httpx.get(f"{base_url}/api/integrate/v3/floor-model/schema", timeout=2).is_success:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{process.name} did not serve within {seconds:g} s:\n{process.output}")
