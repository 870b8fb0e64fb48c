from __future__ import annotations

import ipaddress
import re
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import httpx
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from planroom.core.text import RequestBody

Trigger = Literal[
    "moved_to_draft", "moved_to_pending", "moved_to_ready", "moved_to_fixing", "moved_to_failed"
]
DeliveryState = Literal["pending", "delivered", "failed", "skipped"]

_HOSTNAME = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$")


def _check_url(value: str) -> str:
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise ValueError("invalid URL") from None
    if url.scheme not in ("http", "https"):
        raise ValueError("invalid or missing URL scheme; use an http:// or https:// URL")
    if not url.host:
        raise ValueError("the URL has no host")
    if not _valid_host(url.raw_host.decode("ascii", errors="replace")):
        raise ValueError("the URL's host is not a valid name or address")
    if url.userinfo:
        raise ValueError("the URL may not carry a user name or password")
    return value


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return bool(_HOSTNAME.match(host))
    return True


WebhookUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2000), AfterValidator(_check_url)
]


class WebhookUpdate(RequestBody):
    """Unknown keys (`url`, `secret`, …) are ignored."""

    model_config = ConfigDict(extra="ignore")

    webhook_urls: list[WebhookUrl] | None = Field(
        default=None,
        max_length=20,
        description="Every URL to call; replaces the stored list. Omit to keep it.",
    )
    webhook_triggers: list[Trigger] | None = Field(
        default=None,
        description="The status changes to announce; replaces the stored list. Omit to keep it.",
    )


class WebhookPair(BaseModel):
    webhook_urls: list[str]
    webhook_triggers: list[str]


class DisabledUrl(BaseModel):
    url: str
    disabled_at: float | None
    reason: str


class WebhookSettings(WebhookPair):
    signing_secret: str = Field(
        description="Standard Webhooks secret: verify `webhook-signature` with it."
    )
    previous_secret_expires_at: float | None = Field(
        default=None, description="Until then the secret before the last rotation signs too."
    )
    disabled_urls: list[DisabledUrl] = Field(
        default_factory=list,
        description="URLs no longer called because they answered 410; register again to enable.",
    )


class SecretRotated(BaseModel):
    signing_secret: str
    previous_secret_expires_at: float


class AttemptOut(BaseModel):
    number: int
    attempted_at: float
    status_code: int | None
    error: str | None
    duration_ms: int
    response_body: str | None = Field(description="The first 1 KB of the answer.")


class DeliveryOut(BaseModel):
    id: uuid.UUID
    event_id: str = Field(description="The `webhook-id` header: the same on every attempt.")
    order_id: uuid.UUID | None
    trigger: str
    url: str
    payload: dict[str, Any]
    state: DeliveryState
    attempts: list[AttemptOut]
    max_attempts: int
    next_attempt_at: float | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: float | None
    created_at: float


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class ReplayRequest(BaseModel):
    since: Annotated[datetime, AfterValidator(_aware)] = Field(
        description="ISO 8601 time (UTC unless it says otherwise): replay deliveries created "
        "since then."
    )
    status: Literal["failed"] = Field(
        default="failed", description="Which deliveries to replay: `failed` (gave up)."
    )


class ReplayOut(BaseModel):
    retried: int = Field(description="Deliveries sent again now, one more attempt each.")
    not_retried: int = Field(
        description="Matching deliveries whose URL is no longer registered or was disabled."
    )


class WebhookTestRequest(RequestBody):
    trigger: Trigger = Field(
        default="moved_to_ready",
        description="Which event to imitate; sent whether or not you registered this trigger.",
        examples=["moved_to_ready"],
    )


class WebhookTestCall(BaseModel):
    url: str = Field(description="The registered URL called.")
    outcome: Literal["delivered", "retry", "gone", "refused"] = Field(
        description="`delivered` (2xx); `retry` (another answer or none: a real event would "
        "be retried); `gone` (410: a real event would disable the URL); `refused` (a private "
        "address while `PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES` is off).",
        examples=["delivered"],
    )
    status_code: int | None = Field(description="The URL's HTTP status, if it answered.")
    error: str | None = Field(description="Why it did not count as delivered.")
    duration_ms: int = Field(description="How long the call took.")


class WebhookTestOut(BaseModel):
    event_id: str = Field(
        description="The `webhook-id` the sample carried.", examples=["msg_5f2b0d1c9e8a4b7f"]
    )
    trigger: Trigger = Field(description="The event imitated.")
    payload: dict[str, Any] = Field(
        description="The body sent: a status change of the sample order "
        "`00000000-0000-4000-8000-000000000000`, shaped like every real one."
    )
    calls: list[WebhookTestCall] = Field(description="One per registered URL, in order.")
    listeners: int = Field(
        description="Open `planroom webhooks listen` streams that were given the sample too."
    )
