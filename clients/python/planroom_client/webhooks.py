"""Check that a webhook call really comes from Planroom (Standard Webhooks), by hand: not generated.

    from planroom_client.webhooks import verify, WebhookVerificationError

    try:
        event = verify(SECRET, request.headers, request.body)   # the raw bytes, as received
    except WebhookVerificationError:
        return 400
    event.id, event.current_status, event.product_type          # a typed `StatusChanged`

The signature is the HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the bytes
of the `whsec_` secret (`GET /companies/webhook`), base64-encoded; `webhook-signature` holds one
`v1,<signature>` per secret in use (two for 24 hours after a rotation). Only the standard library.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping

from planroom_client.models.status_changed import StatusChanged

SECRET_PREFIX = "whsec_"
TOLERANCE_SECONDS = 300


class WebhookVerificationError(Exception):
    """The call is not signed with the secret, or is too old or too new to trust."""


def _key(secret: str) -> bytes:
    try:
        return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except binascii.Error as exc:
        raise WebhookVerificationError("The secret is not a whsec_ secret (base64).") from exc


def sign(secret: str, event_id: str, timestamp: int, body: bytes | str) -> str:
    """The `v1,<base64>` signature Planroom sends for this body (useful in your own tests)."""
    data = body.encode() if isinstance(body, str) else body
    digest = hmac.new(_key(secret), f"{event_id}.{timestamp}.".encode() + data, hashlib.sha256)
    return "v1," + base64.b64encode(digest.digest()).decode()


def verify_signature(
    secret: str,
    headers: Mapping[str, str],
    body: bytes | str,
    *,
    tolerance: float = TOLERANCE_SECONDS,
    now: float | None = None,
) -> None:
    """Raise `WebhookVerificationError` unless `body` is signed with `secret` and the call's
    timestamp is within `tolerance` seconds of `now` (default: this machine's clock)."""
    lower = {name.lower(): value for name, value in headers.items()}
    try:
        event_id = lower["webhook-id"]
        stamp = lower["webhook-timestamp"]
        signatures = lower["webhook-signature"]
    except KeyError as exc:
        raise WebhookVerificationError(f"The {exc.args[0]} header is missing.") from exc
    try:
        timestamp = int(stamp)
    except ValueError as exc:
        raise WebhookVerificationError("webhook-timestamp is not a number.") from exc
    moment = time.time() if now is None else now
    if abs(moment - timestamp) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is too far from this clock.")
    expected = sign(secret, event_id, timestamp, body).partition(",")[2]
    for candidate in signatures.split():
        version, _, given = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(given, expected):
            return
    raise WebhookVerificationError("No signature matches the secret.")


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes | str,
    *,
    tolerance: float = TOLERANCE_SECONDS,
    now: float | None = None,
) -> StatusChanged:
    """The call's event, once its signature and timestamp are checked."""
    verify_signature(secret, headers, body, tolerance=tolerance, now=now)
    try:
        return StatusChanged.from_dict(json.loads(body))
    except (ValueError, KeyError, TypeError) as exc:
        raise WebhookVerificationError("The body is not a Planroom event.") from exc
