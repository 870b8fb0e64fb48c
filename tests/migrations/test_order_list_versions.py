"""Migrations 0011 and 0013 count the orders already stored: on SQLite each company with orders
starts with a version, so its lists seek from the first boundary a client reaches."""

from __future__ import annotations

import uuid
from pathlib import Path

from alembic import command
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planroom.companies import service as companies
from planroom.db.engine import make_engine
from planroom.migrations.run import alembic_config, upgrade
from planroom.orders.models import Order, OrderListVersion


def test_upgrade_gives_companies_with_orders_a_version(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0010")
    with Session(engine) as session:
        with_orders = companies.create_company(session, name="Has Orders").company.id
        without = companies.create_company(session, name="No Orders").company.id
        session.commit()
    rows = [
        {
            "id": uuid.uuid4(),
            "company_id": with_orders,
            "status": "Draft",
            "package_type": "plus",
            "street": f"{index} Old Street",
            "city": "Espoo",
            "country": "Finland",
        }
        for index in range(3)
    ]
    with engine.begin() as connection:
        connection.execute(insert(Order), rows)

    upgrade(engine)
    with engine.connect() as connection:
        versions = {
            company: version
            for company, version in connection.execute(
                select(OrderListVersion.company_id, OrderListVersion.version)
            )
        }
        assert set(versions) == {with_orders} and without not in versions
        before = versions[with_orders]
        assert before > 0
        # 0013's number for the unfiltered list starts where the company's version stood
        assert connection.scalar(select(OrderListVersion.unfiltered_version)) == before
    with engine.begin() as connection:  # the triggers are in place too
        connection.execute(insert(Order), [rows[0] | {"id": uuid.uuid4()}])
    with engine.connect() as connection:
        assert connection.scalar(select(OrderListVersion.version)) == before + 1
    engine.dispose()
