"""Processes that start together on an empty PostgreSQL database all migrate it, one at a time."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from planroom.db.engine import make_engine
from planroom.migrations.run import upgrade
from tests.conftest import NO_POSTGRES, POSTGRES_URL

STARTS = 3


@pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
def test_three_migrations_at_once_on_a_fresh_database_all_succeed() -> None:
    assert POSTGRES_URL
    admin_url = make_url(POSTGRES_URL)
    name = f"planroom_race_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
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
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
