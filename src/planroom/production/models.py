from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planroom.core.enums import EnumText
from planroom.db.base import Base, CreatedAtMixin, IdMixin, utcnow


class ItemState(StrEnum):
    """Where an order stands on the production line; the moves are `production.line`'s."""

    NEW = "new"
    CONVERTING = "converting"
    DRAFTING = "drafting"
    APPROVAL = "approval"
    RENDERING = "rendering"
    DONE = "done"
    FAILED = "failed"
    FIXING = "fixing"


class FloorModelVersion(IdMixin, CreatedAtMixin, Base):
    """Every saved floor model; the newest version is the order's model."""

    __tablename__ = "floor_model_versions"
    __table_args__ = (UniqueConstraint("model_id", "version"),)

    model_id: Mapped[uuid.UUID] = mapped_column(index=True)
    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    document: Mapped[dict[str, Any]]
    author: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")


class ProductionItem(IdMixin, CreatedAtMixin, Base):
    """Where an order stands on the production line, and who works on it."""

    __tablename__ = "production_items"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), unique=True
    )
    state: Mapped[ItemState] = mapped_column(EnumText(ItemState, 20), index=True)
    round_kind: Mapped[str] = mapped_column(String(20), default="new")
    priority: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime]
    claimed_by: Mapped[uuid.UUID | None]
    claim_expires_at: Mapped[datetime | None]
    # queued conversion: when the reconciler assumes the queue lost it; see production.tasks
    lease_expires_at: Mapped[datetime | None]
    # a conversion in progress: its worker's short lease, renewed by a heartbeat
    running_until: Mapped[datetime | None]
    problems: Mapped[list[str]] = mapped_column(default=list)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Operator(IdMixin, CreatedAtMixin, Base):
    """A drafter or operator of the production API (not a company user)."""

    __tablename__ = "operators"

    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked_at: Mapped[datetime | None]
