"""a new newest order moves the unfiltered list's deep pages by one, not their keys away

Revision ID: 0014
Revises: 0013

Orders are listed newest first, and almost every new order is the newest of its company. Such
an insert moves every row of the unfiltered list exactly one place down, so a key remembered at
offset N is at N + 1 afterwards: it need not be forgotten. Now (SQLite, where the triggers are)
an insert that lands ahead of every other order of its company counts in `head_inserts` and
leaves `unfiltered_version` as it is; any other insert moves `unfiltered_version` as before.
`version` (lists with a filter) still moves on every insert.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_START = "abs(random() % 4611686018427387904) + 1"
"""As in 0011: a company's first row starts at a random number."""

_BUMP = """
    INSERT INTO order_list_versions (company_id, version, unfiltered_version, head_inserts)
    VALUES (NEW.company_id, {start}, {start}, 0)
    ON CONFLICT (company_id) DO UPDATE SET {sets};
"""
_AHEAD = """EXISTS (
    SELECT 1 FROM orders AS other
    WHERE other.company_id = NEW.company_id AND other.id != NEW.id
      AND (other.created_at > NEW.created_at
           OR (other.created_at = NEW.created_at AND other.id > NEW.id))
)"""
"""Whether another order of the company is listed ahead of the new one (newest first, ties by
id): an indexed look at the head of the company's list."""

_TRIGGERS = {
    "orders_list_version_insert": (f"WHEN {_AHEAD}", ("version", "unfiltered_version")),
    "orders_list_version_insert_head": (f"WHEN NOT {_AHEAD}", ("version", "head_inserts")),
}

_OLD_INSERT = """
CREATE TRIGGER orders_list_version_insert AFTER INSERT ON orders FOR EACH ROW BEGIN
    INSERT INTO order_list_versions (company_id, version, unfiltered_version)
    VALUES (NEW.company_id, {start}, {start})
    ON CONFLICT (company_id) DO UPDATE SET
        version = version + 1, unfiltered_version = unfiltered_version + 1;
END
"""


def _trigger(name: str, when: str, columns: tuple[str, ...]) -> str:
    sets = ", ".join(f"{column} = {column} + 1" for column in columns)
    body = _BUMP.format(start=_START, sets=sets)
    return f"CREATE TRIGGER {name} AFTER INSERT ON orders FOR EACH ROW {when} BEGIN {body} END"


def upgrade() -> None:
    op.add_column(
        "order_list_versions",
        sa.Column("head_inserts", sa.BigInteger(), nullable=False, server_default="0"),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS orders_list_version_insert")
    for name, (when, columns) in _TRIGGERS.items():
        op.execute(_trigger(name, when, columns))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        # in place (SQLite 3.35+): a batch copy would trip over 0013's triggers naming the table
        op.execute("ALTER TABLE order_list_versions DROP COLUMN head_inserts")
        op.execute(_OLD_INSERT.format(start=_START))
    else:
        op.drop_column("order_list_versions", "head_inserts")
