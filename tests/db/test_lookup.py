"""`Lookup`: what Core returns, never a stale snapshot, and a dropped connection survived."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, select, text, update

from planroom.companies import service as companies
from planroom.companies.models import Company
from planroom.db.lookup import Lookup
from planroom.runtime import Runtime


def _company(runtime: Runtime, name: str = "Lookup Co") -> uuid.UUID:
    with runtime.session_factory() as session:
        company_id = companies.create_company(session, name=name).company.id
        session.commit()
    return company_id


def _by_id(runtime: Runtime) -> tuple[Lookup, Any]:
    statement = select(Company.id, Company.name, Company.created_at, Company.version).where(
        Company.id == bindparam("company_id", type_=Company.id.type)
    )
    return Lookup(runtime.engine, statement), statement


def test_rows_are_what_core_returns(runtime: Runtime) -> None:
    company_id = _company(runtime)
    _company(runtime, "Another Co")
    lookup, statement = _by_id(runtime)

    with runtime.engine.connect() as connection:
        expected = [tuple(row) for row in connection.execute(statement, {"company_id": company_id})]

    found = lookup.rows({"company_id": company_id})
    assert found == expected
    assert isinstance(found[0][0], uuid.UUID) and found[0][1] == "Lookup Co"
    assert lookup.rows({"company_id": uuid.uuid4()}) == []


def test_a_later_commit_is_seen_by_the_next_read(runtime: Runtime) -> None:
    company_id = _company(runtime)
    lookup, _ = _by_id(runtime)
    before = lookup.rows({"company_id": company_id})[0][3]

    with runtime.engine.begin() as connection:
        connection.execute(update(Company).where(Company.id == company_id).values(name="Renamed"))

    after = lookup.rows({"company_id": company_id})[0]
    assert after[1] == "Renamed"
    assert after[3] > before  # the trigger-kept version moved, and the read saw it


def test_a_dropped_connection_is_replaced(runtime: Runtime) -> None:
    company_id = _company(runtime)
    lookup, _ = _by_id(runtime)
    assert lookup.rows({"company_id": company_id})
    (connection,) = lookup._connections.values()
    if runtime.engine.dialect.name == "postgresql":
        # as a server restart or an idle timeout would
        with runtime.engine.connect() as admin:
            admin.execute(
                text("SELECT pg_terminate_backend(:pid)"), {"pid": connection.info.backend_pid}
            )
            admin.commit()
    else:
        connection.close()

    assert lookup.rows({"company_id": company_id})[0][0] == company_id
    assert list(lookup._connections.values()) != [connection]


def test_disposing_the_engine_closes_its_connections(runtime: Runtime) -> None:
    company_id = _company(runtime)
    lookup, _ = _by_id(runtime)
    lookup.rows({"company_id": company_id})
    (connection,) = lookup._connections.values()

    runtime.engine.dispose()

    assert lookup._connections == {}
    closed = (
        connection.closed
        if runtime.engine.dialect.name == "postgresql"
        else _sqlite_closed(connection)
    )
    assert closed
    # and it reads again on a new connection when asked
    assert lookup.rows({"company_id": company_id})[0][0] == company_id


def _sqlite_closed(connection: Any) -> bool:
    try:
        connection.execute("SELECT 1")
    except Exception:  # sqlite3.ProgrammingError: closed
        return True
    return False
