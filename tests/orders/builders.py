"""Order builders: bodies as a real integration sends them."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from planroom.floormodel.samples import sample_scan_bytes
from tests.builders import Tenant, make_user

OWNER = "orders@example.com"


def draft_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "street": "121 North Washington Avenue",
        "suite": "Cubi suite",
        "city": "Minneapolis",
        "state": "Minnesota",
        "postalCode": "55411",
        "country": "United States",
        "external_id": "EXT10005",
        "info": "Gate code 1234",
        "owner_email": OWNER,
        "package_type": "base",
    }
    body.update(overrides)
    return body


def tenant_with_owner(tenant: Tenant) -> Tenant:
    make_user(tenant, OWNER, role="Manager")
    return tenant


def create_draft(tenant: Tenant, **overrides: Any) -> dict[str, Any]:
    response = tenant.post("/orders/draft", json=draft_body(**overrides))
    assert response.status_code == 200, response.text
    order: dict[str, Any] = response.json()
    return order


ScanContent = str | bytes | dict[str, Any]


def post_scan(tenant: Tenant, order_id: str, scan: ScanContent = "apartment") -> Response:
    """POST a scan as a client sends it: a shipped sample by name, raw bytes, or a JSON object
    (a Planroom floor model or a RoomPlan export)."""
    if isinstance(scan, str):
        content = sample_scan_bytes(scan)
    elif isinstance(scan, bytes):
        content = scan
    else:
        content = json.dumps(scan).encode()
    return tenant.post(
        f"/orders/{order_id}/scan", content=content, headers={"content-type": "application/json"}
    )


def upload_scan(tenant: Tenant, order_id: str, scan: ScanContent = "apartment") -> dict[str, Any]:
    """Upload a scan that must be taken; the order as the answer shows it."""
    response = post_scan(tenant, order_id, scan)
    assert response.status_code == 200, response.text
    order: dict[str, Any] = response.json()
    return order


def download(client: TestClient, url: str) -> tuple[bytes, str]:
    """A delivered file's bytes and content type, fetched through the app as a client would."""
    path = url.removeprefix("http://testserver")
    response = client.get(path)
    assert response.status_code == 200, url
    return response.content, response.headers["content-type"]
