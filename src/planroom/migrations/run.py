"""Run the Alembic chain programmatically: `planroom migrate` and every start call this."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

MIGRATIONS_DIR = Path(__file__).parent
# any constant shared by every Planroom process; "planroom" in ASCII
MIGRATION_LOCK_ID = 0x706C616E726F6F6D


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision, on the engine's own connection.

    On PostgreSQL the transaction first takes an advisory lock, so processes starting together
    migrate one after another: the later ones find the chain at its head and do nothing. (SQLite
    serializes the writers itself.)"""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
