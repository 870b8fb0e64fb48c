"""Deep pages give exactly what plain OFFSET gives, for every filter, with ties in `created_at`,
while rows come and go between pages; on SQLite they seek to the keys clients already reached."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from planroom.companies import service as companies
from planroom.core.pagination import PageParams
from planroom.offices.models import Office
from planroom.orders import service
from planroom.orders.models import Order, OrderListVersion
from planroom.runtime import Runtime
from tests.builders import counted

START = datetime(2024, 3, 1, tzinfo=UTC)
EMAILS = ("a@example.com", "b@example.com", "c@example.com")


def _row(company_id: uuid.UUID, index: int, office_ids: list[uuid.UUID]) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "company_id": company_id,
        "status": ("Draft", "New", "Ready")[index % 3],
        "package_type": "plus",
        "street": f"{index} Tie Street",
        "city": "Espoo",
        "country": "Finland",
        "external_id": f"EXT{index % 4}",
        "created_by": EMAILS[index % 3],
        "office_id": office_ids[index % 2],
        # four orders share each second: the order within a second is the id's
        "created_at": START + timedelta(seconds=index // 4),
    }


def _company(runtime: Runtime, orders: int) -> tuple[uuid.UUID, list[uuid.UUID]]:
    with runtime.session_factory() as session:
        company_id = companies.create_company(session, name="Deep Pages").company.id
        offices = [Office(company_id=company_id, name=f"Office {i}") for i in range(2)]
        session.add_all(offices)
        session.commit()
        office_ids = [office.id for office in offices]
    with runtime.engine.begin() as connection:
        connection.execute(insert(Order), [_row(company_id, i, office_ids) for i in range(orders)])
    return company_id, office_ids


def _filters(office_ids: list[uuid.UUID]) -> list[service.OrderFilters]:
    return [
        service.OrderFilters(),
        service.OrderFilters(statuses=("Draft", "Ready")),
        service.OrderFilters(external_id="EXT1"),
        service.OrderFilters(owner_email="B@example.com"),
        service.OrderFilters(office_id=office_ids[1]),
        service.OrderFilters(
            created_after=START + timedelta(seconds=3), created_before=START + timedelta(seconds=40)
        ),
        service.OrderFilters(statuses=("New",), created_after=START + timedelta(seconds=5)),
    ]


def _plain(
    session: Session, company_id: uuid.UUID, filters: service.OrderFilters, limit: int, offset: int
) -> tuple[list[uuid.UUID], bool]:
    statement = service.orders_statement(company_id, filters).limit(limit + 1).offset(offset)
    ids = [order.id for order in session.scalars(statement)]
    return ids[:limit], len(ids) > limit


def _deep(
    session: Session, company_id: uuid.UUID, filters: service.OrderFilters, limit: int, offset: int
) -> tuple[list[uuid.UUID], bool]:
    page = service.orders_page(
        session,
        company_id,
        filters,
        PageParams(limit=limit, offset=offset),
        lambda orders: [order.id for order in orders],
    )
    return page.items, page.pagination.has_more


def _assert_walks_like_offset(
    runtime: Runtime, company_id: uuid.UUID, filters: service.OrderFilters, limit: int
) -> int:
    """Follow `next_offset` to the end, each page checked against plain OFFSET; the pages."""
    offset: int | None = 0
    pages = 0
    with runtime.session_factory() as session:
        while offset is not None:
            seen = _deep(session, company_id, filters, limit, offset)
            assert seen == _plain(session, company_id, filters, limit, offset), (filters, offset)
            offset = offset + limit if seen[1] else None
            pages += 1
    return pages


def test_every_filter_walks_and_jumps_exactly_like_offset(runtime: Runtime) -> None:
    company_id, office_ids = _company(runtime, 150)
    for filters in _filters(office_ids):
        # twice: the second walk seeks to the boundaries the first one reached (on SQLite)
        assert _assert_walks_like_offset(runtime, company_id, filters, 7) > 1
        assert _assert_walks_like_offset(runtime, company_id, filters, 7) > 1
        with runtime.session_factory() as session:
            # jumps, back and forth, between and onto remembered boundaries, and past the end
            for offset in (130, 0, 64, 63, 65, 14, 149, 150, 200, 3):
                expected = _plain(session, company_id, filters, 5, offset)
                assert _deep(session, company_id, filters, 5, offset) == expected, offset


def test_pages_stay_exact_while_orders_come_and_go(runtime: Runtime) -> None:
    company_id, office_ids = _company(runtime, 120)
    every, drafts = service.OrderFilters(), service.OrderFilters(statuses=("Draft",))

    def check() -> None:
        with runtime.session_factory() as session:
            for filters in (every, drafts):
                # deepest first: a boundary remembered before the change is tried first
                for offset in (110, 90, 60, 30, 20, 10, 0, 100):
                    expected = _plain(session, company_id, filters, 10, offset)
                    assert _deep(session, company_id, filters, 10, offset) == expected

    def ids_at(*offsets: int) -> list[uuid.UUID]:
        with runtime.session_factory() as session:
            ids = list(
                session.scalars(
                    service.orders_statement(company_id, every).with_only_columns(Order.id)
                )
            )
        return [ids[offset] for offset in offsets]

    check()  # remembers the boundaries it reached
    check()  # and seeks to them
    with runtime.engine.begin() as connection:  # a newest order shifts every row by one
        connection.execute(insert(Order), [_row(company_id, 500, office_ids)])
    check()
    (middle,) = ids_at(55)
    with runtime.session_factory() as session:  # through the ORM
        session.delete(session.get_one(Order, middle))
        session.commit()
    check()
    (other,) = ids_at(40)
    with runtime.engine.begin() as connection:  # raw SQL, not through the ORM: a Draft no more
        connection.execute(update(Order).where(Order.id == other).values(status="Cancelled"))
    check()
    (boundary,) = ids_at(30)
    with runtime.engine.begin() as connection:  # a row exactly at a remembered boundary
        connection.execute(delete(Order).where(Order.id == boundary))
    check()
    with runtime.engine.begin() as connection:  # created_at rewritten: a tie moves
        connection.execute(
            update(Order)
            .where(Order.id == ids_at(70)[0])
            .values(created_at=START + timedelta(seconds=2))
        )
    check()


def test_a_rolled_back_write_leaves_nothing_wrong_remembered(runtime: Runtime) -> None:
    # A list read inside a write that is rolled back sees a version number that the next
    # committed write is handed again, for different rows.
    company_id, office_ids = _company(runtime, 60)
    every = service.OrderFilters()
    with runtime.session_factory() as session:
        session.execute(insert(Order), [_row(company_id, 900, office_ids)])
        for offset in (0, 10, 20, 30):
            assert _deep(session, company_id, every, 10, offset) == _plain(
                session, company_id, every, 10, offset
            )
        session.rollback()
    with runtime.engine.begin() as connection:
        row = _row(company_id, 901, office_ids) | {"created_at": START - timedelta(days=1)}
        connection.execute(insert(Order), [row])
    with runtime.session_factory() as session:
        for offset in (10, 20, 30, 40, 50, 60):
            assert _deep(session, company_id, every, 10, offset) == _plain(
                session, company_id, every, 10, offset
            )


def test_a_reached_boundary_is_a_seek_on_sqlite(runtime: Runtime) -> None:
    company_id, _ = _company(runtime, 80)
    every = service.OrderFilters()
    sqlite = runtime.engine.dialect.name == "sqlite"
    with runtime.session_factory() as session:
        with counted(runtime) as cold:
            first = _deep(session, company_id, every, 10, 60)
        with counted(runtime) as warm:
            again = _deep(session, company_id, every, 10, 60)
            after = _deep(session, company_id, every, 10, 70)
        assert first == again == _plain(session, company_id, every, 10, 60)
        assert after == _plain(session, company_id, every, 10, 70)
    assert len(cold) == 1 and len(warm) == 2  # one statement per page either way
    assert all("sought" in sql for sql in warm) is sqlite
    assert not any("sought" in sql for sql in cold)


def _steps(session: Session, page: Callable[[], Any]) -> tuple[Any, int]:
    """`page()` and the tens of SQLite VM steps it took: a walk past N rows takes about
    N times more than a seek."""
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None
    dbapi.set_progress_handler(step, 10)
    try:
        return page(), steps
    finally:
        dbapi.set_progress_handler(None, 0)


def _deep_page_walked(runtime: Runtime) -> tuple[uuid.UUID, list[uuid.UUID], int]:
    """A company of 4,000 orders whose page at offset 3,950 was just walked (its boundaries
    remembered), and the VM steps that walk took."""
    company_id, office_ids = _company(runtime, 4000)
    with runtime.session_factory() as session:
        every = service.OrderFilters()
        _, cold = _steps(session, lambda: _deep(session, company_id, every, 10, 3950))
    return company_id, office_ids, cold


def test_new_orders_at_the_head_keep_a_deep_page_a_seek_on_sqlite(runtime: Runtime) -> None:
    if runtime.engine.dialect.name != "sqlite":
        return  # PostgreSQL pages by a deferred join alone
    company_id, office_ids, cold = _deep_page_walked(runtime)
    every = service.OrderFilters()
    with runtime.session_factory() as session:
        _, warm = _steps(session, lambda: _deep(session, company_id, every, 10, 3950))
        assert warm * 3 < cold  # the boundary it reached
    for added in range(3):  # the newest order, then two more: each moves the page one down
        with runtime.engine.begin() as connection:
            connection.execute(insert(Order), [_row(company_id, 5000 + 4 * added, office_ids)])
        offset = 3951 + added
        with runtime.session_factory() as session:
            expected = _plain(session, company_id, every, 10, offset)
            seen, steps = _steps(
                session,
                lambda: _deep(session, company_id, every, 10, offset),  # noqa: B023
            )
            assert seen == expected and steps * 3 < cold, (added, steps, cold)
            # and onto the boundary it had remembered at 3960, now 3961 + added
            assert _deep(session, company_id, every, 10, 3961 + added) == _plain(
                session, company_id, every, 10, 3961 + added
            )
    # An order listed anywhere else than the head moves rows around it: a walk, still exact.
    older = _row(company_id, 2000, office_ids) | {"created_at": START + timedelta(seconds=5)}
    with runtime.engine.begin() as connection:
        connection.execute(insert(Order), [older])
    with runtime.session_factory() as session:
        expected = _plain(session, company_id, every, 10, 3954)
        seen, steps = _steps(session, lambda: _deep(session, company_id, every, 10, 3954))
        assert seen == expected and steps * 2 > cold


def test_the_same_deep_page_after_new_orders_is_a_seek_on_sqlite(runtime: Runtime) -> None:
    if runtime.engine.dialect.name != "sqlite":
        return  # PostgreSQL pages by a deferred join alone
    company_id, office_ids, cold = _deep_page_walked(runtime)
    every = service.OrderFilters()
    newest = 6000
    # new orders since the page was last read: fewer than a page (and one more row), as many,
    # and more, so that the page lies wholly before the key remembered at its start
    for added in (1, 10, 11, 25):
        # a second each (`_row`), so that each is the newest when it is added
        rows = [_row(company_id, newest + 4 * index, office_ids) for index in range(added)]
        newest += 4 * added
        with runtime.engine.begin() as connection:
            connection.execute(insert(Order), rows)
        with runtime.session_factory() as session:
            expected = _plain(session, company_id, every, 10, 3950)
            seen, steps = _steps(
                session,
                lambda: _deep(session, company_id, every, 10, 3950),
            )
            assert seen == expected and steps * 3 < cold, (added, steps, cold)
            assert _deep(session, company_id, every, 10, 3957) == _plain(
                session, company_id, every, 10, 3957
            )


def _versions(runtime: Runtime, company_id: uuid.UUID) -> tuple[int, int, int]:
    """The company's (filtered, unfiltered) list versions and its inserts at the head."""
    with runtime.engine.connect() as connection:
        found = connection.execute(
            select(
                OrderListVersion.version,
                OrderListVersion.unfiltered_version,
                OrderListVersion.head_inserts,
            ).where(OrderListVersion.company_id == company_id)
        ).one()
    return found[0], found[1], found[2]


