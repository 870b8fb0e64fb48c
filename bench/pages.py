"""Deep pages: `GET /orders?offset=90000` next to `offset=0`, of one company's 100,000 orders.

Run from the repository root: `python bench/pages.py [--orders 100000] [--backend sqlite,postgres]`.
For each backend it migrates a fresh database (SQLite in a temporary folder; PostgreSQL a new
database on `PLANROOM_BENCH_POSTGRES_URL`, default `postgresql+psycopg://postgres@127.0.0.1:5432/
postgres`, dropped after), inserts the orders, and times the API in process (no network): the
median of `--repeat` calls of `GET /orders?limit=20` at offset 0 and at offset 90 % of the orders,
and their ratio (goal: at most 2). Repeated calls at one offset find the key the first one
remembered (SQLite). A second line gives the deep page right after another order's status
changed (what the production line does all day): the list with no filter keeps its remembered
keys through that. A third gives the next page (the client read the one before it) right after a
new order, which moves every row one place on: the key remembered at the page before still
holds, moved by one. A fourth asks the same deep page again right after each new order: its
key moved one past its start, and the page is sought by walking back from it. Both offsets go to the
list route (the hot-read layer, which answers shallow pages of an unchanged list from memory, is
off): the figures compare what reaching a deep page costs the database with reaching the first one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, select, text, update
from sqlalchemy.engine import make_url

from planroom.app import API_PREFIX, create_app
from planroom.companies import service as companies
from planroom.core.pagination import SIGNPOSTS
from planroom.migrations.run import upgrade
from planroom.orders.models import Order
from planroom.runtime import Runtime
from planroom.settings import Settings

BATCH = 5_000


def _fill(runtime: Runtime, count: int) -> tuple[str, str]:
    """A company with `count` draft orders, one second apart; its id and API key."""
    with runtime.session_factory() as session:
        created = companies.create_company(session, name="Pages Bench")
        company_id = created.company.id
        session.commit()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with runtime.engine.begin() as connection:
        for first in range(0, count, BATCH):
            rows = [
                {
                    "id": uuid.uuid4(),
                    "company_id": company_id,
                    "status": "Draft",
                    "package_type": "plus",
                    "street": f"{index} Bench Street",
                    "city": "Springfield",
                    "country": "United States",
                    "created_at": start + timedelta(seconds=index),
                }
                for index in range(first, min(first + BATCH, count))
            ]
            connection.execute(insert(Order), rows)
    if runtime.engine.dialect.name == "postgresql":
        # Fresh rows: the planner needs their statistics, index-only scans the visibility map.
        with runtime.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE orders"))
    else:
        with runtime.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    return str(company_id), created.api_key


def _median_ms(
    client: TestClient,
    key: str,
    offset: int,
    repeat: int,
    before: Callable[[], None] = lambda: None,
) -> tuple[float, float]:
    """Median wall and CPU milliseconds of one page at `offset`; `before` runs, untimed, ahead
    of each request."""
    url = f"{API_PREFIX}/orders"
    params = {"limit": 20, "offset": offset}
    for _ in range(3):
        before()
        assert client.get(url, params=params, headers={"api-key": key}).status_code == 200
    wall, cpu = [], []
    for _ in range(repeat):
        before()
        started, started_cpu = time.perf_counter(), time.process_time()
        answer = client.get(url, params=params, headers={"api-key": key})
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert answer.status_code == 200 and len(answer.json()["items"]) == 20
    return statistics.median(wall), statistics.median(cpu)


def _status_change(runtime: Runtime, company_id: str) -> Callable[[], None]:
    """One of the company's orders moves to another status and back: the unfiltered list's rows
    stay where they are."""
    statuses = iter(("Processing", "Draft") * 1000)

    def change() -> None:
        with runtime.engine.begin() as connection:
            one = (
                select(Order.id)
                .where(Order.company_id == uuid.UUID(company_id))
                .limit(1)
                .scalar_subquery()
            )
            connection.execute(update(Order).where(Order.id == one).values(status=next(statuses)))

    return change


def _new_order(runtime: Runtime, company_id: str) -> Callable[[], None]:
    """A new order, the newest: every row of the list moves one place on."""

    def add() -> None:
        with runtime.engine.begin() as connection:
            connection.execute(
                insert(Order),
                [
                    {
                        "id": uuid.uuid4(),
                        "company_id": uuid.UUID(company_id),
                        "status": "Draft",
                        "package_type": "plus",
                        "street": "1 New Street",
                        "city": "Springfield",
                        "country": "United States",
                    }
                ],
            )

    return add


def _measure(name: str, database_url: str, count: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder),
            database_url=database_url,
            embedded_workers=0,
            rate_limit_per_second=0,
            hot_reads=False,  # see the module's docstring
        )
        runtime = Runtime.from_settings(settings)
        try:
            upgrade(runtime.engine)
            company_id, key = _fill(runtime, count)
            deep = count * 9 // 10
            with TestClient(create_app(runtime)) as client:
                first, first_cpu = _median_ms(client, key, 0, repeat)
                far, far_cpu = _median_ms(client, key, deep, repeat)
                changed = _status_change(runtime, company_id)
                kept, kept_cpu = _median_ms(client, key, deep, repeat, changed)
                add = _new_order(runtime, company_id)

                def read_the_page_before_then_add() -> None:
                    previous = {"limit": 20, "offset": deep - 20}
                    read = client.get(f"{API_PREFIX}/orders", params=previous, headers=key_header)
                    assert read.status_code == 200
                    add()

                key_header = {"api-key": key}
                grown, grown_cpu = _median_ms(
                    client, key, deep, repeat, read_the_page_before_then_add
                )
                SIGNPOSTS.clear()  # what the page before left would still hold for a while
                again, again_cpu = _median_ms(client, key, deep, repeat, add)
        finally:
            runtime.close()
    print(
        f"{name:<11} {count} orders: offset 0 {first:6.1f} ms (cpu {first_cpu:5.1f}), "
        f"offset {deep} {far:6.1f} ms (cpu {far_cpu:5.1f}), ratio {far / first:4.2f} (goal <= 2)"
    )
    print(
        f"{'':<11} offset {deep} right after a status change: "
        f"{kept:6.1f} ms (cpu {kept_cpu:5.1f}), ratio {kept / first:4.2f}"
    )
    print(
        f"{'':<11} offset {deep} as the next page right after a new order: "
        f"{grown:6.1f} ms (cpu {grown_cpu:5.1f}), ratio {grown / first:4.2f}"
    )
    print(
        f"{'':<11} offset {deep} again right after a new order: "
        f"{again:6.1f} ms (cpu {again_cpu:5.1f}), ratio {again / first:4.2f}"
    )


def _postgres(admin_url: str, count: int, repeat: int) -> None:
    database = f"planroom_pages_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        url = make_url(admin_url).set(database=database)
        _measure("postgresql", url.render_as_string(hide_password=False), count, repeat)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--backend", default="sqlite,postgres")
    args = parser.parse_args()
    backends = args.backend.split(",")
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'pages.db'}"
            _measure("sqlite", url, args.orders, args.repeat)
    if "postgres" in backends:
        admin_url = os.environ.get(
            "PLANROOM_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        )
        _postgres(admin_url, args.orders, args.repeat)


if __name__ == "__main__":
    main()
