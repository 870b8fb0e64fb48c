"""Behave like a real integration: register webhooks, create a draft, get told, list orders."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from standardwebhooks import Webhook

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, tenant_with_owner
from tests.webhooks.receiver import running_receiver


def test_a_client_registers_creates_a_draft_and_is_told(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    with running_receiver() as receiver:
        registered = tenant.patch(
            "/companies/webhook",
            json={
                "webhook_urls": [receiver.url],
                "webhook_triggers": ["moved_to_draft", "moved_to_pending"],
                "url": "https://ignored.example/old-style",
                "secret": "ignored",
            },
        )
        assert registered.status_code == 200
        assert registered.json() == {
            "webhook_urls": [receiver.url],
            "webhook_triggers": ["moved_to_draft", "moved_to_pending"],
        }
        secret = tenant.get("/companies/webhook").json()["signing_secret"]

        order = create_draft(tenant)

        (call,) = receiver.received
        payload = Webhook(secret).verify(call.body, call.headers)
        assert payload == json.loads(call.body)
        assert payload == {
            "id": order["id"],
            "current_status": "Draft",
            "previous_status": None,
            "model_id": order["info"]["model_id"],
            "product_type": None,
            "delivery_type": None,
        }
        assert call.headers["user-agent"].startswith("Planroom-Webhooks/")

    listed = tenant.get("/orders?status=Draft&status=Pending").json()
    assert [row["id"] for row in listed["items"]] == [order["id"]]
