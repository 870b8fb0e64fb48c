"""Consumers: Huey worker threads plus a reconciler thread, embedded in `serve` or standalone.

`planroom serve` starts `embedded_workers` threads with the app and stops them with it;
`planroom worker` runs a consumer in the foreground until Ctrl-C (it finishes the jobs in hand).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from huey.consumer import Consumer

from planroom.jobs.registry import load_job_modules, run_reconcilers

if TYPE_CHECKING:
    from planroom.runtime import Runtime

log = logging.getLogger("planroom.jobs")

RECONCILE_INTERVAL_SECONDS = 15.0


class Reconciling:
    """A daemon thread that runs every reconciler now and then every `interval` seconds."""

    def __init__(self, runtime: Runtime, interval: float = RECONCILE_INTERVAL_SECONDS) -> None:
        self._runtime = runtime
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
            run_reconcilers(self._runtime)
            self._stop.wait(self._interval)


class PlanroomConsumer(Consumer):  # type: ignore[misc]
    """Huey's consumer with our reconciler; embedded consumers leave signals to the server."""

    def __init__(
        self,
        runtime: Runtime,
        *,
        workers: int,
        embedded: bool,
        reconcile_interval: float = RECONCILE_INTERVAL_SECONDS,
        **options: Any,
    ) -> None:
        load_job_modules()
        options.setdefault("initial_delay", 0.05)
        options.setdefault("max_delay", 1.0)
        super().__init__(runtime.queue.huey, workers=workers, periodic=False, **options)
        self.embedded = embedded
        self.reconciling = Reconciling(runtime, reconcile_interval)

    def start(self) -> None:
        super().start()
        self.reconciling.start()

    def stop(self, graceful: bool = False) -> None:
        self.reconciling.stop()
        super().stop(graceful=graceful)

    def _set_signal_handlers(self) -> None:
        if not self.embedded:
            super()._set_signal_handlers()


@contextmanager
def embedded_consumer(runtime: Runtime, workers: int) -> Iterator[PlanroomConsumer | None]:
    """Worker threads for the life of the block; none when `workers` is 0 or jobs are immediate."""
    if workers <= 0 or runtime.queue.immediate:
        yield None
        return
    consumer = PlanroomConsumer(runtime, workers=workers, embedded=True, shutdown_timeout=30.0)
    consumer.start()
    log.info("started %d embedded worker thread(s) on queue %s", workers, runtime.queue.name)
    try:
        yield consumer
    finally:
        consumer.stop(graceful=True)
        log.info("embedded workers stopped")