def test_triggers_count_every_write_that_can_move_a_list_on_sqlite(runtime: Runtime) -> None:
    if runtime.engine.dialect.name != "sqlite":
        # PostgreSQL keeps the table but no triggers: its lists never seek
        with runtime.engine.connect() as connection:
            assert connection.execute(select(OrderListVersion)).all() == []
        return
    company_id, office_ids = _company(runtime, 3)

    def after(statement: Any, **values: Any) -> tuple[bool, bool, bool]:
        """Which of (filtered, unfiltered, inserts at the head) the statement moved on."""
        before = _versions(runtime, company_id)
        with runtime.engine.begin() as connection:
            connection.execute(statement, values)
        now = _versions(runtime, company_id)
        assert all(a >= b for a, b in zip(now, before, strict=True))  # never back
        return now[0] != before[0], now[1] != before[1], now[2] != before[2]

    one = select(Order.id).where(Order.company_id == company_id).limit(1).scalar_subquery()
    # The newest order: every row of the unfiltered list one place down, nothing else moved.
    assert after(insert(Order).values(_row(company_id, 10, office_ids))) == (True, False, True)
    # Not the newest (a backdated import, a clock set back): rows move around it.
    older = _row(company_id, 11, office_ids) | {"created_at": START - timedelta(days=1)}
    assert after(insert(Order).values(older)) == (True, True, False)
    # The same second as the newest, listed after it (a smaller id): not at the head either.
    newest = _row(company_id, 10, office_ids)
    tie = newest | {"id": uuid.UUID(int=1), "created_at": newest["created_at"]}
    assert after(insert(Order).values(tie)) == (True, True, False)
    # Raw SQL as an operator would type it: a column no list reads moves none.
    raw = text("UPDATE orders SET add_info = 'x' WHERE company_id = :c")
    assert after(raw, c=company_id.hex) == (False, False, False)
    # Each filter's column moves the filtered lists' version only (see _filters).
    for values in (
        {"status": "Cancelled"},
        {"external_id": "EXT9"},
        {"created_by": "z@example.com"},
        {"office_id": None},
    ):
        assert after(update(Order).where(Order.id == one).values(**values)) == (True, False, False)
    # Where a row sits in every list: both versions.
    moved = update(Order).where(Order.id == one).values(created_at=START - timedelta(days=3))
    assert after(moved) == (True, True, False)
    assert after(delete(Order).where(Order.id == one)) == (True, True, False)
