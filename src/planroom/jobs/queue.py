"""The job queue: Huey on SQLite (default), Redis or PostgreSQL, carrying "run job X now".

Two lanes, each its own Huey queue with its own consumer threads: `default` for production
work and `webhooks` (queue name + "-webhooks") for webhook calls, so a slow receiver never
keeps a render waiting for a thread.

Which mode to use:
- the default (a consumer runs the jobs): `planroom serve` (embedded worker threads) and
  `planroom worker` processes. Tests of the queue itself use it with a consumer or `drain()`.
- `immediate`: every job runs in the enqueuing thread, right after the commit that enqueued it;
  a job enqueued with a delay is parked and never runs by itself (the reconcilers pick up due
  work when called). Tests that want deliveries and pipelines to happen synchronously use it:
  `runtime.queue.immediate = True`.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Protocol
from urllib.parse import urlsplit

from huey import Huey, PostgresHuey, RedisHuey, SqliteHuey
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from planroom.core import logs
from planroom.core.metrics import JOB_SECONDS, JOBS
from planroom.db.engine import after_commit
from planroom.files.storage import Storage
from planroom.jobs.arrivals import arrivals_of
from planroom.jobs.registry import (
    DEFAULT_LANE,
    LANES,
    WEBHOOK_LANE,
    get_job,
    lane_of,
    reconcilers,
)
from planroom.settings import Settings

log = logging.getLogger("planroom.jobs")

DISPATCH_TASK = "planroom_job"
CONTEXT_KEY = "planroom_job_context"
JOBS_KEY = "jobs"


class JobContext(Protocol):
    """What a job and a reconciler receive (`planroom.runtime.Runtime` is one)."""

    settings: Settings
    session_factory: sessionmaker[Session]
    storage: Storage
    queue: JobQueue


def run_reconcilers(context: JobContext) -> None:
    """Run every registered reconciler once; one failing does not stop the others."""
    for name, fn in reconcilers():
        try:
            fn(context)
        except Exception:
            log.exception("reconciler %s failed", name)


class JobQueue:
    """One Huey instance per lane and the one task that runs registered jobs by name."""

    def __init__(self, settings: Settings, *, name: str = "planroom", immediate: bool = False):
        self.name = name
        self.hueys: dict[str, Huey] = {
            DEFAULT_LANE: make_huey(settings, name, immediate=immediate),
            WEBHOOK_LANE: make_huey(settings, f"{name}-webhooks", immediate=immediate),
        }
        self._context: JobContext | None = None
        self._dispatch = {
            lane: huey.task(name=DISPATCH_TASK)(self._run) for lane, huey in self.hueys.items()
        }

    @property
    def huey(self) -> Huey:
        """The production lane's Huey."""
        return self.hueys[DEFAULT_LANE]

    def bind(self, context: JobContext) -> None:
        """Give the queue the context its jobs receive."""
        self._context = context

    @property
    def immediate(self) -> bool:
        return bool(self.huey.immediate)

    @immediate.setter
    def immediate(self, value: bool) -> None:
        for huey in self.hueys.values():
            huey.immediate = value

    def enqueue(self, name: str, *, delay: float | None = None, **kwargs: Any) -> None:
        """Put job `name` on its lane now (after `delay` seconds if given).

        Prefer `enqueue(session, …)`: a job about stored work must not run before it is stored.
        `kwargs` are pickled; pass ids and plain values, never ORM objects.
        """
        lane = lane_of(name)  # unknown names fail here, in the caller
        dispatch = self._dispatch[lane]
        if delay is not None and delay > 0:
            dispatch.schedule(args=(name, kwargs), delay=delay)
        else:
            dispatch(name, kwargs)
            arrivals_of(self.hueys[lane]).announce()

    def enqueue_after_commit(
        self, session: Session, name: str, *, delay: float | None = None, **kwargs: Any
    ) -> None:
        """Enqueue job `name` once `session` commits; nothing if it rolls back."""
        get_job(name)

        def send() -> None:
            try:
                self.enqueue(name, delay=delay, **kwargs)
            except Exception:
                # the work is stored; a reconciler finds it again. Never fail the committed request.
                log.exception("could not enqueue job %s; a reconciler will pick it up", name)

        after_commit(session, send)

    def drain(self, max_tasks: int = 1000) -> int:
        """Run queued jobs in this thread until the queue is empty; returns how many ran.

        Jobs scheduled for later stay scheduled. For tests and one-off maintenance.
        """
        ran = 0
        while ran < max_tasks:
            for lane in LANES:
                task = self.hueys[lane].dequeue()
                if task is not None:
                    self.hueys[lane].execute(task)
                    ran += 1
                    break
            else:
                break
        return ran

    def pending_count(self, lane: str | None = None) -> int:
        """Jobs waiting on `lane` (every lane when None); scheduled ones are not counted."""
        hueys = self.hueys.values() if lane is None else [self.hueys[lane]]
        return sum(int(huey.pending_count()) for huey in hueys)

    def scheduled_count(self) -> int:
        return sum(int(huey.scheduled_count()) for huey in self.hueys.values())

    def flush(self) -> None:
        """Forget every queued and scheduled job on every lane (what a lost queue looks like)."""
        for huey in self.hueys.values():
            huey.flush()

    def close(self) -> None:
        for huey in self.hueys.values():
            close = getattr(huey.storage, "close", None)
            if callable(close):
                close()

    def _run(self, name: str, kwargs: dict[str, Any]) -> None:
        context = self._context
        if context is None:
            raise RuntimeError("JobQueue.bind(context) was not called")
        started = time.monotonic()
        order_id = kwargs.get("order_id")
        token = logs.begin(
            logs.LogContext(job=name, order_id=str(order_id) if order_id is not None else None)
        )
        log.info("job %s started %s", name, _describe(kwargs))
        try:
            get_job(name)(context, **kwargs)
        except Exception:
            log.exception("job %s failed after %.2f s", name, time.monotonic() - started)
            _count(name, "failed", started)
            return
        finally:
            logs.end(token)
        log.info("job %s finished in %.2f s", name, time.monotonic() - started)
        _count(name, "succeeded", started)


