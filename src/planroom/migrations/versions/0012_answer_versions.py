"""orders and companies: a version the database bumps on every change a client could see

Revision ID: 0012
Revises: 0011

`orders.version` goes up whenever the order, its GoToScan link, its redraw sources or the
delivery columns of its products change; `companies.version` whenever the company or one of its
style templates changes. Triggers keep them, so no write path (an ORM flush, a bulk UPDATE, a
statement typed by an operator) can change what an order's answer shows without changing the
pair: the API answers a repeated read from memory after one indexed lookup of the two
(`orders.hot_reads`). Product columns only jobs look at (leases, attempts) do not bump it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PRODUCT_COLUMNS = "order_id, product, state, delivered_at, files"
"""What an answer reads of a product row."""

CHILDREN = {
    # table: (the column naming the parent, the columns whose change matters; None: any)
    "order_products": ("order_id", PRODUCT_COLUMNS),
    "go2scan_links": ("order_id", None),
    "order_sources": ("order_id", None),
}
COMPANY_CHILDREN = {"style_templates": ("company_id", None)}


def _sqlite_child_triggers(table: str, parent: str, key: str, columns: str | None) -> list[str]:
    of = f" OF {columns}" if columns else ""
    bump = "UPDATE {parent} SET version = version + 1 WHERE id = {row}.{key};"
    return [
        f"CREATE TRIGGER trg_{table}_insert_bumps_{parent} AFTER INSERT ON {table} "
        f"BEGIN {bump.format(parent=parent, row='NEW', key=key)} END",
        f"CREATE TRIGGER trg_{table}_update_bumps_{parent} AFTER UPDATE{of} ON {table} "
        f"BEGIN {bump.format(parent=parent, row='NEW', key=key)} "
        f"{bump.format(parent=parent, row='OLD', key=key)} END",
        f"CREATE TRIGGER trg_{table}_delete_bumps_{parent} AFTER DELETE ON {table} "
        f"BEGIN {bump.format(parent=parent, row='OLD', key=key)} END",
    ]


SQLITE_SELF_TRIGGER = (
    "CREATE TRIGGER trg_{table}_update_bumps_version AFTER UPDATE ON {table} "
    "WHEN NEW.version = OLD.version "
    "BEGIN UPDATE {table} SET version = OLD.version + 1 WHERE id = NEW.id; END"
)
"""Recursive triggers are off in SQLite: the inner UPDATE does not fire this again."""


def _sqlite_self_trigger(table: str) -> str:
    return SQLITE_SELF_TRIGGER.format(table=table)


def _postgres_statements() -> list[str]:
    statements = [
        "CREATE FUNCTION planroom_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$",
        # TG_ARGV: the parent table and the column of the child naming it
        "CREATE FUNCTION planroom_bump_parent_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF TG_OP IN ('UPDATE', 'DELETE') THEN EXECUTE format("
        "'UPDATE %I SET version = version + 1 WHERE id = $1.%I', TG_ARGV[0], TG_ARGV[1]) "
        "USING OLD; END IF; "
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN EXECUTE format("
        "'UPDATE %I SET version = version + 1 WHERE id = $1.%I', TG_ARGV[0], TG_ARGV[1]) "
        "USING NEW; END IF; "
        "RETURN NULL; END $$",
    ]
    for table in ("orders", "companies"):
        statements.append(
            f"CREATE TRIGGER trg_{table}_update_bumps_version BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION planroom_bump_version()"
        )
    for parent, children in (("orders", CHILDREN), ("companies", COMPANY_CHILDREN)):
        for table, (key, columns) in children.items():
            of = f" OF {columns}" if columns else ""
            statements.append(
                f"CREATE TRIGGER trg_{table}_bumps_{parent} "
                f"AFTER INSERT OR UPDATE{of} OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION planroom_bump_parent_version('{parent}', '{key}')"
            )
    return statements


def _sqlite_statements() -> list[str]:
    statements = [_sqlite_self_trigger("orders"), _sqlite_self_trigger("companies")]
    for parent, children in (("orders", CHILDREN), ("companies", COMPANY_CHILDREN)):
        for table, (key, columns) in children.items():
            statements += _sqlite_child_triggers(table, parent, key, columns)
    return statements


def upgrade() -> None:
    for table in ("orders", "companies"):
        op.add_column(
            table, sa.Column("version", sa.BigInteger(), nullable=False, server_default="0")
        )
    dialect = op.get_bind().dialect.name
    for statement in _postgres_statements() if dialect == "postgresql" else _sqlite_statements():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for parent, children in (("orders", CHILDREN), ("companies", COMPANY_CHILDREN)):
            for table in children:
                op.execute(f"DROP TRIGGER trg_{table}_bumps_{parent} ON {table}")
        for table in ("orders", "companies"):
            op.execute(f"DROP TRIGGER trg_{table}_update_bumps_version ON {table}")
        op.execute("DROP FUNCTION planroom_bump_parent_version()")
        op.execute("DROP FUNCTION planroom_bump_version()")
    else:
        for parent, children in (("orders", CHILDREN), ("companies", COMPANY_CHILDREN)):
            for table in children:
                for action in ("insert", "update", "delete"):
                    op.execute(f"DROP TRIGGER trg_{table}_{action}_bumps_{parent}")
        for table in ("orders", "companies"):
            op.execute(f"DROP TRIGGER trg_{table}_update_bumps_version")
    for table in ("orders", "companies"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
