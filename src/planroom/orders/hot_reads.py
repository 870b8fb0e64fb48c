"""Polling answered from memory: `GET /orders/{id}` and the first pages of `GET /orders`.

Clients poll an order until it is Ready, and list pages to find what changed; almost every such
read asks again for an answer it already got. The edge asks this first (once it has resolved
the key, applied the rate limit and named the request), and it answers those reads from answers
it built before, after one indexed lookup of the version pair the database
keeps (`orders.version`, `companies.version`; migration 0012's triggers bump them on every change
an answer shows). An answer is built by the very views the routes use, so the bytes are the
routes' bytes; it is only reused while its pair is unchanged and, for a GoToScan link that can
still expire, only until it does. Anything else (other parameters, deep pages, an unknown order,
another company's order) goes on to the routes, which answer as they always do.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session
from starlette.types import Scope

from planroom.api.asgi import header
from planroom.api.deps import read_with_company
from planroom.api.edge import Reply
from planroom.api.gate import DbGate
from planroom.api.observe import NamedRoute
from planroom.companies.models import Company
from planroom.companies.service import version_of
from planroom.core.clock import clock
from planroom.core.etag import CACHE_CONTROL, etag_of, matches
from planroom.core.pagination import PageParams, pagination_of
from planroom.db.lookup import Lookup
from planroom.orders import service, views
from planroom.orders.models import Order
from planroom.orders.schemas import OrderRow
from planroom.runtime import Runtime

MAX_ANSWERS = 4_096
MAX_ROWS = 16_384
SHALLOW_PAGES = 1_000
"""Offsets below this are answered here; deeper pages go to the route (a worker thread)."""
MAX_LIMIT = 100
LIVE_LINK_STATUSES = ("sent", "opened")
CACHE_CONTROL_BYTES = CACHE_CONTROL.encode()

Token = tuple[int, int]


@dataclass(slots=True)
class Answer:
    token: Token
    body: bytes
    etag: bytes
    valid_until: float
    """Clock epoch seconds after which the answer may read differently (a link expiring)."""


class Answers:
    """At most `limit` answers by order id; full, it starts over (far more orders than one
    process polls)."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._answers: dict[Hashable, Answer] = {}

    def current(self, order_id: Hashable, token: Token, now: float) -> Answer | None:
        answer = self._answers.get(order_id)
        if answer is None or answer.token != token or now >= answer.valid_until:
            return None
        return answer

    def keep(self, order_id: Hashable, answer: Answer) -> None:
        if len(self._answers) >= self._limit:
            self._answers.clear()
        self._answers[order_id] = answer


def _valid_until(row: OrderRow) -> float:
    link = row.info.go2scan
    if link is not None and link.status in LIVE_LINK_STATUSES:
        return link.expires_at
    return math.inf


def _answer(token: Token, body: bytes, row: OrderRow, *, tagged: bool) -> Answer:
    etag = etag_of(body).encode() if tagged else b""
    return Answer(token=token, body=body, etag=etag, valid_until=_valid_until(row))


def _page_params(query: bytes) -> PageParams | None:
    """`limit`/`offset` when they are all the query holds and plainly valid, else None (the
    route answers: its filters, its 400s)."""
    values: dict[str, int] = {}
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        if name not in ("limit", "offset") or name in values or not value.isascii():
            return None
        if not value.isdigit() or len(value) > 9:
            return None
        values[name] = int(value)
    limit, offset = values.get("limit", 20), values.get("offset", 0)
    if not 1 <= limit <= MAX_LIMIT or offset >= SHALLOW_PAGES:
        return None
    return PageParams(limit=limit, offset=offset)


