"""The sandbox: what a test of a client integration needs from "the outside world".

- sample scans instead of a phone;
- driving an order to Ready (convert, approve and render now) or to Failed, instead of waiting
  for a drafter;
- moving the company's clock, so its webhook retries and link expiry come due without waiting
  (its deadlines are brought forward; no other company's time moves);
- `cctest` orders: an address containing `cctest` is processed on its own with a sample scan and
  never reaches a drafter.

Driving an order runs the production steps in this thread, each in its own unit of work,
through the same jobs the workers run (they are idempotent, so a worker picking up the same
step later does nothing).
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy.orm import Session

from planroom.change_requests import service as change_requests
from planroom.companies import service as companies
from planroom.companies.models import Company
from planroom.core.errors import FieldError, Forbidden, InvalidState
from planroom.db.engine import unit_of_work
from planroom.floormodel.samples import SAMPLE_NAMES, sample_scan_bytes
from planroom.floormodel.schema import FloorModel
from planroom.floormodel.validation import validate_model
from planroom.jobs.context import JobContext
from planroom.jobs.queue import enqueue, run_reconcilers
from planroom.orders import go2scan, intake, lifecycle
from planroom.orders import service as orders
from planroom.orders.models import Order, OrderSource
from planroom.production import drafting, line, pipeline, sources
from planroom.production.versions import latest_version, model_of, save_version
from planroom.users import service as users
from planroom.webhooks import service as webhooks

log = logging.getLogger("planroom.sandbox")

DEFAULT_SAMPLE = "apartment"
ACTOR = "sandbox"
MAX_CLOCK_STEP_SECONDS = 366 * 24 * 3600
PROCESS_TEST_ORDER_JOB = "sandbox.process_test_order"


def require_sandbox(company: Company) -> None:
    if not company.sandbox:
        raise Forbidden(
            "Only sandbox companies may call /sandbox endpoints; an operator creates one with "
            "`planroom company create --sandbox`."
        )


def sample_upload(name: str) -> intake.Upload:
    """The built-in sample scan `name` as an upload; 400 listing the names otherwise."""
    if name not in SAMPLE_NAMES:
        raise FieldError(
            "body", ["sample"], f"unknown sample; permitted: {', '.join(SAMPLE_NAMES)}"
        )
    return intake.Upload(
        data=sample_scan_bytes(name), filename=f"{name}.json", content_type="application/json"
    )


def sample_model(name: str) -> FloorModel:
    return sources.check_scan(sample_upload(name))


def upload_sample(
    session: Session, runtime: JobContext, order: Order, name: str, *, actor: str = ACTOR
) -> OrderSource:
    """Upload sample `name` as the order's scan, exactly as a client's upload would be."""
    return sources.receive_scan(session, runtime, order, sample_upload(name), actor=actor)


def advance_to_ready(
    runtime: JobContext, company_id: uuid.UUID | None, order_id: uuid.UUID, *, sample: str
) -> None:
    """Drive the order to Ready now, from wherever it is: upload a sample scan if it has none,
    convert it, approve the model (a sample model stands in for a redraw nobody drew), render
    every owed product and deliver. A Fixing order's change request is resolved as a fix.
    `company_id` None skips the tenancy check (the `cctest` job)."""
    sample_upload(sample)  # an unknown name fails before anything changes
    with unit_of_work(runtime.session_factory) as session:
        order = _order(session, company_id, order_id)
        if order.status in ("Draft", "New", "Failed"):
            upload_sample(session, runtime, order, sample)
        elif order.status == "Fixing":
            _resolve_fix(session, runtime, order)
    _convert_now(runtime, order_id)
    with unit_of_work(runtime.session_factory) as session:
        approve_waiting(session, runtime, order_id, sample=sample)
    _render_now(runtime, order_id)


def approve_waiting(
    session: Session, runtime: JobContext, order_id: uuid.UUID, *, sample: str = DEFAULT_SAMPLE
) -> bool:
    """Approve a Pending order that waits for a drafter, as the drafter would: its model if it
    passes the quality gate, else sample `sample` in its place. Returns whether it did."""
    order = pipeline.lock_order(session, order_id)
    item = line.item_of(session, order_id)
    waiting = (line.ItemState.DRAFTING, line.ItemState.APPROVAL)
    if order.status != "Pending" or item is None or item.state not in waiting:
        return False
    latest = latest_version(session, order_id)
    if latest is None or _has_errors(model_of(latest)):
        save_version(session, order, sample_model(sample), author=ACTOR, note=f"sample {sample}")
    drafting.render_approved(session, order, item)
    return True


def _order(session: Session, company_id: uuid.UUID | None, order_id: uuid.UUID) -> Order:
    if company_id is None:
        return pipeline.lock_order(session, order_id)
    return change_requests.lock_company_order(session, company_id, order_id)


def _has_errors(model: FloorModel) -> bool:
    return any(problem.severity == "error" for problem in validate_model(model))


def _resolve_fix(session: Session, runtime: JobContext, order: Order) -> None:
    item = line.item_of(session, order.id)
    request = change_requests.open_request_of(session, order.id)
    latest = latest_version(session, order.id)
    if item is None or request is None or latest is None:
        raise InvalidState("The order is Fixing without an open change request; nothing to fix.")
    if request.base_version is not None and latest.version <= request.base_version:
        save_version(session, order, model_of(latest), author=ACTOR, note="sandbox fix")
    change_requests.resolve(
        session, order, item, request, actor=ACTOR, note="Fixed in the sandbox."
    )


def _convert_now(runtime: JobContext, order_id: uuid.UUID) -> None:
    from planroom.production.tasks import convert_scan

    convert_scan(runtime, str(order_id))


def _render_now(runtime: JobContext, order_id: uuid.UUID) -> None:
    from planroom.production.tasks import render_product

    with runtime.session_factory() as session:
        owed = orders.owed_products(session, order_id)
        item = line.item_of(session, order_id)
        rendering = item is not None and item.state == "rendering"
    if not rendering:
        return
    for product in owed:
        render_product(runtime, str(order_id), product)


def advance_to_failed(
    session: Session, runtime: JobContext, company: Company, order_id: uuid.UUID, reason: str
) -> Order:
    """Reject the order as a drafter would (`moved_to_failed`); a Draft or New order gets a
    sample scan first, so it passes through Pending as a real one does."""
    order = _order(session, company.id, order_id)
    if order.status == "Failed":
        return order
    if order.status in ("Draft", "New"):
        upload_sample(session, runtime, order, DEFAULT_SAMPLE)
    if order.status != "Pending":
        raise InvalidState(
            f"The order is {order.status}; only an order in production (Pending) can fail. "
            "A delivered order keeps its delivery."
        )
    pipeline.reject(session, order, actor=ACTOR, reason=reason or "Rejected in the sandbox.")
    return order


CLOCK_OFFSET_KEY = "sandbox_clock_offset_seconds"


def clock_offset(company: Company) -> float:
    """How far the company's sandbox clock is ahead of Planroom's."""
    return companies.setting(company, CLOCK_OFFSET_KEY, 0.0)


def advance_clock(runtime: JobContext, company_id: uuid.UUID, seconds: float) -> float:
    """Move one company's clock forward: its own deadlines (webhook retries, GoToScan,
    invitation and reset links, the old webhook secret) come `seconds` sooner, then the
    reconcilers run so that what came due is sent now. Other companies' time does not move.
    Returns the company's new offset."""
    with unit_of_work(runtime.session_factory) as session:
        company = companies.get_company(session, company_id)
        webhooks.bring_deadlines_forward(session, company_id, seconds)
        go2scan.bring_deadlines_forward(session, company_id, seconds)
        users.bring_deadlines_forward(session, company_id, seconds)
        offset = clock_offset(company) + seconds
        companies.set_setting(company, CLOCK_OFFSET_KEY, offset)
    run_reconcilers(runtime)
    return offset


# -- `cctest` orders -------------------------------------------------------------------------


def on_order_created(session: Session, order: Order) -> None:
    """A new order whose address contains `cctest` is processed with a sample scan after its
    creation commits."""
    if order.is_sandbox_test:
        enqueue(session, PROCESS_TEST_ORDER_JOB, order_id=str(order.id))


def process_test_order(runtime: JobContext, order_id: uuid.UUID) -> None:
    """The `cctest` job: a new test order is driven to Ready with the default sample."""
    with runtime.session_factory() as session:
        order = orders.get_any_order(session, order_id)
        waiting = order is not None and order.status in ("Draft", "New", "Pending")
        if order is None or not order.is_sandbox_test or not waiting:
            return
    advance_to_ready(runtime, None, order_id, sample=DEFAULT_SAMPLE)


if on_order_created not in lifecycle.ON_CREATED:
    lifecycle.ON_CREATED.append(on_order_created)
