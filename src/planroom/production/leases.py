"""Who holds production work, and the reconciler that takes up work nobody holds.

Two times on each conversion (production item) and each owed render (product row):
- `lease_expires_at`, set when the job is enqueued: the queue is trusted with it until then
  (15 or 5 minutes, `line.RENDER_LEASE` / `CONVERT_LEASE`, counted from when it is due);
- `running_until`, set by the job that takes it (compare-and-set, so one job at a time) and
  renewed by its heartbeat every `job_lease_seconds / 3`.

Huey forgets a task once a worker takes it, so a worker killed mid-job leaves work that only
these times bring back. The reconciler enqueues work again when
- its running lease ran out (the worker died while running it: about 30 s), or
- nothing is queued on the production lane at all and nobody runs it though it was enqueued
  more than a lease ago (the worker died between taking the task and claiming the work), or
- the queued time ran out (the queue itself lost it).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.jobs.context import JobContext
from planroom.jobs.lease import Renew, changed_one, is_free, orphaned
from planroom.jobs.queue import enqueue
from planroom.jobs.registry import DEFAULT_LANE, reconciler
from planroom.orders.render_leases import reclaim_orphaned_renders
from planroom.production import line
from planroom.production.models import ItemState, ProductionItem

log = logging.getLogger("planroom.production")


def claim_conversion(session: Session, order_id: uuid.UUID, until: datetime) -> bool:
    """Take the order's conversion unless another job runs it; False when not ours to run."""
    return changed_one(
        session.execute(
            update(ProductionItem)
            .where(
                ProductionItem.order_id == order_id,
                ProductionItem.state == ItemState.CONVERTING,
                is_free(ProductionItem.running_until, clock.now()),
            )
            .values(running_until=until),
            execution_options={"synchronize_session": False},
        )
    )


def renew_conversion(session: Session, order_id: uuid.UUID, until: datetime) -> bool:
    return changed_one(
        session.execute(
            update(ProductionItem)
            .where(
                ProductionItem.order_id == order_id,
                ProductionItem.state == ItemState.CONVERTING,
                ProductionItem.running_until.is_not(None),
            )
            .values(running_until=until),
            execution_options={"synchronize_session": False},
        )
    )


def renewer(runtime: JobContext, renew: Callable[[Session, datetime], bool]) -> Renew:
    """A heartbeat callback: `renew(session, until)` in a unit of work of its own."""

    def beat(until: datetime) -> bool:
        with unit_of_work(runtime.session_factory) as session:
            return renew(session, until)

    return beat


@reconciler("production.leases")
def requeue_expired_work(runtime: JobContext) -> None:
    """Re-enqueue conversions and renders nobody holds (see the module docstring). Each is
    taken with a compare-and-set on the same condition, so of several workers reconciling at
    once exactly one enqueues it."""
    now = clock.now()
    lease = timedelta(seconds=runtime.settings.job_lease_seconds)
    idle = runtime.queue.pending_count(DEFAULT_LANE) == 0
    converting = and_(
        ProductionItem.state == ItemState.CONVERTING,
        orphaned(
            ProductionItem.running_until,
            ProductionItem.lease_expires_at,
            now,
            line.CONVERT_LEASE,
            lease,
            idle,
        ),
    )
    with unit_of_work(runtime.session_factory) as session:
        for order_id in list(session.scalars(select(ProductionItem.order_id).where(converting))):
            taken = session.execute(
                update(ProductionItem)
                .where(ProductionItem.order_id == order_id, converting)
                .values(running_until=None, lease_expires_at=now + line.CONVERT_LEASE),
                execution_options={"synchronize_session": False},
            )
            if changed_one(taken):
                log.info("conversion of order %s lost its worker; enqueued again", order_id)
                enqueue(session, line.CONVERT_JOB, order_id=str(order_id))
        rendering = select(ProductionItem.order_id).where(
            ProductionItem.state == ItemState.RENDERING
        )
        renders = reclaim_orphaned_renders(
            session, rendering, now=now, queued_for=line.RENDER_LEASE, lease=lease, idle=idle
        )
        for order_id, product in renders:
            log.info("render %s of order %s lost its worker; enqueued again", product, order_id)
            enqueue(session, line.RENDER_JOB, order_id=str(order_id), product=product)
