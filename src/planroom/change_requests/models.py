from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planroom.db.base import Base, CreatedAtMixin, IdMixin, utcnow


class ChangeRequest(IdMixin, CreatedAtMixin, Base):
    """A customer's request to correct a delivered order: Open → InProgress → Done | Rejected.

    The company is the order's: tenancy is checked through the order, so a company merge that
    moves the order moves its change requests with it.
    """

    __tablename__ = "change_requests"
    __table_args__ = (Index("ix_change_requests_order_created", "order_id", "created_at"),)

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default="Open")
    message: Mapped[str] = mapped_column(Text)
    attachments: Mapped[list[str]] = mapped_column(default=list)
    created_by: Mapped[str | None] = mapped_column(String(320))
    # the model version the customer saw; resolving needs a newer one
    base_version: Mapped[int | None]
    started_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolution_note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
