"""Who holds production work: running leases, their heartbeat, and the reconciler that takes
up work whose worker died (Huey forgets a task once a worker has taken it)."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.jobs.lease import heartbeat, lease_until
from planroom.jobs.queue import run_reconcilers
from planroom.orders import render_leases
from planroom.orders.models import OrderProduct
from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import order_of, scan_order


def _converted(runtime: Runtime, client: TestClient) -> tuple[Tenant, uuid.UUID]:
    """An order whose scan is converted and whose renders wait in the queue."""
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = scan_order(tenant, package_type="plus")
    assert runtime.queue.drain(max_tasks=1) == 1  # the conversion
    return tenant, uuid.UUID(order["id"])


def _rows(runtime: Runtime, order_id: uuid.UUID) -> list[OrderProduct]:
    with runtime.session_factory() as session:
        statement = select(OrderProduct).where(OrderProduct.order_id == order_id)
        return list(session.scalars(statement.order_by(OrderProduct.product)))


def test_a_dead_workers_render_is_taken_up_once_its_lease_runs_out(
    runtime: Runtime, client: TestClient
) -> None:
    tenant, order_id = _converted(runtime, client)
    owed = [row.product for row in _rows(runtime, order_id)]
    assert len(owed) > 1 and runtime.queue.pending_count() == len(owed)
    # a worker takes every task and dies: one in the middle of a render, the rest before
    # claiming theirs; the queue has forgotten them all
    runtime.queue.flush()
    with unit_of_work(runtime.session_factory) as session:
        assert render_leases.claim_render(session, order_id, owed[0], lease_until(30))
    with unit_of_work(runtime.session_factory) as session:
        assert not render_leases.claim_render(session, order_id, owed[0], lease_until(30))

    run_reconcilers(runtime)
    assert runtime.queue.pending_count() == 0  # the lease is live, the others just queued

    clock.advance(31)
    run_reconcilers(runtime)
    run_reconcilers(runtime)  # a second worker reconciling at once adds nothing
    assert runtime.queue.pending_count() == len(owed)
    runtime.queue.drain()
    assert order_of(tenant, str(order_id))["info"]["status"] == "Ready"
    assert {row.state for row in _rows(runtime, order_id)} == {"delivered"}


def test_queued_work_is_left_to_the_queue_while_it_has_a_backlog(
    runtime: Runtime, client: TestClient
) -> None:
    _tenant, order_id = _converted(runtime, client)
    queued = runtime.queue.pending_count()
    clock.advance(31)
    run_reconcilers(runtime)
    assert runtime.queue.pending_count() == queued  # nobody runs them, but they are queued

    clock.advance(15 * 60)  # until the queue itself must have lost them
    run_reconcilers(runtime)
    assert runtime.queue.pending_count() == 2 * queued
    runtime.queue.drain()
    assert {(row.state, row.attempts) for row in _rows(runtime, order_id)} == {("delivered", 1)}


def test_a_heartbeat_renews_the_lease_while_the_job_runs() -> None:
    renewals: list[datetime] = []
    beat = threading.Event()

    def renew(until: datetime) -> bool:
        renewals.append(until)
        beat.set()
        return True

    with heartbeat(renew, 3.0, name="test"):
        assert beat.wait(10)
    count = len(renewals)
    time.sleep(1.5)
    assert len(renewals) == count  # it stops with the job
    assert renewals[0] - clock.now() <= timedelta(seconds=3)
    assert renewals[0] - clock.now() > timedelta(seconds=1)


def test_a_heartbeat_stops_when_the_work_is_no_longer_held() -> None:
    calls: list[datetime] = []

    def renew(until: datetime) -> bool:
        calls.append(until)
        return False

    with heartbeat(renew, 3.0, name="test"):
        time.sleep(3.5)
    assert len(calls) == 1
