"""One company's receivers never slow another's orders: webhook calls run on their own
threads, at most `webhook_company_concurrency` at once per company, and URLs that keep timing
out rest behind a circuit breaker."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.core.clock import clock
from planroom.jobs.consumer import embedded_consumer
from planroom.runtime import Runtime
from planroom.webhooks.delivery import deliver
from planroom.webhooks.models import WebhookConfig, WebhookDelivery
from tests.builders import Tenant, make_tenant
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import scan_order
from tests.webhooks.helpers import fire, register
from tests.webhooks.receiver import Answer, Receiver, running_receiver


def _wait(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def _rows(runtime: Runtime, company_id: uuid.UUID) -> list[WebhookDelivery]:
    with runtime.session_factory() as session:
        statement = select(WebhookDelivery).where(WebhookDelivery.company_id == company_id)
        return list(session.scalars(statement.order_by(WebhookDelivery.created_at)))


def test_a_company_has_at_most_its_cap_of_calls_in_flight(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(runtime, client)
    register(tenant, [f"{receiver.url}?n={n}" for n in range(6)])
    receiver.default = Answer(delay=0.4)
    assert runtime.settings.webhook_company_concurrency == 2
    fire(runtime, tenant.id)
    with embedded_consumer(runtime, workers=1) as consumer:
        assert consumer is not None and consumer.webhook_consumer.workers == 4
        _wait(lambda: all(row.state == "delivered" for row in _rows(runtime, tenant.id)))
    assert len(receiver.received) == 6
    assert receiver.max_in_flight == 2


def test_a_url_that_keeps_timing_out_rests_then_gets_one_trial(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    runtime.settings.webhook_timeout_seconds = 0.3
    tenant = make_tenant(runtime, client)
    register(tenant, [receiver.url])
    receiver.default = Answer(delay=1.0)
    for _ in range(4):
        fire(runtime, tenant.id)
    rows = _rows(runtime, tenant.id)
    for row in rows[:3]:
        deliver(runtime, row.id)
    assert len(receiver.received) == 3
    deliver(runtime, rows[3].id)  # the circuit is open: no call, no attempt spent
    assert len(receiver.received) == 3
    [rested] = [row for row in _rows(runtime, tenant.id) if row.id == rows[3].id]
    assert rested.state == "pending" and rested.attempt_count == 0
    assert rested.next_attempt_at is not None
    assert 55 < (rested.next_attempt_at - clock.now()).total_seconds() <= 60

    receiver.default = Answer()
    clock.advance(61)
    deliver(runtime, rows[3].id)  # the trial call answers: the circuit closes
    assert len(receiver.received) == 4
    with runtime.session_factory() as session:
        config = session.get(WebhookConfig, tenant.id)
        assert config is not None and config.circuits == {}
    [trial] = [row for row in _rows(runtime, tenant.id) if row.id == rows[3].id]
    assert trial.state == "delivered"


def _ready_seconds(tenant: Tenant, receiver: Receiver) -> float:
    """Seconds from a scan upload to the company's Ready webhook for that order."""
    started = time.monotonic()
    order = scan_order(tenant)

    def told() -> bool:
        return any(
            json.loads(call.body)["id"] == order["id"]
            and json.loads(call.body)["current_status"] == "Ready"
            for call in list(receiver.received)
        )

    _wait(told, seconds=120)
    return time.monotonic() - started


def test_a_slow_companys_webhooks_leave_another_companys_order_time_unchanged(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    runtime.settings.webhook_timeout_seconds = 2.0
    calm = tenant_with_owner(make_tenant(runtime, client, "Calm Co"))
    register(calm, [receiver.url])
    noisy = make_tenant(runtime, client, "Noisy Co")
    with running_receiver() as slow, embedded_consumer(runtime, workers=2):
        slow.default = Answer(delay=5.0)
        register(noisy, [f"{slow.url}?n={n}" for n in range(20)])
        _ready_seconds(calm, receiver)  # warm up: imports, caches
        alone = _ready_seconds(calm, receiver)
        for _ in range(3):
            fire(runtime, noisy.id)  # 60 calls that each wait out the 2 s timeout
        _wait(lambda: slow.in_flight > 0)
        beside = _ready_seconds(calm, receiver)
        # still answering slowly (our calls give up after 2 s; the receiver sleeps on)
        assert slow.in_flight > 0
    print(f"calm company's order: {alone:.2f} s alone, {beside:.2f} s beside the slow one")
    assert beside <= 2 * max(alone, 1.5)  # a floor for scheduling noise on a busy machine
