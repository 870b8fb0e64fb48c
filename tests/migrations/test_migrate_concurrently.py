"""Processes that start together on an empty PostgreSQL database all migrate it, one at a time."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from planroom.db.engine import make_engine
from planroom.migrations.run import upgrade
from tests.conftest import NO_POSTGRES, POSTGRES_URL, empty_postgres_database

STARTS = 3


@pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
def test_three_migrations_at_once_on_a_fresh_database_all_succeed() -> None:
    with empty_postgres_database("planroom_race") as url:
        _migrate_at_once(url)


def _migrate_at_once(url: str) -> None:
    engines = [make_engine(url) for _ in range(STARTS)]
    barrier = threading.Barrier(STARTS)
    failures: list[BaseException] = []

    def start(index: int) -> None:
        barrier.wait()
        try:
            upgrade(engines[index])
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=start, args=(index,)) for index in range(STARTS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert failures == []
        with engines[0].connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        assert len(versions) == 1  # one head, written once
    finally:
        for engine in engines:
            engine.dispose()
