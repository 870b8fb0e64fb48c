"""`planroom webhooks listen`: a company's events streamed to a developer's machine.

A listener is a row made when a stream opens (`GET /companies/webhook/listen`) and removed
when it closes. Every event recorded for its company while it lives (of its triggers; all when
it named none) is copied to `webhook_listener_events` in the transaction that records the
event; the stream takes the copies every `POLL_SECONDS`, signs each like a delivery attempt and
sends it as a server-sent event. Any process may record the event and any other may hold the
stream: the database is the only thing they share. Services never commit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from planroom.webhooks.models import WebhookListener, WebhookListenerEvent

# a stream renews its listener every `RENEW_SECONDS`; one not seen for `STALE` gets nothing
RENEW_SECONDS = 15.0
STALE = timedelta(seconds=60)
TAKE_BATCH = 100


@dataclass(frozen=True)
class ListenedEvent:
    event_id: str
    trigger: str
    body: str


def _now() -> datetime:
    # liveness is wall-clock time: a sandbox company's clock may be moved ahead
    return datetime.now(UTC)


def open_listener(session: Session, company_id: uuid.UUID, triggers: list[str]) -> uuid.UUID:
    """A new listener of the company's events; stale listeners of the company are removed."""
    session.execute(
        delete(WebhookListener).where(
            WebhookListener.company_id == company_id, WebhookListener.seen_at < _now() - STALE
        )
    )
    listener = WebhookListener(company_id=company_id, triggers=triggers, seen_at=_now())
    session.add(listener)
    session.flush()
    return listener.id


def renew_listener(session: Session, listener_id: uuid.UUID) -> None:
    session.execute(
        update(WebhookListener).where(WebhookListener.id == listener_id).values(seen_at=_now()),
        execution_options={"synchronize_session": False},
    )


def close_listener(session: Session, listener_id: uuid.UUID) -> None:
    session.execute(
        delete(WebhookListenerEvent).where(WebhookListenerEvent.listener_id == listener_id)
    )
    session.execute(delete(WebhookListener).where(WebhookListener.id == listener_id))


def copy_to_listeners(
    session: Session, company_id: uuid.UUID, trigger: str, event_id: str, body: str
) -> int:
    """Give the event to every live listener of the company that wants `trigger`."""
    listeners = session.scalars(
        select(WebhookListener).where(
            WebhookListener.company_id == company_id, WebhookListener.seen_at >= _now() - STALE
        )
    ).all()
    wanted = [
        listener for listener in listeners if not listener.triggers or trigger in listener.triggers
    ]
    session.add_all(
        WebhookListenerEvent(listener_id=listener.id, event_id=event_id, trigger=trigger, body=body)
        for listener in wanted
    )
    return len(wanted)


def take_events(session: Session, listener_id: uuid.UUID) -> list[ListenedEvent]:
    """The listener's waiting events, oldest first, removed from the table."""
    rows = session.scalars(
        select(WebhookListenerEvent)
        .where(WebhookListenerEvent.listener_id == listener_id)
        .order_by(WebhookListenerEvent.created_at, WebhookListenerEvent.id)
        .limit(TAKE_BATCH)
    ).all()
    if rows:
        session.execute(
            delete(WebhookListenerEvent).where(
                WebhookListenerEvent.id.in_([row.id for row in rows])
            )
        )
    return [ListenedEvent(row.event_id, row.trigger, row.body) for row in rows]
