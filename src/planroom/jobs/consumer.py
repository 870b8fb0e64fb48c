"""Consumers: Huey worker threads per lane plus a reconciler thread, embedded or standalone.

`planroom serve` starts `embedded_workers` production threads and `webhook_workers` webhook
threads with the app and stops them with it; `planroom worker` runs both in the foreground
until Ctrl-C (it finishes the jobs in hand). Either way the process's BLAS is pinned to one
thread when its consumer is made (`pin_blas_threads`).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from huey.consumer import Consumer

from planroom.jobs.arrivals import PromptWorker, arrivals_of
from planroom.jobs.queue import run_reconcilers
from planroom.jobs.registry import WEBHOOK_LANE

if TYPE_CHECKING:
    from planroom.jobs.context import JobContext

log = logging.getLogger("planroom.jobs")

BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def pin_blas_threads() -> None:
    """One BLAS thread for the whole process, set before any job runs.

    The render jobs' matrix products are small; OpenBLAS's helper threads spin on each one and
    cost more CPU than they save, taking it from the other job thread and from the video
    encoder. The environment covers BLAS libraries loaded later (OpenBLAS reads it when it
    loads); threadpoolctl sets the ones already loaded (numpy's, imported by then).
    """
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


class Reconciling:
    """A daemon thread that runs every reconciler now and then every `interval` seconds."""

    def __init__(self, context: JobContext, interval: float) -> None:
        self._context = context
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="planroom-reconciler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            run_reconcilers(self._context)
            self._stop.wait(self._interval)


class LaneConsumer(Consumer):  # type: ignore[misc]
    """A Huey consumer for a side lane: started and stopped by the main consumer, no signals,
    thread names prefixed with the lane so logs and thread dumps tell them apart."""

    worker_class = PromptWorker

    def __init__(self, huey: Any, lane: str, **options: Any) -> None:
        self.lane = lane
        super().__init__(huey, periodic=False, **options)

    def _create_process(self, process: Any, name: str) -> Any:
        return super()._create_process(process, f"{self.lane}-{name}")

    def _set_signal_handlers(self) -> None:
        pass


class PlanroomConsumer(Consumer):  # type: ignore[misc]
    """Huey's consumer for production jobs, a webhook lane consumer beside it, and our
    reconciler; embedded consumers leave signals to the server."""

    worker_class = PromptWorker

    def __init__(
        self,
        context: JobContext,
        *,
        workers: int,
        embedded: bool,
        webhook_workers: int | None = None,
        reconcile_interval: float | None = None,
        **options: Any,
    ) -> None:
        options.setdefault("initial_delay", 0.05)
        options.setdefault("max_delay", 1.0)
        pin_blas_threads()
        super().__init__(context.queue.huey, workers=workers, periodic=False, **options)
        self.embedded = embedded
        settings = context.settings
        lane_workers = settings.webhook_workers if webhook_workers is None else webhook_workers
        self.webhook_consumer = LaneConsumer(
            context.queue.hueys[WEBHOOK_LANE], WEBHOOK_LANE, workers=lane_workers, **options
        )
        interval = settings.reconcile_interval_seconds
        self.reconciling = Reconciling(
            context, interval if reconcile_interval is None else reconcile_interval
        )

    def start(self) -> None:
        super().start()
        self.webhook_consumer.start()
        self.reconciling.start()

    def stop(self, graceful: bool = False) -> None:
        self.reconciling.stop()
        # idle workers sleep on arrivals: raise both stop flags, then wake them to see it
        for consumer in (self, self.webhook_consumer):
            consumer.stop_flag.set()
            arrivals_of(consumer.huey).announce()
        self.webhook_consumer.stop(graceful=graceful)
        super().stop(graceful=graceful)

    def _set_signal_handlers(self) -> None:
        if not self.embedded:
            super()._set_signal_handlers()


@contextmanager
def embedded_consumer(context: JobContext, workers: int) -> Iterator[PlanroomConsumer | None]:
    """Worker threads for the life of the block; none when `workers` is 0 or jobs are immediate."""
    if workers <= 0 or context.queue.immediate:
        yield None
        return
    consumer = PlanroomConsumer(context, workers=workers, embedded=True, shutdown_timeout=30.0)
    consumer.start()
    log.info(
        "started %d embedded worker thread(s) and %d webhook thread(s) on queue %s",
        workers,
        consumer.webhook_consumer.workers,
        context.queue.name,
    )
    try:
        yield consumer
    finally:
        consumer.stop(graceful=True)
        log.info("embedded workers stopped")
