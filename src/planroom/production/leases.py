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

from sqlalchemy import ColumnElement, CursorResult, and_, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.jobs.context import JobContext
from planroom.jobs.lease import Renew
from planroom.jobs.queue import enqueue
from planroom.jobs.registry import DEFAULT_LANE, reconciler
from planroom.orders.models import OrderProduct, ProductState
from planroom.production import line
from planroom.production.models import ItemState, ProductionItem

log = logging.getLogger("planroom.production")

Column = InstrumentedAttribute[datetime | None]


def claim_conversion(session: Session, order_id: uuid.UUID, until: datetime) -> bool:
    """Take the order's conversion unless another job runs it; False when not ours to run."""
    return _changed(
        session.execute(
            update(ProductionItem)
            .where(
                ProductionItem.order_id == order_id,
                ProductionItem.state == ItemState.CONVERTING,
                _free(ProductionItem.running_until, clock.now()),
            )
            .values(running_until=until),
            execution_options={"synchronize_session": False},
        )
    )


def renew_conversion(session: Session, order_id: uuid.UUID, until: datetime) -> bool:
    return _changed(
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


def claim_render(session: Session, order_id: uuid.UUID, product: str, until: datetime) -> bool:
    """Take one owed render unless another job runs it, counting the attempt."""
    return _changed(
        session.execute(
            update(OrderProduct)
            .where(
                OrderProduct.order_id == order_id,
                OrderProduct.product == product,
                OrderProduct.state == ProductState.OWED,
                _free(OrderProduct.running_until, clock.now()),
            )
            .values(running_until=until, attempts=OrderProduct.attempts + 1),
            execution_options={"synchronize_session": False},
        )
    )


def renew_render(session: Session, order_id: uuid.UUID, product: str, until: datetime) -> bool:
    return _changed(
        session.execute(
            update(OrderProduct)
            .where(
                OrderProduct.order_id == order_id,
                OrderProduct.product == product,
                OrderProduct.state == ProductState.OWED,
                OrderProduct.running_until.is_not(None),
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


def _free(running_until: Column, now: datetime) -> ColumnElement[bool]:
    return or_(running_until.is_(None), running_until < now)


def _changed(result: object) -> bool:
    return isinstance(result, CursorResult) and result.rowcount == 1


def _orphaned(
    running_until: Column,
    queued_until: Column,
    now: datetime,
    queued_for: timedelta,
    lease: timedelta,
    idle: bool,
) -> ColumnElement[bool]:
    died_running = running_until < now
    nobody_runs = running_until.is_(None)
    lost_by_queue = and_(nobody_runs, queued_until < now)
    if not idle:
        return or_(died_running, lost_by_queue)
    # enqueued (due) at `queued_until - queued_for`, more than a lease ago, and nothing queued
    taken_then_lost = and_(nobody_runs, queued_until < now + queued_for - lease)
    return or_(died_running, lost_by_queue, taken_then_lost)


@reconciler("production_leases")
def requeue_expired_work(runtime: JobContext) -> None:
    """Re-enqueue conversions and renders nobody holds (see the module docstring). Each is
    taken with a compare-and-set on the same condition, so of several workers reconciling at
    once exactly one enqueues it."""
    now = clock.now()
    lease = timedelta(seconds=runtime.settings.job_lease_seconds)
    idle = runtime.queue.pending_count(DEFAULT_LANE) == 0
    converting = and_(
        ProductionItem.state == ItemState.CONVERTING,
        _orphaned(
            ProductionItem.running_until,
            ProductionItem.lease_expires_at,
            now,
            line.CONVERT_LEASE,
            lease,
            idle,
        ),
    )
    rendering = and_(
        OrderProduct.state == ProductState.OWED,
        _orphaned(
            OrderProduct.running_until,
            OrderProduct.lease_expires_at,
            now,
            line.RENDER_LEASE,
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
            if _changed(taken):
                log.info("conversion of order %s lost its worker; enqueued again", order_id)
                enqueue(session, "convert_scan", order_id=str(order_id))
        orphans = session.execute(
            select(OrderProduct.id, OrderProduct.order_id, OrderProduct.product)
            .join(ProductionItem, ProductionItem.order_id == OrderProduct.order_id)
            .where(ProductionItem.state == ItemState.RENDERING, rendering)
        ).all()
        for row_id, order_id, product in orphans:
            taken = session.execute(
                update(OrderProduct)
                .where(OrderProduct.id == row_id, rendering)
                .values(running_until=None, lease_expires_at=now + line.RENDER_LEASE),
                execution_options={"synchronize_session": False},
            )
            if _changed(taken):
                log.info("render %s of order %s lost its worker; enqueued again", product, order_id)
                enqueue(session, "render_product", order_id=str(order_id), product=product)
