"""Order builders: bodies as a real integration sends them."""

from __future__ import annotations

from typing import Any

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
