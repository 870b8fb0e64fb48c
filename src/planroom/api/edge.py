"""The one ASGI layer in front of every route: id, load, size, key and rate, and early answers.

In order, a request:
- gets its id and its log context (`api.observe`);
- is refused with 503 `overloaded` past the requests in flight a process takes;
- is refused with 413 `too_large` past the upload limit, declared or counted as it streams
  (methods with a body);
- for the Integrate API, is refused with 401 without a valid `api-key` and with 429 past its
  rate, before a byte of the body is read (`api.api_keys`);
- is answered here when an early answer knows it (a polled order: `orders.hot_reads`), else
  goes on to the routes.

At its end it logs one access line and its latency by route. Refusals have the API's error
shape. One layer rather than one a step: each layer is a coroutine and a wrapper around every
message sent, which a polled order, answered from memory in about a hundred microseconds of
CPU, pays in full.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planroom.api.api_keys import BODYLESS, ApiKeys, RateHeaders
from planroom.api.asgi import header
from planroom.api.observe import RequestMetrics, order_in_path, request_id_of, route_template
from planroom.core import logs
from planroom.core.errors import Overloaded, PlanroomError
from planroom.core.text import byte_size
from planroom.core.tracing import REQUEST_ID_SCOPE_KEY, traced

MULTIPART_OVERHEAD = 64 * 1024
Headers = list[tuple[bytes, bytes]]


@dataclass(slots=True)
class Reply:
    """A whole answer an early answer gives: sent as it is, with the request's own headers."""

    status: int
    body: bytes
    headers: Headers = field(default_factory=list)


class EarlyAnswer(Protocol):
    async def __call__(self, scope: Scope, company_id: uuid.UUID) -> Reply | None:
        """The answer to a call of `company_id`'s, or None for the routes to answer."""
        ...


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> None:
    body = json.dumps({"message": message, "code": code}, separators=(",", ":")).encode()
    await send_reply(send, Reply(status, body, _raw(headers or {})))


class BodyTooLarge(HTTPException):
    """Raised from `receive` once a body passes the limit; FastAPI lets HTTP errors through
    its body parsing, so a route answers it as a 413 like the edge does."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=too_large_message(limit))


def too_large_message(limit: int) -> str:
    return f"The request body is larger than the limit of {byte_size(limit)}."


class Edge:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        max_in_flight: int,
        api_keys: ApiKeys | None = None,
        early: EarlyAnswer | None = None,
        tracing_endpoint: str | None = None,
    ) -> None:
        self.app = app
        self.body_limit = max_bytes + MULTIPART_OVERHEAD
        self.max_in_flight = max_in_flight
        self.in_flight = 0
        self.api_keys = api_keys
        self.early = early
        self.metrics = RequestMetrics()
        # traces start after the id is given (a span carries it) and cover early answers too
        self.admitted: ASGIApp = traced(self._admit, tracing_endpoint)
        self.tracer_provider: object = getattr(self.admitted, "tracer_provider", None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = request_id_of(scope)
        scope[REQUEST_ID_SCOPE_KEY] = request_id
        path: str = scope["path"]
        token = logs.begin(logs.LogContext(request_id=request_id, order_id=order_in_path(path)))
        header = (b"x-request-id", request_id.encode("ascii"))
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        try:
            await self.admitted(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            template = route_template(scope)
            method: str = scope["method"]
            self.metrics.observe(method, template, status, elapsed)
            logs.log_access(method, path, status, elapsed, template)
            logs.end(token)

    async def _admit(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.in_flight >= self.max_in_flight:
            # a load balancer or client retries a 503 at once, where a queue times out
            busy = Overloaded("The server is busy right now; retry in a second.")
            await send_error(send, 503, busy.code, busy.message, busy.headers)
            return
        self.in_flight += 1
        try:
            if scope["method"] in BODYLESS:
                await self._answer(scope, receive, send)
            else:
                await self._answer_limited(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _answer_limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        """`_answer` with the body counted as it streams in."""
        declared = header(scope, b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.body_limit:
            await send_error(send, 413, "too_large", too_large_message(self.body_limit))
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.body_limit:
                    raise BodyTooLarge(self.body_limit)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self._answer(scope, limited_receive, watched_send)
        except BodyTooLarge:
            if started:
                raise
            await send_error(send, 413, "too_large", too_large_message(self.body_limit))

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        keys = self.api_keys
        if keys is None or not keys.guards(scope["path"]):
            await self.app(scope, receive, send)
            return
        reply = None
        try:
            company_id, rate_headers = await keys.admit(scope)
            if rate_headers is not None:
                send = _with_headers(send, rate_headers)
            if company_id is not None and self.early is not None:
                reply = await self.early(scope, company_id)
        except PlanroomError as refused:  # refusals of the key, its rate, or a busy database
            await send_error(
                send, refused.status_code, refused.code, refused.message, refused.headers
            )
            return
        if reply is not None:
            await send_reply(send, reply)
        else:
            await self.app(scope, receive, send)


def _raw(headers: Mapping[str, str]) -> Headers:
    return [(name.lower().encode(), value.encode()) for name, value in headers.items()]


def _with_headers(send: Send, headers: RateHeaders) -> Send:
    raw = _raw(headers)

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", ()), *raw]
        await send(message)

    return send_with_headers


async def send_reply(send: Send, reply: Reply) -> None:
    """A whole JSON answer (a 304: none), with its content headers."""
    headers = reply.headers
    if reply.status != 304:  # a 304 has no body, so no content headers
        length = b"%d" % len(reply.body)
        headers = [*headers, (b"content-type", b"application/json"), (b"content-length", length)]
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": reply.body})
