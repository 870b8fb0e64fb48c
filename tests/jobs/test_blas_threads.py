"""A job worker's BLAS runs one thread: pinned when the consumer is made, before any job."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from planroom.jobs.consumer import BLAS_THREAD_VARIABLES, PlanroomConsumer
from planroom.jobs.queue import JobQueue
from planroom.runtime import Runtime
from planroom.settings import Settings


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


@pytest.fixture
def unpinned() -> Iterator[None]:
    """BLAS at two threads (as on any machine with two cores) and no thread variables set,
    put back as they were after the test."""
    saved = {name: os.environ.pop(name, None) for name in BLAS_THREAD_VARIABLES}
    limits = threadpool_limits(limits=2, user_api="blas")
    try:
        yield
    finally:
        limits.restore_original_limits()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.mark.usefixtures("unpinned")
def test_a_worker_consumer_pins_blas_to_one_thread(settings: Settings) -> None:
    assert np.__name__  # numpy (and its OpenBLAS) is loaded
    assert _blas_threads() and max(_blas_threads()) == 2
    runtime = Runtime.from_settings(settings)
    runtime.queue = JobQueue(settings, name=f"blas-{uuid.uuid4().hex[:8]}")
    runtime.queue.bind(runtime)
    try:
        PlanroomConsumer(runtime, workers=1, embedded=True, webhook_workers=1)
        assert _blas_threads() == [1] * len(_blas_threads())
        assert all(os.environ[name] == "1" for name in BLAS_THREAD_VARIABLES)
    finally:
        runtime.close()
