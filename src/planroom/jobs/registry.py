"""Named jobs and reconcilers: plain functions registered by name.

A job is `fn(context, **kwargs) -> None` (`jobs.context.JobContext`); it opens its own unit
of work and commits once.
Each job runs on a lane: production work on `default`, webhook calls on `webhooks`, so that
waiting on a customer's HTTP receiver never holds a thread production needs.
A reconciler is `fn(context) -> None`; it finds work the database says is due (a webhook retry,
an expired production lease) and enqueues it again, because the queue may have lost it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

JobFunction = Callable[..., None]
Reconciler = Callable[[Any], None]
"""`fn(context) -> None`, the context a `jobs.queue.JobContext`."""

DEFAULT_LANE = "default"
WEBHOOK_LANE = "webhooks"
LANES = (DEFAULT_LANE, WEBHOOK_LANE)

_jobs: dict[str, JobFunction] = {}
_lanes: dict[str, str] = {}
_reconcilers: dict[str, Reconciler] = {}
_renamed: dict[str, str] = {}
"""Old job name -> new: tasks a previous release queued under the old name still run."""


def job(
    name: str, *, lane: str = DEFAULT_LANE, renamed_from: str | None = None
) -> Callable[[JobFunction], JobFunction]:
    """Register `fn(context, **kwargs) -> None` as the job `name` (`domain.action`) on `lane`;
    returns `fn`. `renamed_from` is the job's name in earlier releases."""
    if lane not in LANES:
        raise ValueError(f"unknown job lane {lane!r}; use one of {LANES}")

    def register(fn: JobFunction) -> JobFunction:
        existing = _jobs.get(name)
        if existing is not None and existing is not fn and _qualname(existing) != _qualname(fn):
            raise ValueError(f"job {name!r} is already registered by {_qualname(existing)}")
        _jobs[name] = fn
        _lanes[name] = lane
        if renamed_from is not None:
            _renamed[renamed_from] = name
        return fn

    return register


def reconciler(name: str) -> Callable[[Reconciler], Reconciler]:
    """Register `fn(context) -> None`, run by every worker every few seconds."""

    def register(fn: Reconciler) -> Reconciler:
        _reconcilers[name] = fn
        return fn

    return register


def get_job(name: str) -> JobFunction:
    """The job registered as `name` (`planroom.tasks` registers them all)."""
    try:
        return _jobs[_renamed.get(name, name)]
    except KeyError:
        raise LookupError(f"no job is registered as {name!r}") from None


def lane_of(name: str) -> str:
    """The lane job `name` runs on (importing job modules until it is registered)."""
    get_job(name)
    return _lanes.get(_renamed.get(name, name), DEFAULT_LANE)


def job_names() -> list[str]:
    return sorted(_jobs)


def reconciler_names() -> list[str]:
    return sorted(_reconcilers)


def reconcilers() -> list[tuple[str, Reconciler]]:
    return list(_reconcilers.items())


def _qualname(fn: Any) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"
