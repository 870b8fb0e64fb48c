from __future__ import annotations

from fastapi.testclient import TestClient

from planroom.core.clock import clock
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, tenant_with_owner


def test_paging_through_45_orders_sees_each_once(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    created = [create_draft(tenant, external_id=f"EXT{i}")["id"] for i in range(45)]
    seen: list[str] = []
    offset: int | None = 0
    pages = 0
    while offset is not None:
        body = tenant.get("/orders", params={"limit": 20, "offset": offset}).json()
        assert all("delivery_assets" not in row for row in body["items"])
        seen.extend(row["id"] for row in body["items"])
        offset = body["pagination"]["next_offset"]
        pages += 1
    assert pages == 3
    assert seen == list(reversed(created))  # newest first, each exactly once


def test_status_is_repeatable_and_filters(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    draft = create_draft(tenant)
    go2scan = tenant.post(
        "/orders/go2scan",
        json={
            "street": "1 Scan St",
            "city": "Espoo",
            "country": "Finland",
            "recipient": {"email": "home@example.com"},
            "send_email": False,
        },
    ).json()
    both = tenant.get("/orders?status=Draft&status=New").json()["items"]
    assert {row["id"] for row in both} == {draft["id"], go2scan["id"]}
    only_new = tenant.get("/orders", params={"status": "New"}).json()["items"]
    assert [row["id"] for row in only_new] == [go2scan["id"]]
    assert tenant.get("/orders?status=Draft&status=Pending").json()["items"][0]["id"] == draft["id"]


def test_extra_filters(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    first = create_draft(tenant, external_id="A-1")
    clock.advance(60)
    second = create_draft(tenant, external_id="B-2")
    by_ext = tenant.get("/orders", params={"external_id": "B-2"}).json()["items"]
    assert [row["id"] for row in by_ext] == [second["id"]]
    cutoff = first["info"]["created_at"] + 30
    after = tenant.get("/orders", params={"created_after": cutoff}).json()["items"]
    before = tenant.get("/orders", params={"created_before": cutoff}).json()["items"]
    assert [row["id"] for row in after] == [second["id"]]
    assert [row["id"] for row in before] == [first["id"]]
    by_owner = tenant.get("/orders", params={"owner_email": "ORDERS@example.com"}).json()
    assert len(by_owner["items"]) == 2
