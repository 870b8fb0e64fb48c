"""Change requests: opened by a customer on a Ready order, worked on by a drafter, resolved
(the corrected model is rendered again and delivered as a fix) or rejected (nothing changes).

Services never commit; the request commits once.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from planroom.change_requests.models import ChangeRequest
from planroom.change_requests.schemas import ChangeRequestCreate, ChangeRequestOut
from planroom.core.clock import clock, epoch
from planroom.core.errors import InvalidState, NotFound
from planroom.floormodel.validation import check_model
from planroom.orders import lifecycle
from planroom.orders import service as orders
from planroom.orders.models import Order
from planroom.orders.products import groups_of
from planroom.production import fixes
from planroom.production.models import ProductionItem
from planroom.production.versions import get_version, latest_version, model_of, save_version

OPEN_STATUSES = ("Open", "InProgress")


def lock_company_order(session: Session, company_id: uuid.UUID, order_id: uuid.UUID) -> Order:
    """The company's order, locked and read after the lock (so its status is current); 404
    for another company's order, never revealing that it exists."""
    return orders.get_order_for_update(session, company_id, order_id)


def out(request: ChangeRequest) -> ChangeRequestOut:
    return ChangeRequestOut(
        id=request.id,
        order_id=request.order_id,
        status=request.status,
        message=request.message,
        attachments=list(request.attachments),
        created_by=request.created_by,
        created_at=epoch(request.created_at) or 0.0,
        resolved_at=epoch(request.resolved_at),
        resolution_note=request.resolution_note,
    )


def list_statement(order_id: uuid.UUID) -> Select[ChangeRequest]:
    """An order's change requests, newest first."""
    return (
        select(ChangeRequest)
        .where(ChangeRequest.order_id == order_id)
        .order_by(ChangeRequest.created_at.desc(), ChangeRequest.id.desc())
    )


def get_for_order(session: Session, order: Order, request_id: uuid.UUID) -> ChangeRequest:
    """One change request of `order` (already checked to be the caller's); 404 otherwise."""
    request = session.get(ChangeRequest, request_id)
    if request is None or request.order_id != order.id:
        raise NotFound("No change request with this id on this order.")
    return request


def get_any(session: Session, request_id: uuid.UUID) -> ChangeRequest:
    """Any company's change request: for operators, who see every company's production work."""
    request = session.get(ChangeRequest, request_id)
    if request is None:
        raise NotFound("No change request with this id.")
    return request


def open_requests_of(
    session: Session, order_ids: list[uuid.UUID]
) -> dict[uuid.UUID, ChangeRequest]:
    """`open_request_of` for many orders in one query; orders with none are left out."""
    latest: dict[uuid.UUID, ChangeRequest] = {}
    if not order_ids:
        return latest
    for request in session.scalars(
        select(ChangeRequest)
        .where(ChangeRequest.order_id.in_(order_ids), ChangeRequest.status.in_(OPEN_STATUSES))
        .order_by(ChangeRequest.created_at.desc())
    ):
        latest.setdefault(request.order_id, request)
    return latest


def open_request_of(session: Session, order_id: uuid.UUID) -> ChangeRequest | None:
    return session.scalar(
        select(ChangeRequest)
        .where(ChangeRequest.order_id == order_id, ChangeRequest.status.in_(OPEN_STATUSES))
        .order_by(ChangeRequest.created_at.desc())
        .limit(1)
    )


def create(
    session: Session, order: Order, body: ChangeRequestCreate, *, actor: str
) -> ChangeRequest:
    """Open a change request on a Ready order (call with the order locked): the order moves to
    Fixing (`moved_to_fixing`) and its production item waits for a drafter as a fix."""
    lifecycle.require_status(order, "Ready", action="requesting a change")
    fixes.open_fix(session, order, body.message)
    latest = latest_version(session, order.id)
    request = ChangeRequest(
        order_id=order.id,
        status="Open",
        message=body.message,
        attachments=list(body.attachments),
        created_by=actor,
        base_version=latest.version if latest else None,
    )
    session.add(request)
    session.flush()
    lifecycle.move(session, order, "Fixing", actor=actor, reason=f"change request {request.id}")
    session.flush()
    return request


def mark_in_progress(session: Session, order_id: uuid.UUID) -> None:
    """A drafter claimed the order: its open change request is being worked on."""
    request = open_request_of(session, order_id)
    if request is not None and request.status == "Open":
        request.status = "InProgress"
        request.started_at = clock.now()
        session.flush()


def _require_open(request: ChangeRequest, action: str) -> None:
    if request.status not in OPEN_STATUSES:
        raise InvalidState(
            f"The change request is {request.status}; only an open one can be {action}."
        )


def resolve(
    session: Session,
    order: Order,
    item: ProductionItem,
    request: ChangeRequest,
    *,
    actor: str,
    note: str,
) -> None:
    """The model was corrected: render every delivered product again from it; each group is
    delivered as a fix (`moved_to_ready`, `previous_status: "Fixing"`, `delivery_type: "fix"`).
    Call with the order locked."""
    _require_open(request, "resolved")
    lifecycle.require_status(order, "Fixing", action="resolving a change request")
    latest = latest_version(session, order.id)
    if latest is None or (
        request.base_version is not None and latest.version <= request.base_version
    ):
        raise InvalidState(
            "The model was not changed since the change request was made: save the corrected "
            f"model (PUT /api/production/v1/orders/{order.id}/model) first, or reject the "
            "change request."
        )
    check_model(model_of(latest))
    fixes.render_fix(session, order, item)
    now = clock.now()
    request.status = "Done"
    request.started_at = request.started_at or now
    request.resolved_at = now
    request.resolved_by = actor
    request.resolution_note = note
    session.flush()


def reject(
    session: Session,
    order: Order,
    item: ProductionItem,
    request: ChangeRequest,
    *,
    actor: str,
    note: str,
) -> None:
    """The change is not made: the order returns to Ready with its files unchanged. Clients
    written against the original wait for a Ready after Fixing, so each delivered group is
    announced again as a fix; the request says `Rejected` with the note. A model saved during
    the fix is set back to the delivered one, so the model always matches the files."""
    _require_open(request, "rejected")
    lifecycle.require_status(order, "Fixing", action="rejecting a change request")
    latest = latest_version(session, order.id)
    if (
        request.base_version is not None
        and latest is not None
        and latest.version > request.base_version
    ):
        delivered_version = get_version(session, order.id, request.base_version)
        save_version(
            session,
            order,
            model_of(delivered_version),
            author=actor,
            note=f"restored version {request.base_version}: change request rejected",
        )
    now = clock.now()
    request.status = "Rejected"
    request.started_at = request.started_at or now
    request.resolved_at = now
    request.resolved_by = actor
    request.resolution_note = note
    fixes.close_fix(item)
    reason = f"change request {request.id} rejected"
    groups = groups_of(fixes.delivered_products(session, order))
    for group in groups:
        lifecycle.move(
            session,
            order,
            "Ready",
            actor=actor,
            reason=reason,
            reported_previous="Fixing",
            product_type=group,
            delivery_type="fix",
        )
    if not groups:
        lifecycle.move(session, order, "Ready", actor=actor, reason=reason)
    session.flush()
