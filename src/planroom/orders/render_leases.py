"""Who renders an owed product: the lease columns of `order_products`.

The production line decides when a product is rendered and enqueues the job; the rows are the
order's, so taking, renewing and reclaiming them happens here (see `production/leases.py` for
the two times each lease carries).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, select, update
from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.jobs.lease import changed_one, is_free, orphaned
from planroom.orders.models import OrderProduct, ProductState


def claim_render(session: Session, order_id: uuid.UUID, product: str, until: datetime) -> bool:
    """Take one owed render unless another job runs it, counting the attempt."""
    free = is_free(OrderProduct.running_until, clock.now())
    return _set(
        session, order_id, product, free, running_until=until, attempts=OrderProduct.attempts + 1
    )


def renew_render(session: Session, order_id: uuid.UUID, product: str, until: datetime) -> bool:
    held = OrderProduct.running_until.is_not(None)
    return _set(session, order_id, product, held, running_until=until)


def _set(
    session: Session,
    order_id: uuid.UUID,
    product: str,
    condition: ColumnElement[bool],
    **values: object,
) -> bool:
    """Compare-and-set on one owed product row: True when this call changed it."""
    return changed_one(
        session.execute(
            update(OrderProduct)
            .where(
                OrderProduct.order_id == order_id,
                OrderProduct.product == product,
                OrderProduct.state == ProductState.OWED,
                condition,
            )
            .values(**values),
            execution_options={"synchronize_session": False},
        )
    )


def reclaim_orphaned_renders(
    session: Session,
    rendering_orders: Select[uuid.UUID],
    *,
    now: datetime,
    queued_for: timedelta,
    lease: timedelta,
    idle: bool,
) -> list[tuple[uuid.UUID, str]]:
    """Take back owed renders of `rendering_orders` that nobody holds, each with a
    compare-and-set so that of several reconcilers exactly one gets it; the (order, product)
    pairs taken, whose jobs the caller enqueues again."""
    orphan = and_(
        OrderProduct.state == ProductState.OWED,
        orphaned(
            OrderProduct.running_until,
            OrderProduct.lease_expires_at,
            now,
            queued_for,
            lease,
            idle,
        ),
    )
    candidates = session.execute(
        select(OrderProduct.id, OrderProduct.order_id, OrderProduct.product).where(
            OrderProduct.order_id.in_(rendering_orders), orphan
        )
    ).all()
    taken: list[tuple[uuid.UUID, str]] = []
    for row_id, order_id, product in candidates:
        result = session.execute(
            update(OrderProduct)
            .where(OrderProduct.id == row_id, orphan)
            .values(running_until=None, lease_expires_at=now + queued_for),
            execution_options={"synchronize_session": False},
        )
        if changed_one(result):
            taken.append((order_id, product))
    return taken
