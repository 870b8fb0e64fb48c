"""What happens between Pending and Ready: intake, the quality gate, rendering, delivery.

The database is the truth. A production item says where the order stands; each owed product
row says what is still to render. Jobs only say "do this now" and are idempotent: rendering a
product again overwrites the same files, and a group is delivered once, under the order's lock.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.core.errors import InvalidState
from planroom.jobs.queue import enqueue_after_commit
from planroom.orders import lifecycle
from planroom.orders.models import Order, OrderProduct
from planroom.production.models import ProductionItem
from planroom.render.products import PRODUCTS
from planroom.render.products.base import PRODUCT_GROUPS
from planroom.runtime import Runtime

# How long queued work may wait for a worker before the reconciler assumes the queue lost it.
# A job that starts replaces this with a short lease its heartbeat renews (`jobs.lease`), so a
# worker that dies mid-job delays its order by seconds, not by these.
RENDER_LEASE = timedelta(minutes=15)
CONVERT_LEASE = timedelta(minutes=5)

DUE_AFTER = {
    "regular": timedelta(hours=48),
    "fast": timedelta(hours=24),
    "ultrafast": timedelta(hours=6),
    "ultrafast-12": timedelta(hours=12),
    "ultrafast-16": timedelta(hours=16),
}
PRIORITY = {"regular": 0, "fast": 1, "ultrafast-16": 2, "ultrafast-12": 3, "ultrafast": 4}
TURNAROUND_PRIORITY = 10

# what a delivery round reports as the previous status and as the delivery type
ROUND_PREVIOUS = {"new": "Pending", "fix": "Fixing", "update": "Ready", "upgrade": "Ready"}


def lock_order(session: Session, order_id: uuid.UUID) -> Order:
    """Take the order's row lock: a write on SQLite, FOR UPDATE on PostgreSQL."""
    session.execute(update(Order).where(Order.id == order_id).values(updated_at=clock.now()))
    order = session.scalar(select(Order).where(Order.id == order_id).with_for_update())
    if order is None:
        raise LookupError(f"order {order_id} is gone")
    return order


def item_of(session: Session, order_id: uuid.UUID) -> ProductionItem | None:
    return session.scalar(select(ProductionItem).where(ProductionItem.order_id == order_id))


def ensure_item(session: Session, order: Order, priority_name: str = "regular") -> ProductionItem:
    item = item_of(session, order.id)
    if item is None:
        priority = PRIORITY.get(priority_name, 0)
        if "6h_turnaround" in order.add_ons:
            priority = TURNAROUND_PRIORITY
        due = (
            DUE_AFTER["ultrafast"]
            if "6h_turnaround" in order.add_ons
            else DUE_AFTER.get(priority_name, DUE_AFTER["regular"])
        )
        item = ProductionItem(
            order_id=order.id, state="new", priority=priority, due_at=clock.now() + due
        )
        session.add(item)
        session.flush()
    return item


def scan_received(
    session: Session, runtime: Runtime, order: Order, *, actor: str, priority_name: str = "regular"
) -> None:
    """A scan or plan was stored: the order is Pending and conversion starts after commit."""
    lifecycle.require_status(order, "Draft", "New", "Failed", action="uploading a scan")
    lifecycle.move(session, runtime, order, "Pending", actor=actor, reason="scan uploaded")
    item = ensure_item(session, order, priority_name)
    item.round_kind = "new"
    item.problems = []
    item.claimed_by = None
    item.claim_expires_at = None
    if order.order_type == "redraw":
        item.state = "drafting"
        session.flush()
        return
    item.state = "converting"
    item.lease_expires_at = clock.now() + CONVERT_LEASE
    session.flush()
    enqueue_after_commit(session, runtime, "convert_scan", order_id=str(order.id))


