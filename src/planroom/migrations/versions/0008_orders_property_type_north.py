"""orders: property type, north and the reported total scanned area

Revision ID: 0008
Revises: 0007

- `orders.property_type` (`detached` | `attached` | `apartment`, null: as the scan says): the
  measuring method of every area figure (ANSI Z765: outside faces, party-wall centre lines, or
  the inside face for an apartment), set by the client on a draft or order and by the drafter.
- `orders.north_deg`: compass bearing of the plan's +y axis, for the north arrow and the 3D view.
- `orders.total_scanned_area_sqft`: the total scanned area in square feet as the deliverables
  print it (the sum of the rounded levels), so `info.total_scanned_area` matches them exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("property_type", sa.String(20), nullable=True))
        batch.add_column(sa.Column("north_deg", sa.Double(), nullable=True))
        batch.add_column(sa.Column("total_scanned_area_sqft", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("total_scanned_area_sqft")
        batch.drop_column("north_deg")
        batch.drop_column("property_type")
