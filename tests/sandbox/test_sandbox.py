"""The sandbox: sample scans, driving orders, the clock, and `cctest` orders. Webhooks go to a
real HTTP receiver on 127.0.0.1; nothing sleeps."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant, make_user
from tests.orders.builders import create_draft, tenant_with_owner
from tests.production.helpers import calls, make_drafter, order_of
from tests.webhooks.helpers import register
from tests.webhooks.receiver import Answer, running_receiver

ALL_TRIGGERS = [
    "moved_to_draft",
    "moved_to_pending",
    "moved_to_ready",
    "moved_to_fixing",
    "moved_to_failed",
]


def _sandbox(runtime: Runtime, client: TestClient, name: str = "Sandbox Co") -> Tenant:
    return tenant_with_owner(make_tenant(runtime, client, name, sandbox=True))


def _ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_only_sandbox_companies_may_call_the_sandbox(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client, "Live Co"))
    order = create_draft(tenant)
    for response in (
        tenant.post(f"/sandbox/orders/{order['id']}/scan-sample", json={"sample": "apartment"}),
        tenant.post(f"/sandbox/orders/{order['id']}/advance", json={"to": "Ready"}),
        tenant.post("/sandbox/clock/advance", json={"seconds": 60}),
        tenant.get("/sandbox/clock"),
    ):
        assert response.status_code == 403, response.text
        assert response.json()["code"] == "forbidden"
    assert order_of(tenant, order["id"])["info"]["status"] == "Draft"
    anonymous = client.post("/api/integrate/v3/sandbox/clock/advance", json={"seconds": 60})
    assert anonymous.status_code == 401


def test_another_companys_orders_are_not_found(runtime: Runtime, client: TestClient) -> None:
    owner = _sandbox(runtime, client, "Owner Sandbox")
    stranger = make_tenant(runtime, client, "Stranger Sandbox", sandbox=True)
    order = create_draft(owner)
    for response in (
        stranger.post(f"/sandbox/orders/{order['id']}/scan-sample", json={"sample": "apartment"}),
        stranger.post(f"/sandbox/orders/{order['id']}/advance", json={"to": "Ready"}),
        stranger.post(f"/sandbox/orders/{order['id']}/advance", json={"to": "Failed"}),
        stranger.post(f"/sandbox/orders/{uuid.uuid4()}/advance", json={"to": "Ready"}),
    ):
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "not_found"
    assert order_of(owner, order["id"])["info"]["status"] == "Draft"


def test_a_sample_scan_then_advance_to_ready_delivers_now(
    runtime: Runtime, client: TestClient
) -> None:
    # no worker runs here: advancing does the production steps in the request
    tenant = _sandbox(runtime, client)
    with running_receiver() as receiver:
        register(tenant, [receiver.url], ALL_TRIGGERS)
        order = create_draft(tenant, package_type="plus")
        unknown = tenant.post(
            f"/sandbox/orders/{order['id']}/scan-sample", json={"sample": "castle"}
        )
        assert unknown.status_code == 400
        (problem,) = unknown.json()["validation_error"]["body_params"]
        assert problem["loc"] == ["sample"]
        for name in ("apartment", "house_garage_porch", "two_storey_basement"):
            assert name in problem["msg"]

        pending = _ok(
            tenant.post(
                f"/sandbox/orders/{order['id']}/scan-sample", json={"sample": "house_garage_porch"}
            )
        )
        assert pending["info"]["status"] == "Pending"
        assert pending["info"]["order_type"] == "Tier3-LiDAR"

        ready = _ok(tenant.post(f"/sandbox/orders/{order['id']}/advance", json={"to": "Ready"}))
        assert ready["info"]["status"] == "Ready"
        assert ready["info"]["total_scanned_area"] > 0
        assert ready["delivery_assets"]["listing_floorplans"]["png_urls"]
        assert ready["delivery_assets"]["tour"]["link"]
        again = _ok(tenant.post(f"/sandbox/orders/{order['id']}/advance", json={"to": "Ready"}))
        assert again["info"]["status"] == "Ready"

        runtime.queue.drain()  # the queued copies of the same steps find nothing left to do
        payloads = calls(receiver.received)
    steps = [(p["current_status"], p["previous_status"], p["product_type"]) for p in payloads]
    assert steps[:2] == [("Draft", None, None), ("Pending", "Draft", None)]
    assert sorted(steps[2:], key=str) == [
        ("Ready", "Pending", "products_2d"),
        ("Ready", "Pending", "tour"),
    ]
    assert order_of(tenant, order["id"])["info"]["status"] == "Ready"


def test_advance_drives_drafts_redraws_fixes_and_failures(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    runtime.settings.auto_approve_models = False  # the sandbox approves for the drafter
    tenant = _sandbox(runtime, client)

    draft = create_draft(tenant)
    ready = _ok(tenant.post(f"/sandbox/orders/{draft['id']}/advance", json={"to": "Ready"}))
    assert ready["info"]["status"] == "Ready"

    redraw = _ok(
        tenant.post(
            "/orders",
            files=[("files", ("plan.pdf", b"%PDF-1.4 plan", "application/pdf"))],
            data={"street": "9 Plan Street", "city": "Turku", "country": "Finland"},
        )
    )
    drawn = _ok(tenant.post(f"/sandbox/orders/{redraw['id']}/advance", json={"to": "Ready"}))
    assert drawn["info"]["status"] == "Ready"
    assert drawn["info"]["order_type"] == "redraw"

    request = _ok(
        tenant.post(f"/orders/{draft['id']}/change-requests", json={"message": "Widen the hall."})
    )
    fixed = _ok(tenant.post(f"/sandbox/orders/{draft['id']}/advance", json={"to": "Ready"}))
    assert fixed["info"]["status"] == "Ready"
    done = _ok(tenant.get(f"/orders/{draft['id']}/change-requests/{request['id']}"))
    assert done["status"] == "Done"

    refused = tenant.post(
        f"/sandbox/orders/{draft['id']}/advance", json={"to": "Failed", "reason": "late"}
    )
    assert refused.status_code == 409
    assert "Ready" in refused.json()["message"]

    another = create_draft(tenant)
    failed = _ok(
        tenant.post(
            f"/sandbox/orders/{another['id']}/advance",
            json={"to": "Failed", "reason": "The scan is of the wrong house."},
        )
    )
    assert failed["info"]["status"] == "Failed"
    back = _ok(tenant.post(f"/sandbox/orders/{another['id']}/advance", json={"to": "Ready"}))
    assert back["info"]["status"] == "Ready"
    bad = tenant.post(f"/sandbox/orders/{another['id']}/advance", json={"to": "Fixing"})
    assert bad.status_code == 400


def test_the_clock_brings_webhook_retries_without_waiting(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    tenant = _sandbox(runtime, client)
    with running_receiver() as receiver:
        register(tenant, [receiver.url], ["moved_to_draft"])
        receiver.answer(Answer(status=500))
        create_draft(tenant)
        assert len(receiver.received) == 1

        before = _ok(tenant.get("/sandbox/clock"))
        # 25 s, not 29: the real seconds the first attempt took on a busy machine count too
        moved = _ok(tenant.post("/sandbox/clock/advance", json={"seconds": 25}))
        assert 24 < moved["offset_seconds"] - before["offset_seconds"] < 26
        assert len(receiver.received) == 1  # the retry is due after 30 s
        _ok(tenant.post("/sandbox/clock/advance", json={"seconds": 5}))
        assert len(receiver.received) == 2
        first, second = receiver.received
        assert first.headers["webhook-id"] == second.headers["webhook-id"]
    (row,) = _ok(tenant.get("/companies/webhook/deliveries"))["items"]
    assert row["state"] == "delivered"
    assert [attempt["status_code"] for attempt in row["attempts"]] == [500, 200]
    for seconds in (0, -5, 400 * 24 * 3600):
        refused = tenant.post("/sandbox/clock/advance", json={"seconds": seconds})
        assert refused.status_code == 400


def test_the_clock_expires_gotoscan_links(runtime: Runtime, client: TestClient) -> None:
    tenant = _sandbox(runtime, client)
    order = _ok(
        tenant.post(
            "/orders/go2scan",
            json={
                "street": "5 Harbour Road",
                "city": "Helsinki",
                "country": "Finland",
                "recipient": {"email": "owner@home.example"},
                "link_validity_days": 1,
            },
        )
    )
    link = order["info"]["go2scan"]["link"].removeprefix("http://testserver")
    assert client.get(link).status_code == 200
    _ok(tenant.post("/sandbox/clock/advance", json={"seconds": 24 * 3600 + 1}))
    expired = client.get(link)
    assert expired.status_code == 410
    assert "expired" in expired.text
    assert order_of(tenant, order["id"])["info"]["go2scan"]["status"] == "expired"


def test_cctest_orders_run_to_ready_on_their_own(runtime: Runtime, client: TestClient) -> None:
    runtime.queue.immediate = True
    runtime.settings.auto_approve_models = False
    tenant = tenant_with_owner(make_tenant(runtime, client, "Live Co"))  # any company
    drafter = make_drafter(runtime, client)
    with running_receiver() as receiver:
        register(tenant, [receiver.url], ALL_TRIGGERS)
        created = create_draft(tenant, street="1 cctest Lane")
        assert created["info"]["status"] == "Draft"
        order = order_of(tenant, created["id"])
        payloads = calls(receiver.received)
    assert order["info"]["status"] == "Ready"
    assert order["info"]["order_type"] == "Tier3-LiDAR"
    assert order["delivery_assets"]["listing_floorplans"]["png_urls"]
    assert [(p["current_status"], p["previous_status"]) for p in payloads] == [
        ("Draft", None),
        ("Pending", "Draft"),
        ("Ready", "Pending"),
    ]
    # it never reached a drafter
    assert (
        drafter.ok("get", "/queue", params=[("state", s) for s in ("done", "approval")])["items"]
        == []
    )
    plain = create_draft(tenant)
    assert order_of(tenant, plain["id"])["info"]["status"] == "Draft"


def test_cctest_orders_are_processed_by_the_workers(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    created = create_draft(tenant, street="77 Sunset Blvd", suite="CCTEST-4")
    assert order_of(tenant, created["id"])["info"]["status"] == "Draft"
    runtime.queue.drain()
    assert order_of(tenant, created["id"])["info"]["status"] == "Ready"


def test_one_companys_clock_moves_nobody_elses_time(runtime: Runtime, client: TestClient) -> None:
    sandbox = _sandbox(runtime, client)
    other = make_tenant(runtime, client, "Live Co")
    body = {
        "street": "5 Harbour Road",
        "city": "Helsinki",
        "country": "Finland",
        "recipient": {"email": "owner@home.example"},
        "link_validity_days": 1,
        "send_email": False,
    }
    mine = _ok(sandbox.post("/orders/go2scan", json=body))
    theirs = _ok(other.post("/orders/go2scan", json=body))
    with running_receiver() as receiver:
        register(other, [receiver.url], ["moved_to_draft"])
        receiver.answer(Answer(status=500))
        runtime.queue.immediate = True
        make_user(other, "live@example.com")
        create_draft(other, owner_email="live@example.com")
        assert len(receiver.received) == 1

        moved = _ok(sandbox.post("/sandbox/clock/advance", json={"seconds": 2 * 24 * 3600}))
        assert moved["offset_seconds"] == 2 * 24 * 3600
        assert _ok(sandbox.get("/sandbox/clock"))["offset_seconds"] == 2 * 24 * 3600

        assert len(receiver.received) == 1  # the other company's retry is not brought forward
    assert order_of(sandbox, mine["id"])["info"]["go2scan"]["status"] == "expired"
    assert order_of(other, theirs["id"])["info"]["go2scan"]["status"] == "sent"
