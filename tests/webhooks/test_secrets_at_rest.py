"""Webhook signing secrets and GoToScan tokens never sit in the database in the clear."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import text
from standardwebhooks import Webhook

from planroom.auth.encryption import SecretBox, SecretUnreadable, secret_box
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import draft_body, tenant_with_owner
from tests.webhooks.helpers import fire, register
from tests.webhooks.receiver import Receiver


def _dump(runtime: Runtime, table: str) -> str:
    with runtime.engine.connect() as connection:
        rows = connection.execute(text(f"SELECT * FROM {table}")).all()
    return " ".join(str(value) for row in rows for value in row)


def test_signing_secrets_are_sealed_and_still_sign(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    first = tenant.get("/companies/webhook").json()["signing_secret"]
    second = tenant.post("/companies/webhook/rotate-secret").json()["signing_secret"]
    assert first.startswith("whsec_") and second.startswith("whsec_") and first != second
    stored = _dump(immediate, "webhook_configs")
    assert first not in stored and second not in stored and "whsec_" not in stored

    fire(immediate, tenant.id)
    [call] = receiver.received
    for secret in (first, second):  # both sign during the rotation overlap
        Webhook(secret).verify(call.body, call.headers)


def test_gotoscan_tokens_are_stored_as_hashes_and_the_link_works(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    body = {**draft_body(), "recipient": {"email": "home@owner.example"}, "send_email": False}
    order = tenant.post("/orders/go2scan", json=body).json()
    link = order["info"]["go2scan"]["link"]
    token = link.rsplit("/", 1)[1]
    assert token not in _dump(runtime, "go2scan_links")
    assert tenant.get(f"/orders/{order['id']}").json()["info"]["go2scan"]["link"] == link
    assert client.get(f"/scan/{token}").status_code == 200
    other = token[:-1] + ("y" if token.endswith("x") else "x")  # one character off
    assert client.get(f"/scan/{other}").status_code == 404


def test_the_key_comes_from_the_settings_and_a_wrong_key_says_so(runtime: Runtime) -> None:
    key = Fernet.generate_key().decode()
    runtime.settings.secret_encryption_key = f"{key}, {Fernet.generate_key().decode()}"
    sealed = secret_box(runtime.settings).seal("whsec_x")
    assert SecretBox([key]).open(sealed) == "whsec_x"  # the first key encrypts
    with pytest.raises(SecretUnreadable, match="PLANROOM_SECRET_ENCRYPTION_KEY"):
        SecretBox([Fernet.generate_key().decode()]).open(sealed)
    with pytest.raises(ValueError, match="Fernet keys"):
        SecretBox(["not-a-key"])


def test_the_generated_key_is_kept_in_the_data_dir(runtime: Runtime) -> None:
    keys = runtime.settings.resolved_secret_encryption_keys()
    path = runtime.settings.data_dir / "secret-encryption.key"
    assert path.read_text().strip() == keys[0]
    assert path.stat().st_mode & 0o777 == 0o600
    assert runtime.settings.resolved_secret_encryption_keys() == keys
