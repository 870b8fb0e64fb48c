"""orders list index in the list's own order

Revision ID: 0007
Revises: 0006

- `ix_orders_company_created_id` on orders `(company_id, created_at DESC, id DESC)`, the order
  of every orders list, replaces `ix_orders_company_created`: a deep page walks index entries
  only and joins the few rows it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_orders_company_created_id",
        "orders",
        [sa.column("company_id"), sa.column("created_at").desc(), sa.column("id").desc()],
    )
    op.drop_index("ix_orders_company_created", table_name="orders")


def downgrade() -> None:
    op.create_index("ix_orders_company_created", "orders", ["company_id", "created_at"])
    op.drop_index("ix_orders_company_created_id", table_name="orders")
