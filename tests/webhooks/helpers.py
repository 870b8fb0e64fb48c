from __future__ import annotations

import uuid
from typing import Any

from planroom.db.engine import unit_of_work
from planroom.runtime import Runtime
from planroom.webhooks.service import record_event
from tests.builders import Tenant


def register(tenant: Tenant, urls: list[str], triggers: list[str] | None = None) -> None:
    body = {"webhook_urls": urls, "webhook_triggers": triggers or ["moved_to_ready"]}
    response = tenant.patch("/companies/webhook", json=body)
    assert response.status_code == 200, response.text


def ready_payload(order_id: uuid.UUID | None = None) -> dict[str, Any]:
    return {
        "id": str(order_id or uuid.uuid4()),
        "current_status": "Ready",
        "previous_status": "Pending",
        "model_id": str(uuid.uuid4()),
        "product_type": "products_2d",
        "delivery_type": "new",
    }


def fire(
    runtime: Runtime,
    company_id: uuid.UUID,
    payload: dict[str, Any] | None = None,
    trigger: str = "moved_to_ready",
) -> dict[str, Any]:
    """Record an event the way the orders lifecycle does: inside a committed unit of work."""
    payload = payload or ready_payload()
    with unit_of_work(runtime.session_factory) as session:
        record_event(session, company_id, trigger, payload)
    return payload


def deliveries(tenant: Tenant, **params: Any) -> list[dict[str, Any]]:
    response = tenant.get("/companies/webhook/deliveries", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items
