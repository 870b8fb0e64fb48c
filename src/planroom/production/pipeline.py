"""What happens between Pending and Ready: intake, the quality gate, rendering, delivery.

The database is the truth. A production item says where the order stands; each owed product
row says what is still to render. Jobs only say "do this now" and are idempotent: rendering a
product again overwrites the same files, and a group is delivered once, under the order's lock.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.core.errors import InvalidState
from planroom.jobs.queue import enqueue
from planroom.orders import lifecycle
from planroom.orders import service as orders
from planroom.orders.models import Order, OrderProduct, ProductState
from planroom.production.line import (
    CONVERT_JOB,
    RENDER_JOB,
    RENDER_LEASE,
    ItemState,
    RoundKind,
    ensure_item,
    item_of,
    move_item,
)
from planroom.production.models import ProductionItem
from planroom.render.products import PRODUCTS
from planroom.render.products.base import PRODUCT_GROUPS

# what a delivery round reports as the previous status and as the delivery type
ROUND_PREVIOUS = {"new": "Pending", "fix": "Fixing", "update": "Ready", "upgrade": "Ready"}


def lock_order(session: Session, order_id: uuid.UUID) -> Order:
    """Take the order's row lock (`orders.service.lock_order`); the order must exist."""
    order = orders.lock_order(session, order_id)
    if order is None:
        raise LookupError(f"order {order_id} is gone")
    return order


def scan_received(
    session: Session, order: Order, *, actor: str, priority_name: str = "regular"
) -> None:
    """A scan or plan was stored: the order is Pending and conversion starts after commit.
    The caller checked that the order may take a scan (`sources.receive_scan`)."""
    lifecycle.move(session, order, "Pending", actor=actor, reason="scan uploaded")
    item = ensure_item(session, order, priority_name)
    if order.order_type == "redraw":
        move_item(item, ItemState.DRAFTING, round=RoundKind.NEW, problems=[])
        session.flush()
        return
    move_item(item, ItemState.CONVERTING, round=RoundKind.NEW, problems=[])
    session.flush()
    enqueue(session, CONVERT_JOB, order_id=str(order.id))


def start_rendering(
    session: Session,
    order: Order,
    item: ProductionItem,
    products: Sequence[str] | None = None,
    *,
    round: RoundKind | None = None,
    problems: Sequence[str] | None = None,
) -> None:
    """Enqueue one render job per owed product (or just `products`, re-owing them)."""
    move_item(item, ItemState.RENDERING, round=round, problems=problems)
    rows = sorted(orders.order_products(session, order.id), key=_customer_first)
    for row in rows:
        if products is not None and row.product in products:
            row.state = ProductState.OWED
            row.owed_since = clock.now()
            row.attempts = 0  # a new round gets its own bounded retries
            row.error = None
        if row.state != ProductState.OWED:
            continue
        row.lease_expires_at = clock.now() + RENDER_LEASE
        enqueue(session, RENDER_JOB, order_id=str(order.id), product=row.product)
    session.flush()


def carry_forward(
    session: Session, order: Order, products: Sequence[str], version: int
) -> list[str]:
    """Mark delivered `products` as made from model `version` without rendering them again (an
    edit that leaves their files as they are); they are delivered with their group, at once when
    nothing else of the group is owed. Products that are owed (rendering from an older version)
    are left alone. Returns the products carried."""
    carried = []
    for row in orders.order_products(session, order.id):
        if row.product in products and row.state == ProductState.DELIVERED:
            row.state = ProductState.RENDERED
            row.model_version = version
            carried.append(row.product)
    session.flush()
    return carried


_REGISTRY_RANK = {key: rank for rank, key in enumerate(PRODUCTS)}


def _customer_first(row: OrderProduct) -> tuple[int, int]:
    """Render the 2D group (plans, reports, property data) before 3D and the tour: it is
    delivered, and announced, the moment its last product is done."""
    product = PRODUCTS.get(row.product)
    group = PRODUCT_GROUPS.index(product.group) if product else len(PRODUCT_GROUPS)
    return group, _REGISTRY_RANK.get(row.product, len(_REGISTRY_RANK))


def products_added(session: Session, order: Order, products: list[str]) -> None:
    """Post-purchase: a delivered order renders just the new products as an upgrade."""
    item = item_of(session, order.id)
    if item is None:
        return  # nothing was uploaded yet: they render with everything else
    if order.status == "Ready" and item.state == ItemState.DONE:
        start_rendering(session, order, item, products, round=RoundKind.UPGRADE)
    elif item.state == ItemState.RENDERING:
        start_rendering(session, order, item)


def re_deliver(session: Session, order: Order) -> None:
    """Re-render the styled products of a Ready order; each group is re-announced."""
    lifecycle.require_status(order, "Ready", action="re-delivering")
    item = item_of(session, order.id)
    if item is None or item.state != ItemState.DONE:
        raise InvalidState("The order's products are still being produced; re-deliver later.")
    owned = {p.product for p in orders.order_products(session, order.id)}
    styled = [key for key, product in PRODUCTS.items() if product.styled and key in owned]
    start_rendering(session, order, item, styled, round=RoundKind.UPDATE)


def deliver_finished_groups(session: Session, order: Order) -> list[str]:
    """Deliver every group none of whose products is still owed; returns the groups sent.

    Call with the order locked (`lock_order`), so a group is never delivered twice.
    """
    item = item_of(session, order.id)
    if item is None:
        return []
    rows = orders.order_products(session, order.id)
    delivered: list[str] = []
    for group in PRODUCT_GROUPS:
        in_group = [row for row in rows if PRODUCTS[row.product].group == group]
        rendered = [row for row in in_group if row.state == ProductState.RENDERED]
        if not rendered or any(row.state == ProductState.OWED for row in in_group):
            continue
        now = clock.now()
        for row in rendered:
            row.state = ProductState.DELIVERED
            row.delivered_at = now
        announce_ready(session, order, item.round_kind, group)
        delivered.append(group)
    # an item moved off the line meanwhile (rejected to failed) keeps where it is
    finished = not any(row.state in (ProductState.OWED, ProductState.RENDERED) for row in rows)
    if finished and item.state == ItemState.RENDERING:
        move_item(item, ItemState.DONE)
    session.flush()
    return delivered


def announce_ready(session: Session, order: Order, round_kind: str, group: str) -> None:
    if order.first_delivered_at is None:
        order.first_delivered_at = clock.now()
    lifecycle.move(
        session,
        order,
        "Ready",
        actor="production",
        reason=f"{group} delivered",
        reported_previous=ROUND_PREVIOUS.get(round_kind, order.status),
        product_type=group,
        delivery_type=round_kind,  # type: ignore[arg-type]
    )


def reject(session: Session, order: Order, *, actor: str, reason: str) -> None:
    lifecycle.require_status(order, "Pending", "Fixing", action="rejecting")
    item = ensure_item(session, order)
    move_item(item, ItemState.FAILED, problems=[reason])
    lifecycle.move(session, order, "Failed", actor=actor, reason=reason)
