"""The production queue and claims: most urgent first, one drafter at a time, claims expire."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from planroom.core.clock import clock
from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant
from tests.orders.builders import tenant_with_owner, upload_scan
from tests.production.helpers import make_drafter, scan_order


def _go2scan_order(tenant: Tenant, priority: str) -> dict[str, Any]:
    created = tenant.post(
        "/orders/go2scan",
        json={
            "street": "5 Harbour Road",
            "city": "Helsinki",
            "country": "Finland",
            "recipient": {"email": "owner@home.example"},
            "priority": priority,
            "package_type": "base",
        },
    )
    assert created.status_code == 200, created.text
    order: dict[str, Any] = created.json()
    upload_scan(tenant, order["id"], "apartment")
    return order


def _gated(runtime: Runtime) -> None:
    """Converted models wait for a drafter's approval; jobs run at commit."""
    runtime.queue.immediate = True
    runtime.settings.auto_approve_models = False


def test_queue_is_most_urgent_first_across_companies(runtime: Runtime, client: TestClient) -> None:
    _gated(runtime)
    acme = tenant_with_owner(make_tenant(runtime, client, "Acme Floorplans"))
    other = make_tenant(runtime, client, "Other Realty")
    regular_old = scan_order(acme)
    clock.advance(60)
    fast = _go2scan_order(other, "fast")
    clock.advance(60)
    turnaround = scan_order(acme, add_ons=["6h_turnaround"])
    clock.advance(60)
    ultrafast = _go2scan_order(other, "ultrafast")
    clock.advance(60)
    regular_new = scan_order(acme)
    drafter = make_drafter(runtime, client)

    page = drafter.ok("get", "/queue")
    ids = [row["order_id"] for row in page["items"]]
    assert ids == [
        turnaround["id"],
        ultrafast["id"],
        fast["id"],
        regular_old["id"],
        regular_new["id"],
    ]
    rows = {row["order_id"]: row for row in page["items"]}
    assert [rows[i]["priority"] for i in ids] == [
        "6h_turnaround",
        "ultrafast",
        "fast",
        "regular",
        "regular",
    ]
    first = rows[turnaround["id"]]
    assert first["company_name"] == "Acme Floorplans"
    assert rows[fast["id"]]["company_name"] == "Other Realty"
    assert first["address"].startswith("121 North Washington Avenue")
    assert first["state"] == "approval"
    assert first["order_status"] == "Pending"
    assert first["late"] is False
    assert first["claimed_by"] is None
    assert abs(first["due_at"] - first["created_at"] - 6 * 3600) < 5
    regular = rows[regular_old["id"]]
    assert abs(regular["due_at"] - regular["created_at"] - 48 * 3600) < 5
    assert page["pagination"] == {
        "has_more": False,
        "limit": 20,
        "next_offset": None,
        "previous_offset": None,
    }

    clock.advance(7 * 3600)  # the 6 h and ultrafast orders are now late, the rest are not
    rows = {row["order_id"]: row for row in drafter.ok("get", "/queue")["items"]}
    assert rows[turnaround["id"]]["late"] is True
    assert rows[ultrafast["id"]]["late"] is True
    assert rows[fast["id"]]["late"] is False

    second_page = drafter.ok("get", "/queue", params={"limit": 2, "offset": 2})
    assert [row["order_id"] for row in second_page["items"]] == [fast["id"], regular_old["id"]]
    assert second_page["pagination"]["next_offset"] == 4


def test_queue_filters_by_state(runtime: Runtime, client: TestClient) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    response = tenant.post(
        "/orders",
        files=[("files", ("plan.png", b"\x89PNG\r\n\x1a\nfake", "image/png"))],
        data={"street": "1 Redraw Road", "city": "Oulu", "country": "Finland"},
    )
    assert response.status_code == 200, response.text
    redraw = response.json()

    drafting = drafter.ok("get", "/queue", params={"state": "drafting"})["items"]
    assert [row["order_id"] for row in drafting] == [redraw["id"]]
    assert drafting[0]["order_type"] == "redraw"
    assert (
        drafter.ok("get", "/queue", params=[("state", "approval"), ("state", "fixing")])["items"]
        == []
    )
    bad = drafter.get("/queue", params={"state": "sleeping"})
    assert bad.status_code == 400
    assert bad.json()["validation_error"]["query_params"][0]["loc"] == ["state", 0]


def test_one_drafter_at_a_time_until_the_claim_expires(
    runtime: Runtime, client: TestClient
) -> None:
    _gated(runtime)
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = scan_order(tenant)
    first = make_drafter(runtime, client, "First Drafter")
    second = make_drafter(runtime, client, "Second Drafter")

    claimed = first.ok("post", f"/orders/{order['id']}/claim")
    assert claimed["claimed_by"] == "First Drafter"
    assert claimed["claim_expires_at"] - clock.now().timestamp() > 2 * 3600 - 5

    refused = second.post(f"/orders/{order['id']}/claim")
    assert refused.status_code == 409
    assert refused.json()["code"] == "conflict"
    assert "First Drafter" in refused.json()["message"]
    assert "UTC" in refused.json()["message"]
    # writes need the claim too
    assert second.post(f"/orders/{order['id']}/approve").status_code == 409
    assert second.post(f"/orders/{order['id']}/release").status_code == 409

    clock.advance(2 * 3600 - 60)
    assert second.post(f"/orders/{order['id']}/claim").status_code == 409
    clock.advance(61)
    taken = second.ok("post", f"/orders/{order['id']}/claim")
    assert taken["claimed_by"] == "Second Drafter"
    # the first drafter's claim is gone: they cannot approve any more
    late = first.post(f"/orders/{order['id']}/approve")
    assert late.status_code == 409
    assert "Second Drafter" in late.json()["message"]

    released = second.ok("post", f"/orders/{order['id']}/release")
    assert released["claimed_by"] is None
    assert first.ok("post", f"/orders/{order['id']}/claim")["claimed_by"] == "First Drafter"


def test_claims_only_for_waiting_work(runtime: Runtime, client: TestClient) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    draft = tenant.post(
        "/orders/draft",
        json={
            "street": "1 Main St",
            "city": "Oulu",
            "country": "Finland",
            "owner_email": "orders@example.com",
        },
    ).json()
    missing = drafter.post(f"/orders/{draft['id']}/claim")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
    delivered = scan_order(tenant)  # converts, renders and delivers at once
    refused = drafter.post(f"/orders/{delivered['id']}/claim")
    assert refused.status_code == 409
    assert refused.json()["code"] == "invalid_state"
    assert "done" in refused.json()["message"]
