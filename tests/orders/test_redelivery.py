"""After the first delivery: re-delivery with another style, upgrades, the combined PDF."""

from __future__ import annotations

import io
import json
from typing import Any

from fastapi.testclient import TestClient
from pypdf import PdfReader

from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant
from tests.orders.builders import create_draft, download, tenant_with_owner, upload_scan
from tests.webhooks.receiver import Receiver, running_receiver


def _run_queue(runtime: Runtime) -> None:
    while runtime.queue.drain():
        pass


def _ready_order(
    runtime: Runtime, tenant: Tenant, receiver: Receiver, **draft: Any
) -> dict[str, Any]:
    tenant.patch(
        "/companies/webhook",
        json={"webhook_urls": [receiver.url], "webhook_triggers": ["moved_to_ready"]},
    )
    order = create_draft(tenant, **draft)
    upload_scan(tenant, order["id"], "apartment")
    _run_queue(runtime)
    ready: dict[str, Any] = tenant.get(f"/orders/{order['id']}").json()
    assert ready["info"]["status"] == "Ready", ready["info"]
    return ready


def _calls(receiver: Receiver) -> list[dict[str, Any]]:
    return [json.loads(call.body) for call in receiver.received]


def test_re_deliver_with_another_template(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    with running_receiver() as receiver:
        order = _ready_order(runtime, tenant, receiver, package_type="base")
        png_url = order["delivery_assets"]["listing_floorplans"]["png_urls"][0]
        before = download(client, png_url)[0]
        receiver.received.clear()

        response = tenant.post(
            f"/orders/{order['id']}/re-deliver", json={"style_template_id": "blueprint"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["info"]["style_template"] == {"id": "blueprint", "name": "Blueprint"}
        _run_queue(runtime)

        after_order = tenant.get(f"/orders/{order['id']}").json()
        assert after_order["info"]["status"] == "Ready"
        after_url = after_order["delivery_assets"]["listing_floorplans"]["png_urls"][0]
        assert download(client, after_url)[0] != before
        (call,) = _calls(receiver)
        assert (call["previous_status"], call["current_status"]) == ("Ready", "Ready")
        assert (call["product_type"], call["delivery_type"]) == ("products_2d", "update")


def test_re_deliver_needs_ready_and_a_known_template(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    draft = create_draft(tenant)
    refused = tenant.post(f"/orders/{draft['id']}/re-deliver", json={"style_template_id": "color"})
    assert refused.status_code == 409
    assert "Draft" in refused.json()["message"]
    assert tenant.get(f"/orders/{draft['id']}/combined-pdf").status_code == 409
    with running_receiver() as receiver:
        order = _ready_order(runtime, tenant, receiver)
    unknown = tenant.post(f"/orders/{order['id']}/re-deliver", json={"style_template_id": "nope"})
    assert unknown.status_code == 400


def test_upgrade_delivers_each_new_group_once(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    with running_receiver() as receiver:
        order = _ready_order(runtime, tenant, receiver, package_type="base")
        receiver.received.clear()
        response = tenant.post(
            f"/orders/{order['id']}/post-purchase",
            json={"package_type": "plus_3d", "add_ons": ["gla", "3d_video", "3d_cad_files"]},
        )
        assert response.status_code == 200, response.text
        _run_queue(runtime)
        calls = _calls(receiver)
    upgraded = tenant.get(f"/orders/{order['id']}").json()
    assets = upgraded["delivery_assets"]
    for key, slot in (
        ("listing_floorplans", "png_urls"),
        ("gla_package", "report_urls"),
        ("home_report", "pdf_urls"),
        ("snapshot", "image_urls"),
        ("floorplans_3d", "glb_urls"),
        ("video_3d", "video_urls"),
        ("cad_files", "zip_urls"),
        ("property_data", "json_urls"),
    ):
        assert assets[key][slot], key
    assert assets["tour"]["link"] == f"http://testserver/tours/{order['id']}"
    assert assets["tour"]["mls_compliance_link"].endswith("/mls")
    groups = sorted(call["product_type"] for call in calls)
    assert groups == ["products_2d", "products_3d", "tour"]
    assert {call["delivery_type"] for call in calls} == {"upgrade"}
    assert {call["previous_status"] for call in calls} == {"Ready"}


def test_combined_pdf_has_every_pdf_page(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    with running_receiver() as receiver:
        order = _ready_order(runtime, tenant, receiver, package_type="plus", add_ons=["gla"])
    assets = order["delivery_assets"]
    expected = 0
    for url in (
        assets["listing_floorplans"]["pdf_urls_dim"]
        + assets["gla_package"]["report_urls"]
        + assets["home_report"]["pdf_urls"]
        + assets["snapshot"]["pdf_urls"]
    ):
        expected += len(PdfReader(io.BytesIO(download(client, url)[0])).pages)
    described = tenant.get(f"/orders/{order['id']}/combined-pdf").json()
    assert described["pages"] == expected
    merged = download(client, described["url"])[0]
    assert len(PdfReader(io.BytesIO(merged)).pages) == expected
    raw = tenant.get(f"/orders/{order['id']}/combined-pdf", headers={"accept": "application/pdf"})
    assert raw.headers["content-type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(raw.content)).pages) == expected
