"""Exactly once per (event, URL): claims, lost jobs, a real queue and the reconciler."""

from __future__ import annotations

import threading
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.db.engine import unit_of_work
from planroom.jobs.queue import run_reconcilers
from planroom.runtime import Runtime
from planroom.webhooks.delivery import deliver
from planroom.webhooks.models import WebhookDelivery
from planroom.webhooks.service import record_event
from tests.builders import make_tenant
from tests.webhooks.helpers import deliveries, fire, ready_payload, register
from tests.webhooks.receiver import Answer, Receiver


def _delivery_ids(runtime: Runtime) -> list[uuid.UUID]:
    with runtime.session_factory() as session:
        return list(session.scalars(select(WebhookDelivery.id)))


def test_a_lost_job_is_sent_by_the_reconciler(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(runtime, client)
    register(tenant, [receiver.url])
    fire(runtime, tenant.id)
    assert runtime.queue.pending_count() == 1
    runtime.queue.flush()  # the worker died with the job: the queue forgot it
    assert receiver.received == []

    runtime.queue.immediate = True
    run_reconcilers(runtime)
    run_reconcilers(runtime)
    assert len(receiver.received) == 1
    assert deliveries(tenant)[0]["state"] == "delivered"


def test_a_job_run_twice_sends_once(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(runtime, client)
    register(tenant, [receiver.url])
    fire(runtime, tenant.id)
    runtime.queue.enqueue("webhooks.deliver", delivery_id=str(_delivery_ids(runtime)[0]))
    assert runtime.queue.drain() == 2
    assert len(receiver.received) == 1


def test_two_workers_at_once_never_send_the_same_attempt(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(runtime, client)
    register(tenant, [receiver.url])
    receiver.default = Answer(delay=0.3)
    fire(runtime, tenant.id)
    [delivery_id] = _delivery_ids(runtime)
    barrier = threading.Barrier(4)

    def work() -> None:
        barrier.wait()
        deliver(runtime, delivery_id)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(receiver.received) == 1
    [row] = deliveries(tenant)
    assert row["state"] == "delivered" and len(row["attempts"]) == 1


def test_recording_the_same_event_id_again_stores_nothing_new(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(runtime, client)
    register(tenant, [receiver.url])
    for _ in range(2):
        with unit_of_work(runtime.session_factory) as session:
            record_event(session, tenant.id, "moved_to_ready", ready_payload(), event_id="msg_x1")
    assert len(_delivery_ids(runtime)) == 1
    runtime.queue.drain()
    assert len(receiver.received) == 1
