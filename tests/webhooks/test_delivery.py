"""Deliveries to a real receiver on 127.0.0.1: signatures, retries on a moved clock, 410, 3xx."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient
from standardwebhooks import Webhook

from planroom import __version__
from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.jobs.queue import run_reconcilers
from planroom.runtime import Runtime
from planroom.webhooks.service import record_event
from tests.builders import make_tenant
from tests.webhooks.helpers import deliveries, fire, ready_payload, register
from tests.webhooks.receiver import Answer, Receiver, closed_port_url


def test_a_delivered_event_is_signed_and_verifies(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    secret = tenant.get("/companies/webhook").json()["signing_secret"]
    payload = fire(immediate, tenant.id)

    [request] = receiver.received
    assert Webhook(secret).verify(request.body, request.headers) == payload
    assert json.loads(request.body) == payload
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == f"Planroom-Webhooks/{__version__}"
    [row] = deliveries(tenant)
    assert request.headers["webhook-id"] == row["event_id"]
    assert row["state"] == "delivered" and row["next_attempt_at"] is None
    assert row["delivered_at"] is not None


def test_every_registered_url_gets_the_event_once_with_one_event_id(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url, receiver.url + "-2"], ["moved_to_ready"])
    fire(immediate, tenant.id, trigger="moved_to_pending")  # not registered: nothing
    assert receiver.received == []
    fire(immediate, tenant.id)
    assert sorted(r.path for r in receiver.received) == ["/hook", "/hook-2"]
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1
    run_reconcilers(immediate)
    assert len(receiver.received) == 2


def test_receiver_down_gets_three_attempts_at_the_configured_times(
    immediate: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [closed_port_url()])
    fire(immediate, tenant.id)

    def attempts() -> list[dict[str, object]]:
        [row] = deliveries(tenant)
        return row["attempts"]  # type: ignore[no-any-return]

    assert len(attempts()) == 1
    clock.advance(29)
    run_reconcilers(immediate)
    assert len(attempts()) == 1  # not due yet
    clock.advance(1)
    run_reconcilers(immediate)
    assert len(attempts()) == 2
    clock.advance(299)
    run_reconcilers(immediate)
    assert len(attempts()) == 2
    clock.advance(1)
    run_reconcilers(immediate)
    clock.advance(3600)
    run_reconcilers(immediate)

    [row] = deliveries(tenant)
    times = [float(a["attempted_at"]) for a in row["attempts"]]
    assert len(times) == 3
    assert times[1] - times[0] == pytest.approx(30, abs=1.5)
    assert times[2] - times[1] == pytest.approx(300, abs=1.5)
    assert row["state"] == "failed" and row["next_attempt_at"] is None
    assert all(a["status_code"] is None and a["error"] for a in row["attempts"])
    assert deliveries(tenant, state="failed")[0]["id"] == row["id"]


def test_500_then_200_is_delivered_once_with_the_same_webhook_id(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    receiver.answer(500)
    fire(immediate, tenant.id)
    [row] = deliveries(tenant)
    assert row["state"] == "pending" and row["last_status_code"] == 500
    assert row["next_attempt_at"] == pytest.approx(row["attempts"][0]["attempted_at"] + 30)

    clock.advance(30)
    run_reconcilers(immediate)
    run_reconcilers(immediate)
    clock.advance(600)
    run_reconcilers(immediate)

    assert [r.headers["webhook-id"] for r in receiver.received] == [row["event_id"]] * 2
    assert receiver.received[0].headers["webhook-timestamp"]
    [row] = deliveries(tenant)
    assert row["state"] == "delivered"
    assert [a["status_code"] for a in row["attempts"]] == [500, 200]


def test_410_disables_the_url_until_it_is_registered_again(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    receiver.answer(410)
    fire(immediate, tenant.id)
    clock.advance(3600)
    run_reconcilers(immediate)
    fire(immediate, tenant.id)
    assert len(receiver.received) == 1

    [row] = deliveries(tenant)  # the second event stored nothing for the disabled URL
    assert row["state"] == "failed" and "410" in row["last_error"]
    stored = tenant.get("/companies/webhook").json()
    assert stored["webhook_urls"] == [receiver.url]
    assert [d["url"] for d in stored["disabled_urls"]] == [receiver.url]
    retry = tenant.post(f"/companies/webhook/deliveries/{row['id']}/retry")
    assert retry.status_code == 409 and retry.json()["code"] == "invalid_state"

    register(tenant, [receiver.url])
    assert tenant.get("/companies/webhook").json()["disabled_urls"] == []
    fire(immediate, tenant.id)
    assert len(receiver.received) == 2


def test_a_redirect_is_a_failure_and_is_not_followed(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    receiver.answer(Answer(status=302, headers={"Location": receiver.url + "-elsewhere"}))
    fire(immediate, tenant.id)
    assert [r.path for r in receiver.received] == ["/hook"]
    [row] = deliveries(tenant)
    assert row["state"] == "pending" and row["last_status_code"] == 302
    assert "redirect" in row["last_error"]


def test_a_slow_answer_is_a_timeout_failure(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    immediate.settings.webhook_timeout_seconds = 0.3
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    receiver.answer(Answer(delay=1.0))
    fire(immediate, tenant.id)
    [row] = deliveries(tenant)
    assert row["state"] == "pending" and row["attempts"][0]["status_code"] is None
    assert "0.3 s" in row["last_error"]


def test_the_address_guard_refuses_loopback_and_logs_it(
    immediate: Runtime, client: TestClient, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    immediate.settings.webhook_allow_private_addresses = False
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    with caplog.at_level(logging.INFO, logger="planroom.webhooks"):
        fire(immediate, tenant.id)
    assert receiver.received == []
    [row] = deliveries(tenant)
    assert row["state"] == "failed"
    assert "127.0.0.1" in row["last_error"] and "loopback" in row["last_error"]
    assert "refused" in caplog.text


def test_a_rolled_back_transaction_sends_nothing(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    with pytest.raises(RuntimeError), unit_of_work(immediate.session_factory) as session:
        record_event(session, tenant.id, "moved_to_ready", ready_payload())
        raise RuntimeError("the status change failed")
    run_reconcilers(immediate)
    assert receiver.received == []
    assert deliveries(tenant) == []


def test_manual_retry_sends_a_delivered_event_again(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    fire(immediate, tenant.id)
    [row] = deliveries(tenant)
    response = tenant.post(f"/companies/webhook/deliveries/{row['id']}/retry")
    assert response.status_code == 200
    assert len(receiver.received) == 2
    assert receiver.received[1].headers["webhook-id"] == row["event_id"]
    [row] = deliveries(tenant)
    assert row["state"] == "delivered" and len(row["attempts"]) == 2


def test_manual_retry_of_a_failed_delivery_is_one_more_attempt(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    receiver.answer(500, 500, 500, 500)
    fire(immediate, tenant.id)
    for _ in range(3):
        clock.advance(600)
        run_reconcilers(immediate)
    [row] = deliveries(tenant)
    assert row["state"] == "failed" and len(row["attempts"]) == 3

    tenant.post(f"/companies/webhook/deliveries/{row['id']}/retry")
    [row] = deliveries(tenant)
    assert row["state"] == "failed" and len(row["attempts"]) == 4
    clock.advance(3600)
    run_reconcilers(immediate)
    tenant.post(f"/companies/webhook/deliveries/{row['id']}/retry")
    [row] = deliveries(tenant)
    assert row["state"] == "delivered" and len(row["attempts"]) == 5
    assert len(receiver.received) == 5


def test_delete_stops_pending_retries(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    receiver.answer(500)
    fire(immediate, tenant.id)
    tenant.delete("/companies/webhook")
    clock.advance(600)
    run_reconcilers(immediate)
    assert len(receiver.received) == 1
    [row] = deliveries(tenant)
    assert row["state"] == "skipped"
