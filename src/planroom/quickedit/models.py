"""Quick Edit's own tables: the links it hands out and every edit saved through it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from planroom.db.base import Base, CreatedAtMixin, IdMixin


class QuickEditLink(IdMixin, CreatedAtMixin, Base):
    """One signed link to an order's Quick Edit page. The signed token names this row; the row
    says who edits through it (a company user, the company's API key, or a drafter), in which
    mode, and until when, so a link can be checked against its editor on every call."""

    __tablename__ = "quick_edit_links"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    company_id: Mapped[uuid.UUID] = mapped_column(index=True)
    mode: Mapped[str] = mapped_column(String(20))
    """`customer` (rooms only) or `drafter` (rooms, walls and openings)."""
    user_id: Mapped[uuid.UUID | None]
    operator_id: Mapped[uuid.UUID | None]
    editor: Mapped[str] = mapped_column(String(320))
    """Who the versions saved through the link are attributed to."""
    expires_at: Mapped[datetime]


class QuickEdit(IdMixin, CreatedAtMixin, Base):
    """One saved edit: the model version it made, the version it was made on, who and what."""

    __tablename__ = "quick_edits"
    __table_args__ = (Index("ix_quick_edits_order_version", "order_id", "version"),)

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    link_id: Mapped[uuid.UUID | None]
    version: Mapped[int]
    base_version: Mapped[int]
    editor: Mapped[str] = mapped_column(String(320))
    mode: Mapped[str] = mapped_column(String(20))
    changes: Mapped[list[str]] = mapped_column(default=list)
    """What changed, one sentence per change (`Room "Bedroom 2" renamed to "Office"`)."""
    operations: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    """The edit as the page sent it (or `{"op": "undo", "to": n}`)."""
