"""Per-key request limits: a token bucket per API key, in this process.

Each key may make `burst` calls at once and `per_second` calls a second after that; past it the
answer is 429 `rate_limited` with `Retry-After`. Buckets live in the process, so N processes
behind a load balancer allow N times the rate: set the figures for one process.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp

from planroom.auth.tokens import secret_hash

MAX_TRACKED_KEYS = 10_000


@dataclass
class Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    def __init__(self, per_second: float, burst: int) -> None:
        self.per_second = per_second
        self.burst = burst
        self._buckets: dict[str, Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str, now: float) -> float:
        """Take one call for `key`; 0 when allowed, else the seconds until the next one is."""
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= MAX_TRACKED_KEYS:
                    self._buckets.clear()  # idle keys are full again anyway
                bucket = self._buckets[key] = Bucket(tokens=float(self.burst), updated=now)
            bucket.tokens = min(
                float(self.burst), bucket.tokens + (now - bucket.updated) * self.per_second
            )
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.per_second


class RateLimitMiddleware(BaseHTTPMiddleware):
    def __init__(self, app: ASGIApp, per_second: float, burst: int) -> None:
        super().__init__(app)
        self._buckets = TokenBuckets(per_second, burst)

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        api_key = request.headers.get("api-key")
        if not api_key:
            return await call_next(request)
        wait = self._buckets.take(secret_hash(api_key), time.monotonic())
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            return JSONResponse(
                {
                    "message": f"Too many requests with this API key; retry in {retry_after} s.",
                    "code": "rate_limited",
                },
                status_code=429,
                headers={"Retry-After": str(retry_after)},
            )
        return await call_next(request)
