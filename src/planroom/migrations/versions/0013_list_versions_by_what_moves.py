"""order list versions move only when a list's rows can

Revision ID: 0013
Revises: 0012

0011 moved a company's list version on every write to its orders, so a status change anywhere
in the company (the production line makes them all day) cost every deep page its remembered
keys. Now (SQLite, where the triggers are):

- `version` (lists with a filter) moves when an order is inserted or deleted, or an update
  touches a column a list filters or orders by: company, created_at, id, status, external_id,
  created_by, office_id. A filter on another column must add it here (the deep-page tests
  change each filter's column and check the version moved).
- `unfiltered_version` (the list with no filter) moves only on an insert, a delete, or an update
  of company, created_at or id: the columns that decide where a row of that list is.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_START = "abs(random() % 4611686018427387904) + 1"
"""As in 0011: a new row starts at a random number, so a version does not recur elsewhere."""

PLACE_COLUMNS = "company_id, created_at, id"
"""What decides where an order sits in its company's list (the order is created_at, id)."""
FILTER_COLUMNS = "status, external_id, created_by, office_id"
"""What the list's filters read besides those (`orders.service.orders_statement`)."""


_BUMP = """
    INSERT INTO order_list_versions (company_id, version, unfiltered_version)
    VALUES ({row}.company_id, {start}, {start})
    ON CONFLICT (company_id) DO UPDATE SET {sets};
"""


def _bump(row: str, columns: tuple[str, ...]) -> str:
    sets = ", ".join(f"{column} = {column} + 1" for column in columns)
    return _BUMP.format(row=row, start=_START, sets=sets)


_BOTH = ("version", "unfiltered_version")
_TRIGGERS = {
    "orders_list_version_insert": ("AFTER INSERT", ["NEW"], _BOTH),
    "orders_list_version_delete": ("AFTER DELETE", ["OLD"], _BOTH),
    "orders_list_version_moved": (f"AFTER UPDATE OF {PLACE_COLUMNS}", ["OLD", "NEW"], _BOTH),
    "orders_list_version_filtered": (
        f"AFTER UPDATE OF {FILTER_COLUMNS}",
        ["OLD", "NEW"],
        ("version",),
    ),
}

_OLD_BUMP = """
    INSERT INTO order_list_versions (company_id, version)
    VALUES ({row}.company_id, abs(random() % 4611686018427387904) + 1)
    ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
"""
_OLD_TRIGGERS = {
    "orders_list_version_insert": ("AFTER INSERT", ["NEW"]),
    "orders_list_version_delete": ("AFTER DELETE", ["OLD"]),
    "orders_list_version_update": ("AFTER UPDATE", ["OLD", "NEW"]),
}


def upgrade() -> None:
    op.add_column(
        "order_list_versions",
        sa.Column("unfiltered_version", sa.BigInteger(), nullable=False, server_default="0"),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("UPDATE order_list_versions SET unfiltered_version = version")
    for name in _OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, (when, rows, columns) in _TRIGGERS.items():
        body = "".join(_bump(row, columns) for row in rows)
        op.execute(f"CREATE TRIGGER {name} {when} ON orders FOR EACH ROW BEGIN {body} END")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # Copies the table on SQLite: no trigger may name it meanwhile.
    with op.batch_alter_table("order_list_versions") as batch:
        batch.drop_column("unfiltered_version")
    if sqlite:
        for name, (when, rows) in _OLD_TRIGGERS.items():
            body = "".join(_OLD_BUMP.format(row=row) for row in rows)
            op.execute(f"CREATE TRIGGER {name} {when} ON orders FOR EACH ROW BEGIN {body} END")
