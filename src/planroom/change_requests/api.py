"""Change-request endpoints of the Integrate API (api.md §3.3)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from planroom.api.deps import CurrentCompany, DbSession, RuntimeDep
from planroom.api.openapi import errors
from planroom.change_requests import service
from planroom.change_requests.schemas import ChangeRequestCreate, ChangeRequestOut
from planroom.core.errors import InvalidState, NotFound
from planroom.core.pagination import Page, PageParamsDep, paginate
from planroom.orders import service as orders

router = APIRouter(tags=["Change requests"])


@router.post(
    "/orders/{order_id}/change-requests",
    summary="Add new change request for an order",
    responses=errors(NotFound, InvalidState),
)
def create_change_request(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: ChangeRequestCreate,
) -> ChangeRequestOut:
    """Ask the production team to correct a delivered floor plan: say what is wrong in
    `message`, link marked-up plans or photos in `attachments`. Only while the order is
    `Ready` (else 409 `invalid_state`); the order moves to `Fixing` and fires
    `moved_to_fixing`. When the fix is delivered the order is `Ready` again with
    `previous_status: "Fixing"` and `delivery_type: "fix"`."""
    order = service.lock_company_order(session, company.id, order_id)
    actor = order.created_by or "api"
    request = service.create(session, order, body, actor=actor)
    return service.out(request)


@router.get(
    "/orders/{order_id}/change-requests",
    summary="List all change requests of order",
    responses=errors(NotFound),
)
def list_change_requests(
    company: CurrentCompany, session: DbSession, order_id: uuid.UUID, params: PageParamsDep
) -> Page[ChangeRequestOut]:
    """The order's change requests, newest first."""
    order = orders.get_order(session, company.id, order_id)
    return paginate(session, service.list_statement(order.id), params, service.out)


@router.get(
    "/orders/{order_id}/change-requests/{change_request_id}",
    summary="Get change request by ID",
    responses=errors(NotFound),
)
def get_change_request(
    company: CurrentCompany, session: DbSession, order_id: uuid.UUID, change_request_id: uuid.UUID
) -> ChangeRequestOut:
    """`status` is `Open` until a drafter takes it up, then `InProgress`, then `Done` (the fix
    was delivered) or `Rejected`; `resolution_note` says what was done or why not."""
    order = orders.get_order(session, company.id, order_id)
    return service.out(service.get_for_order(session, order, change_request_id))
