"""The production jobs: convert a scan, render a product; and the reconciler that re-enqueues
work whose lease expired (Huey does not redeliver a task whose worker died).

A running job holds a short lease renewed by a heartbeat (`jobs.lease`): a killed worker's
work is picked up within about `job_lease_seconds` plus one reconciler interval. A render that
raises is retried at once, then after a short backoff; the third failure goes to a drafter.
A 3D render waits for its process's turn (`turns`), or is queued again a second later.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from planroom.companies import service as companies
from planroom.core.clock import clock
from planroom.core.errors import PlanroomError
from planroom.db.engine import unit_of_work
from planroom.floormodel.quality import assess, with_findings
from planroom.floormodel.roomplan import parse_scan_bytes
from planroom.jobs.context import JobContext
from planroom.jobs.lease import heartbeat, lease_until
from planroom.jobs.queue import enqueue
from planroom.jobs.registry import job
from planroom.orders import render_leases
from planroom.orders import service as orders
from planroom.orders.models import ProductState
from planroom.production import leases, line, pipeline, turns
from planroom.production.line import RENDER_LEASE, ItemState, move_item
from planroom.production.model_facts import record_model, with_order_settings
from planroom.production.models import ProductionItem
from planroom.production.render_context import render_context
from planroom.production.versions import latest_version, model_of, save_version
from planroom.render.context import RenderContext
from planroom.render.products import PRODUCTS
from planroom.render.products.base import ProductOutput

log = logging.getLogger("planroom.production")

MAX_RENDER_ATTEMPTS = 3
RENDER_RETRY_DELAYS = (0.0, 5.0)
"""Seconds before the second and the third attempt of a render that raised."""


@job(line.CONVERT_JOB, renamed_from="convert_scan")
def convert_scan(runtime: JobContext, order_id: str) -> None:
    """Turn the order's newest scan into its floor model and pass it through the gate."""
    oid = uuid.UUID(order_id)
    lease = runtime.settings.job_lease_seconds
    with unit_of_work(runtime.session_factory) as session:
        if not leases.claim_conversion(session, oid, lease_until(lease)):
            return
    renew = leases.renewer(
        runtime, lambda session, until: leases.renew_conversion(session, oid, until)
    )
    with heartbeat(renew, lease, name=f"convert-{order_id}"):
        _convert(runtime, oid)


def _convert(runtime: JobContext, oid: uuid.UUID) -> None:
    with unit_of_work(runtime.session_factory) as session:
        order = pipeline.lock_order(session, oid)
        item = line.item_of(session, oid)
        if item is None or item.state != ItemState.CONVERTING:
            return
        source = orders.latest_scan_source(session, oid)
        if source is None or source.storage_key is None:
            _needs_drafter(item, ["no scan is stored for this order"])
            return
        raw = runtime.storage.get(source.storage_key)
        try:
            model = parse_scan_bytes(raw, source.content_type)
        except PlanroomError as problem:
            _needs_drafter(item, [problem.message])
            return
        assessment = assess(model)
        model = with_order_settings(with_findings(model, assessment.advisory), order)
        save_version(session, order, model, author="automatic import", note=source.filename)
        record_model(order, model, drafted=False)
        if assessment.blocking:
            _needs_drafter(item, [str(problem) for problem in assessment.blocking])
        elif runtime.settings.auto_approve_models:
            pipeline.start_rendering(session, order, item)
        else:
            move_item(item, ItemState.APPROVAL)


def _needs_drafter(item: ProductionItem, problems: list[str]) -> None:
    move_item(item, ItemState.DRAFTING, problems=problems)


@job(line.RENDER_JOB, renamed_from="render_product")
def render_product(runtime: JobContext, order_id: str, product: str) -> None:
    """Render one product from the newest model, store its files, deliver finished groups."""
    oid = uuid.UUID(order_id)
    with turns.turn_for(PRODUCTS[product]) as granted:
        if not granted:
            with unit_of_work(runtime.session_factory) as session:
                _again_later(session, oid, product, turns.AGAIN_AFTER_S)
            return
        rendered = _render(runtime, oid, product)
    if rendered is None:
        return
    version, stored = rendered
    with unit_of_work(runtime.session_factory) as session:
        order = pipeline.lock_order(session, oid)
        row = orders.order_product(session, oid, product)
        if row is None or row.state != ProductState.OWED:
            return
        newest = latest_version(session, oid)
        if newest is not None and newest.version != version:
            # the model changed while this render ran (a Quick Edit save): render it again
            row.running_until = None
            row.attempts = 0
            row.lease_expires_at = clock.now() + RENDER_LEASE
            enqueue(session, "render_product", order_id=order_id, product=product)
            return
        row.files = stored
        row.state = ProductState.RENDERED
        row.model_version = version
        row.rendered_at = clock.now()
        row.lease_expires_at = None
        row.running_until = None
        row.error = None
        pipeline.deliver_finished_groups(session, order)


