"""Who an Integrate API call is from, and whether its key may call now: ahead of the body.

A call with a valid `api-key` is its company's (remembered for `api_key_cache_seconds`, else
one indexed lookup on a worker thread); past its key's rate it is refused with a 429. A call
with a key that resolves to nothing is a 401, and failed keys count against the caller's
address, so guessing is rate limited too while a valid key behind the same address is not. A
bodyless call without any key goes on: its route answers (a 401 from `get_company`, or a 404).
"""

from __future__ import annotations

import uuid

from starlette.types import Scope

from planroom.api.asgi import header
from planroom.api.deps import BAD_KEY, COMPANY_STATE_KEY, NO_KEY
from planroom.api.gate import DbGate
from planroom.api.ratelimit import RateLimits
from planroom.auth.service import remembered_company_id, resolve_company_id
from planroom.auth.tokens import secret_hash
from planroom.core import logs
from planroom.core.errors import RateLimited, Unauthorized
from planroom.runtime import Runtime

BODYLESS = ("GET", "HEAD", "OPTIONS")

RateHeaders = dict[str, str]


class ApiKeys:
    def __init__(self, runtime: Runtime, gate: DbGate, prefix: str, public: set[str]) -> None:
        self.runtime = runtime
        self.gate = gate
        self.prefix = prefix
        self.public = public
        self.limits = RateLimits(runtime.settings)
        self.key_ttl = runtime.settings.api_key_cache_seconds

    def guards(self, path: str) -> bool:
        """Whether calls to `path` need a key: the Integrate API less its public documents."""
        return path.startswith(self.prefix) and path not in self.public

    async def admit(self, scope: Scope) -> tuple[uuid.UUID | None, RateHeaders | None]:
        """The caller's company and the rate headers its answer carries (None without rate
        limits), or (None, None) for a bodyless call without a key. Raises `Unauthorized`,
        `RateLimited` or `Overloaded` (no database slot for the lookup)."""
        given = header(scope, b"api-key")
        api_key = given.decode("latin-1") if given is not None else None
        if not api_key:
            if scope["method"] in BODYLESS:
                return None, None
            await self._count_failure(scope)
            raise Unauthorized(NO_KEY)
        company_id = remembered_company_id(api_key, self.key_ttl)
        if company_id is None:
            company_id = await self.gate.run(self._lookup, api_key)
        if company_id is None:
            await self._count_failure(scope)
            raise Unauthorized(BAD_KEY)
        scope.setdefault("state", {})[COMPANY_STATE_KEY] = company_id
        logs.set_company(company_id)
        if not self.limits.enabled:
            return company_id, None
        verdict = await self.limits.hit_key(secret_hash(api_key))
        if not verdict.allowed:
            raise _rate_limited(verdict.headers(), "with this API key")
        return company_id, verdict.headers()

    async def _count_failure(self, scope: Scope) -> None:
        """A failed key counts against the caller's address: past its rate, a 429."""
        if not self.limits.enabled:
            return
        address = (scope.get("client") or ("unknown", 0))[0]
        refused = await self.limits.address_refused(address)
        if refused is not None:
            raise _rate_limited(refused.headers(), "from this address")
        await self.limits.hit_failed_auth(address)

    def _lookup(self, api_key: str) -> uuid.UUID | None:
        with self.runtime.session_factory() as session:
            return resolve_company_id(session, api_key, self.key_ttl)


def _rate_limited(headers: RateHeaders, who: str) -> RateLimited:
    retry = headers.get("Retry-After", "1")
    return RateLimited(f"Too many requests {who}; retry in {retry} s.", headers=headers)
