"""Invitation and reset links, end to end through the outbox and through a real SMTP server."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.app import create_app
from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.mail.models import OutboxMessage
from planroom.runtime import Runtime
from tests.builders import make_tenant, make_user
from tests.conftest import make_settings
from tests.mail.smtp_server import smtp_server

LINK = re.compile(r"http://testserver(/(?:invite|reset-password)/[\w-]+)")


def _outbox(runtime: Runtime) -> list[OutboxMessage]:
    with unit_of_work(runtime.session_factory) as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.created_at)))


def _link(body: str) -> str:
    match = LINK.search(body)
    assert match, body
    return match.group(1)


def _set_password(client: TestClient, path: str, password: str) -> int:
    response = client.post(path, data={"password": password, "confirm": password})
    return response.status_code


def _can_log_in(tenant_client: TestClient, api_key: str, email: str, password: str) -> bool:
    response = tenant_client.post(
        "/api/integrate/v3/users/change-password",
        headers={"api-key": api_key},
        json={"email": email, "old_password": password, "new_password": password},
    )
    return response.status_code == 200


def test_invitation_through_the_outbox(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    make_user(tenant, "new@example.com", role="User", password=None)
    assert tenant.get("/users/new@example.com").json()["email_confirmed"] is False

    (message,) = _outbox(runtime)
    assert message.recipient == "new@example.com"
    assert message.sent_at is None
    path = _link(message.body)
    page = client.get(path)
    assert page.status_code == 200
    assert "new@example.com" in page.text
    assert '<form method="post">' in page.text

    mismatch = client.post(path, data={"password": "longenough1", "confirm": "different12"})
    assert mismatch.status_code == 400
    assert "differ" in mismatch.text

    assert _set_password(client, path, "a-good-password") == 200
    assert tenant.get("/users/new@example.com").json()["email_confirmed"] is True
    assert _can_log_in(client, tenant.api_key, "new@example.com", "a-good-password")

    used = client.get(path)
    assert used.status_code == 410
    assert "already been used" in used.text


def test_invitation_through_a_real_smtp_server(tmp_path: Path, database_url: str) -> None:
    with smtp_server() as (inbox, port):
        settings = make_settings(tmp_path, database_url, smtp_host="127.0.0.1", smtp_port=port)
        runtime = Runtime.from_settings(settings)
        with TestClient(create_app(runtime)) as client:
            tenant = make_tenant(runtime, client)
            make_user(tenant, "mailed@example.com", role="User", password=None)
            (received,) = inbox.messages
            assert received["To"] == "mailed@example.com"
            body = received.get_payload(decode=True)
            assert isinstance(body, bytes)
            path = _link(body.decode())
            assert _set_password(client, path, "smtp-password-1") == 200
            assert _can_log_in(client, tenant.api_key, "mailed@example.com", "smtp-password-1")
        (stored,) = _outbox(runtime)
        assert stored.sent_at is not None
        runtime.close()


def test_reset_link_is_single_use(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    make_user(tenant, "reset@example.com", password="old-password-1")
    response = tenant.post("/users/reset-password", json={"email": "reset@example.com"})
    assert response.json() == {"message": "Send reset password email successfully."}
    path = _link(_outbox(runtime)[-1].body)
    assert path.startswith("/reset-password/")
    assert _set_password(client, path, "new-password-1") == 200
    assert _set_password(client, path, "newer-password-2") == 410
    assert _can_log_in(client, tenant.api_key, "reset@example.com", "new-password-1")
    assert not _can_log_in(client, tenant.api_key, "reset@example.com", "newer-password-2")


def test_reset_link_expires_after_24_hours(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    make_user(tenant, "late@example.com", password="old-password-1")
    tenant.post("/users/reset-password", json={"email": "late@example.com"})
    path = _link(_outbox(runtime)[-1].body)
    clock.advance(24 * 3600 + 1)
    page = client.get(path)
    assert page.status_code == 410
    assert "expired" in page.text
    assert _set_password(client, path, "new-password-1") == 410
    assert _can_log_in(client, tenant.api_key, "late@example.com", "old-password-1")


def test_unknown_token_says_so(client: TestClient) -> None:
    page = client.get("/invite/not-a-token")
    assert page.status_code == 410
    assert "not valid" in page.text
