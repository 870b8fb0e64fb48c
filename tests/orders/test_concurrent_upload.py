"""Two scan uploads to one Draft at the same moment: the order's lock serialises them on
SQLite as on PostgreSQL, so one moves the order to Pending and the other is refused."""

from __future__ import annotations

import threading
import uuid

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from planroom.floormodel.samples import sample_scan_bytes
from planroom.orders.models import OrderEvent, OrderSource
from planroom.runtime import Runtime
from tests.builders import api, make_tenant
from tests.orders.builders import create_draft, tenant_with_owner

ROUNDS = 3


def _upload_together(base_url: str, api_key: str, order_id: str) -> list[httpx.Response]:
    barrier = threading.Barrier(2)
    responses: list[httpx.Response] = []
    body = sample_scan_bytes("apartment")

    def upload() -> None:
        with httpx.Client(base_url=base_url, timeout=60) as http:
            barrier.wait()
            responses.append(
                http.post(
                    api(f"/orders/{order_id}/scan"),
                    content=body,
                    headers={"api-key": api_key, "content-type": "application/json"},
                )
            )

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return responses


def test_of_two_concurrent_uploads_to_one_draft_exactly_one_succeeds(
    runtime: Runtime, client: TestClient, live_server: str
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    for _ in range(ROUNDS):
        order_id = create_draft(tenant)["id"]
        responses = _upload_together(live_server, tenant.api_key, order_id)
        assert sorted(response.status_code for response in responses) == [200, 409]
        refused = next(response for response in responses if response.status_code == 409)
        assert refused.json()["code"] == "invalid_state"
        assert "The order is Pending" in refused.json()["message"]
        with runtime.session_factory() as session:
            oid = uuid.UUID(order_id)
            moves = session.scalar(
                select(func.count())
                .select_from(OrderEvent)
                .where(OrderEvent.order_id == oid, OrderEvent.to_status == "Pending")
            )
            scans = session.scalar(
                select(func.count()).select_from(OrderSource).where(OrderSource.order_id == oid)
            )
        assert (moves, scans) == (1, 1)
        assert tenant.get(f"/orders/{order_id}").json()["info"]["status"] == "Pending"
