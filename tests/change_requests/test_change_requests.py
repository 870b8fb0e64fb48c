"""Change requests: Ready → Fixing → a drafter moves a wall → resolved → Ready as a fix; or
rejected → Ready unchanged. Webhooks go to a real HTTP receiver on 127.0.0.1."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient

from planroom.db.engine import unit_of_work
from planroom.orders.service import order_products
from planroom.production.line import item_of
from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant
from tests.orders.builders import create_draft, tenant_with_owner, upload_scan
from tests.production.builders import two_room_model
from tests.production.helpers import Drafter, calls, make_drafter, order_of
from tests.webhooks.helpers import register
from tests.webhooks.receiver import running_receiver

TRIGGERS = ["moved_to_ready", "moved_to_fixing", "moved_to_failed"]


def _delivered_order(tenant: Tenant, **overrides: Any) -> dict[str, Any]:
    """An order delivered from a Planroom floor model upload (jobs run at commit)."""
    order = create_draft(tenant, **overrides)
    upload_scan(tenant, order["id"], two_room_model())
    delivered = order_of(tenant, order["id"])
    assert delivered["info"]["status"] == "Ready"
    return delivered


def _svg(client: TestClient, order: dict[str, Any]) -> bytes:
    url = order["delivery_assets"]["listing_floorplans"]["svg_urls"][0]
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    return response.content


def _request_change(tenant: Tenant, order_id: str, **body: Any) -> dict[str, Any]:
    response = tenant.post(f"/orders/{order_id}/change-requests", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_a_change_request_is_fixed_and_delivered(runtime: Runtime, client: TestClient) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    with running_receiver() as receiver:
        register(tenant, [receiver.url], TRIGGERS)
        order = _delivered_order(tenant, package_type="plus")
        order_id = order["id"]
        before = _svg(client, order)
        receiver.received.clear()

        request = _request_change(
            tenant,
            order_id,
            message="The bedroom is 60 cm wider: the partition stands at 3.4 m.",
            attachments=["https://photos.example/markup.jpg"],
            unknown_field="ignored",
        )
        assert request["status"] == "Open"
        assert request["order_id"] == order_id
        assert request["attachments"] == ["https://photos.example/markup.jpg"]
        assert request["created_by"] == "orders@example.com"
        assert request["resolved_at"] is None and request["resolution_note"] is None
        assert isinstance(request["created_at"], float)
        assert order_of(tenant, order_id)["info"]["status"] == "Fixing"
        fixing = calls(receiver.received)
        assert fixing == [
            {
                "id": order_id,
                "current_status": "Fixing",
                "previous_status": "Ready",
                "model_id": order["info"]["model_id"],
                "product_type": None,
                "delivery_type": None,
            }
        ]
        receiver.received.clear()

        (work,) = drafter.ok("get", "/queue")["items"]
        assert work["state"] == "fixing"
        assert work["round_kind"] == "fix"
        assert work["change_request"]["id"] == request["id"]
        assert work["change_request"]["message"].startswith("The bedroom is 60 cm wider")

        drafter.ok("post", f"/orders/{order_id}/claim")
        in_progress = tenant.get(f"/orders/{order_id}/change-requests/{request['id']}").json()
        assert in_progress["status"] == "InProgress"

        unchanged = drafter.post(f"/change-requests/{request['id']}/resolve", json={"note": "done"})
        assert unchanged.status_code == 409
        assert "save the corrected model" in unchanged.json()["message"]
        # approving is for new orders; a fix is delivered by resolving the request
        assert drafter.post(f"/orders/{order_id}/approve").status_code == 409

        moved = two_room_model(partition_x=3400)
        saved = drafter.ok("put", f"/orders/{order_id}/model", json=moved)
        assert saved["version"] == 2
        resolved = drafter.ok(
            "post",
            f"/change-requests/{request['id']}/resolve",
            json={"note": "Moved the partition to 3.4 m."},
        )
        assert resolved["status"] == "Done"
        assert resolved["resolution_note"] == "Moved the partition to 3.4 m."
        assert resolved["resolved_at"] is not None

        fixed = order_of(tenant, order_id)
        assert fixed["info"]["status"] == "Ready"
        assert fixed["info"]["model_id"] == order["info"]["model_id"]
        assert _svg(client, fixed) != before
        payloads = calls(receiver.received)
    assert {p["product_type"] for p in payloads} == {"products_2d", "tour"}
    for payload in payloads:
        assert payload["current_status"] == "Ready"
        assert payload["previous_status"] == "Fixing"
        assert payload["delivery_type"] == "fix"

    done = tenant.get(f"/orders/{order_id}/change-requests/{request['id']}").json()
    assert done["status"] == "Done"
    assert done == resolved
    assert drafter.ok("get", f"/orders/{order_id}")["state"] == "done"
    # a second round is possible once the fix is delivered
    again = _request_change(tenant, order_id, message="Label the bedroom Master Bedroom.")
    listed = tenant.get(f"/orders/{order_id}/change-requests").json()
    assert [row["id"] for row in listed["items"]] == [again["id"], request["id"]]
    assert listed["pagination"]["has_more"] is False
    page = tenant.get(f"/orders/{order_id}/change-requests", params={"limit": 1}).json()
    assert [row["id"] for row in page["items"]] == [again["id"]]
    assert page["pagination"]["next_offset"] == 1


def test_a_rejected_change_request_returns_the_order_unchanged(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    with running_receiver() as receiver:
        register(tenant, [receiver.url], TRIGGERS)
        order = _delivered_order(tenant)
        order_id = order["id"]
        before = _svg(client, order)
        request = _request_change(tenant, order_id, message="Add a sauna.")
        receiver.received.clear()

        _claim_and_edit(drafter, order_id)
        assert (
            drafter.post(f"/change-requests/{request['id']}/reject", json={"note": ""}).status_code
            == 400
        )
        # rejecting the order itself would throw away a delivery: refused
        assert drafter.post(f"/orders/{order_id}/reject", json={"reason": "x"}).status_code == 409
        rejected = drafter.ok(
            "post",
            f"/change-requests/{request['id']}/reject",
            json={"note": "The scan shows no sauna; send a new scan if one was built."},
        )
        assert rejected["status"] == "Rejected"
        assert rejected["resolution_note"].startswith("The scan shows no sauna")

        after = order_of(tenant, order_id)
        assert after["info"]["status"] == "Ready"
        assert _svg(client, after) == before
        payloads = calls(receiver.received)
        assert [
            (p["current_status"], p["previous_status"], p["delivery_type"]) for p in payloads
        ] == [("Ready", "Fixing", "fix")]
        assert payloads[0]["product_type"] == "products_2d"

    # the model edited during the fix was set back to the delivered one
    current = drafter.ok("get", f"/orders/{order_id}/model")
    assert current["version"] == 3
    assert (
        current["model"]
        == drafter.ok("get", f"/orders/{order_id}/model", params={"version": 1})["model"]
    )
    again = drafter.post(f"/change-requests/{request['id']}/resolve", json={"note": "late"})
    assert again.status_code == 409
    assert "Rejected" in again.json()["message"]


def _claim_and_edit(drafter: Drafter, order_id: str) -> None:
    drafter.ok("post", f"/orders/{order_id}/claim")
    drafter.ok("put", f"/orders/{order_id}/model", json=two_room_model(partition_x=4500))


def test_change_requests_only_on_ready_orders(runtime: Runtime, client: TestClient) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    draft = create_draft(tenant)
    refused = tenant.post(f"/orders/{draft['id']}/change-requests", json={"message": "fix it"})
    assert refused.status_code == 409
    assert refused.json()["code"] == "invalid_state"
    assert "Draft" in refused.json()["message"]

    order = _delivered_order(tenant)
    _request_change(tenant, order["id"], message="first")
    twice = tenant.post(f"/orders/{order['id']}/change-requests", json={"message": "second"})
    assert twice.status_code == 409
    assert "Fixing" in twice.json()["message"]


def test_change_request_bodies_are_validated(runtime: Runtime, client: TestClient) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = _delivered_order(tenant)
    path = f"/orders/{order['id']}/change-requests"
    missing = tenant.post(path, json={})
    assert missing.status_code == 400
    assert missing.json() == {
        "validation_error": {"body_params": [{"loc": ["message"], "msg": "field required"}]}
    }
    blank = tenant.post(path, json={"message": "   "})
    assert blank.status_code == 400
    bad_url = tenant.post(path, json={"message": "x", "attachments": ["ftp://files/a.png"]})
    assert bad_url.status_code == 400
    assert bad_url.json()["validation_error"]["body_params"][0]["loc"] == ["attachments", 0]
    one = tenant.post(path, json={"message": "x", "attachments": "https://a.example/one.png"})
    assert one.status_code == 200
    assert one.json()["attachments"] == ["https://a.example/one.png"]


def test_another_company_sees_nothing(runtime: Runtime, client: TestClient) -> None:
    runtime.queue.immediate = True
    owner = tenant_with_owner(make_tenant(runtime, client, "Owner Co"))
    stranger = make_tenant(runtime, client, "Stranger Co")
    order = _delivered_order(owner)
    request = _request_change(owner, order["id"], message="Move the door.")
    order_id, request_id = order["id"], request["id"]

    for response in (
        stranger.post(f"/orders/{order_id}/change-requests", json={"message": "mine now"}),
        stranger.get(f"/orders/{order_id}/change-requests"),
        stranger.get(f"/orders/{order_id}/change-requests/{request_id}"),
    ):
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "not_found"
    # the owner's request id under another order of the owner is not found either
    other = create_draft(owner)
    wrong = owner.get(f"/orders/{other['id']}/change-requests/{request_id}")
    assert wrong.status_code == 404
    assert owner.get(f"/orders/{order_id}/change-requests/{uuid.uuid4()}").status_code == 404
    assert owner.get(f"/orders/{uuid.uuid4()}/change-requests").status_code == 404
    assert order_of(owner, order_id)["info"]["status"] == "Fixing"


def test_a_fix_that_failed_to_render_is_approved_again_as_a_fix(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    order = _delivered_order(tenant)
    order_id = order["id"]
    _request_change(tenant, order_id, message="Move the partition.")
    # where the line leaves a fix whose rendering failed three times: back with a drafter
    with unit_of_work(runtime.session_factory) as session:
        item = item_of(session, uuid.UUID(order_id))
        assert item is not None
        item.state = "drafting"
        item.problems = ["listing_floorplans failed to render 3 times: RuntimeError: boom"]
        for row in order_products(session, uuid.UUID(order_id)):
            if row.product == "listing_floorplans":
                row.state = "owed"
    with running_receiver() as receiver:
        register(tenant, [receiver.url], TRIGGERS)
        (work,) = drafter.ok("get", "/queue")["items"]
        assert work["state"] == "drafting" and work["order_status"] == "Fixing"
        drafter.ok("post", f"/orders/{order_id}/claim")
        drafter.ok("put", f"/orders/{order_id}/model", json=two_room_model(partition_x=3600))
        drafter.ok("post", f"/orders/{order_id}/approve")
        payloads = calls(receiver.received)
    assert order_of(tenant, order_id)["info"]["status"] == "Ready"
    assert [(p["previous_status"], p["delivery_type"], p["product_type"]) for p in payloads] == [
        ("Fixing", "fix", "products_2d")
    ]
