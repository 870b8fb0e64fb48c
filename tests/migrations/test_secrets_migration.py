"""Migration 0006 seals the secrets already stored: existing GoToScan links and webhook
signatures keep working, and nothing is left in the clear."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Connection, MetaData, Table, Uuid, text
from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table

from planroom.auth.encryption import secret_box
from planroom.db.base import JSONType, UTCDateTime
from planroom.db.engine import make_engine
from planroom.migrations.run import alembic_config
from planroom.orders import go2scan
from planroom.runtime import Runtime
from planroom.webhooks.models import WebhookConfig
from planroom.webhooks.service import secrets_in_use
from tests.conftest import make_settings

TOKEN = "legacy-token-0123456789abcdefghijklmnop"
SECRET = "whsec_bGVnYWN5LXNlY3JldC1sZWdhY3ktc2VjcmV0LTAxMjM0NTY3OA=="


def _migrate(url: str, revision: str, settings: object) -> None:
    engine = make_engine(url)
    config = alembic_config(url)
    config.attributes["settings"] = settings
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _insert(connection: Connection, table_name: str, **values: Any) -> None:
    """Insert a row into the table as the old schema has it, filling required columns."""
    reflected = Table(table_name, MetaData(), autoload_with=connection)
    row: dict[str, Any] = {}
    for column in reflected.columns:
        if column.name in values:
            row[column.name] = values[column.name]
        elif not column.nullable:
            row[column.name] = _filler(column.type)
    columns = [
        sa_column(name, _type_of(value, reflected.c[name].type)) for name, value in row.items()
    ]
    connection.execute(sa_table(table_name, *columns).insert().values(**row))


def _filler(column_type: Any) -> Any:
    name = type(column_type).__name__.upper()
    if ("CHAR" in name and getattr(column_type, "length", None) == 32) or "UUID" in name:
        return uuid.uuid4()
    if "JSON" in name:
        return {}
    if "INT" in name:
        return 0
    if "BOOL" in name:
        return False
    if "FLOAT" in name or "NUMERIC" in name or "REAL" in name or "DOUBLE" in name:
        return 0.0
    if "DATE" in name or "TIME" in name:
        return datetime.now(UTC)
    return "x"


def _type_of(value: Any, reflected: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return Uuid()
    if isinstance(value, datetime):
        return UTCDateTime()
    if isinstance(value, dict | list):
        return JSONType
    return reflected


def test_existing_links_and_secrets_are_sealed_and_keep_working(
    tmp_path: Path, empty_database: str
) -> None:
    settings = make_settings(tmp_path, empty_database)
    _migrate(empty_database, "0004", settings)
    company, order = uuid.uuid4(), uuid.uuid4()
    engine = make_engine(empty_database)
    with engine.begin() as connection:
        _insert(connection, "companies", id=company, name="Old Co")
        _insert(connection, "webhook_configs", company_id=company, signing_secret=SECRET)
        _insert(connection, "orders", id=order, company_id=company, status="New")
        _insert(
            connection,
            "go2scan_links",
            id=uuid.uuid4(),
            order_id=order,
            token=TOKEN,
            expires_at=datetime.now(UTC) + timedelta(days=3),
        )
    engine.dispose()

    _migrate(empty_database, "head", settings)

    engine = make_engine(empty_database)
    with engine.connect() as connection:
        stored = " ".join(
            str(value)
            for table in ("webhook_configs", "go2scan_links")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
            for value in row
        )
    engine.dispose()
    assert TOKEN not in stored and SECRET not in stored

    runtime = Runtime.from_settings(settings)
    try:
        with runtime.session_factory() as session:
            config = session.get(WebhookConfig, company)
            assert config is not None
            assert secrets_in_use(config, secret_box(settings)) == [SECRET]
            assert config.circuits == {}
            link = go2scan.link_by_token(session, TOKEN)
            assert link is not None and link.order_id == order
            assert go2scan.scan_url(runtime, link).endswith(f"/scan/{TOKEN}")
            assert go2scan.link_by_token(session, TOKEN + "x") is None
    finally:
        runtime.close()
