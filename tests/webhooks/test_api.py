"""`/companies/webhook`: registration, secrets and the delivery log, per company."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.webhooks.helpers import deliveries, fire, register
from tests.webhooks.receiver import Receiver


def test_patch_echoes_the_stored_pair_and_ignores_unknown_keys(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    body = {
        "webhook_urls": ["https://example.com/hook", "https://example.com/hook-2"],
        "webhook_triggers": ["moved_to_ready", "moved_to_fixing"],
        "url": "https://ignored.example.com",
        "secret": "ignored",
    }
    response = tenant.patch("/companies/webhook", json=body)
    assert response.status_code == 200
    assert response.json() == {
        "webhook_urls": ["https://example.com/hook", "https://example.com/hook-2"],
        "webhook_triggers": ["moved_to_ready", "moved_to_fixing"],
    }
    # only unknown keys: accepted, nothing changes
    response = tenant.patch("/companies/webhook", json={"url": "https://x.example.com"})
    assert response.status_code == 200
    assert response.json()["webhook_urls"] == body["webhook_urls"]


def test_patch_replaces_never_merges(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    register(tenant, ["https://a.example.com/"], ["moved_to_ready", "moved_to_draft"])
    register(tenant, ["https://b.example.com/", "https://b.example.com/"], ["moved_to_pending"])
    stored = tenant.get("/companies/webhook").json()
    assert stored["webhook_urls"] == ["https://b.example.com/"]
    assert stored["webhook_triggers"] == ["moved_to_pending"]


def test_unknown_trigger_and_bad_urls_are_validation_errors(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.patch(
        "/companies/webhook",
        json={"webhook_urls": ["https://ok.example.com"], "webhook_triggers": ["moved_to_mars"]},
    )
    assert response.status_code == 400
    error = response.json()["validation_error"]["body_params"][0]
    assert error["loc"] == ["webhook_triggers", 0]
    assert "moved_to_ready" in error["msg"]

    for url in (
        "ftp://example.com/x",
        "not a url",
        "https://user:pw@example.com/",
        "http://exa mple.com/",
    ):
        response = tenant.patch("/companies/webhook", json={"webhook_urls": [url]})
        assert response.status_code == 400, url
        assert response.json()["validation_error"]["body_params"][0]["loc"] == ["webhook_urls", 0]
    assert tenant.get("/companies/webhook").json()["webhook_urls"] == []


def test_delete_clears_the_pair_and_keeps_the_secret(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    register(tenant, ["https://a.example.com/"])
    secret = tenant.get("/companies/webhook").json()["signing_secret"]
    response = tenant.delete("/companies/webhook")
    assert response.status_code == 200
    assert response.json() == {"webhook_urls": [], "webhook_triggers": []}
    after = tenant.get("/companies/webhook").json()
    assert after["webhook_urls"] == [] and after["signing_secret"] == secret


def test_get_creates_a_standard_secret_once(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    first = tenant.get("/companies/webhook").json()
    assert first["signing_secret"].startswith("whsec_")
    assert first["webhook_urls"] == [] and first["webhook_triggers"] == []
    assert tenant.get("/companies/webhook").json()["signing_secret"] == first["signing_secret"]
    other = make_tenant(runtime, client, name="Other")
    assert other.get("/companies/webhook").json()["signing_secret"] != first["signing_secret"]


def test_rotate_secret_returns_a_new_secret(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    old = tenant.get("/companies/webhook").json()["signing_secret"]
    response = tenant.post("/companies/webhook/rotate-secret")
    assert response.status_code == 200
    rotated = response.json()
    assert rotated["signing_secret"].startswith("whsec_") and rotated["signing_secret"] != old
    current = tenant.get("/companies/webhook").json()
    assert current["signing_secret"] == rotated["signing_secret"]
    assert current["previous_secret_expires_at"] == rotated["previous_secret_expires_at"]


def test_another_companys_delivery_is_not_found(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    owner = make_tenant(immediate, client)
    stranger = make_tenant(immediate, client, name="Stranger")
    register(owner, [receiver.url])
    fire(immediate, owner.id)
    delivery_id = deliveries(owner)[0]["id"]

    assert deliveries(stranger) == []
    for response in (
        stranger.get(f"/companies/webhook/deliveries/{delivery_id}"),
        stranger.post(f"/companies/webhook/deliveries/{delivery_id}/retry"),
        owner.get(f"/companies/webhook/deliveries/{uuid.uuid4()}"),
    ):
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    assert len(receiver.received) == 1
    bad = owner.get("/companies/webhook/deliveries/not-a-uuid")
    assert bad.status_code == 400
    assert "path_params" in bad.json()["validation_error"]


def test_delivery_log_is_paginated_newest_first_and_filterable(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    order_ids = [uuid.uuid4() for _ in range(3)]
    for order_id in order_ids:
        fire(immediate, tenant.id, {"id": str(order_id), "current_status": "Ready"})

    page = tenant.get("/companies/webhook/deliveries", params={"limit": 2}).json()
    assert page["pagination"] == {
        "has_more": True,
        "limit": 2,
        "next_offset": 2,
        "previous_offset": None,
    }
    assert [item["order_id"] for item in page["items"]] == [str(order_ids[2]), str(order_ids[1])]
    item = page["items"][0]
    assert item["payload"] == {"id": str(order_ids[2]), "current_status": "Ready"}
    assert item["state"] == "delivered" and item["url"] == receiver.url
    assert item["event_id"].startswith("msg_")
    assert item["attempts"][0]["status_code"] == 200

    only = deliveries(tenant, order_id=str(order_ids[0]))
    assert [d["order_id"] for d in only] == [str(order_ids[0])]
    assert deliveries(tenant, state="failed") == []
    assert tenant.get("/companies/webhook/deliveries", params={"state": "odd"}).status_code == 400
