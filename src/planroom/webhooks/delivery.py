"""Sending a delivery: claim the due attempt, POST it, record the result, schedule the next.

The database decides. An attempt is claimed with a compare-and-set on the row (pending, due,
not claimed by a live worker), so two workers never send the same attempt; a worker that dies
mid-call leaves a claim that expires, and the reconciler enqueues the delivery again. The
claim is a short lease (`job_lease_seconds`) renewed by a heartbeat while the call and its
record run, so a dead worker's calls go out again within about half a minute.

Claims of one company are taken one at a time (under its registration's row), so that at most
`webhook_company_concurrency` of its calls are in flight across every worker, and calls to a
URL its circuit rests (`circuits`) wait. A job that finds its company at the cap leaves the
delivery due; the company's next finished call hands its slot on, and the reconciler catches
the rest. Webhook jobs run on their own lane, so none of this ever waits in front of a render.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CursorResult, func, or_, select, update
from sqlalchemy.orm import Session

from planroom.auth.encryption import secret_box
from planroom.core.clock import clock, epoch
from planroom.core.metrics import WEBHOOK_ATTEMPTS
from planroom.db.engine import unit_of_work
from planroom.jobs.context import JobContext
from planroom.jobs.lease import Renew, heartbeat
from planroom.jobs.queue import enqueue
from planroom.webhooks import circuits, sender
from planroom.webhooks.models import DeliveryState, WebhookAttempt, WebhookConfig, WebhookDelivery
from planroom.webhooks.service import DELIVER_JOB, secrets_in_use
from planroom.webhooks.signing import signed_headers

log = logging.getLogger("planroom.webhooks")

RECONCILE_BATCH = 500


@dataclass(frozen=True)
class ClaimedAttempt:
    number: int
    url: str
    body: str
    event_id: str
    secrets: list[str]


def deliver(runtime: JobContext, delivery_id: uuid.UUID) -> None:
    """Make the due attempt of one delivery, if it is due and nobody else is making it."""
    with unit_of_work(runtime.session_factory) as session:
        claimed = _claim(session, runtime, delivery_id)
    if claimed is None:
        return
    renew = _renewer(runtime, delivery_id)
    with heartbeat(renew, runtime.settings.job_lease_seconds, name=f"webhook-{delivery_id}"):
        _send(runtime, delivery_id, claimed)


def _send(runtime: JobContext, delivery_id: uuid.UUID, claimed: ClaimedAttempt) -> None:
    settings = runtime.settings
    attempted_at = clock.now()
    headers = signed_headers(claimed.secrets, claimed.event_id, claimed.body)
    result = sender.post(
        claimed.url,
        claimed.body,
        headers,
        timeout=settings.webhook_timeout_seconds,
        allow_private=settings.webhook_allow_private_addresses,
    )
    WEBHOOK_ATTEMPTS.labels(result.outcome).inc()
    log.info(
        "webhook %s attempt %d to %s: %s %s in %d ms",
        claimed.event_id,
        claimed.number,
        claimed.url,
        result.outcome,
        result.status_code if result.status_code is not None else result.error,
        result.duration_ms,
    )
    with unit_of_work(runtime.session_factory) as session:
        _record(session, runtime, delivery_id, claimed, attempted_at, result)


def _renewer(runtime: JobContext, delivery_id: uuid.UUID) -> Renew:
    def beat(until: datetime) -> bool:
        with unit_of_work(runtime.session_factory) as session:
            result = session.execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.id == delivery_id,
                    WebhookDelivery.state == "pending",
                    WebhookDelivery.claimed_until.is_not(None),
                )
                .values(claimed_until=until),
                execution_options={"synchronize_session": False},
            )
            return isinstance(result, CursorResult) and result.rowcount == 1

    return beat


def enqueue_due(runtime: JobContext) -> int:
    """Enqueue every delivery whose attempt is due and not claimed by a live worker."""
    now = clock.now()
    with runtime.session_factory() as session:
        ids = list(
            session.scalars(
                select(WebhookDelivery.id)
                .where(
                    WebhookDelivery.state == "pending",
                    WebhookDelivery.next_attempt_at <= now,
                    or_(
                        WebhookDelivery.claimed_until.is_(None),
                        WebhookDelivery.claimed_until < now,
                    ),
                )
                .order_by(WebhookDelivery.next_attempt_at)
                .limit(RECONCILE_BATCH)
            )
        )
    for delivery_id in ids:
        runtime.queue.enqueue(DELIVER_JOB, delivery_id=str(delivery_id))
    return len(ids)


def _claim(session: Session, runtime: JobContext, delivery_id: uuid.UUID) -> ClaimedAttempt | None:
    now = clock.now()
    settings = runtime.settings
    company_id = session.scalar(
        select(WebhookDelivery.company_id).where(WebhookDelivery.id == delivery_id)
    )
    config = _lock_config(session, company_id) if company_id is not None else None
    if config is None:
        return None
    if _in_flight(session, config.company_id, now) >= settings.webhook_company_concurrency:
        return None  # stays due: the company's next finished call hands its slot on
    lease = timedelta(seconds=settings.job_lease_seconds)
    result = session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.id == delivery_id,
            WebhookDelivery.state == "pending",
            WebhookDelivery.next_attempt_at <= now,
            or_(WebhookDelivery.claimed_until.is_(None), WebhookDelivery.claimed_until < now),
        )
        .values(claimed_until=now + lease),
        execution_options={"synchronize_session": False},
    )
    if not isinstance(result, CursorResult) or result.rowcount != 1:
        return None
    delivery = session.get(WebhookDelivery, delivery_id, populate_existing=True)
    if delivery is None:
        return None
    skip = _skip_reason(delivery, config)
    if skip is not None:
        delivery.state = DeliveryState.SKIPPED
        delivery.next_attempt_at = None
        delivery.claimed_until = None
        delivery.last_error = skip
        return None
    resting = circuits.resting_until(config, delivery.url, now)
    if resting is not None:
        delivery.claimed_until = None
        delivery.next_attempt_at = resting
        return None
    circuits.start_call(config, delivery.url, now, settings)
    return ClaimedAttempt(
        number=delivery.attempt_count + 1,
        url=delivery.url,
        body=delivery.body,
        event_id=delivery.event_id,
        secrets=secrets_in_use(config, secret_box(settings)),
    )


def _lock_config(session: Session, company_id: uuid.UUID) -> WebhookConfig | None:
    """The company's registration, locked for this transaction (a write on SQLite)."""
    session.execute(
        update(WebhookConfig)
        .where(WebhookConfig.company_id == company_id)
        .values(updated_at=WebhookConfig.updated_at),
        execution_options={"synchronize_session": False},
    )
    return session.get(WebhookConfig, company_id, populate_existing=True, with_for_update=True)


