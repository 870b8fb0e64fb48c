"""Webhook registration, events and the delivery log. Services never commit.

Signing secrets are stored sealed (`auth.encryption`); functions that make or read one take
the `SecretBox`.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime, timedelta
from typing import Any, get_args

from sqlalchemy import Select, or_, select, update
from sqlalchemy.orm import Session

from planroom.auth.encryption import SecretBox, secret_box
from planroom.core.clock import clock
from planroom.core.errors import InvalidState, NotFound
from planroom.jobs.queue import enqueue, job_context
from planroom.runtime import Runtime
from planroom.webhooks.listeners import copy_to_listeners
from planroom.webhooks.models import DeliveryState, WebhookConfig, WebhookDelivery
from planroom.webhooks.schemas import Trigger
from planroom.webhooks.signing import new_event_id, new_secret

log = logging.getLogger("planroom.webhooks")

TRIGGERS: tuple[str, ...] = get_args(Trigger)
DELIVER_JOB = "webhooks.deliver"
ROTATION_GRACE = timedelta(hours=24)


def get_config(session: Session, box: SecretBox, company_id: uuid.UUID) -> WebhookConfig:
    """The company's registration, created (with a new signing secret) on first use."""
    config = session.get(WebhookConfig, company_id)
    if config is None:
        config = WebhookConfig(
            company_id=company_id,
            urls=[],
            triggers=[],
            disabled_urls={},
            signing_secret=box.seal(new_secret()),
        )
        session.add(config)
        session.flush()
    return config


def update_config(
    session: Session,
    box: SecretBox,
    company_id: uuid.UUID,
    *,
    urls: list[str] | None = None,
    triggers: list[str] | None = None,
) -> WebhookConfig:
    """Replace the URLs and/or the triggers (a list given replaces the stored one; None keeps
    it). Registering a URL again re-enables it after a 410. Pending calls to URLs or triggers
    no longer registered are skipped."""
    config = get_config(session, box, company_id)
    if urls is not None:
        config.urls = _unique(urls)
        config.disabled_urls = {
            url: state for url, state in config.disabled_urls.items() if url not in config.urls
        }
    if triggers is not None:
        unknown = [trigger for trigger in triggers if trigger not in TRIGGERS]
        if unknown:
            raise ValueError(f"unknown webhook triggers: {unknown}")
        config.triggers = _unique(triggers)
    config.updated_at = clock.now()
    _skip_unregistered(session, config)
    session.flush()
    return config


def clear_config(session: Session, box: SecretBox, company_id: uuid.UUID) -> WebhookConfig:
    """Remove every URL and trigger: no more calls are made. The signing secret stays."""
    return update_config(session, box, company_id, urls=[], triggers=[])


def rotate_secret(session: Session, box: SecretBox, company_id: uuid.UUID) -> WebhookConfig:
    """A new signing secret; the current one keeps signing beside it for 24 hours."""
    config = get_config(session, box, company_id)
    config.previous_secret = config.signing_secret
    config.previous_secret_expires_at = clock.now() + ROTATION_GRACE
    config.signing_secret = box.seal(new_secret())
    session.flush()
    return config


def secrets_in_use(config: WebhookConfig, box: SecretBox) -> list[str]:
    """The secrets each call is signed with: the current one, plus the previous one for 24 h."""
    in_use = [box.open(config.signing_secret)]
    expires = config.previous_secret_expires_at
    if config.previous_secret and expires is not None and expires > clock.now():
        in_use.append(box.open(config.previous_secret))
    return in_use


def record_event(
    session: Session,
    company_id: uuid.UUID,
    trigger: str,
    payload: dict[str, Any],
    *,
    event_id: str | None = None,
) -> None:
    """Announce `trigger` with `payload` to every URL the company registered for it.

    Call it inside the transaction that made the change: one delivery row per URL is stored
    with it, and the calls start only after it commits (a rollback sends nothing). Passing the
    same `event_id` again stores nothing new for URLs that already have it.
    """
    if trigger not in TRIGGERS:
        raise ValueError(f"unknown webhook trigger {trigger!r}")
    config = session.get(WebhookConfig, company_id)
    event_id = event_id or new_event_id()
    body = event_body(payload)
    copy_to_listeners(session, company_id, trigger, event_id, body)
    if config is None or trigger not in config.triggers:
        return
    urls = [url for url in config.urls if url not in config.disabled_urls]
    if urls:
        existing = select(WebhookDelivery.url).where(WebhookDelivery.event_id == event_id)
        urls = [url for url in urls if url not in set(session.scalars(existing))]
    if not urls:
        return
    max_attempts = 1 + len(job_context(session).settings.webhook_backoff_seconds)
    now = clock.now()
    deliveries = [
        WebhookDelivery(
            company_id=company_id,
            event_id=event_id,
            order_id=_order_id(payload),
            trigger=trigger,
            url=url,
            body=body,
            state="pending",
            attempt_count=0,
            max_attempts=max_attempts,
            next_attempt_at=now,
        )
        for url in urls
    ]
    session.add_all(deliveries)
    session.flush()
    for delivery in deliveries:
        enqueue(session, DELIVER_JOB, delivery_id=str(delivery.id))
    log.info("event %s %s for company %s: %d call(s)", event_id, trigger, company_id, len(urls))


