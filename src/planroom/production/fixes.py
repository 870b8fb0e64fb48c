"""A change request on the production line: the delivered order waits for a drafter as a fix,
is rendered again once the model is corrected, or goes back to done when the change is not
made. The request itself is `change_requests`'; this is what happens to the production item."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.core.errors import InvalidState
from planroom.orders import service as orders
from planroom.orders.models import Order, ProductState
from planroom.production import pipeline
from planroom.production.line import ItemState, RoundKind, item_of, move_item
from planroom.production.models import ProductionItem

FIX_DUE_AFTER = timedelta(hours=24)
TURNAROUND_FIX_DUE_AFTER = timedelta(hours=6)


def open_fix(session: Session, order: Order, message: str) -> ProductionItem:
    """The delivered order waits for a drafter as a fix, due in 24 hours (6 with a 6h
    turnaround); 409 while any of its products is still being delivered."""
    item = item_of(session, order.id)
    if item is None or item.state != ItemState.DONE:
        raise InvalidState(
            "The order's products are still being delivered; request the change once every "
            "product is delivered."
        )
    move_item(item, ItemState.FIXING, round=RoundKind.FIX, problems=[f"change request: {message}"])
    fast = "6h_turnaround" in order.add_ons
    item.due_at = clock.now() + (TURNAROUND_FIX_DUE_AFTER if fast else FIX_DUE_AFTER)
    return item


def delivered_products(session: Session, order: Order) -> list[str]:
    return [
        row.product
        for row in orders.order_products(session, order.id)
        if row.state == ProductState.DELIVERED
    ]


def render_fix(session: Session, order: Order, item: ProductionItem) -> None:
    """The model was corrected: every delivered product is rendered again and delivered as a
    fix."""
    delivered = delivered_products(session, order)
    pipeline.start_rendering(session, order, item, delivered, round=RoundKind.FIX, problems=[])


def close_fix(item: ProductionItem) -> None:
    """The change is not made: the item is done again, its files unchanged."""
    move_item(item, ItemState.DONE, problems=[])
