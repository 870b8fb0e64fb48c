"""Failed sign-ins to Quick Edit, counted per client address, company and email.

The form takes a password, so guessing must be slow whatever the hashing costs: after
`FAILURES_PER_MINUTE` wrong tries from one address for one email within a minute the form answers
429 with `Retry-After` and does not look at the password. Counters live in the queue's Redis when
there is one (every process shares them), else in the process.
"""

from __future__ import annotations

import math
import time
from functools import cache

from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage, RedisStorage, Storage
from limits.strategies import MovingWindowRateLimiter

from planroom.api.ratelimit import counters_redis_url

FAILURES_PER_MINUTE = 10
FAILURES = RateLimitItemPerMinute(FAILURES_PER_MINUTE)
KEY_PREFIX = "planroom-signin"


@cache
def _limiter(queue_url: str | None) -> MovingWindowRateLimiter:
    storage: Storage
    redis_url = counters_redis_url(queue_url)
    if redis_url is not None:
        storage = RedisStorage(redis_url, key_prefix=KEY_PREFIX)
    else:
        storage = MemoryStorage()
    # A moving window counts exactly the last minute's failures: a sliding-window counter weighs
    # the previous minute's down, so ten wrong tries across a minute's turn could count as fewer.
    return MovingWindowRateLimiter(storage)


def _who(address: str, company: str, email: str) -> tuple[str, str, str]:
    return address, company, email.strip().lower()


def retry_after(queue_url: str | None, address: str, company: str, email: str) -> int | None:
    """Seconds to wait when this address has failed too often for this email, else None."""
    limiter = _limiter(queue_url)
    who = _who(address, company, email)
    if limiter.test(FAILURES, *who):
        return None
    stats = limiter.get_window_stats(FAILURES, *who)
    return max(1, math.ceil(stats.reset_time - time.time()))


def count_failure(queue_url: str | None, address: str, company: str, email: str) -> None:
    _limiter(queue_url).hit(FAILURES, *_who(address, company, email))
