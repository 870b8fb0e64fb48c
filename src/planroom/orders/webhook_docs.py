"""The `webhooks` section of the OpenAPI document: the calls Planroom makes to your URLs.

One entry per trigger, each with the `StatusChanged` body `lifecycle.move` builds and the
Standard Webhooks headers every attempt is signed with. Nothing here is served: FastAPI only
describes these routes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header

from planroom.orders.lifecycle import TRIGGERS
from planroom.orders.schemas import StatusChanged

router = APIRouter(tags=["Webhooks"])

WebhookId = Annotated[
    str,
    Header(
        alias="webhook-id",
        description="The event id (`msg_…`): the same on every attempt of one event; use it "
        "to ignore repeats.",
        examples=["msg_5f2b0d1c9e8a4b7f3c6d2e1a0b9c8d7e"],
    ),
]
WebhookTimestamp = Annotated[
    str,
    Header(
        alias="webhook-timestamp",
        description="Epoch seconds of this attempt: refuse calls more than 5 minutes off your "
        "clock.",
        examples=["1764670000"],
    ),
]
WebhookSignature = Annotated[
    str,
    Header(
        alias="webhook-signature",
        description="Space-separated `v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-"
        "timestamp}.{body}` keyed with the base64 part of your `whsec_` secret; two while a "
        "rotated secret is still valid. Accept the call when any one matches.",
        examples=["v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="],
    ),
]

ANSWER: dict[int | str, dict[str, Any]] = {
    "2XX": {
        "description": "Received. Any 2xx counts; answer within "
        "`PLANROOM_WEBHOOK_TIMEOUT_SECONDS` (15 s by default)."
    },
    "410": {"description": "Gone: the URL is disabled and never called again."},
    "default": {"description": "Anything else (or no answer): retried with backoff."},
}

WHEN = {
    "Draft": "A draft order was created.",
    "Pending": "A scan or plan was received: the order is in production.",
    "Ready": "A product group was delivered: once per group (`product_type`), again for a fix, "
    "re-delivery or upgrade (`delivery_type`).",
    "Fixing": "A change request was opened on a delivered order.",
    "Failed": "The order was rejected; its events say why.",
}


def _describe(status: str, trigger: str) -> Callable[..., Any]:
    def receive(
        body: StatusChanged,
        webhook_id: WebhookId,
        webhook_timestamp: WebhookTimestamp,
        webhook_signature: WebhookSignature,
    ) -> None:
        """Sent to every URL registered for this trigger."""

    receive.__doc__ = f"{WHEN[status]} Sent to every URL registered for `{trigger}`."
    return receive


for _status, _trigger in TRIGGERS.items():
    router.add_api_route(
        _trigger,
        _describe(_status, _trigger),
        methods=["POST"],
        summary=_trigger,
        name=_trigger,
        responses=ANSWER,
        status_code=200,
    )