def event_body(payload: dict[str, Any]) -> str:
    """The exact bytes every call of an event carries (and its signatures cover)."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False, default=_json_value)


def deliveries_statement(
    company_id: uuid.UUID, *, state: str | None = None, order_id: uuid.UUID | None = None
) -> Select[WebhookDelivery]:
    statement = select(WebhookDelivery).where(WebhookDelivery.company_id == company_id)
    if state is not None:
        statement = statement.where(WebhookDelivery.state == state)
    if order_id is not None:
        statement = statement.where(WebhookDelivery.order_id == order_id)
    return statement.order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc())


def get_delivery(
    session: Session, company_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery:
    delivery = session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.company_id != company_id:
        raise NotFound("No webhook delivery with this id exists in your company.")
    return delivery


def retry_delivery(
    session: Session, runtime: Runtime, company_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery:
    """Send one delivery again now, whatever its state, as one more attempt."""
    delivery = get_delivery(session, company_id, delivery_id)
    config = get_config(session, secret_box(runtime.settings), company_id)
    now = clock.now()
    if delivery.claimed_until is not None and delivery.claimed_until > now:
        raise InvalidState("An attempt of this delivery is in progress; retry when it ends.")
    if delivery.url not in config.urls:
        raise InvalidState(
            "This URL is no longer registered; register it with PATCH /companies/webhook first."
        )
    if delivery.url in config.disabled_urls:
        raise InvalidState(
            "This URL was disabled after it answered 410 Gone; register it again with "
            "PATCH /companies/webhook to re-enable it."
        )
    if delivery.state != "pending":
        delivery.max_attempts = delivery.attempt_count + 1
    delivery.state = DeliveryState.PENDING
    delivery.next_attempt_at = now
    session.flush()
    enqueue(session, DELIVER_JOB, delivery_id=str(delivery.id))
    return delivery


def replay_failed(
    session: Session, runtime: Runtime, company_id: uuid.UUID, since: datetime
) -> tuple[int, int]:
    """Send every failed delivery of the company created since `since` again, one more attempt
    each; returns (retried, not retried because the URL is unregistered or disabled)."""
    config = get_config(session, secret_box(runtime.settings), company_id)
    failed = session.scalars(
        select(WebhookDelivery)
        .where(
            WebhookDelivery.company_id == company_id,
            WebhookDelivery.state == "failed",
            WebhookDelivery.created_at >= since,
        )
        .order_by(WebhookDelivery.created_at)
    )
    now = clock.now()
    retried = skipped = 0
    for delivery in failed:
        if delivery.url not in config.urls or delivery.url in config.disabled_urls:
            skipped += 1
            continue
        delivery.max_attempts = delivery.attempt_count + 1
        delivery.state = DeliveryState.PENDING
        delivery.next_attempt_at = now
        enqueue(session, DELIVER_JOB, delivery_id=str(delivery.id))
        retried += 1
    session.flush()
    return retried, skipped


def _skip_unregistered(session: Session, config: WebhookConfig) -> None:
    now = clock.now()
    session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.company_id == config.company_id,
            WebhookDelivery.state == "pending",
            or_(WebhookDelivery.claimed_until.is_(None), WebhookDelivery.claimed_until < now),
            or_(
                WebhookDelivery.url.not_in(config.urls),
                WebhookDelivery.trigger.not_in(config.triggers),
            ),
        )
        .values(
            state="skipped",
            next_attempt_at=None,
            last_error="not sent: the URL or trigger is no longer registered",
        ),
        execution_options={"synchronize_session": False},
    )


def _json_value(value: object) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not allowed in a webhook payload")


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _order_id(payload: dict[str, Any]) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(payload.get("id")))
    except ValueError:
        return None


def bring_deadlines_forward(session: Session, company_id: uuid.UUID, seconds: float) -> None:
    """Sandbox time travel for one company: its pending retries and the overlap of a rotated
    secret come `seconds` sooner, as if its clock had moved; nobody else's time changes."""
    step = timedelta(seconds=seconds)
    pending = session.scalars(
        select(WebhookDelivery).where(
            WebhookDelivery.company_id == company_id,
            WebhookDelivery.state == "pending",
            WebhookDelivery.next_attempt_at.is_not(None),
        )
    )
    for delivery in pending:
        assert delivery.next_attempt_at is not None
        delivery.next_attempt_at -= step
    config = session.scalar(select(WebhookConfig).where(WebhookConfig.company_id == company_id))
    if config is not None and config.previous_secret_expires_at is not None:
        config.previous_secret_expires_at -= step
    session.flush()