class HotReads:
    """The edge's early answer (`api.edge.EarlyAnswer`) to polled order reads."""

    def __init__(self, runtime: Runtime, gate: DbGate, prefix: str) -> None:
        self.runtime = runtime
        self.gate = gate
        self.orders_path = f"{prefix}/orders"
        self.enabled = runtime.settings.hot_reads
        self.answers = Answers(MAX_ANSWERS)
        self.rows = Answers(MAX_ROWS)
        self._routes: dict[str, NamedRoute] = {}
        company = bindparam("company_id", type_=Order.company_id.type)
        self._order_token = Lookup(
            runtime.engine,
            select(Order.version, version_of(company)).where(
                Order.id == bindparam("order_id", type_=Order.id.type),
                Order.company_id == company,
            ),
        )
        self._page_tokens = Lookup(
            runtime.engine,
            service.orders_statement(company, service.OrderFilters())
            .with_only_columns(Order.id, Order.version, version_of(company))
            .limit(bindparam("limit", type_=Integer()))
            .offset(bindparam("offset", type_=Integer())),
        )

    async def __call__(self, scope: Scope, company_id: uuid.UUID) -> Reply | None:
        """The answer to a shallow page or an order read of `company_id`, or None. Raises
        `Overloaded` when no database slot frees up in time."""
        path: str = scope["path"]
        if not self.enabled or scope["method"] != "GET" or not path.startswith(self.orders_path):
            return None
        rest = path[len(self.orders_path) :]
        if rest == "":
            params = _page_params(scope["query_string"])
            if params is None:
                return None
            async with self.gate.slot():
                body = self._page(company_id, params)
            if body is None:
                return None
            self._route(scope, "")
            return Reply(200, body)
        if not rest.startswith("/") or scope["query_string"]:
            return None
        order_id = _order_id(rest[1:])
        if order_id is None:
            return None
        async with self.gate.slot():
            answer = self._order(company_id, order_id)
        if answer is None:
            return None
        self._route(scope, "/{order_id}", order_id=order_id)
        tags = [(b"etag", answer.etag), (b"cache-control", CACHE_CONTROL_BYTES)]
        given = header(scope, b"if-none-match")
        if matches(None if given is None else given.decode("latin-1"), answer.etag.decode()):
            return Reply(304, b"", tags)
        return Reply(200, answer.body, tags)

    def _order(self, company_id: uuid.UUID, order_id: uuid.UUID) -> Answer | None:
        found = self._order_token.rows({"order_id": order_id, "company_id": company_id})
        if not found:
            return None  # not the company's: the route answers 404
        token: Token = (found[0][0], found[0][1])
        answer = self.answers.current(order_id, token, clock.now().timestamp())
        if answer is not None:
            return answer
        # built after the token was read, so the answer is at least as new as the token
        out = read_with_company(
            self.runtime,
            company_id,
            lambda session, company: views.order_details(session, self.runtime, company, order_id),
        )
        answer = _answer(token, out.model_dump_json(by_alias=True).encode(), out, tagged=True)
        self.answers.keep(order_id, answer)
        return answer

    def _page(self, company_id: uuid.UUID, params: PageParams) -> bytes | None:
        values = {"company_id": company_id, "limit": params.limit + 1, "offset": params.offset}
        # Rows are remembered by the id as the driver gives it (text on SQLite): a page of
        # answers already built then costs no id conversions at all.
        found = [(row[0], (row[1], row[2])) for row in self._page_tokens.raw_rows(values)]
        has_more = len(found) > params.limit
        found = found[: params.limit]
        now = clock.now().timestamp()
        bodies: dict[Any, bytes] = {}
        stale: dict[uuid.UUID, tuple[Any, Token]] = {}
        for raw_id, token in found:
            answer = self.rows.current(raw_id, token, now)
            if answer is None:
                stale[self._page_tokens.value(0, raw_id)] = (raw_id, token)
            else:
                bodies[raw_id] = answer.body
        if stale:
            rows = read_with_company(
                self.runtime,
                company_id,
                lambda session, company: _rows(session, self, company, list(stale)),
            )
            if len(rows) < len(stale):
                return None  # deleted meanwhile: the route reads the page afresh
            for row in rows:
                raw_id, token = stale[row.id]
                answer = _answer(
                    token, row.model_dump_json(by_alias=True).encode(), row, tagged=False
                )
                self.rows.keep(raw_id, answer)
                bodies[raw_id] = answer.body
        pagination = pagination_of(len(found), params, has_more).model_dump_json().encode()
        items = b",".join(bodies[raw_id] for raw_id, _ in found)
        return b'{"pagination":' + pagination + b',"items":[' + items + b"]}"

    def _route(self, scope: Scope, suffix: str, **params: Any) -> None:
        """Name the route in the scope as the router would, for metrics, logs and traces."""
        route = self._routes.get(suffix)
        if route is None:
            route = self._routes[suffix] = NamedRoute(self.orders_path + suffix)
        scope["route"] = route
        scope["path_params"] = params


def _rows(
    session: Session, reads: HotReads, company: Company, wanted: list[uuid.UUID]
) -> list[OrderRow]:
    orders = list(session.scalars(select(Order).where(Order.id.in_(wanted))))
    return views.order_rows(session, reads.runtime, company, orders)


def _order_id(text: str) -> uuid.UUID | None:
    if len(text) != 36:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
