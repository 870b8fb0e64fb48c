from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from planroom.db.base import Base, CreatedAtMixin, IdMixin


class Company(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "companies"
    # `version` is the database's (triggers): never sent, never fetched back on insert
    __mapper_args__ = {"eager_defaults": False}

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    country: Mapped[str] = mapped_column(String(100), default="United States")
    customer_type: Mapped[str] = mapped_column(String(50), default="business")
    measurement_system: Mapped[str] = mapped_column(String(10), default="imperial")
    language: Mapped[str] = mapped_column(String(5), default="en")
    sandbox: Mapped[bool] = mapped_column(default=False)
    default_package_type: Mapped[str] = mapped_column(String(20), default="base")
    default_add_ons: Mapped[list[str]] = mapped_column(default=list)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("companies.id"))
    settings_json: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(BigInteger, server_default="0")
    """Bumped by the database whenever the company or one of its style templates changes
    (migration 0012's triggers); never written here."""


class MergeRequest(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "merge_requests"

    requester_company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    # None when the email was no other company's Manager: stored all the same, so that the
    # answer does not tell the requester whether the address exists
    target_company_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    target_email: Mapped[str] = mapped_column(String(320))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    accepted_at: Mapped[datetime | None]
