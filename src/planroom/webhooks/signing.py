"""Standard Webhooks signing: `whsec_` secrets and the `webhook-*` headers of each attempt."""

from __future__ import annotations

import base64
import secrets
from datetime import UTC, datetime

from standardwebhooks import Webhook

from planroom import __version__

SECRET_PREFIX = "whsec_"
USER_AGENT = f"Planroom-Webhooks/{__version__}"


def new_secret() -> str:
    """`whsec_` + base64 of 32 random bytes: what every Standard Webhooks verifier accepts."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def new_event_id() -> str:
    """A `webhook-id`: unique per event, the same on every attempt, no dots."""
    return f"msg_{secrets.token_hex(16)}"


def signature(secrets_in_use: list[str], event_id: str, timestamp: datetime, body: str) -> str:
    """One `v1,<base64>` per secret, space-separated (two while a rotated secret is valid)."""
    return " ".join(Webhook(secret).sign(event_id, timestamp, body) for secret in secrets_in_use)


def signed_headers(secrets_in_use: list[str], event_id: str, body: str) -> dict[str, str]:
    """Headers for one attempt, signed now.

    The timestamp is the wall clock, not the adjustable `clock`: receivers check it against
    their own clock (within minutes), and a sandbox clock moved ahead must not make every
    signature look forged.
    """
    now = datetime.now(UTC).replace(microsecond=0)
    return {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": event_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signature(secrets_in_use, event_id, now, body),
    }
