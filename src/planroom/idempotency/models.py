from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planroom.db.base import Base, CreatedAtMixin, IdMixin


class IdempotencyRecord(IdMixin, CreatedAtMixin, Base):
    """The first response to a POST made with an `Idempotency-Key`, per caller."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("caller", "key"),)

    caller: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20), default="started")
    status_code: Mapped[int | None]
    content_type: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime]
    # renewed while the request runs; past it, the owner is taken for dead and the key reusable
    lease_expires_at: Mapped[datetime | None]
