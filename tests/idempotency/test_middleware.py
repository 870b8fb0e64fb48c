from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import timedelta

from fastapi.testclient import TestClient

from planroom.auth.tokens import secret_hash
from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.idempotency.middleware import LEASE, SPOOL_IN_MEMORY
from planroom.idempotency.models import IdempotencyRecord
from planroom.runtime import Runtime
from tests.builders import make_tenant


def test_same_key_and_body_replays_and_creates_nothing_new(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    headers = {"Idempotency-Key": "office-1"}
    first = tenant.post("/offices", json={"name": "North"}, headers=headers)
    second = tenant.post("/offices", json={"name": "North"}, headers=headers)
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert len(tenant.get("/offices").json()["items"]) == 1


def test_same_key_with_another_body_is_409(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    headers = {"Idempotency-Key": "office-2"}
    tenant.post("/offices", json={"name": "North"}, headers=headers)
    other = tenant.post("/offices", json={"name": "South"}, headers=headers)
    assert other.status_code == 409
    assert other.json()["code"] == "conflict"
    assert len(tenant.get("/offices").json()["items"]) == 1


def test_keys_are_per_caller_and_expire_after_24_hours(
    runtime: Runtime, client: TestClient
) -> None:
    first = make_tenant(runtime, client, "First")
    second = make_tenant(runtime, client, "Second")
    headers = {"Idempotency-Key": "shared-key"}
    first.post("/offices", json={"name": "HQ"}, headers=headers)
    second.post("/offices", json={"name": "HQ"}, headers=headers)
    assert len(second.get("/offices").json()["items"]) == 1  # not the first company's replay
    clock.advance(24 * 3600 + 1)
    first.post("/offices", json={"name": "HQ"}, headers=headers)
    assert len(first.get("/offices").json()["items"]) == 2


def _request_hash(path: str, body: bytes) -> str:
    return hashlib.sha256(b"POST " + path.encode() + b"\n" + body).hexdigest()


def test_a_key_whose_owner_died_is_taken_over_after_the_lease(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    body = json.dumps({"name": "North"}).encode()
    now = clock.now()
    with unit_of_work(runtime.session_factory) as session:
        # what a process that claimed the key and then died leaves behind
        session.add(
            IdempotencyRecord(
                caller=secret_hash(tenant.api_key),
                key="died",
                request_hash=_request_hash("/api/integrate/v3/offices", body),
                expires_at=now + timedelta(hours=24),
                lease_expires_at=now + LEASE,
            )
        )
    headers = {"Idempotency-Key": "died", "content-type": "application/json"}
    running = tenant.post("/offices", content=body, headers=headers)
    assert running.status_code == 409
    assert "still running" in running.json()["message"]
    clock.advance(LEASE.total_seconds() + 1)
    taken = tenant.post("/offices", content=body, headers=headers)
    assert taken.status_code == 200, taken.text
    replayed = tenant.post("/offices", content=body, headers=headers)
    assert replayed.headers["idempotent-replayed"] == "true"
    assert replayed.json() == taken.json()
    assert len(tenant.get("/offices").json()["items"]) == 1


def test_a_big_body_is_hashed_as_it_streams_and_reaches_the_endpoint_whole(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    # larger than what the middleware keeps in memory: the rest is spooled to disk
    body = json.dumps({"name": "North", "padding": "x" * (3 * SPOOL_IN_MEMORY)}).encode()

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 100_000):
            yield body[start : start + 100_000]

    headers = {"Idempotency-Key": "big", "content-type": "application/json"}
    first = tenant.post("/offices", content=chunks(), headers=headers)
    assert first.status_code == 200, first.text
    assert first.json()["name"] == "North"
    second = tenant.post("/offices", content=body, headers=headers)
    assert second.headers["idempotent-replayed"] == "true"
    other = tenant.post("/offices", content=body[:-2] + b"y}", headers=headers)
    assert other.status_code == 409  # one byte at the end changes the hash
