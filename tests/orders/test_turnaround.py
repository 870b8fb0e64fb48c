from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from planroom.db.engine import unit_of_work
from planroom.production.line import TURNAROUND_PRIORITY, item_of
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, tenant_with_owner, upload_scan


def test_buying_6h_turnaround_after_upload_moves_the_order_up(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant)
    upload_scan(tenant, order["id"], "apartment")
    with unit_of_work(runtime.session_factory) as session:
        item = item_of(session, uuid.UUID(order["id"]))
        assert item is not None
        before = (item.priority, item.due_at)
    response = tenant.post(
        f"/orders/{order['id']}/post-purchase", json={"add_ons": ["6h_turnaround"]}
    )
    assert response.status_code == 200
    with unit_of_work(runtime.session_factory) as session:
        item = item_of(session, uuid.UUID(order["id"]))
        assert item is not None
        assert item.priority == TURNAROUND_PRIORITY > before[0]
        assert item.due_at < before[1]
