"""What a drafter does to an order: save a model, approve it, reject the order, and decide a
change request. Each needs the drafter's live claim (see `queue`). Services never commit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from planroom.change_requests import service as change_requests
from planroom.change_requests.models import ChangeRequest
from planroom.core.errors import BadRequest, InvalidState
from planroom.floormodel.errors import Problem
from planroom.floormodel.validation import check_model, parse_floor_model
from planroom.orders import lifecycle
from planroom.orders.models import Order
from planroom.production import line, pipeline
from planroom.production.line import WAITING_STATES
from planroom.production.model_facts import record_model
from planroom.production.models import FloorModelVersion, Operator, ProductionItem
from planroom.production.queue import locked, require_claim
from planroom.production.versions import latest_version, model_of, save_version


@dataclass(frozen=True)
class SavedModel:
    version: FloorModelVersion
    warnings: list[Problem]


def save_model(
    session: Session,
    operator: Operator,
    order_id: uuid.UUID,
    document: object,
    *,
    note: str = "",
) -> SavedModel:
    """Validate `document` and store it as the order's newest model version (older versions
    stay readable). A model that fails the schema or the quality gate is a 422
    `invalid_floor_model` naming every element at fault (`wall w12: …`)."""
    order, item = locked(session, order_id)
    if item.state not in WAITING_STATES:
        raise InvalidState(
            f"The order is {item.state} on the production line; its model can be changed while "
            f"it waits for a drafter ({', '.join(WAITING_STATES)})."
        )
    require_claim(session, operator, order, item)
    model = parse_floor_model(document)
    problems = check_model(model)
    version = save_version(session, order, model, author=operator.name, note=note)
    record_model(order, model, drafted=True)
    warnings = [problem for problem in problems if problem.severity != "error"]
    line.record_problems(item, [str(problem) for problem in warnings])
    session.flush()
    return SavedModel(version=version, warnings=warnings)


def approve(session: Session, operator: Operator, order_id: uuid.UUID) -> ProductionItem:
    """The newest model is right: render every owed product and deliver. A Pending order is
    delivered as new; a delivered order whose fix, update or upgrade failed to render and came
    back to a drafter is delivered as that round again."""
    order, item = locked(session, order_id)
    if item.state == line.ItemState.FIXING:
        raise InvalidState(
            "The order is being fixed: resolve its change request "
            "(POST /api/production/v1/change-requests/{id}/resolve) to deliver the fix."
        )
    if item.state not in (line.ItemState.DRAFTING, line.ItemState.APPROVAL):
        raise InvalidState(
            f"The order is {item.state} on the production line; only a drafted model or one "
            "waiting for approval can be approved."
        )
    lifecycle.require_status(order, "Pending", "Fixing", "Ready", action="approving")
    require_claim(session, operator, order, item)
    latest = latest_version(session, order.id)
    if latest is None:
        raise InvalidState(
            f"The order has no floor model yet: save one with "
            f"PUT /api/production/v1/orders/{order.id}/model first."
        )
    check_model(model_of(latest))
    render_approved(session, order, item)
    return item


def render_approved(session: Session, order: Order, item: ProductionItem) -> None:
    """The approve step itself, once the model is known to be right: a Pending order starts
    its first delivery round, a delivered one repeats the round that came back to a drafter.
    The drafter's claim ends and nothing is left to tell them."""
    round = line.RoundKind.NEW if order.status == "Pending" else None
    pipeline.start_rendering(session, order, item, round=round, problems=[])


def reject(
    session: Session, operator: Operator, order_id: uuid.UUID, reason: str
) -> ProductionItem:
    """The order cannot be drawn: it moves to Failed (`moved_to_failed`) with the reason; a
    new scan brings it back to Pending."""
    reason = reason.strip()
    if not reason:
        raise BadRequest("Give the reason: the customer reads it.")
    order, item = locked(session, order_id)
    if order.status == "Fixing":
        raise InvalidState(
            "The order was delivered and is being fixed: reject its change request instead "
            "(POST /api/production/v1/change-requests/{id}/reject); the delivery stays."
        )
    if item.state not in WAITING_STATES:
        raise InvalidState(
            f"The order is {item.state} on the production line; only work that waits for a "
            "drafter can be rejected."
        )
    require_claim(session, operator, order, item)
    pipeline.reject(session, order, actor=operator.name, reason=reason)
    return item


def resolve_change_request(
    session: Session, operator: Operator, request_id: uuid.UUID, note: str
) -> ChangeRequest:
    request = change_requests.get_any(session, request_id)
    order, item = locked(session, request.order_id)
    if request.status not in change_requests.OPEN_STATUSES:
        raise InvalidState(
            f"The change request is {request.status}; only an open one can be resolved."
        )
    require_claim(session, operator, order, item)
    change_requests.resolve(session, order, item, request, actor=operator.name, note=note.strip())
    return request


def reject_change_request(
    session: Session, operator: Operator, request_id: uuid.UUID, note: str
) -> ChangeRequest:
    note = note.strip()
    if not note:
        raise BadRequest("Say why the change is not made: the customer reads the note.")
    request = change_requests.get_any(session, request_id)
    order, item = locked(session, request.order_id)
    if request.status not in change_requests.OPEN_STATUSES:
        raise InvalidState(
            f"The change request is {request.status}; only an open one can be rejected."
        )
    require_claim(session, operator, order, item)
    change_requests.reject(session, order, item, request, actor=operator.name, note=note)
    return request
