"""Tools for developers: a signed sample event on demand, and the stream behind
`planroom webhooks listen` (see `listeners`)."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread

from planroom.auth.encryption import secret_box
from planroom.db.engine import unit_of_work
from planroom.runtime import Runtime
from planroom.webhooks import listeners, sender
from planroom.webhooks.service import event_body, get_config, secrets_in_use
from planroom.webhooks.signing import new_event_id, signed_headers

log = logging.getLogger("planroom.webhooks")

SAMPLE_ORDER_ID = "00000000-0000-4000-8000-000000000000"
SAMPLE_MODEL_ID = "00000000-0000-4000-8000-000000000001"
POLL_SECONDS = 0.25
# statuses each trigger moves between, as the orders lifecycle sends them
MOVES = {
    "moved_to_draft": (None, "Draft"),
    "moved_to_pending": ("Draft", "Pending"),
    "moved_to_ready": ("Pending", "Ready"),
    "moved_to_fixing": ("Ready", "Fixing"),
    "moved_to_failed": ("Pending", "Failed"),
}


def sample_payload(trigger: str) -> dict[str, Any]:
    """A status change of the sample order, in the shape of every real event."""
    previous, current = MOVES[trigger]
    ready = current == "Ready"
    return {
        "id": SAMPLE_ORDER_ID,
        "current_status": current,
        "previous_status": previous,
        "model_id": SAMPLE_MODEL_ID,
        "product_type": "products_2d" if ready else None,
        "delivery_type": "new" if ready else None,
    }


@dataclass(frozen=True)
class TestEvent:
    event_id: str
    trigger: str
    payload: dict[str, Any]
    body: str
    urls: list[str]
    secrets: list[str]
    listeners: int


def prepare_test_event(
    runtime: Runtime, session: Any, company_id: uuid.UUID, trigger: str
) -> TestEvent:
    """The sample event, given to the company's open listeners (once the request commits)."""
    config = get_config(session, secret_box(runtime.settings), company_id)
    payload = sample_payload(trigger)
    body = event_body(payload)
    event_id = new_event_id()
    copied = listeners.copy_to_listeners(session, company_id, trigger, event_id, body)
    urls = [url for url in config.urls if url not in config.disabled_urls]
    secrets = secrets_in_use(config, secret_box(runtime.settings))
    return TestEvent(event_id, trigger, payload, body, urls, secrets, copied)


def send_test_event(runtime: Runtime, event: TestEvent) -> list[sender.AttemptResult]:
    """One signed call per registered URL, now; nothing is retried or logged as a delivery."""
    settings = runtime.settings
    results = []
    for url in event.urls:
        headers = signed_headers(event.secrets, event.event_id, event.body)
        result = sender.post(
            url,
            event.body,
            headers,
            timeout=settings.webhook_timeout_seconds,
            allow_private=settings.webhook_allow_private_addresses,
        )
        log.info("test event %s to %s: %s", event.event_id, url, result.outcome)
        results.append(result)
    return results


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


async def listen_stream(
    runtime: Runtime, company_id: uuid.UUID, triggers: list[str]
) -> AsyncIterator[bytes]:
    """Server-sent events: `ready` once, then a `webhook` per event with the headers a call
    would carry (signed when sent) and the exact body; a comment line keeps the stream alive."""
    factory = runtime.session_factory
    box = secret_box(runtime.settings)

    def opened() -> uuid.UUID:
        with unit_of_work(factory) as session:
            return listeners.open_listener(session, company_id, triggers)

    def take(renew: bool) -> tuple[list[listeners.ListenedEvent], list[str]]:
        with unit_of_work(factory) as session:
            if renew:
                listeners.renew_listener(session, listener_id)
            events = listeners.take_events(session, listener_id)
            secrets = secrets_in_use(get_config(session, box, company_id), box) if events else []
            return events, secrets

    def closed() -> None:
        with unit_of_work(factory) as session:
            listeners.close_listener(session, listener_id)

    listener_id = await anyio.to_thread.run_sync(opened)
    log.info("webhook listener %s opened for company %s", listener_id, company_id)
    try:
        yield _sse("ready", {"listener_id": str(listener_id), "triggers": triggers})
        waited = 0.0
        while True:
            renew = waited >= listeners.RENEW_SECONDS
            events, secrets = await anyio.to_thread.run_sync(take, renew)
            if renew:
                waited = 0.0
                yield b": keep-alive\n\n"
            for item in events:
                headers = signed_headers(secrets, item.event_id, item.body)
                yield _sse(
                    "webhook",
                    {"trigger": item.trigger, "headers": headers, "body": item.body},
                )
            await anyio.sleep(POLL_SECONDS)
            waited += POLL_SECONDS
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(closed)
        log.info("webhook listener %s closed", listener_id)
