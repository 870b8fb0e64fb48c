from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planroom.core.enums import EnumText
from planroom.db.base import Base, CreatedAtMixin, IdMixin, utcnow


class DeliveryState(StrEnum):
    """A webhook delivery: still to send, delivered, failed for good, or skipped (its URL
    or trigger was unregistered before it was sent)."""

    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
    SKIPPED = "skipped"


class WebhookConfig(CreatedAtMixin, Base):
    """A company's webhook registration: URLs, triggers and signing secrets."""

    __tablename__ = "webhook_configs"

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True
    )
    urls: Mapped[list[str]] = mapped_column(default=list)
    triggers: Mapped[list[str]] = mapped_column(default=list)
    # url -> {"disabled_at": epoch, "reason": str}; set by a 410, cleared by registering again
    disabled_urls: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # url -> {"timeouts": n, "open_until": epoch | None}: the circuit breaker of slow URLs
    circuits: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # sealed with `auth.encryption.SecretBox`; never stored in the clear
    signing_secret: Mapped[str] = mapped_column(String(500))
    previous_secret: Mapped[str | None] = mapped_column(String(500))
    previous_secret_expires_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WebhookDelivery(IdMixin, CreatedAtMixin, Base):
    """One event for one URL: the frozen body, its state and when to try next."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("event_id", "url", name="uq_webhook_deliveries_event_id_url"),
        Index("ix_webhook_deliveries_due", "state", "next_attempt_at"),
        Index("ix_webhook_deliveries_company_created", "company_id", "created_at"),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    order_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    trigger: Mapped[str] = mapped_column(String(40))
    url: Mapped[str] = mapped_column(String(2048))
    body: Mapped[str] = mapped_column(Text)
    # pending -> delivered | failed (gave up, 410, refused address) | skipped (URL unregistered)
    state: Mapped[DeliveryState] = mapped_column(
        EnumText(DeliveryState, 20), default=DeliveryState.PENDING
    )
    attempt_count: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int]
    next_attempt_at: Mapped[datetime | None]
    claimed_until: Mapped[datetime | None]
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None]

    attempts: Mapped[list[WebhookAttempt]] = relationship(
        order_by="WebhookAttempt.number",
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class WebhookAttempt(IdMixin, Base):
    """One HTTP call of a delivery, as the delivery log shows it."""

    __tablename__ = "webhook_attempts"

    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    attempted_at: Mapped[datetime]
    status_code: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int]
    response_body: Mapped[str | None] = mapped_column(Text)


class WebhookListener(IdMixin, CreatedAtMixin, Base):
    """A `planroom webhooks listen` stream that is open now: it gets a copy of every event of
    its company (of its triggers) recorded while it lives. `seen_at` is renewed while the
    stream is open; a listener not seen for a minute gets nothing more and is removed."""

    __tablename__ = "webhook_listeners"

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    # empty: every trigger
    triggers: Mapped[list[str]] = mapped_column(default=list)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebhookListenerEvent(IdMixin, CreatedAtMixin, Base):
    """One event waiting to go down a listener's stream (deleted once sent)."""

    __tablename__ = "webhook_listener_events"

    listener_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_listeners.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[str] = mapped_column(String(64))
    trigger: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
