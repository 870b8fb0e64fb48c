from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.mail.models import OutboxMessage
from planroom.runtime import Runtime
from tests.builders import make_tenant


def _go2scan_body(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "street": "5 Harbour Road",
        "city": "Helsinki",
        "country": "Finland",
        "recipient": {"email": "owner@home.example", "name": "Olli"},
        "priority": "fast",
    }
    body.update(overrides)
    return body


def test_go2scan_order_sends_a_link(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post("/orders/go2scan", json=_go2scan_body())
    assert response.status_code == 200, response.text
    order = response.json()
    assert order["info"]["status"] == "New"
    go2scan = order["info"]["go2scan"]
    assert go2scan["link"].startswith("http://testserver/scan/")
    assert go2scan["status"] == "sent"
    assert go2scan["priority"] == "fast"
    assert go2scan["recipient"] == {"email": "owner@home.example", "phone": None, "name": "Olli"}
    week = 7 * 24 * 3600
    assert abs(go2scan["expires_at"] - order["info"]["created_at"] - week) < 5
    with unit_of_work(runtime.session_factory) as session:
        mails = list(session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "go2scan")))
    assert [mail.recipient for mail in mails] == ["owner@home.example"]
    assert go2scan["link"] in mails[0].body


def test_recipient_needs_email_or_phone(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post("/orders/go2scan", json=_go2scan_body(recipient={"name": "Nobody"}))
    assert response.status_code == 400
    assert response.json()["validation_error"]["body_params"][0]["loc"] == ["recipient"]


def test_validity_is_1_to_28_days(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post("/orders/go2scan", json=_go2scan_body(link_validity_days=29))
    assert response.json()["validation_error"]["body_params"] == [
        {"loc": ["link_validity_days"], "msg": "ensure this value is less than or equal to 28"}
    ]


def test_extend_link_and_expiry(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    order = tenant.post("/orders/go2scan", json=_go2scan_body(link_validity_days=1)).json()
    clock.advance(2 * 24 * 3600)
    expired = tenant.get(f"/orders/{order['id']}").json()["info"]["go2scan"]
    assert expired["status"] == "expired"
    extended = tenant.patch(f"/orders/go2scan/{order['id']}", json={"link_validity_days": 10})
    assert extended.status_code == 200
    assert extended.json()["info"]["go2scan"]["status"] == "sent"
    too_far = tenant.patch(f"/orders/go2scan/{order['id']}", json={"link_validity_days": 27})
    assert too_far.status_code == 400  # 2 + 27 days is past 28 days after creation


def test_extend_a_draft_is_409(runtime: Runtime, client: TestClient) -> None:
    from tests.orders.builders import create_draft, tenant_with_owner

    tenant = tenant_with_owner(make_tenant(runtime, client))
    draft = create_draft(tenant)
    response = tenant.patch(f"/orders/go2scan/{draft['id']}", json={"link_validity_days": 3})
    assert response.status_code == 409
