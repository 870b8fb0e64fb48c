"""The order state machine: every move is checked, recorded as an event and announced.

```
Draft ──scan──▶ Pending ──delivered──▶ Ready ──change request──▶ Fixing ──fixed──▶ Ready
New ───scan──▶ Pending ──rejected───▶ Failed ──new scan──▶ Pending
POST /orders (redraw) ──▶ Pending          Ready ──re-deliver / upgrade / quick edit──▶ Ready
```
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.core.errors import InvalidState
from planroom.core.metrics import SCAN_TO_READY_SECONDS
from planroom.db.engine import after_commit
from planroom.orders.models import Order, OrderEvent
from planroom.orders.schemas import DeliveryType, Status, StatusChanged
from planroom.webhooks.service import record_event

ALLOWED: dict[str | None, frozenset[str]] = {
    None: frozenset({"New", "Draft", "Pending"}),
    "New": frozenset({"Pending"}),
    "Draft": frozenset({"Pending"}),
    "Pending": frozenset({"Ready", "Failed"}),
    "Ready": frozenset({"Ready", "Fixing"}),
    "Fixing": frozenset({"Ready", "Failed"}),
    "Failed": frozenset({"Pending"}),
}

CreatedHook = Callable[[Session, Order], None]
ON_CREATED: list[CreatedHook] = []
"""Called for every new order inside the transaction that creates it (the sandbox registers
one that processes `cctest` orders)."""

TRIGGERS: dict[str, str] = {
    "Draft": "moved_to_draft",
    "Pending": "moved_to_pending",
    "Ready": "moved_to_ready",
    "Fixing": "moved_to_fixing",
    "Failed": "moved_to_failed",
}


def can_move(current: str | None, to: str) -> bool:
    return to in ALLOWED.get(current, frozenset())


def require_status(order: Order, *allowed: str, action: str) -> None:
    """Refuse an action the order's status does not allow, naming that status."""
    if order.status not in allowed:
        raise InvalidState(
            f"The order is {order.status}; {action} needs it to be {' or '.join(allowed)}."
        )


def move(
    session: Session,
    order: Order,
    to: Status,
    *,
    actor: str,
    reason: str = "",
    creating: bool = False,
    reported_previous: str | None = None,
    product_type: str | None = None,
    delivery_type: DeliveryType | None = None,
) -> None:
    """Move `order` to `to` (or announce a Ready delivery again), record it, fire the trigger.

    `creating` is for a just-created order: it comes from no status at all.
    `reported_previous` is what the webhook says it came from when that differs from the
    stored status: every group of a first delivery reports `Pending`, of a fix `Fixing`.
    """
    from_status: str | None = None if creating else order.status
    if not can_move(from_status, to):
        raise InvalidState(f"The order is {from_status}; it cannot move to {to}.")
    if to == "Ready" and from_status == "Pending":
        _measure_scan_to_ready(session, order)
    order.status = to
    session.add(
        OrderEvent(
            order_id=order.id,
            from_status=from_status,
            to_status=to,
            actor=actor,
            reason=reason,
            product_type=product_type,
            delivery_type=delivery_type,
        )
    )
    session.flush()
    trigger = TRIGGERS.get(to)
    if trigger is not None:
        payload = StatusChanged.model_validate(
            {
                "id": order.id,
                "current_status": to,
                "previous_status": reported_previous or from_status,
                "model_id": order.model_id,
                "product_type": product_type if to == "Ready" else None,
                "delivery_type": delivery_type if to == "Ready" else None,
            }
        ).model_dump(mode="json")
        record_event(session, order.company_id, trigger, payload)
    if creating:
        for hook in ON_CREATED:
            hook(session, order)


def _measure_scan_to_ready(session: Session, order: Order) -> None:
    """Observe the seconds since the order went Pending, once the first Ready commits."""
    pending_at = session.scalar(
        select(func.max(OrderEvent.at)).where(
            OrderEvent.order_id == order.id, OrderEvent.to_status == "Pending"
        )
    )
    if pending_at is None:
        return
    seconds = max(0.0, (clock.now() - pending_at).total_seconds())
    after_commit(session, lambda: SCAN_TO_READY_SECONDS.observe(seconds))
