"""The ASGI layers every request passes before any route: size, load, key and rate.

From the outside in: `BodyLimit` refuses a body past the upload limit (declared or counted as
it streams); `ConcurrencyLimit` answers 503 `overloaded` past the requests in flight a process
takes; `ApiKeyEdge` answers 401 to an Integrate API call without a valid `api-key` and 429 past
its rate, before a byte of the body is read. Their answers have the API's error shape.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planroom.api.deps import BAD_KEY, COMPANY_STATE_KEY, NO_KEY
from planroom.api.gate import DbGate
from planroom.api.ratelimit import RateLimits
from planroom.auth.service import remembered_company_id, resolve_company_id
from planroom.auth.tokens import secret_hash
from planroom.core import logs
from planroom.core.errors import Overloaded
from planroom.core.text import byte_size
from planroom.runtime import Runtime

MULTIPART_OVERHEAD = 64 * 1024
BODYLESS = ("GET", "HEAD", "OPTIONS")


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> None:
    body = json.dumps({"message": message, "code": code}, separators=(",", ":")).encode()
    raw = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    raw += [(name.lower().encode(), value.encode()) for name, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class BodyTooLarge(HTTPException):
    """Raised from `receive` once a body passes the limit; FastAPI lets HTTP errors through
    its body parsing, so a route answers it as a 413 like this middleware does."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=too_large_message(limit))


def too_large_message(limit: int) -> str:
    return f"The request body is larger than the limit of {byte_size(limit)}."


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.limit = max_bytes + MULTIPART_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.limit:
            await send_error(send, 413, "too_large", too_large_message(self.limit))
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge:
            if started:
                raise
            await send_error(send, 413, "too_large", too_large_message(self.limit))


class ConcurrencyLimit:
    """At most `limit` requests in flight in this process; the rest get 503 at once, which a
    load balancer or client retries, instead of queueing until they time out."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            await send_error(
                send,
                503,
                Overloaded.code,
                "The server is busy right now; retry in a second.",
                {"Retry-After": "1"},
            )
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


class ApiKeyEdge:
    """Authentication (and the rate limit) of Integrate API calls ahead of the body."""

    def __init__(
        self, app: ASGIApp, runtime: Runtime, gate: DbGate, prefix: str, public: set[str]
    ) -> None:
        self.app = app
        self.runtime = runtime
        self.gate = gate
        self.prefix = prefix
        self.public = public
        self.limits = RateLimits(runtime.settings)
        self.key_ttl = runtime.settings.api_key_cache_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(self.prefix) or path in self.public:
            await self.app(scope, receive, send)
            return
        limits = self.limits if self.limits.enabled else None
        api_key = Headers(scope=scope).get("api-key")
        if not api_key and scope.get("method") in BODYLESS:
            # no body to protect: the route answers (401 from `get_company`, or 404)
            await self.app(scope, receive, send)
            return
        company_id = None
        if api_key:
            company_id = remembered_company_id(api_key, self.key_ttl)
        if api_key and company_id is None:
            try:
                company_id = await self.gate.run(self._lookup, api_key)
            except Overloaded as exc:
                await send_error(send, 503, exc.code, exc.message, exc.headers)
                return
        if company_id is None:
            if limits is not None:
                # failures count per address, so a valid key behind the same address is unharmed
                address = (scope.get("client") or ("unknown", 0))[0]
                refused = await limits.address_refused(address)
                if refused is not None:
                    await self._rate_limited(send, refused.headers(), "from this address")
                    return
                await limits.hit_failed_auth(address)
            await send_error(send, 401, "unauthorized", BAD_KEY if api_key else NO_KEY)
            return
        scope.setdefault("state", {})[COMPANY_STATE_KEY] = company_id
        logs.set_company(company_id)
        if limits is None:
            await self.app(scope, receive, send)
            return
        verdict = await limits.hit_key(secret_hash(api_key or ""))
        if not verdict.allowed:
            await self._rate_limited(send, verdict.headers(), "with this API key")
            return
        headers = verdict.headers()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _lookup(self, api_key: str) -> uuid.UUID | None:
        with self.runtime.session_factory() as session:
            return resolve_company_id(session, api_key, self.key_ttl)

    @staticmethod
    async def _rate_limited(send: Send, headers: dict[str, str], who: str) -> None:
        retry = headers.get("Retry-After", "1")
        await send_error(
            send, 429, "rate_limited", f"Too many requests {who}; retry in {retry} s.", headers
        )
