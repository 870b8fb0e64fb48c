"""The migration chain upgrades an empty database on every backend to exactly the models, and
every step can be taken back."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from planroom.db.engine import make_engine
from planroom.migrations.run import alembic_config, upgrade
from planroom.migrations.tables import Base


def test_upgraded_database_matches_the_models(database_url: str) -> None:
    # the fixture hands out a database that the chain upgraded from empty
    engine = create_engine(database_url)
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert set(Base.metadata.tables) <= tables
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_every_migration_downgrades_and_upgrades_again(empty_database: str) -> None:
    engine = make_engine(empty_database)
    upgrade(engine)
    config = alembic_config(empty_database)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with engine.connect() as connection:
        left = set(inspect(connection).get_table_names()) - {"alembic_version"}
    assert left == set()

    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()
