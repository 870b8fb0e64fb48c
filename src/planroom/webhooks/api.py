"""`/companies/webhook`: registration, signing secret and the delivery log."""

from __future__ import annotations

import json
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from planroom.api.deps import CurrentCompany, DbSession, RuntimeDep
from planroom.api.openapi import errors
from planroom.auth.encryption import SecretBox, secret_box
from planroom.core.clock import epoch
from planroom.core.errors import InvalidState, NotFound
from planroom.core.pagination import Page, PageParamsDep, paginate
from planroom.webhooks import service, tools
from planroom.webhooks.models import WebhookConfig, WebhookDelivery
from planroom.webhooks.schemas import (
    AttemptOut,
    DeliveryOut,
    DeliveryState,
    DisabledUrl,
    ReplayOut,
    ReplayRequest,
    SecretRotated,
    Trigger,
    WebhookPair,
    WebhookSettings,
    WebhookTestCall,
    WebhookTestOut,
    WebhookTestRequest,
    WebhookUpdate,
)

router = APIRouter(tags=["Company"])


def pair_out(config: WebhookConfig) -> WebhookPair:
    return WebhookPair(webhook_urls=list(config.urls), webhook_triggers=list(config.triggers))


def settings_out(config: WebhookConfig, box: SecretBox) -> WebhookSettings:
    in_use = service.secrets_in_use(config, box)
    return WebhookSettings(
        webhook_urls=list(config.urls),
        webhook_triggers=list(config.triggers),
        signing_secret=in_use[0],
        previous_secret_expires_at=epoch(config.previous_secret_expires_at)
        if len(in_use) > 1
        else None,
        disabled_urls=[
            DisabledUrl(
                url=url, disabled_at=state.get("disabled_at"), reason=state.get("reason", "")
            )
            for url, state in config.disabled_urls.items()
        ],
    )


def delivery_out(delivery: WebhookDelivery) -> DeliveryOut:
    return DeliveryOut(
        id=delivery.id,
        event_id=delivery.event_id,
        order_id=delivery.order_id,
        trigger=delivery.trigger,
        url=delivery.url,
        payload=json.loads(delivery.body),
        state=delivery.state,
        attempts=[
            AttemptOut(
                number=attempt.number,
                attempted_at=epoch(attempt.attempted_at) or 0.0,
                status_code=attempt.status_code,
                error=attempt.error,
                duration_ms=attempt.duration_ms,
                response_body=attempt.response_body,
            )
            for attempt in delivery.attempts
        ],
        max_attempts=delivery.max_attempts,
        next_attempt_at=epoch(delivery.next_attempt_at),
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        delivered_at=epoch(delivery.delivered_at),
        created_at=epoch(delivery.created_at) or 0.0,
    )


@router.patch("/companies/webhook", summary="Update company webhooks")
def update_webhook(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep, body: WebhookUpdate
) -> WebhookPair:
    """Register the URLs to call and the status changes to announce. The lists given replace
    the stored ones (they are never merged); unknown keys are ignored. Triggers:
    `moved_to_draft`, `moved_to_pending`, `moved_to_ready`, `moved_to_fixing`,
    `moved_to_failed`. Every call is signed (Standard Webhooks); see `GET /companies/webhook`
    for the secret."""
    config = service.update_config(
        session,
        secret_box(runtime.settings),
        company.id,
        urls=body.webhook_urls,
        triggers=list(body.webhook_triggers) if body.webhook_triggers is not None else None,
    )
    return pair_out(config)


@router.delete("/companies/webhook", summary="Delete company webhook")
def delete_webhook(company: CurrentCompany, session: DbSession, runtime: RuntimeDep) -> WebhookPair:
    """Remove every URL and trigger; no more calls are made, pending retries included."""
    return pair_out(service.clear_config(session, secret_box(runtime.settings), company.id))


@router.get("/companies/webhook", summary="Get company webhooks")
def get_webhook(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep
) -> WebhookSettings:
    """The registered URLs and triggers, the `whsec_` signing secret (created on first use),
    and any URLs disabled because they answered 410 Gone."""
    box = secret_box(runtime.settings)
    return settings_out(service.get_config(session, box, company.id), box)


@router.post("/companies/webhook/rotate-secret", summary="Rotate the webhook signing secret")
def rotate_secret(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep
) -> SecretRotated:
    """Make a new signing secret. For 24 hours every call carries two signatures, one per
    secret, so you can switch your verifier without missing a call."""
    box = secret_box(runtime.settings)
    config = service.rotate_secret(session, box, company.id)
    return SecretRotated(
        signing_secret=box.open(config.signing_secret),
        previous_secret_expires_at=epoch(config.previous_secret_expires_at) or 0.0,
    )


