"""quick edit links and edits

Revision ID: 0009
Revises: 0008

- `quick_edit_links`: the signed links to an order's Quick Edit page, who edits and until when;
- `quick_edits`: every edit saved through one, with the version it made and what it changed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import planroom.db.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "quick_edit_links",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("operator_id", sa.Uuid(), nullable=True),
        sa.Column("editor", sa.String(length=320), nullable=False),
        sa.Column("expires_at", planroom.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", planroom.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_quick_edit_links_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quick_edit_links")),
    )
    with op.batch_alter_table("quick_edit_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quick_edit_links_order_id"), ["order_id"])
        batch_op.create_index(batch_op.f("ix_quick_edit_links_company_id"), ["company_id"])
        batch_op.create_index(batch_op.f("ix_quick_edit_links_created_at"), ["created_at"])
    op.create_table(
        "quick_edits",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("link_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("editor", sa.String(length=320), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("changes", JSON, nullable=False),
        sa.Column("operations", JSON, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", planroom.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_quick_edits_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quick_edits")),
    )
    with op.batch_alter_table("quick_edits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quick_edits_created_at"), ["created_at"])
        batch_op.create_index("ix_quick_edits_order_version", ["order_id", "version"])


def downgrade() -> None:
    op.drop_table("quick_edits")
    op.drop_table("quick_edit_links")
