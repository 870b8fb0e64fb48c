"""Named jobs and reconcilers: plain functions registered by name.

A job is `fn(runtime, **kwargs) -> None`; it opens its own unit of work and commits once.
Each job runs on a lane: production work on `default`, webhook calls on `webhooks`, so that
waiting on a customer's HTTP receiver never holds a thread production needs.
A reconciler is `fn(runtime) -> None`; it finds work the database says is due (a webhook retry,
an expired production lease) and enqueues it again, because the queue may have lost it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planroom.runtime import Runtime

log = logging.getLogger("planroom.jobs")

JobFunction = Callable[..., None]
Reconciler = Callable[["Runtime"], None]

DEFAULT_LANE = "default"
WEBHOOK_LANE = "webhooks"
LANES = (DEFAULT_LANE, WEBHOOK_LANE)

# Modules that register jobs or reconcilers when imported. A worker imports them all before it
# takes work, so a job enqueued by one process can run in any other.
JOB_MODULES: list[str] = [
    "planroom.webhooks.tasks",
    "planroom.production.sources",
    "planroom.production.tasks",
    "planroom.sandbox.tasks",
]

_jobs: dict[str, JobFunction] = {}
_lanes: dict[str, str] = {}
_reconcilers: dict[str, Reconciler] = {}
_imported: set[str] = set()


def job(name: str, *, lane: str = DEFAULT_LANE) -> Callable[[JobFunction], JobFunction]:
    """Register `fn(runtime, **kwargs) -> None` as the job `name` on `lane`; returns `fn`."""
    if lane not in LANES:
        raise ValueError(f"unknown job lane {lane!r}; use one of {LANES}")

    def register(fn: JobFunction) -> JobFunction:
        existing = _jobs.get(name)
        if existing is not None and existing is not fn and _qualname(existing) != _qualname(fn):
            raise ValueError(f"job {name!r} is already registered by {_qualname(existing)}")
        _jobs[name] = fn
        _lanes[name] = lane
        return fn

    return register


def reconciler(name: str) -> Callable[[Reconciler], Reconciler]:
    """Register `fn(runtime) -> None`, run by every worker every few seconds."""

    def register(fn: Reconciler) -> Reconciler:
        _reconcilers[name] = fn
        return fn

    return register


def load_job_modules(*, strict: bool = True) -> None:
    """Import every module in `JOB_MODULES` once, so that their jobs are registered.

    A module that fails to import raises when `strict` (a worker starting up must say so);
    otherwise it is logged and the others still load (a reconciler run keeps going).
    """
    for module in JOB_MODULES:
        if module in _imported:
            continue
        try:
            importlib.import_module(module)
        except Exception:
            if strict:
                raise
            log.exception("could not import job module %s", module)
            continue
        _imported.add(module)


def get_job(name: str) -> JobFunction:
    """The job registered as `name`, importing job modules (in order) until it is found."""
    for module in JOB_MODULES:
        if name in _jobs:
            break
        if module not in _imported:
            importlib.import_module(module)
            _imported.add(module)
    try:
        return _jobs[name]
    except KeyError:
        raise LookupError(f"no job is registered as {name!r}") from None


def lane_of(name: str) -> str:
    """The lane job `name` runs on (importing job modules until it is registered)."""
    get_job(name)
    return _lanes.get(name, DEFAULT_LANE)


def job_names() -> list[str]:
    load_job_modules()
    return sorted(_jobs)


def reconciler_names() -> list[str]:
    load_job_modules()
    return sorted(_reconcilers)


def run_reconcilers(runtime: Runtime) -> None:
    """Run every registered reconciler once; one failing does not stop the others."""
    load_job_modules(strict=False)
    for name, fn in list(_reconcilers.items()):
        try:
            fn(runtime)
        except Exception:
            log.exception("reconciler %s failed", name)


def _qualname(fn: Any) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"
