"""Replaying failed deliveries since a time, and retry schedules that reach a day."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from planroom.core.clock import clock
from planroom.jobs.queue import run_reconcilers
from planroom.runtime import Runtime
from planroom.settings import Settings
from tests.builders import make_tenant
from tests.webhooks.helpers import deliveries, fire, register
from tests.webhooks.receiver import Answer, Receiver

REPLAY = "/companies/webhook/deliveries/retry"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def test_replay_sends_the_callers_failed_deliveries_since_t_again(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    immediate.settings.webhook_backoff_seconds = []  # one attempt, then failed
    ours = make_tenant(immediate, client, "Ours")
    theirs = make_tenant(immediate, client, "Theirs")
    register(ours, [receiver.url])
    register(theirs, [receiver.url])
    receiver.default = Answer(status=503)
    before = fire(immediate, ours.id)
    clock.advance(5)
    since = clock.now()
    clock.advance(5)
    after = fire(immediate, ours.id)
    fire(immediate, theirs.id)
    assert {row["state"] for row in deliveries(ours) + deliveries(theirs)} == {"failed"}
    assert len(receiver.received) == 3

    receiver.default = Answer(status=200)
    response = ours.post(REPLAY, json={"since": _iso(since), "status": "failed"})
    assert response.status_code == 200, response.text
    assert response.json() == {"retried": 1, "not_retried": 0}
    states = {row["payload"]["id"]: row["state"] for row in deliveries(ours)}
    assert states == {after["id"]: "delivered", before["id"]: "failed"}
    [replayed] = [row for row in deliveries(ours) if row["state"] == "delivered"]
    assert [attempt["status_code"] for attempt in replayed["attempts"]] == [503, 200]
    assert [row["state"] for row in deliveries(theirs)] == ["failed"]  # not another company's
    assert len(receiver.received) == 4

    register(ours, [])  # no longer registered: counted, not sent
    again = ours.post(REPLAY, json={"since": "2000-01-01T00:00:00Z"}).json()
    assert again == {"retried": 0, "not_retried": 1}


def test_replay_refuses_what_it_cannot_read(immediate: Runtime, client: TestClient) -> None:
    tenant = make_tenant(immediate, client)
    for body in ({"since": "yesterday"}, {}, {"since": _iso(clock.now()), "status": "pending"}):
        response = tenant.post(REPLAY, json=body)
        assert response.status_code == 400, response.text
        assert "validation_error" in response.json()


def test_a_retry_schedule_can_reach_a_day(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    schedule = [30.0, 300.0, 3600.0, 21600.0, 86400.0]
    immediate.settings.webhook_backoff_seconds = schedule
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    receiver.default = Answer(status=500)
    fire(immediate, tenant.id)
    waits: list[float] = []
    for _ in schedule:
        [row] = deliveries(tenant)
        assert row["state"] == "pending" and row["max_attempts"] == 6
        last = row["attempts"][-1]["attempted_at"]
        waits.append(round(row["next_attempt_at"] - last))
        clock.advance(row["next_attempt_at"] - clock.now().timestamp() + 1)
        run_reconcilers(immediate)
    assert waits == schedule
    [row] = deliveries(tenant)
    assert row["state"] == "failed" and len(row["attempts"]) == 6


def test_retry_waits_longer_than_a_day_are_refused() -> None:
    with pytest.raises(ValidationError, match="a day"):
        Settings(webhook_backoff_seconds=[30, 90000])
    assert Settings().webhook_backoff_seconds == [30.0, 300.0]  # 3 attempts by default
