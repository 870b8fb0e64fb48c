"""orders list versions

Revision ID: 0011
Revises: 0010

- `order_list_versions`: one number per company that changes with every insert, update or
  delete of its orders. On SQLite, triggers keep it, so every write counts (the ORM's, bulk
  inserts, raw SQL); a deep page remembered under one version is still at the same offset while
  the version holds, and the list seeks to it instead of walking the index (`paginate_deep`).
  PostgreSQL gets the table but no triggers: its deferred join is already within the goal, and a
  counter row there would make a company's writers queue behind each other's row lock (SQLite
  has a single writer anyway).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A new row starts at a random number (never 0), so a version seen in one database does not
# recur in another one holding the same company; after that it only grows.
_BUMP = """
    INSERT INTO order_list_versions (company_id, version)
    VALUES ({row}.company_id, abs(random() % 4611686018427387904) + 1)
    ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
"""

_TRIGGERS = {
    "orders_list_version_insert": ("AFTER INSERT", ["NEW"]),
    "orders_list_version_delete": ("AFTER DELETE", ["OLD"]),
    # Any column: a filter added to the list later is covered without a new trigger.
    "orders_list_version_update": ("AFTER UPDATE", ["OLD", "NEW"]),
}


def upgrade() -> None:
    op.create_table(
        "order_list_versions",
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("company_id", name=op.f("pk_order_list_versions")),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "INSERT INTO order_list_versions (company_id, version) "
        "SELECT company_id, abs(random() % 4611686018427387904) + 1 FROM orders "
        "GROUP BY company_id"
    )
    for name, (when, rows) in _TRIGGERS.items():
        body = "".join(_BUMP.format(row=row) for row in rows)
        op.execute(f"CREATE TRIGGER {name} {when} ON orders FOR EACH ROW BEGIN {body} END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("order_list_versions")
