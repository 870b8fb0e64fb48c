"""The production item state machine: where an order stands on the line, and every move.

```
new ──scan──▶ converting ──gate passed──▶ approval ──approved──▶ rendering ──delivered──▶ done
new ──redraw─▶ drafting ◀──gate blocked── converting ──auto-approve──▶ rendering
               drafting ──approved──▶ rendering ──failed 3 times──▶ drafting
done ──change request──▶ fixing ──resolved──▶ rendering      fixing ──rejected──▶ done
done ──re-deliver / upgrade──▶ rendering          (waiting or running) ──rejected──▶ failed
failed ──new scan──▶ converting / drafting
```

Every assignment to an item's `state`, `round_kind` and `problems` goes through this module,
so the claim and the leases are cleared the same way whoever moves the item.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.core.errors import InvalidState
from planroom.orders.models import Order
from planroom.production.models import ItemState as ItemState
from planroom.production.models import ProductionItem


class RoundKind(StrEnum):
    """What the running delivery round is: it decides the webhook's `delivery_type`."""

    NEW = "new"
    FIX = "fix"
    UPDATE = "update"
    UPGRADE = "upgrade"


S = ItemState
ALLOWED: dict[ItemState, frozenset[ItemState]] = {
    S.NEW: frozenset({S.CONVERTING, S.DRAFTING, S.FAILED}),
    S.CONVERTING: frozenset({S.DRAFTING, S.APPROVAL, S.RENDERING, S.FAILED}),
    # drafting → drafting: a second product failed to render while a drafter looks at the first
    S.DRAFTING: frozenset({S.DRAFTING, S.RENDERING, S.FAILED}),
    S.APPROVAL: frozenset({S.RENDERING, S.FAILED}),
    # rendering → rendering: a product bought while the others render joins the round
    S.RENDERING: frozenset({S.RENDERING, S.DRAFTING, S.DONE, S.FAILED}),
    S.DONE: frozenset({S.RENDERING, S.FIXING}),
    S.FIXING: frozenset({S.RENDERING, S.DONE}),
    S.FAILED: frozenset({S.CONVERTING, S.DRAFTING}),
}

WAITING_STATES: tuple[ItemState, ...] = (S.DRAFTING, S.APPROVAL, S.FIXING)
"""Work that waits for a drafter: the default queue, and the states a claim can be taken in."""
FINISHED_STATES: tuple[ItemState, ...] = (S.DONE, S.FAILED)

# How long queued work may wait for a worker before the reconciler assumes the queue lost it.
# A job that starts replaces this with a short lease its heartbeat renews (`jobs.lease`), so a
# worker that dies mid-job delays its order by seconds, not by these.
CONVERT_JOB = "production.convert_scan"
RENDER_JOB = "production.render"
DOWNLOAD_JOB = "production.download_source"

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


def can_move(current: str, to: ItemState) -> bool:
    return to in ALLOWED.get(ItemState(current), frozenset())


def move_item(
    item: ProductionItem,
    to: ItemState,
    *,
    round: RoundKind | None = None,
    problems: Sequence[str] | None = None,
) -> None:
    """Move `item` to `to`; `round` and `problems` replace the stored ones when given.

    Moving to another state drops the drafter's claim (a claim belongs to one wait for a
    drafter) and the conversion leases, except that entering `converting` opens the queued
    lease the reconciler watches.
    """
    if not can_move(item.state, to):
        raise InvalidState(f"The order is {item.state} on the production line; it cannot be {to}.")
    if to != item.state:
        drop_claim(item)
    item.state = to
    if round is not None:
        item.round_kind = round
    if problems is not None:
        item.problems = list(problems)
    item.running_until = None
    item.lease_expires_at = clock.now() + CONVERT_LEASE if to == S.CONVERTING else None


def record_problems(item: ProductionItem, problems: Sequence[str]) -> None:
    """Replace what the drafter is told about the item, without moving it."""
    item.problems = list(problems)


def add_problem(item: ProductionItem, problem: str) -> None:
    item.problems = [*item.problems, problem]


def drop_claim(item: ProductionItem) -> None:
    item.claimed_by = None
    item.claim_expires_at = None


def item_of(session: Session, order_id: uuid.UUID) -> ProductionItem | None:
    return session.scalar(select(ProductionItem).where(ProductionItem.order_id == order_id))


def ensure_item(session: Session, order: Order, priority_name: str = "regular") -> ProductionItem:
    """The order's item, created `new` with its priority and due time on first use."""
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
            order_id=order.id, state=S.NEW, priority=priority, due_at=clock.now() + due
        )
        session.add(item)
        session.flush()
    return item


def refresh_priority(session: Session, order: Order) -> None:
    """A `6h_turnaround` bought after intake moves the order up the queue and its due time in."""
    item = item_of(session, order.id)
    if item is None or "6h_turnaround" not in order.add_ons:
        return
    item.priority = max(item.priority, TURNAROUND_PRIORITY)
    item.due_at = min(item.due_at, clock.now() + DUE_AFTER["ultrafast"])
