"""Request limits per API key and, for calls without a valid key, per client address.

A key may make `burst` calls in any window of `burst / per_second` seconds (a sliding-window
counter from the `limits` library); past it the answer is 429 `rate_limited` with `Retry-After`.
With a Redis queue the counters live in that Redis, so every process behind a load balancer
shares them; otherwise each process counts alone (set the figures for one process).

Only keys that resolved to a company get a counter of their own: random invalid keys count
against their sender's address instead, so trying many keys neither grows memory per key nor
touches a real key's counter. Every answer to an API call carries the IETF draft headers
`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds).
"""

from __future__ import annotations

import asyncio
import math
import time
import weakref
from dataclasses import dataclass

from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter

from planroom.settings import Settings

FAILED_AUTH_PER_MINUTE = 60
KEY_PREFIX = "planroom-ratelimit"


def counters_redis_url(queue_url: str | None) -> str | None:
    """Where counters shared by every process live: the queue's Redis, when the queue is one."""
    return queue_url if queue_url and queue_url.startswith("redis") else None


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> dict[str, str]:
        values = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_seconds),
        }
        if not self.allowed:
            values["Retry-After"] = str(max(1, self.reset_seconds))
        return values


class RateLimits:
    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.rate_limit_per_second > 0
        burst = settings.rate_limit_burst
        window = max(1, math.ceil(burst / settings.rate_limit_per_second)) if self.enabled else 1
        self.per_key: RateLimitItem = RateLimitItemPerSecond(burst, window)
        self.failed_auth: RateLimitItem = RateLimitItemPerMinute(FAILED_AUTH_PER_MINUTE)
        redis_url = counters_redis_url(settings.queue_url)
        self._redis_url = f"async+{redis_url}" if redis_url is not None else None
        # async storages belong to one event loop (test clients run several in one process)
        self._limiters: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, SlidingWindowCounterRateLimiter
        ] = weakref.WeakKeyDictionary()

    @property
    def shared(self) -> bool:
        return self._redis_url is not None

    def _limiter(self) -> SlidingWindowCounterRateLimiter:
        loop = asyncio.get_running_loop()
        limiter = self._limiters.get(loop)
        if limiter is None:
            storage: Storage
            if self._redis_url is not None:
                storage = RedisStorage(
                    self._redis_url, implementation="redispy", key_prefix=KEY_PREFIX
                )
            else:
                storage = MemoryStorage()
            limiter = self._limiters[loop] = SlidingWindowCounterRateLimiter(storage)
        return limiter

    async def hit_key(self, key_hash: str) -> Verdict:
        """Count one call of a valid key."""
        return await self._hit(self.per_key, "key", key_hash)

    async def address_refused(self, address: str) -> Verdict | None:
        """A refusal when this address has failed authentication too often, else None."""
        limiter = self._limiter()
        if await limiter.test(self.failed_auth, "auth-failed", address):
            return None
        return await self._verdict(limiter, self.failed_auth, False, "auth-failed", address)

    async def hit_failed_auth(self, address: str) -> None:
        await self._limiter().hit(self.failed_auth, "auth-failed", address)

    async def _hit(self, item: RateLimitItem, *identifiers: str) -> Verdict:
        limiter = self._limiter()
        allowed = await limiter.hit(item, *identifiers)
        return await self._verdict(limiter, item, allowed, *identifiers)

    async def _verdict(
        self,
        limiter: SlidingWindowCounterRateLimiter,
        item: RateLimitItem,
        allowed: bool,
        *identifiers: str,
    ) -> Verdict:
        stats = await limiter.get_window_stats(item, *identifiers)
        reset = max(0, math.ceil(stats.reset_time - time.time()))
        return Verdict(
            allowed=allowed, limit=item.amount, remaining=stats.remaining, reset_seconds=reset
        )
