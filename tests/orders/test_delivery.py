"""From a draft to Ready: upload a sample scan, the production line renders and delivers."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant
from tests.orders.builders import create_draft, download, post_scan, tenant_with_owner, upload_scan
from tests.webhooks.receiver import Receiver, running_receiver

SVG = "{http://www.w3.org/2000/svg}"
TWO_STOREY_LEVELS = 3  # basement, ground floor, upper floor


def ready_calls(receiver: Receiver) -> list[dict[str, Any]]:
    calls = [json.loads(call.body) for call in receiver.received]
    return [call for call in calls if call["current_status"] == "Ready"]


@pytest.fixture
def tenant(runtime: Runtime, client: TestClient) -> Tenant:
    return tenant_with_owner(make_tenant(runtime, client))


def test_two_storey_sample_goes_to_ready_with_every_file(
    runtime: Runtime, client: TestClient, tenant: Tenant
) -> None:
    with running_receiver() as receiver:
        tenant.patch(
            "/companies/webhook",
            json={
                "webhook_urls": [receiver.url],
                "webhook_triggers": ["moved_to_pending", "moved_to_ready"],
            },
        )
        order = create_draft(tenant, package_type="base", add_ons=["gla"])
        pending = upload_scan(tenant, order["id"], "two_storey_basement")
        assert pending["info"]["status"] == "Pending"
        assert pending["info"]["order_type"] == "Tier3-LiDAR"
        runtime.queue.drain()
        runtime.queue.drain()  # webhook deliveries enqueued by the last render

        done = tenant.get(f"/orders/{order['id']}").json()
        assert done["info"]["status"] == "Ready", done
        assert done["info"]["first_delivered_at"] is not None
        assert done["info"]["total_scanned_area"] > 0

        statuses = [json.loads(call.body)["current_status"] for call in receiver.received]
        assert statuses == ["Pending", "Ready"]
        (ready,) = ready_calls(receiver)
        assert ready["previous_status"] == "Pending"
        assert ready["product_type"] == "products_2d"
        assert ready["delivery_type"] == "new"

    plans = done["delivery_assets"]["listing_floorplans"]
    for kind, content_type in (
        ("png", "image/png"),
        ("jpg", "image/jpeg"),
        ("svg", "image/svg+xml"),
    ):
        for suffix in ("", "_dim"):
            urls = plans[f"{kind}_urls{suffix}"]
            assert len(urls) == TWO_STOREY_LEVELS, (kind, suffix)
            for url in urls:
                _data, served_type = download(client, url)
                assert served_type.startswith(content_type)
    (pdf_url,) = plans["pdf_urls"]
    pdf, pdf_type = download(client, pdf_url)
    assert pdf_type == "application/pdf"
    # the all-floors sheet, then a page per level
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1 + TWO_STOREY_LEVELS
    (zip_url,) = plans["zip_urls_dim"]
    assert download(client, zip_url)[1] == "application/zip"

    plain_svg = ET.fromstring(download(client, plans["svg_urls"][1])[0])
    dim_svg = ET.fromstring(download(client, plans["svg_urls_dim"][1])[0])
    for svg in (plain_svg, dim_svg):
        ids = {group.get("id") for group in svg.iter(f"{SVG}g")}
        assert {"rooms", "walls", "openings", "labels", "dimensions", "annotations"} <= ids
    assert _dimension_elements(plain_svg) == 0
    assert _dimension_elements(dim_svg) > 0

    gla = done["delivery_assets"]["gla_package"]
    assert len(gla["image_urls"]) == TWO_STOREY_LEVELS
    assert gla["gla_formula_text"].startswith("GLA total:")
    assert len(gla["report_urls"]) == len(gla["json_urls"]) == 1
    (data_url,) = done["delivery_assets"]["property_data"]["json_urls"]
    property_data = json.loads(download(client, data_url)[0])
    assert len(property_data["levels"]) == TWO_STOREY_LEVELS


def _dimension_elements(svg: ET.Element) -> int:
    for group in svg.iter(f"{SVG}g"):
        if group.get("id") == "dimensions":
            return sum(1 for _ in group.iter()) - 1
    raise AssertionError("no dimensions group")


def test_a_bad_scan_is_a_4xx_and_changes_nothing(
    runtime: Runtime, client: TestClient, tenant: Tenant
) -> None:
    order = create_draft(tenant)
    cases = [
        (b"", "application/json"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"),
        (b'"just a string"', "application/json"),
        (b'{"walls": [{"dimensions": [1, 2, 3]}]}', "application/json"),
    ]
    for data, content_type in cases:
        response = tenant.post(
            f"/orders/{order['id']}/scan", content=data, headers={"content-type": content_type}
        )
        assert 400 <= response.status_code < 500, response.text
        assert response.json()["message"]
    after = tenant.get(f"/orders/{order['id']}").json()
    assert after["info"]["status"] == "Draft"
    assert runtime.queue.pending_count() == 0


def test_a_scan_over_the_limit_is_413(runtime: Runtime, client: TestClient, tenant: Tenant) -> None:
    order = create_draft(tenant)
    runtime.settings.max_upload_bytes = limit = 200_000
    response = post_scan(tenant, order["id"], b"[" + b" " * limit + b"]")
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_scan_upload_needs_a_scannable_status(
    runtime: Runtime, client: TestClient, tenant: Tenant
) -> None:
    order = create_draft(tenant)
    upload_scan(tenant, order["id"], "apartment")
    again = post_scan(tenant, order["id"], "apartment")
    assert again.status_code == 409
    assert "Pending" in again.json()["message"]
