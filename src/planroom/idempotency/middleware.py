"""Replays the first response to a repeated POST with the same `Idempotency-Key`.

The caller is the API key (hashed) that sent it; the request is its method, path and body. The
same key with another request is a 409 `conflict`; a request still running is a 409 too. Only
responses below 500 are kept, so a retry after a server error runs again.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp

from planroom.auth.tokens import secret_hash
from planroom.core.clock import clock
from planroom.idempotency.models import IdempotencyRecord

KEEP_FOR = timedelta(hours=24)
MAX_KEY_LENGTH = 255


def _conflict(message: str) -> JSONResponse:
    return JSONResponse({"message": message, "code": "conflict"}, status_code=409)


class IdempotencyMiddleware(BaseHTTPMiddleware):
    def __init__(self, app: ASGIApp, session_factory: sessionmaker[Session]) -> None:
        super().__init__(app)
        self._sessions = session_factory

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        key = request.headers.get("idempotency-key")
        api_key = request.headers.get("api-key")
        if request.method != "POST" or not key or not api_key:
            return await call_next(request)
        if len(key) > MAX_KEY_LENGTH:
            return JSONResponse(
                {
                    "message": f"Idempotency-Key is longer than {MAX_KEY_LENGTH} characters.",
                    "code": "bad_request",
                },
                status_code=400,
            )
        body = await request.body()
        caller = secret_hash(api_key)
        request_hash = hashlib.sha256(
            request.method.encode() + b" " + request.url.path.encode() + b"\n" + body
        ).hexdigest()
        earlier = self._claim(caller, key, request_hash)
        if isinstance(earlier, Response):
            return earlier
        response = await call_next(request)
        chunks = [chunk async for chunk in response.body_iterator]  # type: ignore[attr-defined]
        content = b"".join(chunks)
        content_type = response.headers.get("content-type")
        self._finish(caller, key, response.status_code, content_type, content)
        return Response(
            content,
            status_code=response.status_code,
            headers=dict(response.headers),
            media_type=response.media_type,
        )

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
                    )
                )
                try:
                    session.commit()
                except IntegrityError:
                    session.rollback()
                    return _conflict("A request with this Idempotency-Key is still running.")
                return None
            session.commit()
            if record.request_hash != request_hash:
                return _conflict(
                    "This Idempotency-Key was used with another request; use a new key."
                )
            if record.state != "done" or record.status_code is None:
                return _conflict("A request with this Idempotency-Key is still running.")
            return Response(
                record.body or b"",
                status_code=record.status_code,
                media_type=record.content_type,
                headers={"idempotent-replayed": "true"},
            )

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
            session.commit()
