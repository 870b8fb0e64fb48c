"""Standard Webhooks signatures, and a rotated secret that signs beside the new one for 24 h."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from standardwebhooks import Webhook, WebhookVerificationError

from planroom.core.clock import clock
from planroom.runtime import Runtime
from planroom.webhooks.signing import new_secret, signature
from tests.builders import make_tenant
from tests.webhooks.helpers import fire, register
from tests.webhooks.receiver import Receiver


def test_signature_is_hmac_sha256_of_id_timestamp_and_body() -> None:
    secret = "whsec_" + base64.b64encode(b"k" * 32).decode()
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    body = '{"id":"1"}'
    digest = hmac.new(b"k" * 32, f"msg_1.{int(moment.timestamp())}.{body}".encode(), hashlib.sha256)
    assert signature([secret], "msg_1", moment, body) == (
        "v1," + base64.b64encode(digest.digest()).decode()
    )


def test_new_secrets_are_32_random_bytes_in_standard_form() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    assert new_secret() != secret


def test_both_secrets_verify_for_24_hours_after_rotation_then_only_the_new(
    immediate: Runtime, client: TestClient, receiver: Receiver
) -> None:
    tenant = make_tenant(immediate, client)
    register(tenant, [receiver.url])
    old = tenant.get("/companies/webhook").json()["signing_secret"]
    new = tenant.post("/companies/webhook/rotate-secret").json()["signing_secret"]

    fire(immediate, tenant.id)
    clock.advance(24 * 3600 - 60)
    fire(immediate, tenant.id)
    clock.advance(120)
    fire(immediate, tenant.id)

    fresh, late, expired = receiver.received
    for request in (fresh, late):
        assert len(request.headers["webhook-signature"].split(" ")) == 2
        Webhook(old).verify(request.body, request.headers)
        Webhook(new).verify(request.body, request.headers)
    assert len(expired.headers["webhook-signature"].split(" ")) == 1
    Webhook(new).verify(expired.body, expired.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(old).verify(expired.body, expired.headers)
    assert tenant.get("/companies/webhook").json()["previous_secret_expires_at"] is None
