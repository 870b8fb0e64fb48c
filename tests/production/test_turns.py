"""One 3D render at a time in a process: a second one waits briefly, then is queued again."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.core.clock import clock
from planroom.orders.models import OrderProduct
from planroom.production import pipeline, turns
from planroom.render.products import PRODUCTS
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import order_of, scan_order


@contextmanager
def _turn_held_elsewhere() -> Iterator[None]:
    """Another thread of this process holds the 3D turn until the block ends."""
    taken, done = threading.Event(), threading.Event()

    def hold() -> None:
        with turns.turn_for(PRODUCTS["video_3d"]) as granted:
            assert granted
            taken.set()
            done.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(10)
    try:
        yield
    finally:
        done.set()
        holder.join(10)


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(turns, "WAIT_S", 0.05)


def _granted(product: str) -> bool:
    with turns.turn_for(PRODUCTS[product]) as granted:
        return granted


@pytest.mark.usefixtures("short_wait")
def test_a_3d_render_gets_the_turn_only_when_no_other_holds_it() -> None:
    assert PRODUCTS["video_3d"].draws_3d and PRODUCTS["floorplans_3d"].draws_3d
    assert not PRODUCTS["listing_floorplans"].draws_3d

    with _turn_held_elsewhere():
        assert not _granted("floorplans_3d")
        assert not _granted("video_3d")
        assert _granted("listing_floorplans")  # a 2D render never waits
    assert _granted("floorplans_3d")
    assert _granted("floorplans_3d")  # and gave the turn back


def test_a_render_waiting_for_the_turn_gets_it_when_the_holder_ends() -> None:
    got: list[bool] = []
    with _turn_held_elsewhere():
        waiter = threading.Thread(target=lambda: got.append(_granted("floorplans_3d")))
        waiter.start()
        waiter.join(0.2)
        assert waiter.is_alive()  # waiting, not refused
    waiter.join(10)
    assert got == [True]


def _row(runtime: Runtime, order_id: str, product: str) -> OrderProduct:
    with runtime.session_factory() as session:
        row = session.scalar(
            select(OrderProduct).where(
                OrderProduct.order_id == uuid.UUID(order_id), OrderProduct.product == product
            )
        )
        assert row is not None
        return row


@pytest.mark.usefixtures("short_wait")
def test_a_3d_render_without_the_turn_is_queued_again_and_renders_once_it_is_free(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = scan_order(tenant, package_type="plus_3d")
    assert runtime.queue.drain(max_tasks=1) == 1  # the conversion, which queues the renders

    with _turn_held_elsewhere():
        runtime.queue.drain()
    row = _row(runtime, order["id"], "floorplans_3d")
    # not claimed, so no attempt counted; due again in a second, and the lease says so
    assert (row.state, row.attempts, row.running_until) == ("owed", 0, None)
    assert row.lease_expires_at is not None
    due = timedelta(seconds=turns.AGAIN_AFTER_S) + pipeline.RENDER_LEASE
    assert clock.now() + pipeline.RENDER_LEASE < row.lease_expires_at <= clock.now() + due
    assert runtime.queue.scheduled_count() == 1
    assert _row(runtime, order["id"], "listing_floorplans").state == "delivered"
    assert order_of(tenant, order["id"])["delivery_assets"]["floorplans_3d"]["jpg_urls"] == []

    huey = runtime.queue.huey
    later = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=1)
    for task in huey.read_schedule(later):
        huey.execute(task, timestamp=task.eta)  # as the scheduler will when it is due
    runtime.queue.drain()
    row = _row(runtime, order["id"], "floorplans_3d")
    assert (row.state, row.attempts) == ("delivered", 1)
    assert order_of(tenant, order["id"])["delivery_assets"]["floorplans_3d"]["jpg_urls"]
