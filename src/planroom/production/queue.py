"""The production queue (what awaits a drafter, in the order to work on it) and claims.

One drafter at a time works on an order: a claim lasts two hours and is renewed by claiming
again. Model saves, approval, rejection and change-request decisions need the caller's live
claim, so two drafters never overwrite each other's work.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from planroom.change_requests import service as change_requests
from planroom.change_requests.models import ChangeRequest
from planroom.companies import service as companies
from planroom.companies.models import Company
from planroom.core.clock import clock
from planroom.core.errors import Conflict, InvalidState, NotFound
from planroom.core.pagination import Page, PageParams, build_page
from planroom.orders import service as orders
from planroom.orders.models import Order
from planroom.production import line, pipeline
from planroom.production.line import FINISHED_STATES, ItemState, drop_claim
from planroom.production.line import WAITING_STATES as WAITING_STATES
from planroom.production.models import Operator, ProductionItem
from planroom.production.operators import operator_name, operator_names

CLAIM_TTL = timedelta(hours=2)

ITEM_STATES: tuple[ItemState, ...] = tuple(ItemState)

PRIORITY_NAMES = {rank: name for name, rank in line.PRIORITY.items()}
PRIORITY_NAMES[line.TURNAROUND_PRIORITY] = "6h_turnaround"


@dataclass(frozen=True)
class WorkItem:
    """One order on the production line, with its company and the open change request."""

    item: ProductionItem
    order: Order
    company: Company
    claimed_by: str | None
    change_request: ChangeRequest | None

    @property
    def late(self) -> bool:
        return self.item.state not in FINISHED_STATES and self.item.due_at < clock.now()

    @property
    def priority_name(self) -> str:
        return PRIORITY_NAMES.get(self.item.priority, "regular")


def queue_statement(states: Sequence[str]) -> Select[ProductionItem]:
    """Items in `states`, most urgent first: 6h turnaround, then GoToScan priority (both in
    `priority`), then the earliest due time, then the oldest order. Sandbox test orders
    (`cctest`) are processed automatically and never reach a drafter."""
    waiting = (
        select(ProductionItem)
        .where(ProductionItem.state.in_(list(states)))
        .order_by(ProductionItem.priority.desc(), ProductionItem.due_at.asc())
    )
    return orders.only_real_orders(waiting, ProductionItem.order_id)


def list_queue(session: Session, states: Sequence[str], params: PageParams) -> Page[WorkItem]:
    found = list(
        session.scalars(queue_statement(states).limit(params.limit + 1).offset(params.offset))
    )
    has_more = len(found) > params.limit
    page = found[: params.limit]
    # One query each for the orders, companies, claimants' names and open change requests.
    by_order = orders.orders_by_id(session, [item.order_id for item in page])
    by_company = companies.companies_by_id(
        session, {order.company_id for order in by_order.values()}
    )
    claimants = {item.claimed_by for item in page if holds_claim(item) and item.claimed_by}
    names = operator_names(session, claimants)
    requests = change_requests.open_requests_of(session, list(by_order))
    items = [
        WorkItem(
            item=item,
            order=by_order[item.order_id],
            company=by_company[by_order[item.order_id].company_id],
            claimed_by=names.get(item.claimed_by) if item.claimed_by in claimants else None,
            change_request=requests.get(item.order_id),
        )
        for item in page
    ]
    return build_page(items, params, has_more)


def work_item(session: Session, order_id: uuid.UUID) -> WorkItem:
    """Any company's order on the production line (operators see them all); 404 otherwise."""
    order = orders.get_any_order(session, order_id)
    item = line.item_of(session, order_id) if order else None
    if order is None or item is None:
        raise NotFound("No order with this id is on the production line.")
    return _work_item(session, item, order, companies.get_company(session, order.company_id))


def _work_item(session: Session, item: ProductionItem, order: Order, company: Company) -> WorkItem:
    return WorkItem(
        item=item,
        order=order,
        company=company,
        claimed_by=operator_name(session, item.claimed_by) if holds_claim(item) else None,
        change_request=change_requests.open_request_of(session, order.id),
    )


def locked(session: Session, order_id: uuid.UUID) -> tuple[Order, ProductionItem]:
    """The order, locked, and its production item; 404 when there is none."""
    if not orders.order_exists(session, order_id):
        raise NotFound("No order with this id is on the production line.")
    order = pipeline.lock_order(session, order_id)
    item = line.item_of(session, order_id)
    if item is None:
        raise NotFound("No order with this id is on the production line.")
    return order, item


def holds_claim(item: ProductionItem, operator: Operator | None = None) -> bool:
    """Whether the item has a live claim (by `operator`, when given)."""
    expires = item.claim_expires_at
    if item.claimed_by is None or expires is None or expires <= clock.now():
        return False
    return operator is None or item.claimed_by == operator.id


def _holder_message(session: Session, item: ProductionItem) -> str:
    holder = operator_name(session, item.claimed_by) or "another drafter"
    until: datetime = item.claim_expires_at  # type: ignore[assignment]
    return f"{holder} holds the claim on this order until {until:%Y-%m-%d %H:%M} UTC"


def claim(session: Session, operator: Operator, order_id: uuid.UUID) -> ProductionItem:
    """Take (or renew) the claim on an order that waits for a drafter; 409 `conflict` naming
    the holder while someone else's claim is live. An open change request becomes InProgress."""
    _order, item = locked(session, order_id)
    if item.state not in WAITING_STATES:
        raise InvalidState(
            f"The order is {item.state} on the production line; only work that waits for a "
            f"drafter ({', '.join(WAITING_STATES)}) can be claimed."
        )
    if holds_claim(item) and not holds_claim(item, operator):
        raise Conflict(f"{_holder_message(session, item)}; claim it after that.")
    item.claimed_by = operator.id
    item.claim_expires_at = clock.now() + CLAIM_TTL
    change_requests.mark_in_progress(session, order_id)
    session.flush()
    return item


def release(session: Session, operator: Operator, order_id: uuid.UUID) -> ProductionItem:
    """Give the claim back before it expires (only its holder can)."""
    _order, item = locked(session, order_id)
    if holds_claim(item) and not holds_claim(item, operator):
        raise Conflict(f"{_holder_message(session, item)}; only they can release it.")
    drop_claim(item)
    session.flush()
    return item


def require_claim(session: Session, operator: Operator, order: Order, item: ProductionItem) -> None:
    """Refuse a write unless `operator` holds a live claim on the order."""
    if holds_claim(item, operator):
        return
    if holds_claim(item):
        raise Conflict(f"{_holder_message(session, item)}.")
    raise Conflict(
        f"Claim the order first: POST /api/production/v1/orders/{order.id}/claim "
        "(a claim lasts 2 hours)."
    )