@router.get("/companies/webhook/deliveries", summary="List webhook deliveries")
def list_deliveries(
    company: CurrentCompany,
    session: DbSession,
    params: PageParamsDep,
    state: Annotated[DeliveryState | None, Query(description="Only this state.")] = None,
    order_id: Annotated[uuid.UUID | None, Query(description="Only this order's.")] = None,
) -> Page[DeliveryOut]:
    """The delivery log, newest first: one row per event and URL with its payload, every
    attempt (time, status code, error, duration) and the next attempt, if any."""
    statement = service.deliveries_statement(company.id, state=state, order_id=order_id)
    return paginate(session, statement, params, delivery_out)


@router.post("/companies/webhook/deliveries/retry", summary="Replay failed webhook deliveries")
def replay_deliveries(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep, body: ReplayRequest
) -> ReplayOut:
    """Send every delivery of your company that failed (gave up) and was created since `since`
    again now, one more attempt each with its own `webhook-id`; for when a receiver was down.
    Deliveries to URLs no longer registered, or disabled after 410, are counted, not sent."""
    retried, not_retried = service.replay_failed(session, runtime, company.id, body.since)
    return ReplayOut(retried=retried, not_retried=not_retried)


@router.get(
    "/companies/webhook/deliveries/{delivery_id}",
    summary="Get a webhook delivery",
    responses=errors(NotFound),
)
def get_delivery(
    company: CurrentCompany, session: DbSession, delivery_id: uuid.UUID
) -> DeliveryOut:
    """One delivery of the log."""
    return delivery_out(service.get_delivery(session, company.id, delivery_id))


@router.post(
    "/companies/webhook/deliveries/{delivery_id}/retry",
    summary="Retry a webhook delivery",
    responses=errors(NotFound, InvalidState),
)
def retry_delivery(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep, delivery_id: uuid.UUID
) -> DeliveryOut:
    """Send this delivery again now, as one more attempt with the same `webhook-id`, whether
    it failed, was delivered or is waiting for a retry."""
    delivery = service.retry_delivery(session, runtime, company.id, delivery_id)
    return delivery_out(delivery)


@router.post(
    "/companies/webhook/test",
    summary="Send a test webhook",
    responses=errors(InvalidState),
)
def send_test_webhook(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    body: WebhookTestRequest | None = None,
) -> WebhookTestOut:
    """Send a signed sample event (default `moved_to_ready`) of the sample order
    `00000000-0000-4000-8000-000000000000` to every registered URL now, signed like every
    real call, and answer how each URL answered. It is also given to your open
    `planroom webhooks listen` streams. Nothing is retried and the delivery log is unchanged.
    409 when no URL is registered and no listener is open. A URL on a private or loopback
    address is refused unless the server runs with
    `PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true`."""
    trigger = body.trigger if body is not None else "moved_to_ready"
    event = tools.prepare_test_event(runtime, session, company.id, trigger)
    if not event.urls and not event.listeners:
        raise InvalidState(
            "No webhook URL is registered and no `planroom webhooks listen` is open: register "
            "one with PATCH /companies/webhook first."
        )
    results = tools.send_test_event(runtime, event)
    return WebhookTestOut(
        event_id=event.event_id,
        trigger=trigger,
        payload=event.payload,
        calls=[
            WebhookTestCall(
                url=url,
                outcome=result.outcome,
                status_code=result.status_code,
                error=result.error,
                duration_ms=result.duration_ms,
            )
            for url, result in zip(event.urls, results, strict=True)
        ],
        listeners=event.listeners,
    )


LISTEN_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A `text/event-stream`: one `ready` event, then one `webhook` event per "
        "event of your company, `data` being `{trigger, headers, body}`: the exact body and "
        "the Standard Webhooks headers a call carries, signed with your secret when sent.",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    }
}


@router.get(
    "/companies/webhook/listen",
    summary="Stream webhook events (for planroom webhooks listen)",
    response_class=StreamingResponse,
    responses=LISTEN_DOC,
)
def listen_webhooks(
    company: CurrentCompany,
    runtime: RuntimeDep,
    triggers: Annotated[
        list[Trigger] | None, Query(description="Only these triggers; every one when omitted.")
    ] = None,
) -> StreamingResponse:
    """Every event of your company from now on, as server-sent events, whatever URLs and
    triggers are registered: what `planroom webhooks listen --forward-to URL` reads to
    forward your events to a local server with their signature headers. The events of an
    order are given to every stream open when they happen; none are kept for a stream
    opened later."""
    stream = tools.listen_stream(runtime, company.id, list(triggers or []))
    return StreamingResponse(
        stream,
        media_type="text/event-stream",
        headers={"cache-control": "no-store", "x-accel-buffering": "no"},
    )
