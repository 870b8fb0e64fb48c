"""Replays the first response to a repeated POST with the same `Idempotency-Key`.

The caller is the API key (hashed) that sent it; the request is its method, path and body,
hashed as the body streams in (spooled to disk past `SPOOL_IN_MEMORY`, never buffered whole:
the body limit outside bounds it). The same key with another request is a 409 `conflict`; a
request still running is a 409 too, as long as its process renews the claim's lease. A claim
whose lease ran out belongs to a process that died: the next request takes it over and runs.
Only responses below 500 are kept, so a retry after a server error runs again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import tempfile
from datetime import datetime, timedelta
from typing import IO

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planroom.api.edge import send_error
from planroom.api.gate import DbGate
from planroom.auth.tokens import secret_hash
from planroom.core.clock import clock
from planroom.core.errors import Overloaded
from planroom.idempotency.models import IdempotencyRecord

KEEP_FOR = timedelta(hours=24)
LEASE = timedelta(seconds=30)
RENEW_EVERY_SECONDS = 10.0
MAX_KEY_LENGTH = 255
SPOOL_IN_MEMORY = 1024 * 1024
CHUNK = 64 * 1024

STILL_RUNNING = "A request with this Idempotency-Key is still running."
OTHER_REQUEST = "This Idempotency-Key was used with another request; use a new key."


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, session_factory: sessionmaker[Session], gate: DbGate) -> None:
        self.app = app
        self._sessions = session_factory
        self._gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get("idempotency-key")
        api_key = headers.get("api-key")
        if not key or not api_key:
            await self.app(scope, receive, send)
            return
        if len(key) > MAX_KEY_LENGTH:
            message = f"Idempotency-Key is longer than {MAX_KEY_LENGTH} characters."
            await send_error(send, 400, "bad_request", message)
            return
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
            request_hash = await _spool_body(scope, receive, spool)
            if request_hash is None:
                return  # the client went away
            caller = secret_hash(api_key)
            try:
                earlier = await self._gate.run(self._claim, caller, key, request_hash)
            except Overloaded as exc:
                await send_error(send, 503, exc.code, exc.message, exc.headers)
                return
            if earlier is not None:
                await earlier(scope, receive, send)
                return
            await self._run(scope, _replaying(spool, receive), send, caller, key)

    async def _run(self, scope: Scope, receive: Receive, send: Send, caller: str, key: str) -> None:
        start: Message | None = None
        parts: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))

        renewing = asyncio.create_task(self._keep_lease(caller, key))
        try:
            await self.app(scope, receive, capture)
        except BaseException:
            with contextlib.suppress(Exception):
                await self._gate.run(self._finish, caller, key, 500, None, b"")
            raise
        finally:
            renewing.cancel()
        if start is None:
            await self._gate.run(self._finish, caller, key, 500, None, b"")
            return
        content = b"".join(parts)
        content_type = Headers(raw=start.get("headers", [])).get("content-type")
        await self._gate.run(self._finish, caller, key, start["status"], content_type, content)
        await send(start)
        await send({"type": "http.response.body", "body": content})

    async def _keep_lease(self, caller: str, key: str) -> None:
        while True:
            await asyncio.sleep(RENEW_EVERY_SECONDS)
            with contextlib.suppress(Exception):  # a missed renewal only shortens the lease
                await self._gate.run(self._renew, caller, key)

    def _claim(self, caller: str, key: str, request_hash: str) -> Response | None:
        now = clock.now()
        with self._sessions() as session:
            session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= now))
            record = session.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.caller == caller, IdempotencyRecord.key == key
                )
            )
            if record is None:
                session.add(
                    IdempotencyRecord(
                        caller=caller,
                        key=key,
                        request_hash=request_hash,
                        expires_at=now + KEEP_FOR,
                        lease_expires_at=now + LEASE,
                    )
                )
                try:
                    session.commit()
                except IntegrityError:
                    session.rollback()
                    return _conflict(STILL_RUNNING)
                return None
            session.commit()
            if record.request_hash != request_hash:
                return _conflict(OTHER_REQUEST)
            if record.state == "done" and record.status_code is not None:
                return Response(
                    record.body or b"",
                    status_code=record.status_code,
                    media_type=record.content_type,
                    headers={"idempotent-replayed": "true"},
                )
            if record.lease_expires_at is not None and record.lease_expires_at > now:
                return _conflict(STILL_RUNNING)
            return None if self._take_over(session, record, now) else _conflict(STILL_RUNNING)

    @staticmethod
    def _take_over(session: Session, record: IdempotencyRecord, now: datetime) -> bool:
        """Claim a record whose owner stopped renewing; of two takers only one wins."""
        lease, seen_lease = IdempotencyRecord.lease_expires_at, record.lease_expires_at
        seen = lease.is_(None) if seen_lease is None else lease == seen_lease
        result = session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.id == record.id, IdempotencyRecord.state == "started", seen)
            .values(lease_expires_at=now + LEASE)
            .execution_options(synchronize_session=False)
        )
        session.commit()
        return bool(getattr(result, "rowcount", 0) == 1)

    def _renew(self, caller: str, key: str) -> None:
        with self._sessions() as session:
            session.execute(
                update(IdempotencyRecord)
                .where(
                    IdempotencyRecord.caller == caller,
                    IdempotencyRecord.key == key,
                    IdempotencyRecord.state == "started",
                )
                .values(lease_expires_at=clock.now() + LEASE)
                .execution_options(synchronize_session=False)
            )
            session.commit()

    def _finish(
        self, caller: str, key: str, status: int, content_type: str | None, content: bytes
    ) -> None:
        with self._sessions() as session:
            record = session.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.caller == caller, IdempotencyRecord.key == key
                )
            )
            if record is None:
                return
            if status >= 500:
                session.delete(record)
            else:
                record.state = "done"
                record.status_code = status
                record.content_type = content_type
                record.body = content
                record.lease_expires_at = None
            session.commit()


def _conflict(message: str) -> Response:
    return JSONResponse({"message": message, "code": "conflict"}, status_code=409)


async def _spool_body(scope: Scope, receive: Receive, spool: IO[bytes]) -> str | None:
    """The request's hash, with its body written to `spool`; None if the client left."""
    digest = hashlib.sha256(f"{scope['method']} {scope['path']}\n".encode())
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk: bytes = message.get("body", b"")
        digest.update(chunk)
        spool.write(chunk)
        more = message.get("more_body", False)
    return digest.hexdigest()


def _replaying(spool: IO[bytes], receive: Receive) -> Receive:
    """The spooled body in chunks, then the client's own messages (its disconnect)."""
    size = spool.tell()
    spool.seek(0)
    done = False

    async def replay() -> Message:
        nonlocal done
        if done:
            return await receive()
        chunk = spool.read(CHUNK)
        done = spool.tell() >= size
        return {"type": "http.request", "body": chunk, "more_body": not done}

    return replay
