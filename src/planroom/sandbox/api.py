"""Sandbox endpoints of the Integrate API (api.md §6), for sandbox companies only (else 403)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from planroom.api.deps import CurrentCompany, DbSession, RuntimeDep
from planroom.api.openapi import errors
from planroom.core.clock import clock
from planroom.core.errors import Forbidden, InvalidState, NotFound
from planroom.orders import views
from planroom.orders.schemas import OrderOut
from planroom.orders.service import get_order, get_order_for_update
from planroom.sandbox import service
from planroom.sandbox.schemas import Advance, ClockAdvance, ClockOut, ScanSample

router = APIRouter(prefix="/sandbox", tags=["Sandbox"])


@router.post(
    "/orders/{order_id}/scan-sample",
    summary="Upload a sample scan",
    responses=errors(Forbidden, NotFound, InvalidState),
)
def scan_sample(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: ScanSample,
) -> OrderOut:
    """Upload one of the built-in sample scans (`apartment`, `house_garage_porch`,
    `two_storey_basement`) to a `Draft`, `New` or `Failed` order, exactly as
    `POST /orders/{order_id}/scan` would: the order moves to `Pending` (`moved_to_pending`) and
    production starts."""
    service.require_sandbox(company)
    order = get_order_for_update(session, company.id, order_id)
    service.upload_sample(session, runtime, order, body.sample, actor=order.created_by or "api")
    return views.order_out(session, runtime, company, order)


@router.post(
    "/orders/{order_id}/advance",
    summary="Drive an order to Ready or Failed",
    responses=errors(Forbidden, NotFound, InvalidState),
)
def advance(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: Advance,
) -> OrderOut:
    """`{"to": "Ready"}` does now what production would: uploads a sample scan if the order has
    none, converts it, approves the model, renders every product and delivers (each product
    group sends `moved_to_ready`); a `Fixing` order is delivered as a fix. `{"to": "Failed",
    "reason": "..."}` rejects the order as a drafter would (`moved_to_failed`); a `Draft` or
    `New` order passes through `Pending` first."""
    service.require_sandbox(company)
    if body.to == "Ready":
        get_order(session, company.id, order_id)
        service.advance_to_ready(runtime, company.id, order_id, sample=body.sample)
        session.expire_all()
        order = get_order(session, company.id, order_id)
    else:
        order = service.advance_to_failed(session, runtime, company, order_id, body.reason or "")
    return views.order_out(session, runtime, company, order)


def _clock_out(offset: float) -> ClockOut:
    return ClockOut(now=clock.now().timestamp() + offset, offset_seconds=round(offset, 3))


@router.get("/clock", summary="The sandbox clock", responses=errors(Forbidden))
def get_clock(company: CurrentCompany) -> ClockOut:
    """Your company's sandbox time and how far it is ahead of real time."""
    service.require_sandbox(company)
    return _clock_out(service.clock_offset(company))


@router.post("/clock/advance", summary="Move the clock forward", responses=errors(Forbidden))
def advance_clock(company: CurrentCompany, runtime: RuntimeDep, body: ClockAdvance) -> ClockOut:
    """Move your company's time forward by `seconds`: its webhook retries that come due are sent
    now, its GoToScan, invitation and reset links age. Only your company's deadlines move;
    every other company keeps real time."""
    service.require_sandbox(company)
    return _clock_out(service.advance_clock(runtime, company.id, body.seconds))
