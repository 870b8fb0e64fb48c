"""A render that raises is retried at once, then after a short backoff; the third failure
goes to a drafter. The fault is real: a file stands where the product's folder must go, so
storing the render fails until it is removed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.core.clock import clock
from planroom.orders.models import OrderProduct
from planroom.production import pipeline
from planroom.production.tasks import RENDER_RETRY_DELAYS
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import order_of, scan_order

PRODUCT = "listing_floorplans"


def _block(runtime: Runtime, order_id: str) -> Path:
    folder = runtime.settings.data_dir / "files" / "orders" / order_id
    folder.mkdir(parents=True, exist_ok=True)
    blocker = folder / PRODUCT
    blocker.write_text("a file where the product's folder must go")
    return blocker


def _row(runtime: Runtime, order_id: str) -> OrderProduct:
    with runtime.session_factory() as session:
        row = session.scalar(
            select(OrderProduct).where(
                OrderProduct.order_id == uuid.UUID(order_id),
                OrderProduct.product == PRODUCT,
            )
        )
        assert row is not None
        return row


def _run_scheduled(runtime: Runtime) -> int:
    """Run every scheduled job now (as the consumer's scheduler will when they are due)."""
    huey = runtime.queue.huey
    due = huey.read_schedule(datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=1))
    for task in due:
        huey.execute(task, timestamp=task.eta)  # as if its time had come
    return len(due)


def test_a_failed_render_is_retried_at_once_then_after_a_backoff(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = scan_order(tenant)
    blocker = _block(runtime, order["id"])

    runtime.queue.drain()
    row = _row(runtime, order["id"])
    # the first attempt failed and the second ran straight after it, not 15 minutes later
    assert row.state == "owed" and row.attempts == 2
    assert row.error is not None and "Error" in row.error
    assert row.running_until is None
    assert runtime.queue.scheduled_count() == 1  # the third attempt, after the backoff
    assert row.lease_expires_at is not None
    backoff = timedelta(seconds=RENDER_RETRY_DELAYS[1])
    assert row.lease_expires_at <= clock.now() + backoff + pipeline.RENDER_LEASE
    assert order_of(tenant, order["id"])["info"]["status"] == "Pending"

    blocker.unlink()
    assert _run_scheduled(runtime) == 1
    runtime.queue.drain()
    row = _row(runtime, order["id"])
    assert (row.state, row.attempts, row.error) == ("delivered", 3, None)
    assert order_of(tenant, order["id"])["info"]["status"] == "Ready"


def test_the_third_failure_goes_to_a_drafter(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = scan_order(tenant)
    _block(runtime, order["id"])

    runtime.queue.drain()
    assert _run_scheduled(runtime) == 1
    runtime.queue.drain()
    row = _row(runtime, order["id"])
    assert (row.state, row.attempts, row.lease_expires_at) == ("owed", 3, None)
    assert runtime.queue.scheduled_count() == 0
    with runtime.session_factory() as session:
        item = pipeline.item_of(session, row.order_id)
        assert item is not None
        assert item.state == "drafting"
        assert item.problems[0].startswith(f"{PRODUCT} failed to render 3 times: ")
