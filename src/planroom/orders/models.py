from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planroom.core.enums import EnumText
from planroom.db.base import Base, CreatedAtMixin, IdMixin, utcnow


class SourceState(StrEnum):
    """A scan or plan: stored, still downloading (`pending`), or failed to download."""

    STORED = "stored"
    PENDING = "pending"
    FAILED = "failed"


class ProductState(StrEnum):
    """An owed product: to render (`owed`), rendered and waiting for its group, delivered."""

    OWED = "owed"
    RENDERED = "rendered"
    DELIVERED = "delivered"


class Order(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_company_status", "company_id", "status"),)
    # `version` is the database's (triggers): never sent, never fetched back on insert
    __mapper_args__ = {"eager_defaults": False}

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    owner_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    office_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("offices.id", ondelete="SET NULL"), index=True
    )
    created_by: Mapped[str | None] = mapped_column(String(320))
    status: Mapped[str] = mapped_column(String(20))
    order_type: Mapped[str | None] = mapped_column(String(30))
    is_scan_order: Mapped[bool] = mapped_column(default=True)
    external_id: Mapped[str | None] = mapped_column(String(200), index=True)
    add_info: Mapped[str] = mapped_column(Text, default="")
    package_type: Mapped[str] = mapped_column(String(20))
    add_ons: Mapped[list[str]] = mapped_column(default=list)
    order_preferences: Mapped[dict[str, Any]] = mapped_column(default=dict)
    style_template_id: Mapped[str | None] = mapped_column(String(64))
    model_id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    total_scanned_area_m2: Mapped[float | None]
    total_scanned_area_sqft: Mapped[float | None]
    """Both as the deliverables print them: the sum of the levels, each rounded once."""
    property_type: Mapped[str | None] = mapped_column(String(20))
    """`detached`, `attached` or `apartment`; None: as the floor model (the scan) says."""
    north_deg: Mapped[float | None]
    """Compass bearing of the plan's +y axis; None: as the floor model says."""

    street: Mapped[str] = mapped_column(String(300))
    number: Mapped[str] = mapped_column(String(30), default="")
    suite: Mapped[str] = mapped_column(String(100), default="")
    city: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(30), default="")
    country: Mapped[str] = mapped_column(String(100))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]

    first_delivered_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    is_sandbox_test: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(BigInteger, server_default="0")
    """Bumped by the database on every change an answer about the order shows (migration 0012's
    triggers: the order, its link, sources and delivered products); never written here."""


# Every orders list runs in this order, so a deep page walks index entries only and joins the few
# rows it shows (`core.pagination.paginate_deep`).
Index("ix_orders_company_created_id", Order.company_id, Order.created_at.desc(), Order.id.desc())


class OrderListVersion(Base):
    """Numbers that change whenever a company's order lists could show other rows or the same
    rows elsewhere.

    Kept by triggers on SQLite (migrations 0011, 0013 and 0014), so every write counts, the ORM's
    or not. A page's key remembered under one version is still at the same offset while the
    version is the same (`core.pagination.paginate_deep`). `version` serves lists with a filter:
    it moves on an insert, a delete, or a change to a column lists filter or order by.
    `unfiltered_version` serves the list with none: it moves only on a delete, a change of
    company or `created_at`, or an insert that does not land ahead of every other order of the
    company; such an insert at the head (nearly every new order) counts in `head_inserts`
    instead, and moves every remembered key of that list one place down. So status changes and
    new orders leave its deep pages' keys standing. No foreign key: a row is never deleted, so a
    number is never handed out twice for one company; it starts at a random value for the same
    reason across databases.
    """

    __tablename__ = "order_list_versions"

    company_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    unfiltered_version: Mapped[int] = mapped_column(BigInteger, server_default="0")
    head_inserts: Mapped[int] = mapped_column(BigInteger, server_default="0")


class OrderEvent(IdMixin, Base):
    """One status change: when, from, to, who and why."""

    __tablename__ = "order_events"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    product_type: Mapped[str | None] = mapped_column(String(20))
    delivery_type: Mapped[str | None] = mapped_column(String(20))


class GoToScanLink(IdMixin, CreatedAtMixin, Base):
    """The single-use link that lets a homeowner scan the property."""

    __tablename__ = "go2scan_links"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), unique=True
    )
    # the link's token is looked up by its SHA-256 and kept sealed (`auth.encryption`) only so
    # that the order can show its link again; it is never stored in the clear
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_sealed: Mapped[str] = mapped_column(String(500))
    expires_at: Mapped[datetime]
    opened_at: Mapped[datetime | None]
    uploaded_at: Mapped[datetime | None]
    recipient_email: Mapped[str | None] = mapped_column(String(320))
    recipient_phone: Mapped[str | None] = mapped_column(String(50))
    recipient_name: Mapped[str | None] = mapped_column(String(200))
    priority: Mapped[str] = mapped_column(String(20), default="regular")
    conversion_type: Mapped[str] = mapped_column(String(10), default="t3")


class OrderSource(IdMixin, CreatedAtMixin, Base):
    """An uploaded scan or plan image, stored unchanged."""

    __tablename__ = "order_sources"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(Text)
    storage_key: Mapped[str | None] = mapped_column(String(500))
    filename: Mapped[str] = mapped_column(String(300), default="")
    content_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(default=0)
    state: Mapped[SourceState] = mapped_column(
        EnumText(SourceState, 20), default=SourceState.STORED
    )
    error: Mapped[str | None] = mapped_column(Text)


class OrderProduct(IdMixin, Base):
    """What the order owes and what was delivered, per delivery-asset key."""

    __tablename__ = "order_products"
    __table_args__ = (UniqueConstraint("order_id", "product"),)

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    product: Mapped[str] = mapped_column(String(30))
    state: Mapped[ProductState] = mapped_column(
        EnumText(ProductState, 20), default=ProductState.OWED
    )
    owed_since: Mapped[datetime] = mapped_column(default=utcnow)
    rendered_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    model_version: Mapped[int | None]
    files: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # queued work: when the reconciler assumes the queue lost it; see production.tasks
    lease_expires_at: Mapped[datetime | None]
    # a render in progress: its worker's short lease, renewed by a heartbeat
    running_until: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
