"""The queue carries jobs only after commit, survives a restart, and runs them by name."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planroom.db.engine import unit_of_work
from planroom.jobs import registry
from planroom.jobs.consumer import embedded_consumer
from planroom.jobs.queue import JobQueue, enqueue, run_reconcilers
from planroom.runtime import Runtime
from planroom.settings import Settings
from tests.conftest import REDIS_URL, make_settings
from tests.jobs.recording import lines

SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
NO_REDIS = "Redis not configured: set PLANROOM_TEST_REDIS_URL (CI does)"


def wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the worker did not finish in time")
        time.sleep(0.05)


def test_a_rolled_back_transaction_enqueues_nothing(runtime: Runtime, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), unit_of_work(runtime.session_factory) as session:
        enqueue(session, "tests.record", path=str(out), value="x")
        raise RuntimeError("rolled back")
    assert runtime.queue.pending_count() == 0
    with unit_of_work(runtime.session_factory) as session:
        enqueue(session, "tests.record", path=str(out), value="y")
        assert runtime.queue.pending_count() == 0  # not before the commit
    assert runtime.queue.pending_count() == 1
    assert runtime.queue.drain() == 1
    assert lines(out) == ["y"]


@SQLITE_ONLY
def test_unknown_job_names_fail_in_the_caller(runtime: Runtime) -> None:
    with pytest.raises(LookupError, match="no job"), unit_of_work(runtime.session_factory) as s:
        runtime.queue.enqueue_after_commit(s, "tests.no-such-job")


@SQLITE_ONLY
def test_immediate_mode_runs_after_commit_and_parks_delayed_jobs(
    runtime: Runtime, tmp_path: Path
) -> None:
    out = tmp_path / "out.txt"
    runtime.queue.immediate = True
    with unit_of_work(runtime.session_factory) as session:
        enqueue(session, "tests.record", path=str(out), value="now")
        assert lines(out) == []
    assert lines(out) == ["now"]
    runtime.queue.enqueue("tests.record", delay=60, path=str(out), value="later")
    assert lines(out) == ["now"]
    runtime.queue.enqueue("tests.explode")  # a failing job is logged, not raised


@SQLITE_ONLY
def test_reconcilers_all_run_even_when_one_fails(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Runtime] = []

    def broken(_runtime: Runtime) -> None:
        raise RuntimeError("a reconciler failed")

    monkeypatch.setitem(registry._reconcilers, "tests.broken", broken)
    monkeypatch.setitem(registry._reconcilers, "tests.seen", seen.append)
    run_reconcilers(runtime)
    assert seen == [runtime]


def _restart_survives(settings: Settings, name: str, out: Path) -> None:
    first = Runtime.from_settings(settings)
    first.queue = JobQueue(settings, name=name)
    first.queue.bind(first)
    with unit_of_work(first.session_factory) as session:
        enqueue(session, "tests.record", path=str(out), value="survived")
    first.close()  # stopped before any worker ran it
    assert lines(out) == []

    second = Runtime.from_settings(settings)
    second.queue = JobQueue(settings, name=name)
    second.queue.bind(second)
    try:
        with embedded_consumer(second, workers=1) as consumer:
            assert consumer is not None
            wait_for(lambda: lines(out) == ["survived"])
        assert second.queue.pending_count() == 0
    finally:
        second.close()


@SQLITE_ONLY
def test_a_job_survives_a_restart_on_sqlite(
    runtime: Runtime, settings: Settings, tmp_path: Path
) -> None:
    _restart_survives(settings, "planroom", tmp_path / "out.txt")
    assert (settings.data_dir / "queue.db").exists()


@pytest.fixture
def redis_settings(tmp_path: Path, database_url: str) -> Iterator[tuple[Settings, str]]:
    if not REDIS_URL:
        pytest.skip(NO_REDIS)
    settings = make_settings(tmp_path, database_url, queue_url=REDIS_URL)
    name = f"planroom-test-{uuid.uuid4().hex[:10]}"
    yield settings, name
    JobQueue(settings, name=name).flush()


@SQLITE_ONLY
def test_a_job_survives_a_restart_on_redis(
    runtime: Runtime, redis_settings: tuple[Settings, str], tmp_path: Path
) -> None:
    settings, name = redis_settings
    assert type(JobQueue(settings, name=name).huey.storage).__name__ == "RedisStorage"
    _restart_survives(settings, name, tmp_path / "out.txt")


def _worker_threads() -> set[str]:
    names = {"Worker-1", "Worker-2", "Scheduler", "planroom-reconciler"}
    return {thread.name for thread in threading.enumerate() if thread.name in names}


@SQLITE_ONLY
def test_embedded_workers_start_and_stop_with_the_app(tmp_path: Path, database_url: str) -> None:
    from fastapi.testclient import TestClient

    from planroom.app import create_app

    settings = make_settings(tmp_path, database_url, embedded_workers=2)
    runtime = Runtime.from_settings(settings)
    out = tmp_path / "out.txt"
    try:
        with TestClient(create_app(runtime)):
            assert _worker_threads() == {"Worker-1", "Worker-2", "Scheduler", "planroom-reconciler"}
            runtime.queue.enqueue("tests.record", path=str(out), value="ran")
            wait_for(lambda: lines(out) == ["ran"])
        wait_for(lambda: not _worker_threads(), seconds=5)
    finally:
        runtime.close()