def _render(runtime: JobContext, oid: uuid.UUID, product: str) -> tuple[int, dict[str, Any]] | None:
    """Claim, render and store one product: the model version and the stored files, or None
    when there is nothing to do or the render failed (recorded for a retry)."""
    lease = runtime.settings.job_lease_seconds
    with unit_of_work(runtime.session_factory) as session:
        prepared = _prepare(session, runtime, oid, product)
    if prepared is None:
        return None
    ctx, version = prepared
    renew = leases.renewer(
        runtime, lambda session, until: render_leases.renew_render(session, oid, product, until)
    )
    try:
        with heartbeat(renew, lease, name=f"render-{product}-{oid}"):
            output = PRODUCTS[product].render(ctx)
            return version, _store(runtime, str(oid), product, output)
    except Exception as exc:  # a renderer bug must not lose the order: record, retry
        log.exception("rendering %s of order %s failed", product, oid)
        with unit_of_work(runtime.session_factory) as session:
            _record_failure(session, runtime, oid, product, f"{type(exc).__name__}: {exc}")
        return None


def _prepare(
    session: Session, runtime: JobContext, order_id: uuid.UUID, product: str
) -> tuple[RenderContext, int] | None:
    order = orders.get_any_order(session, order_id)
    version = latest_version(session, order_id)
    if order is None or version is None:
        return None
    company = companies.get_company(session, order.company_id)
    until = lease_until(runtime.settings.job_lease_seconds)
    if not render_leases.claim_render(session, order_id, product, until):
        return None  # done already, or another job runs it
    model = model_of(version)
    ctx = render_context(
        session, runtime.settings, order, company, model, version.version, storage=runtime.storage
    )
    return ctx, version.version


def _store(
    runtime: JobContext, order_id: str, product: str, output: ProductOutput
) -> dict[str, Any]:
    stored: dict[str, Any] = dict(output.values)
    for rendered in output.files:
        key = f"orders/{order_id}/{product}/{rendered.name}"
        runtime.storage.put(key, rendered.data, rendered.content_type)
        stored.setdefault(rendered.slot, []).append({"key": key, "name": rendered.name})
    return stored


def _record_failure(
    session: Session, runtime: JobContext, order_id: uuid.UUID, product: str, error: str
) -> None:
    """Retry at once, then after a backoff; after `MAX_RENDER_ATTEMPTS` a drafter sees it."""
    row = orders.order_product(session, order_id, product)
    if row is None or row.state != ProductState.OWED:
        return
    row.error = error
    row.running_until = None
    if row.attempts >= MAX_RENDER_ATTEMPTS:
        item = line.item_of(session, order_id)
        row.lease_expires_at = None
        # only a running round goes back to a drafter; an order rejected meanwhile stays failed
        if item is not None and item.state in (ItemState.RENDERING, ItemState.DRAFTING):
            problem = f"{product} failed to render {row.attempts} times: {error}"
            move_item(item, ItemState.DRAFTING, problems=[problem])
        return
    delay = RENDER_RETRY_DELAYS[min(row.attempts, len(RENDER_RETRY_DELAYS)) - 1]
    _again_later(session, order_id, product, delay)


def _again_later(session: Session, order_id: uuid.UUID, product: str, delay: float) -> None:
    """Queue an owed render again in `delay` seconds."""
    row = orders.order_product(session, order_id, product)
    if row is None or row.state != ProductState.OWED:
        return
    # queued as if enqueued when due, so the reconciler's rules hold for the later run too
    row.lease_expires_at = clock.now() + timedelta(seconds=delay) + RENDER_LEASE
    enqueue(session, line.RENDER_JOB, delay=delay, order_id=str(order_id), product=product)
