"""Drafters at work: redraw orders drawn and delivered, the quality gate, rejection and a new
scan. Webhooks go to a real HTTP receiver on 127.0.0.1."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from PIL import Image

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, tenant_with_owner, upload_scan
from tests.production.builders import two_room_model, with_wall
from tests.production.helpers import calls, make_drafter, order_of, scan_order
from tests.webhooks.helpers import register
from tests.webhooks.receiver import running_receiver

TRIGGERS = ["moved_to_pending", "moved_to_ready", "moved_to_failed", "moved_to_fixing"]


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _path(url: str) -> str:
    assert url.startswith("http://testserver/")
    return url.removeprefix("http://testserver")


def test_redraw_order_is_drafted_approved_and_delivered(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    plan = _png()
    with running_receiver() as receiver:
        register(tenant, [receiver.url], TRIGGERS)
        created = tenant.post(
            "/orders",
            files=[("files", ("ground-floor.png", plan, "image/png"))],
            data={
                "street": "12 Redraw Road",
                "city": "Oulu",
                "country": "Finland",
                "package_type": "base",
            },
        )
        assert created.status_code == 200, created.text
        order_id = created.json()["id"]

        work = drafter.ok("get", "/queue")["items"]
        assert [row["order_id"] for row in work] == [order_id]
        assert work[0]["state"] == "drafting"

        sources = drafter.ok("get", f"/orders/{order_id}/sources")
        assert sources["order_type"] == "redraw"
        (source,) = sources["items"]
        assert source["kind"] == "image"
        assert source["filename"] == "ground-floor.png"
        download = client.get(_path(source["url"]))
        assert download.status_code == 200
        assert download.content == plan

        missing = drafter.get(f"/orders/{order_id}/model")
        assert missing.status_code == 404

        model = two_room_model()
        unclaimed = drafter.put(f"/orders/{order_id}/model", json=model)
        assert unclaimed.status_code == 409
        assert "Claim the order first" in unclaimed.json()["message"]
        drafter.ok("post", f"/orders/{order_id}/claim")

        # the quality gate names the element at fault
        dangling = drafter.put(
            f"/orders/{order_id}/model", json=with_wall(model, "w5", end=[4000, 3000])
        )
        assert dangling.status_code == 422, dangling.text
        assert dangling.json()["code"] == "invalid_floor_model"
        assert "wall w5: ends 3 m away from any other wall" in dangling.json()["message"]
        schema_error = drafter.put(
            f"/orders/{order_id}/model", json=with_wall(model, "w2", thickness=0)
        )
        assert schema_error.status_code == 422
        assert "wall w2: thickness" in schema_error.json()["message"]
        not_json = drafter.put(
            f"/orders/{order_id}/model", content=b"{", headers={"content-type": "application/json"}
        )
        assert not_json.status_code == 400
        # nothing invalid was stored; an approval without a model is refused
        assert drafter.get(f"/orders/{order_id}/model").status_code == 404
        no_model = drafter.post(f"/orders/{order_id}/approve")
        assert no_model.status_code == 409
        assert "no floor model" in no_model.json()["message"]

        first = drafter.ok("put", f"/orders/{order_id}/model", json=model)
        assert first["version"] == 1
        assert first["author"] == drafter.name
        assert first["warnings"] == []
        second = drafter.ok(
            "put",
            f"/orders/{order_id}/model",
            json={"model": two_room_model(partition_x=4200), "note": "partition per the plan"},
        )
        assert second["version"] == 2
        assert second["note"] == "partition per the plan"
        assert drafter.ok("get", f"/orders/{order_id}/model")["model"]["walls"][4]["start"] == [
            4200,
            0,
        ]
        old = drafter.ok("get", f"/orders/{order_id}/model", params={"version": 1})
        assert old["version"] == 1 and old["latest_version"] == 2
        assert old["model"]["walls"][4]["start"] == [4000, 0]
        versions = drafter.ok("get", f"/orders/{order_id}/model/versions")["items"]
        assert [row["version"] for row in versions] == [2, 1]
        assert drafter.get(f"/orders/{order_id}/model", params={"version": 9}).status_code == 404

        approved = drafter.ok("post", f"/orders/{order_id}/approve")
        assert approved["claimed_by"] is None

        delivered = order_of(tenant, order_id)
        assert delivered["info"]["status"] == "Ready"
        assert delivered["info"]["order_type"] == "redraw"
        assert delivered["info"]["first_delivered_at"] is not None
        plans = delivered["delivery_assets"]["listing_floorplans"]
        assert plans["png_urls"] and plans["pdf_urls"]
        assert client.get(_path(plans["png_urls"][0])).status_code == 200
        assert drafter.ok("get", f"/orders/{order_id}")["state"] == "done"
        assert drafter.ok("get", "/queue")["items"] == []

        payloads = calls(receiver.received)
    assert [(p["current_status"], p["previous_status"]) for p in payloads] == [
        ("Pending", None),
        ("Ready", "Pending"),
    ]
    assert payloads[1]["product_type"] == "products_2d"
    assert payloads[1]["delivery_type"] == "new"


def test_gated_models_wait_for_a_drafter_approval(runtime: Runtime, client: TestClient) -> None:
    runtime.queue.immediate = True
    runtime.settings.auto_approve_models = False
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    order = scan_order(tenant)

    waiting = order_of(tenant, order["id"])
    assert waiting["info"]["status"] == "Pending"
    (row,) = drafter.ok("get", "/queue", params={"state": "approval"})["items"]
    assert row["order_id"] == order["id"]
    model = drafter.ok("get", f"/orders/{order['id']}/model")
    assert model["version"] == 1 and model["author"] == "automatic import"

    drafter.ok("post", f"/orders/{order['id']}/claim")
    drafter.ok("post", f"/orders/{order['id']}/approve")
    assert order_of(tenant, order["id"])["info"]["status"] == "Ready"


def test_rejected_order_fails_and_a_new_scan_delivers_it(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    runtime.settings.auto_approve_models = False
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    with running_receiver() as receiver:
        register(tenant, [receiver.url], TRIGGERS)
        order = scan_order(tenant)
        order_id = order["id"]
        drafter.ok("post", f"/orders/{order_id}/claim")
        blank = drafter.post(f"/orders/{order_id}/reject", json={"reason": ""})
        assert blank.status_code == 400
        rejected = drafter.ok(
            "post", f"/orders/{order_id}/reject", json={"reason": "The scan misses the upstairs."}
        )
        assert rejected["state"] == "failed"
        assert rejected["problems"] == ["The scan misses the upstairs."]
        assert order_of(tenant, order_id)["info"]["status"] == "Failed"
        # a failed order is nobody's work until a new scan comes
        assert drafter.post(f"/orders/{order_id}/claim").status_code == 409
        assert drafter.ok("get", "/queue")["items"] == []

        runtime.settings.auto_approve_models = True
        upload_scan(tenant, order_id, two_room_model())
        assert order_of(tenant, order_id)["info"]["status"] == "Ready"
        payloads = calls(receiver.received)
    assert [(p["current_status"], p["previous_status"]) for p in payloads] == [
        ("Pending", "Draft"),
        ("Failed", "Pending"),
        ("Pending", "Failed"),
        ("Ready", "Pending"),
    ]
    assert payloads[-1]["delivery_type"] == "new"


def test_a_pending_scan_order_cannot_be_rejected_without_the_claim(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    runtime.settings.auto_approve_models = False
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    order = scan_order(tenant)
    response = drafter.post(f"/orders/{order['id']}/reject", json={"reason": "no"})
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    draft = create_draft(tenant)
    assert upload_scan(tenant, draft["id"], "apartment")["info"]["status"] == "Pending"