def install(factory: sessionmaker[Session], context: JobContext) -> None:
    """Let sessions of `factory` carry jobs and the context: what `enqueue` collects in
    `session.info["jobs"]` goes to `context.queue` once the session commits, and is dropped
    when it rolls back."""
    factory.configure(info={CONTEXT_KEY: context})
    event.listen(factory, "after_commit", _flush_jobs)
    event.listen(factory, "after_soft_rollback", _drop_jobs)


def job_context(session: Session) -> JobContext:
    """The context of the process whose factory made `session` (see `install`)."""
    context: JobContext | None = session.info.get(CONTEXT_KEY)
    if context is None:
        raise RuntimeError("this session's factory has no job context: see jobs.queue.install")
    return context


def enqueue(session: Session, name: str, *, delay: float | None = None, **kwargs: Any) -> None:
    """Enqueue job `name` with `kwargs` once `session` commits; nothing if it rolls back.

    An unknown name fails here, in the caller."""
    get_job(name)
    job_context(session)
    session.info.setdefault(JOBS_KEY, []).append((name, delay, kwargs))


def _flush_jobs(session: Session) -> None:
    jobs: list[tuple[str, float | None, dict[str, Any]]] = session.info.pop(JOBS_KEY, [])
    if not jobs:
        return
    queue = job_context(session).queue
    for name, delay, kwargs in jobs:
        try:
            queue.enqueue(name, delay=delay, **kwargs)
        except Exception:
            # the work is stored; a reconciler finds it again. Never fail the committed request.
            log.exception("could not enqueue job %s; a reconciler will pick it up", name)


def _drop_jobs(session: Session, _previous_transaction: Any) -> None:
    session.info.pop(JOBS_KEY, None)


def make_huey(settings: Settings, name: str, *, immediate: bool = False) -> Huey:
    """SQLite in the data dir by default; `redis://` or `postgresql://` from `queue_url`."""
    common: dict[str, Any] = {"results": False, "utc": True, "immediate": immediate}
    url = settings.queue_url
    if not url:
        path = settings.ensure_data_dir() / "queue.db"
        return SqliteHuey(name, filename=str(path), **common)
    scheme = urlsplit(url).scheme
    if scheme in ("redis", "rediss", "unix"):
        return RedisHuey(name, url=url, **common)
    if scheme in ("postgres", "postgresql", "postgresql+psycopg"):
        return PostgresHuey(name, dsn=url.replace("postgresql+psycopg", "postgresql", 1), **common)
    if scheme == "sqlite":
        return SqliteHuey(name, filename=url.removeprefix("sqlite:///"), **common)
    raise ValueError(
        f"PLANROOM_QUEUE_URL {url!r} is not supported: use redis://…, postgresql://… or sqlite:///…"
    )


def _describe(kwargs: dict[str, Any]) -> str:
    text = ", ".join(f"{key}={value}" for key, value in kwargs.items())
    return f"({text})" if text else ""


def _count(name: str, outcome: str, started: float) -> None:
    JOBS.labels(name, outcome).inc()
    JOB_SECONDS.labels(name).observe(time.monotonic() - started)