def _in_flight(session: Session, company_id: uuid.UUID, now: datetime) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(WebhookDelivery)
            .where(
                WebhookDelivery.company_id == company_id,
                WebhookDelivery.state == "pending",
                WebhookDelivery.claimed_until > now,
            )
        )
        or 0
    )


def _hand_on(session: Session, runtime: JobContext, company_id: uuid.UUID, now: datetime) -> None:
    """Enqueue the company's oldest due delivery nobody makes: the slot just freed is its."""
    waiting = session.scalar(
        select(WebhookDelivery.id)
        .where(
            WebhookDelivery.company_id == company_id,
            WebhookDelivery.state == "pending",
            WebhookDelivery.next_attempt_at <= now,
            or_(WebhookDelivery.claimed_until.is_(None), WebhookDelivery.claimed_until < now),
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(1)
    )
    if waiting is not None:
        enqueue(session, DELIVER_JOB, delivery_id=str(waiting))


def _skip_reason(delivery: WebhookDelivery, config: WebhookConfig) -> str | None:
    if delivery.url not in config.urls or delivery.trigger not in config.triggers:
        return "not sent: the URL or trigger is no longer registered"
    if delivery.url in config.disabled_urls:
        return "not sent: the URL was disabled after it answered 410 Gone"
    return None


def _record(
    session: Session,
    runtime: JobContext,
    delivery_id: uuid.UUID,
    claimed: ClaimedAttempt,
    attempted_at: datetime,
    result: sender.AttemptResult,
) -> None:
    company_id = session.scalar(
        select(WebhookDelivery.company_id).where(WebhookDelivery.id == delivery_id)
    )
    config = _lock_config(session, company_id) if company_id is not None else None
    delivery = session.get(WebhookDelivery, delivery_id, with_for_update=True)
    if delivery is None or config is None:
        return
    now = clock.now()
    circuits.record_call(config, delivery.url, result.timed_out, now, runtime.settings)
    _hand_on(session, runtime, config.company_id, now)
    delivery.attempts.append(
        WebhookAttempt(
            number=claimed.number,
            attempted_at=attempted_at,
            status_code=result.status_code,
            error=result.error,
            duration_ms=result.duration_ms,
            response_body=result.response_body,
        )
    )
    delivery.attempt_count = claimed.number
    delivery.last_status_code = result.status_code
    delivery.last_error = result.error
    delivery.claimed_until = None
    delivery.next_attempt_at = None
    if result.outcome == "delivered":
        delivery.state = DeliveryState.DELIVERED
        delivery.delivered_at = attempted_at
        return
    if result.outcome == "gone":
        _disable_url(config, delivery, attempted_at)
    if result.outcome == "retry" and claimed.number < delivery.max_attempts:
        delay = _backoff(runtime.settings.webhook_backoff_seconds, claimed.number)
        delivery.next_attempt_at = attempted_at + timedelta(seconds=delay)
        enqueue(session, DELIVER_JOB, delay=delay, delivery_id=str(delivery.id))
        return
    delivery.state = DeliveryState.FAILED
    log.warning(
        "webhook %s to %s given up after %d attempt(s): %s",
        delivery.event_id,
        delivery.url,
        claimed.number,
        result.error,
    )


def _disable_url(config: WebhookConfig, delivery: WebhookDelivery, when: datetime) -> None:
    disabled: dict[str, Any] = dict(config.disabled_urls)
    disabled[delivery.url] = {"disabled_at": epoch(when), "reason": "answered 410 Gone"}
    config.disabled_urls = disabled
    log.warning("webhook URL %s disabled for company %s: 410 Gone", delivery.url, config.company_id)


def _backoff(schedule: list[float], attempt_number: int) -> float:
    """Seconds to wait after failed attempt `attempt_number` (1-based)."""
    if not schedule:
        return 0.0
    return schedule[min(attempt_number, len(schedule)) - 1]
