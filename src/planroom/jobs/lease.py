"""Short leases kept alive by a heartbeat while a job runs.

A running job holds its work for `job_lease_seconds` (30 s by default) and renews the lease
every third of that from a thread beside it. A worker that dies stops renewing, the lease runs
out within seconds, and the next reconciler run hands the work to a live worker: a crash costs
well under a minute instead of a fixed long lease.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, CursorResult, and_, or_
from sqlalchemy.orm import InstrumentedAttribute

from planroom.core.clock import clock

log = logging.getLogger("planroom.jobs")

Renew = Callable[[datetime], bool]
"""Extend the lease to the given time; False when the work is no longer ours to hold."""


def lease_until(seconds: float) -> datetime:
    return clock.now() + timedelta(seconds=seconds)


@contextmanager
def heartbeat(renew: Renew, lease_seconds: float, *, name: str) -> Iterator[None]:
    """Renew a lease every `lease_seconds / 3` while the block runs.

    A failed renewal is logged and tried again at the next beat (the lease has two more beats
    to spare); the block itself is never interrupted.
    """
    stop = threading.Event()
    interval = lease_seconds / 3

    def beat() -> None:
        while not stop.wait(interval):
            try:
                if not renew(lease_until(lease_seconds)):
                    return
            except Exception:
                log.exception("could not renew the lease of %s", name)

    thread = threading.Thread(target=beat, name=f"heartbeat-{name}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=interval + 5)


LeaseColumn = InstrumentedAttribute[datetime | None]
"""A `running_until` or `lease_expires_at` column of a table whose rows are leased work."""


def is_free(running_until: LeaseColumn, now: datetime) -> ColumnElement[bool]:
    """Nobody runs the work, or whoever ran it let its lease run out."""
    return or_(running_until.is_(None), running_until < now)


def changed_one(result: object) -> bool:
    """A compare-and-set UPDATE took the row (and so the work) for us."""
    return isinstance(result, CursorResult) and result.rowcount == 1


def orphaned(
    running_until: LeaseColumn,
    queued_until: LeaseColumn,
    now: datetime,
    queued_for: timedelta,
    lease: timedelta,
    idle: bool,
) -> ColumnElement[bool]:
    """Work nobody holds: its runner died, the queue lost it, or (when nothing is queued at
    all) a worker took it from the queue and died before claiming it."""
    died_running = running_until < now
    nobody_runs = running_until.is_(None)
    lost_by_queue = and_(nobody_runs, queued_until < now)
    if not idle:
        return or_(died_running, lost_by_queue)
    # enqueued (due) at `queued_until - queued_for`, more than a lease ago, and nothing queued
    taken_then_lost = and_(nobody_runs, queued_until < now + queued_for - lease)
    return or_(died_running, lost_by_queue, taken_then_lost)
