from __future__ import annotations

from fastapi.testclient import TestClient

from planroom.core.clock import clock
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
