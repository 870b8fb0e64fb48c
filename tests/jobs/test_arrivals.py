"""Idle workers wake when their own process enqueues, and stop without finishing a sleep."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from planroom.db.engine import unit_of_work
from planroom.jobs.consumer import PlanroomConsumer
from planroom.jobs.queue import JobQueue, enqueue
from planroom.runtime import Runtime
from planroom.settings import Settings
from tests.jobs.recording import lines
from tests.jobs.test_queue import SQLITE_ONLY, wait_for

LONG_SLEEP = 60.0
"""Far longer than any wait below: a worker that only polls would miss every deadline."""


@pytest.fixture
def sleepy_consumer(settings: Settings) -> Iterator[tuple[Runtime, PlanroomConsumer]]:
    runtime = Runtime.from_settings(settings)
    runtime.queue = JobQueue(settings, name=f"arrivals-{uuid.uuid4().hex[:8]}")
    runtime.queue.bind(runtime)
    consumer = PlanroomConsumer(
        runtime,
        workers=1,
        embedded=True,
        webhook_workers=1,
        reconcile_interval=LONG_SLEEP,
        initial_delay=LONG_SLEEP,
        max_delay=LONG_SLEEP,
        shutdown_timeout=LONG_SLEEP,
    )
    consumer.start()
    try:
        yield runtime, consumer
    finally:
        consumer.stop(graceful=True)
        runtime.close()


def _asleep() -> None:
    # the worker's first read finds the queue empty and it goes to sleep for LONG_SLEEP
    time.sleep(0.5)


def _record_and_wait(runtime: Runtime, out: Path, value: str) -> None:
    with unit_of_work(runtime.session_factory) as session:
        enqueue(session, "tests.record", path=str(out), value=value)
    wait_for(lambda: value in lines(out), LONG_SLEEP / 4)


@SQLITE_ONLY
def test_a_sleeping_worker_takes_a_job_its_process_enqueues_at_once(
    sleepy_consumer: tuple[Runtime, PlanroomConsumer], tmp_path: Path
) -> None:
    runtime, _consumer = sleepy_consumer
    out = tmp_path / "out.txt"
    _asleep()
    _record_and_wait(runtime, out, "first")
    _record_and_wait(runtime, out, "second")  # after its first job the worker slept again
    assert lines(out) == ["first", "second"]


@SQLITE_ONLY
def test_stopping_wakes_sleeping_workers(
    sleepy_consumer: tuple[Runtime, PlanroomConsumer],
) -> None:
    _runtime, consumer = sleepy_consumer
    _asleep()
    stopped = threading.Event()

    def stop() -> None:
        consumer.stop(graceful=True)
        stopped.set()

    threading.Thread(target=stop, daemon=True).start()
    assert stopped.wait(LONG_SLEEP / 4), "stop waited for the workers' sleep to end"