def start_rendering(
    session: Session,
    runtime: Runtime,
    order: Order,
    item: ProductionItem,
    products: Sequence[str] | None = None,
) -> None:
    """Enqueue one render job per owed product (or just `products`, re-owing them)."""
    item.state = "rendering"
    rows = list(session.scalars(select(OrderProduct).where(OrderProduct.order_id == order.id)))
    for row in rows:
        if products is not None and row.product in products:
            row.state = "owed"
            row.owed_since = clock.now()
            row.attempts = 0  # a new round gets its own bounded retries
            row.error = None
        if row.state != "owed":
            continue
        row.lease_expires_at = clock.now() + RENDER_LEASE
        enqueue_after_commit(
            session, runtime, "render_product", order_id=str(order.id), product=row.product
        )
    session.flush()


def refresh_priority(session: Session, order: Order) -> None:
    """A `6h_turnaround` bought after intake moves the order up the queue and its due time in."""
    item = item_of(session, order.id)
    if item is None or "6h_turnaround" not in order.add_ons:
        return
    item.priority = max(item.priority, TURNAROUND_PRIORITY)
    item.due_at = min(item.due_at, clock.now() + DUE_AFTER["ultrafast"])


def products_added(session: Session, runtime: Runtime, order: Order, products: list[str]) -> None:
    """Post-purchase: a delivered order renders just the new products as an upgrade."""
    item = item_of(session, order.id)
    if item is None:
        return  # nothing was uploaded yet: they render with everything else
    if order.status == "Ready" and item.state == "done":
        item.round_kind = "upgrade"
        start_rendering(session, runtime, order, item, products)
    elif item.state == "rendering":
        start_rendering(session, runtime, order, item)


def re_deliver(session: Session, runtime: Runtime, order: Order) -> None:
    """Re-render the styled products of a Ready order; each group is re-announced."""
    lifecycle.require_status(order, "Ready", action="re-delivering")
    item = item_of(session, order.id)
    if item is None or item.state not in ("done",):
        raise InvalidState("The order's products are still being produced; re-deliver later.")
    owned = {
        p.product
        for p in session.scalars(select(OrderProduct).where(OrderProduct.order_id == order.id))
    }
    item.round_kind = "update"
    styled = [key for key, product in PRODUCTS.items() if product.styled and key in owned]
    start_rendering(session, runtime, order, item, styled)


def deliver_finished_groups(session: Session, runtime: Runtime, order: Order) -> list[str]:
    """Deliver every group none of whose products is still owed; returns the groups sent.

    Call with the order locked (`lock_order`), so a group is never delivered twice.
    """
    item = item_of(session, order.id)
    if item is None:
        return []
    rows = list(session.scalars(select(OrderProduct).where(OrderProduct.order_id == order.id)))
    delivered: list[str] = []
    for group in PRODUCT_GROUPS:
        in_group = [row for row in rows if PRODUCTS[row.product].group == group]
        rendered = [row for row in in_group if row.state == "rendered"]
        if not rendered or any(row.state == "owed" for row in in_group):
            continue
        now = clock.now()
        for row in rendered:
            row.state = "delivered"
            row.delivered_at = now
        announce_ready(session, runtime, order, item.round_kind, group)
        delivered.append(group)
    if not any(row.state in ("owed", "rendered") for row in rows):
        item.state = "done"
        item.lease_expires_at = None
    session.flush()
    return delivered


def announce_ready(
    session: Session, runtime: Runtime, order: Order, round_kind: str, group: str
) -> None:
    if order.first_delivered_at is None:
        order.first_delivered_at = clock.now()
    lifecycle.move(
        session,
        runtime,
        order,
        "Ready",
        actor="production",
        reason=f"{group} delivered",
        reported_previous=ROUND_PREVIOUS.get(round_kind, order.status),
        product_type=group,
        delivery_type=round_kind,  # type: ignore[arg-type]
    )


def reject(session: Session, runtime: Runtime, order: Order, *, actor: str, reason: str) -> None:
    lifecycle.require_status(order, "Pending", "Fixing", action="rejecting")
    item = ensure_item(session, order)
    item.state = "failed"
    item.claimed_by = None
    item.claim_expires_at = None
    item.problems = [reason]
    lifecycle.move(session, runtime, order, "Failed", actor=actor, reason=reason)
