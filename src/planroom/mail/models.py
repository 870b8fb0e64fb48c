from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planroom.db.base import Base, CreatedAtMixin, IdMixin


class OutboxMessage(IdMixin, CreatedAtMixin, Base):
    """Every email Planroom sends; the record a one-machine operator reads."""

    __tablename__ = "mail_outbox"

    recipient: Mapped[str] = mapped_column(String(320), index=True)
    subject: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(50))
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)
