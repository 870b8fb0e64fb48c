"""webhook listeners

Revision ID: 0010
Revises: 0009

- `webhook_listeners`: the `planroom webhooks listen` streams open now, per company;
- `webhook_listener_events`: events waiting to go down one of those streams.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import planroom.db.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "webhook_listeners",
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("triggers", JSON, nullable=False),
        sa.Column("seen_at", planroom.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", planroom.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_webhook_listeners_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_listeners")),
    )
    op.create_index(op.f("ix_webhook_listeners_company_id"), "webhook_listeners", ["company_id"])
    op.create_index(op.f("ix_webhook_listeners_created_at"), "webhook_listeners", ["created_at"])
    op.create_table(
        "webhook_listener_events",
        sa.Column("listener_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("trigger", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", planroom.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["webhook_listeners.id"],
            name=op.f("fk_webhook_listener_events_listener_id_webhook_listeners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_listener_events")),
    )
    op.create_index(
        op.f("ix_webhook_listener_events_listener_id"),
        "webhook_listener_events",
        ["listener_id"],
    )
    op.create_index(
        op.f("ix_webhook_listener_events_created_at"),
        "webhook_listener_events",
        ["created_at"],
    )


def downgrade() -> None:
    op.drop_table("webhook_listener_events")
    op.drop_table("webhook_listeners")
