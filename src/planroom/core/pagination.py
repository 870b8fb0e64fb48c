"""`{"pagination", "items"}` lists: one helper used by every list endpoint."""

from __future__ import annotations

import operator
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    and_,
    case,
    func,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

MAX_OFFSET = 1_000_000_000

ItemT = TypeVar("ItemT")
RowT = TypeVar("RowT")


class Pagination(BaseModel):
    has_more: bool
    limit: int
    next_offset: int | None
    previous_offset: int | None


class Page(BaseModel, Generic[ItemT]):
    pagination: Pagination
    items: list[ItemT]


class PageParams(BaseModel):
    limit: int
    offset: int


async def page_params(
    limit: Annotated[int, Query(ge=1, le=100, description="Items per page.")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


def pagination_of(shown: int, params: PageParams, has_more: bool) -> Pagination:
    """`next_offset` is exactly the next unseen row; `previous_offset` never goes below 0."""
    return Pagination(
        has_more=has_more,
        limit=params.limit,
        next_offset=params.offset + shown if has_more else None,
        previous_offset=max(params.offset - params.limit, 0) if params.offset > 0 else None,
    )


def build_page(items: Sequence[ItemT], params: PageParams, has_more: bool) -> Page[ItemT]:
    return Page[ItemT](pagination=pagination_of(len(items), params, has_more), items=list(items))


def paginate(
    session: Session,
    statement: Select[RowT],
    params: PageParams,
    to_item: Callable[[RowT], ItemT],
) -> Page[ItemT]:
    """Run `statement` (already ordered) for one page; fetch one extra row to learn `has_more`."""
    rows = list(session.scalars(statement.limit(params.limit + 1).offset(params.offset)))
    has_more = len(rows) > params.limit
    return build_page([to_item(row) for row in rows[: params.limit]], params, has_more)


def paginate_batch(
    session: Session,
    statement: Select[RowT],
    params: PageParams,
    to_items: Callable[[list[RowT]], list[ItemT]],
) -> Page[ItemT]:
    """`paginate` for items built a page at a time (one query for what every row needs)."""
    rows = list(session.scalars(statement.limit(params.limit + 1).offset(params.offset)))
    has_more = len(rows) > params.limit
    return build_page(to_items(rows[: params.limit]), params, has_more)


@dataclass(frozen=True)
class Seek:
    """What lets `paginate_deep` seek to a remembered key instead of walking past `offset` rows.

    `scope` names the list (its company and filters: two lists share remembered keys only if
    their rows are the same); `version` is a scalar subquery whose value changes with every
    write to those rows (a trigger-kept counter); `order` are the statement's ORDER BY columns,
    all descending, never NULL, and unique together (the last one a primary key). `growth`, when
    given, counts the rows added ahead of every other row, which leave `version` as it is: each
    moves every row one place down, so a remembered key is then `growth`'s move further on.
    """

    scope: Hashable
    version: ColumnElement[Any]
    order: tuple[InstrumentedAttribute[Any], ...]
    growth: ColumnElement[Any] | None = None


Mark = tuple[Any, Any, int, tuple[Any, ...]]
"""A remembered boundary: the list's version and growth then, its offset then, and its key."""


class Signposts:
    """Keys of the rows at page boundaries clients reached, per list and version.

    The row at offset N under version V is the same row for as long as the version is V (and
    G rows later added at the head put it at N + G), so a later page at offset M >= N is the
    rows at or after that key, skipping M - N of them. Bounded: the least recently used lists
    go first, and a list that collects too many boundaries starts over.
    """

    def __init__(self, max_lists: int = 1024, max_marks: int = 256) -> None:
        self._lists: OrderedDict[Hashable, tuple[Any, Any, dict[int, tuple[Any, ...]]]] = (
            OrderedDict()
        )
        self._max_lists = max_lists
        self._max_marks = max_marks
        self._lock = threading.Lock()

    def nearest(self, scope: Hashable, offset: int, room: int = 0) -> Mark | None:
        """The closest remembered boundary at or before `offset` when it was remembered, if
        any. With `room`, one before `offset` by at most `room` rows goes first: after rows are
        added at the head, a boundary exactly at `offset` is past it, one before still is not."""
        with self._lock:
            entry = self._lists.get(scope)
            if entry is None:
                return None
            self._lists.move_to_end(scope)
            version, growth, marks = entry
            best = max((start for start in marks if start <= offset), default=None)
            if best == offset and room:
                earlier = (start for start in marks if offset - room <= start < offset)
                best = max(earlier, default=best)
            return None if best is None else (version, growth, best, marks[best])

    def remember(
        self, scope: Hashable, version: Any, growth: Any, marks: dict[int, tuple[Any, ...]]
    ) -> None:
        """Keep `marks` (offset: key) seen under `version` and `growth`; boundaries of another
        version go, those of the same version move down by the rows added at the head since."""
        with self._lock:
            entry = self._lists.get(scope)
            kept: dict[int, tuple[Any, ...]] = {}
            if entry is not None and entry[0] == version:
                moved = 0 if growth is None or entry[1] is None else growth - entry[1]
                if moved >= 0:  # a later reader's growth never is lower; an earlier one's is
                    kept = {start + moved: key for start, key in entry[2].items()}
                else:
                    growth = entry[1]
                    marks = {start - moved: key for start, key in marks.items()}
                    kept = entry[2]
            if len(kept) + len(marks) > self._max_marks:
                kept = {}
            kept.update(marks)
            self._lists[scope] = (version, growth, kept)
            self._lists.move_to_end(scope)
            while len(self._lists) > self._max_lists:
                self._lists.popitem(last=False)

    def clear(self) -> None:
        """Forget every boundary (nothing depends on them being there: they only save walks)."""
        with self._lock:
            self._lists.clear()


SEEK_ROOM = 1_000
"""Where rows added at the head move boundaries: how far before a page a remembered boundary
may be and still be sought first, and how far past the page's start one may have moved and
still be walked back from. Either way that many index entries cost about a tenth of a
millisecond on SQLite."""

SIGNPOSTS = Signposts()
"""One per process: every request of every worker thread shares what clients walked."""


def paginate_deep(
    session: Session,
    statement: Select[RowT],
    key: InstrumentedAttribute[Any],
    params: PageParams,
    to_items: Callable[[list[RowT]], list[ItemT]],
    seek: Seek | None = None,
) -> Page[ItemT]:
    """`paginate_batch` for lists that get deep: the page's keys come from the index alone.

    The ordered statement is first run for `key` only (an index-only walk past `offset` entries
    when an index covers its filter and order), then joined back to the full rows of that page: a
    deferred join, so skipping 90,000 rows costs about what reading 20 does on PostgreSQL.

    With `seek`, the keys at the page's boundaries are remembered (`SIGNPOSTS`), and a page at or
    after a remembered boundary seeks to its key and skips only the rows since (or, where rows
    added at the head moved the key past the page's start, walks back from it). One statement
    either way: it holds both the seek and the plain walk, each with a LIMIT that is 0 unless the
    list's version (read in the same statement, so the same snapshot) is, or is not, the
    remembered one. The result is always exactly what OFFSET gives.
    """
    if seek is None:
        keys = _walk(statement, key, params, params.limit + 1).subquery("page_keys")
        rows = list(session.scalars(statement.join(keys, key == keys.c[key.key])))
        has_more = len(rows) > params.limit
        return build_page(to_items(rows[: params.limit]), params, has_more)

    scope = (session.get_bind().engine.url.render_as_string(hide_password=True), seek.scope)
    room = SEEK_ROOM if seek.growth is not None else 0
    mark = SIGNPOSTS.nearest(scope, params.offset, room) if params.offset > 0 else None
    if mark is None:
        keys = _walk(statement, key, params, params.limit + 1).subquery("page_keys")
    else:
        version, growth, start, at = mark
        # the page's start against the key: fewer rows past it by the rows added at the head
        # since, and with enough of them, before it
        skip: Any = params.offset - start
        if seek.growth is not None and growth is not None:
            skip = skip - (seek.growth - growth)
        keys = _sought(statement, key, seek, (version, at), skip, params, room)
    page = statement.join(keys, key == keys.c[key.key]).add_columns(
        seek.version, seek.growth if seek.growth is not None else null()
    )
    found = [(row, seen, grown) for row, seen, grown in session.execute(page)]
    rows = [row for row, _, _ in found]
    has_more = len(rows) > params.limit
    # every row carries the same version; no rows, nothing to remember
    if found and found[0][1] is not None and not _writing(session):
        marks = {params.offset: _key_of(rows[0], seek.order)}
        if has_more:
            marks[params.offset + params.limit] = _key_of(rows[params.limit], seek.order)
        SIGNPOSTS.remember(scope, found[0][1], found[0][2], marks)
    return build_page(to_items(rows[: params.limit]), params, has_more)


def _sought(
    statement: Select[RowT],
    key: InstrumentedAttribute[Any],
    seek: Seek,
    mark: tuple[Any, tuple[Any, ...]],
    skip: Any,
    params: PageParams,
    room: int,
) -> Subquery:
    """The page's keys as one union whose parts but one have LIMIT 0 for any version read:
    sought from the remembered key (`skip` rows past it or, once rows added at the head moved it
    past the page's start, up to `room` rows walked back from it in the index), or walked past
    `offset` rows when the list's version is no longer the one `mark` was seen under."""
    version, at = mark
    page_size = params.limit + 1
    current = seek.version == version
    ahead = and_(current, skip >= 0)
    after = statement.where(_at_or_after(seek.order, at)).with_only_columns(key)
    parts = []
    if room:
        back = -skip
        behind = and_(current, skip < 0, back <= room)
        short = and_(behind, back < page_size)
        before = (
            statement.where(_before(seek.order, at))
            .with_only_columns(key)
            .order_by(None)
            .order_by(*(column.asc() for column in seek.order))
            .limit(case((short, back), (behind, page_size), else_=0))
            .offset(case((and_(behind, back > page_size), back - page_size), else_=0))
        )
        parts.append(before.subquery("before"))
        after = after.limit(case((ahead, page_size), (short, page_size - back), else_=0))
        found = or_(ahead, behind)
    else:
        after = after.limit(case((ahead, page_size), else_=0))
        found = ahead
    parts.append(after.offset(case((ahead, skip), else_=0)).subquery("sought"))
    walked = _walk(statement, key, params, case((found, 0), else_=page_size))
    parts.append(walked.subquery("walked"))
    return union_all(*(select(part.c[key.key]) for part in parts)).subquery("page_keys")


def _walk(
    statement: Select[RowT],
    key: InstrumentedAttribute[Any],
    params: PageParams,
    limit: int | ColumnElement[int],
) -> Select[Any]:
    return statement.with_only_columns(key).limit(limit).offset(params.offset)


def _at_or_after(
    order: Sequence[InstrumentedAttribute[Any]], at: Sequence[Any]
) -> ColumnElement[bool]:
    """Rows at or after `at` in a descending order."""
    return _beside(order, at, before=False)


def _before(order: Sequence[InstrumentedAttribute[Any]], at: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly before `at` in a descending order: `_at_or_after`'s complement."""
    return _beside(order, at, before=True)


def _beside(
    order: Sequence[InstrumentedAttribute[Any]], at: Sequence[Any], *, before: bool
) -> ColumnElement[bool]:
    """The rows on one side of `at` (before it, or at or after it): the leading column's bound
    alone lets the index seek, the rest settles ties on the leading columns."""
    past, bound, last = (
        (operator.gt, operator.ge, operator.gt)
        if before
        else (operator.lt, operator.le, operator.le)
    )

    def rest(columns: Sequence[InstrumentedAttribute[Any]], values: Sequence[Any]) -> Any:
        if len(columns) == 1:
            return last(columns[0], values[0])
        return or_(
            past(columns[0], values[0]),
            and_(columns[0] == values[0], rest(columns[1:], values[1:])),
        )

    return and_(bound(order[0], at[0]), rest(order, at))


def _key_of(row: Any, order: Sequence[InstrumentedAttribute[Any]]) -> tuple[Any, ...]:
    return tuple(getattr(row, column.key) for column in order)


def _writing(session: Session) -> bool:
    """True while this connection holds uncommitted writes: a version counted inside them may
    be rolled back and handed out again for other rows, so nothing seen now is remembered.
    sqlite3 says so (`in_transaction`: it begins only before a write); a driver that cannot
    say counts as writing, so `Seek` remembers nothing there."""
    dbapi = session.connection().connection.dbapi_connection
    return bool(getattr(dbapi, "in_transaction", True))


def count(session: Session, statement: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(statement.subquery())) or 0


PageParamsDep = Annotated[PageParams, Depends(page_params)]
