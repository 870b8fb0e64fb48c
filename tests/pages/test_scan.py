"""The GoToScan page, driven over real HTTP: open the link, post the form, the order moves."""

from __future__ import annotations

import json
from typing import Any

import httpx
from fastapi.testclient import TestClient

from planroom.core.clock import clock
from planroom.floormodel.samples import sample_scan_bytes
from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant
from tests.webhooks.receiver import running_receiver


def _go2scan(tenant: Tenant, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "street": "7 Lake Road",
        "city": "Tampere",
        "country": "Finland",
        "recipient": {"email": "home@example.com"},
        "send_email": False,
    }
    body.update(overrides)
    response = tenant.post("/orders/go2scan", json=body)
    assert response.status_code == 200, response.text
    order: dict[str, Any] = response.json()
    return order


def test_homeowner_uploads_through_the_page(
    runtime: Runtime, client: TestClient, live_server: str
) -> None:
    tenant = make_tenant(runtime, client)
    with running_receiver() as receiver, httpx.Client(base_url=live_server, timeout=60) as browser:
        tenant.patch(
            "/companies/webhook",
            json={"webhook_urls": [receiver.url], "webhook_triggers": ["moved_to_pending"]},
        )
        order = _go2scan(tenant)
        link = order["info"]["go2scan"]["link"]
        assert link.startswith(live_server)

        page = browser.get(link)
        assert page.status_code == 200
        assert "7 Lake Road" in page.text
        assert 'enctype="multipart/form-data"' in page.text
        assert "<script" not in page.text  # works without JavaScript
        assert tenant.get(f"/orders/{order['id']}").json()["info"]["go2scan"]["status"] == "opened"

        posted = browser.post(
            link,
            files={"scan": ("room.json", sample_scan_bytes("apartment"), "application/json")},
        )
        assert posted.status_code == 200, posted.text
        assert "uploaded" in posted.text

        updated = tenant.get(f"/orders/{order['id']}").json()
        assert updated["info"]["status"] == "Pending"
        assert updated["info"]["go2scan"]["status"] == "uploaded"
        runtime.queue.drain()
        pending = [json.loads(call.body) for call in receiver.received]
        assert [(call["id"], call["current_status"]) for call in pending][:1] == [
            (order["id"], "Pending")
        ]

        used = browser.get(link)
        assert used.status_code == 410
        assert "already used" in used.text
        again = browser.post(
            link, files={"scan": ("room.json", sample_scan_bytes("apartment"), "application/json")}
        )
        assert again.status_code == 410


def test_a_bad_file_says_what_is_wrong_and_keeps_the_link(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    order = _go2scan(tenant)
    path = order["info"]["go2scan"]["link"].removeprefix("http://testserver")
    response = client.post(path, files={"scan": ("photo.png", b"\x89PNG\r\n\x1a\n", "image/png")})
    assert response.status_code == 400
    assert "could not be used" in response.text
    assert tenant.get(f"/orders/{order['id']}").json()["info"]["status"] == "New"
    assert client.get(path).status_code == 200


def test_expired_and_unknown_links_say_so(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    order = _go2scan(tenant, link_validity_days=1)
    path = order["info"]["go2scan"]["link"].removeprefix("http://testserver")
    clock.advance(24 * 3600 + 60)
    expired = client.get(path)
    assert expired.status_code == 410
    assert "expired" in expired.text
    unknown = client.get("/scan/not-a-token")
    assert unknown.status_code == 404
    assert "not valid" in unknown.text
