"""Orders in flight while a worker process is killed with SIGKILL in the middle of a render.

Shared by the kill tests: the API (in-process or `planroom serve` processes), the workers
(`planroom worker` processes), a real webhook receiver. After the kill every order must be
Ready within 90 s, with every webhook event delivered once and nothing left owed.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import select

from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.floormodel.samples import sample_scan_bytes
from planroom.orders.models import Order, OrderProduct
from planroom.production.models import ProductionItem
from planroom.runtime import Runtime
from planroom.webhooks.models import WebhookDelivery
from tests.jobs.processes import PlanroomProcess
from tests.orders.builders import OWNER, draft_body
from tests.webhooks.receiver import Receiver

API = "/api/integrate/v3"
READY_WITHIN_SECONDS = 90.0
RENDER_STARTED = "job production.render started"


@dataclass
class Outcome:
    orders: list[str]
    killed: str
    ready_after_kill_s: float


def company_with_webhooks(runtime: Runtime, client: httpx.Client, receiver: Receiver) -> str:
    """A company, its owner and its webhook registration; returns its API key."""
    with unit_of_work(runtime.session_factory) as session:
        api_key = companies.create_company(session, name="Kill Test Realty").api_key
    headers = {"api-key": api_key}
    owner = {"email": OWNER, "role": "Manager", "password": "correct-horse-1"}
    assert client.post(f"{API}/users", json=owner, headers=headers).status_code == 200
    hooks = {
        "webhook_urls": [receiver.url],
        "webhook_triggers": ["moved_to_pending", "moved_to_ready"],
    }
    assert client.patch(f"{API}/companies/webhook", json=hooks, headers=headers).status_code == 200
    return api_key


def place_scan_orders(clients: list[httpx.Client], api_key: str, count: int) -> list[str]:
    """`count` orders with an uploaded scan, spread over the API processes."""
    headers = {"api-key": api_key}
    ids: list[str] = []
    for number in range(count):
        client = clients[number % len(clients)]
        body = draft_body(external_id=f"KILL-{number}")
        draft = client.post(f"{API}/orders/draft", json=body, headers=headers)
        assert draft.status_code == 200, draft.text
        order_id = draft.json()["id"]
        scan = client.post(
            f"{API}/orders/{order_id}/scan",
            content=sample_scan_bytes("apartment"),
            headers={**headers, "content-type": "application/json"},
        )
        assert scan.status_code == 200, scan.text
        ids.append(order_id)
    return ids


def kill_the_first_to_render(workers: list[PlanroomProcess], seconds: float = 120.0) -> str:
    """SIGKILL the first worker that starts a render, while that render runs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for worker in workers:
            assert worker.popen.poll() is None, worker.output
            if worker.saw(RENDER_STARTED):
                worker.kill()
                return worker.name
        time.sleep(0.01)
    outputs = "\n".join(worker.output for worker in workers)
    raise AssertionError(f"no worker started a render within {seconds:g} s:\n{outputs}")


def died_mid_render(worker: PlanroomProcess) -> bool:
    started = sum(RENDER_STARTED in line for line in worker.lines)
    ended = sum(
        "job production.render finished" in line or "job production.render failed" in line
        for line in worker.lines
    )
    return started > ended


def wait_until_ready(
    runtime: Runtime, orders: list[str], killed_at: float, workers: list[PlanroomProcess]
) -> float:
    """Seconds from the kill until every order is Ready with nothing owed."""
    deadline = killed_at + READY_WITHIN_SECONDS
    while time.monotonic() < deadline:
        if _all_done(runtime, orders):
            return time.monotonic() - killed_at
        time.sleep(0.25)
    outputs = "\n".join(f"--- {worker.name}\n{worker.output}" for worker in workers)
    raise AssertionError(
        f"not every order was Ready {READY_WITHIN_SECONDS:g} s after the kill:\n"
        f"{_state(runtime, orders)}\n{outputs}"
    )


def _state(runtime: Runtime, orders: list[str]) -> str:
    with runtime.session_factory() as session:
        rows = session.execute(
            select(
                OrderProduct.order_id,
                OrderProduct.product,
                OrderProduct.state,
                OrderProduct.attempts,
                OrderProduct.lease_expires_at,
                OrderProduct.error,
            ).where(OrderProduct.order_id.in_(_ids(orders)))
        ).all()
        items = session.execute(
            select(ProductionItem.order_id, ProductionItem.state, ProductionItem.lease_expires_at)
        ).all()
    return "\n".join(str(row) for row in [*items, *rows])


def _all_done(runtime: Runtime, orders: list[str]) -> bool:
    with runtime.session_factory() as session:
        statuses = session.scalars(select(Order.status).where(Order.id.in_(_ids(orders))))
        items = session.scalars(
            select(ProductionItem.state).where(ProductionItem.order_id.in_(_ids(orders)))
        )
        owed = session.scalar(
            select(OrderProduct.id)
            .where(OrderProduct.order_id.in_(_ids(orders)), OrderProduct.state != "delivered")
            .limit(1)
        )
        return set(statuses) == {"Ready"} and set(items) == {"done"} and owed is None


def check_webhooks(runtime: Runtime, receiver: Receiver, orders: list[str]) -> None:
    """Every event was delivered and received; no status change was announced twice.

    A call in flight at the instant of the kill may be sent again by another worker with the
    same `webhook-id` (receivers drop repeats by it, as Standard Webhooks asks); a second event
    for the same change, with another id, would be a duplicate and fails the test.
    """
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with runtime.session_factory() as session:
            rows = list(session.scalars(select(WebhookDelivery)))
        if rows and all(row.state == "delivered" for row in rows):
            break
        time.sleep(0.25)
    states = Counter(row.state for row in rows)
    assert set(states) == {"delivered"}, states
    received = {call.headers["webhook-id"]: json.loads(call.body) for call in receiver.received}
    assert set(received) == {row.event_id for row in rows}
    changes = Counter(
        (payload["id"], payload["current_status"], payload["product_type"])
        for payload in received.values()
    )
    assert max(changes.values()) == 1, changes
    for order in orders:
        assert (order, "Pending", None) in changes
        assert any(key[0] == order and key[1] == "Ready" for key in changes)


def _ids(orders: list[str]) -> list[Any]:
    import uuid

    return [uuid.UUID(order) for order in orders]
