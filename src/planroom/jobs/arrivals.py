"""Idle workers wake the moment their own process enqueues a job.

Huey's workers poll a queue that cannot block (SQLite, PostgreSQL), sleeping up to `max_delay`
between empty reads; one that had been idle for a while took up to that long to see new work.
A job enqueued by the same process (the common case: `planroom serve` with embedded workers)
now wakes that lane's sleeping workers at once. Jobs from other processes are still found by
polling, and a Redis queue blocks on its read and needs none of this.
"""

from __future__ import annotations

import threading
from typing import Any

from huey.consumer import Worker


class Arrivals:
    """A condition the lane's idle workers sleep on."""

    def __init__(self) -> None:
        self._condition = threading.Condition()

    def announce(self) -> None:
        with self._condition:
            self._condition.notify_all()

    def wait(self, seconds: float) -> None:
        with self._condition:
            self._condition.wait(seconds)


_lock = threading.Lock()
_by_queue: dict[str, Arrivals] = {}


def arrivals_of(huey: Any) -> Arrivals:
    """The arrivals of one Huey queue, by its name (one per lane and process)."""
    name = str(huey.name)
    with _lock:
        return _by_queue.setdefault(name, Arrivals())


class PromptWorker(Worker):  # type: ignore[misc]
    """Huey's worker, sleeping on its queue's arrivals instead of a plain timer."""

    delay: float
    max_delay: float
    backoff: float

    def sleep(self) -> None:
        self.delay = min(self.delay, self.max_delay)
        if not self.stop_flag.is_set():
            arrivals_of(self.huey).wait(self.delay)
        self.delay *= self.backoff
