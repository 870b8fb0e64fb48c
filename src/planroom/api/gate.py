"""The database gate: a request waits for a connection here, without holding a thread.

A sync endpoint runs in anyio's thread pool while its session holds a pooled connection. When
more requests than connections take threads, the threads wait for connections whose holders
wait for threads, until the pool's timeout. So a request first takes one of `slots` (fewer than
the pool holds; see `Settings.request_db_slots`) on the event loop, then uses one connection at a
time, and the thread limiter has more tokens than there are slots. A request that cannot get a
slot within `wait_seconds` is answered 503 `overloaded` with `Retry-After`.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from typing import Any, TypeVar

import anyio.to_thread

from planroom.core.errors import Overloaded

ResultT = TypeVar("ResultT")

THREADS_PER_SLOT = 2


class DbGate:
    def __init__(self, slots: int, wait_seconds: float) -> None:
        self.slots = slots
        self.wait_seconds = wait_seconds
        # one semaphore per event loop: test clients run several loops in one process
        self._semaphores: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, asyncio.Semaphore
        ] = weakref.WeakKeyDictionary()

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        semaphore = self._semaphores.get(loop)
        if semaphore is None:
            semaphore = self._semaphores[loop] = asyncio.Semaphore(self.slots)
        return semaphore

    def size_thread_pool(self) -> None:
        """Give anyio's default limiter room for every slot plus the threads that hold none."""
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = max(limiter.total_tokens, self.slots * THREADS_PER_SLOT)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        semaphore = self._semaphore()
        try:
            async with asyncio.timeout(self.wait_seconds):
                await semaphore.acquire()
        except TimeoutError:
            raise Overloaded("The server is busy right now; retry in a second.") from None
        try:
            yield
        finally:
            semaphore.release()

    async def run(self, function: Callable[..., ResultT], *args: Any) -> ResultT:
        """A blocking database call on a worker thread, holding a slot while it runs."""
        async with self.slot():
            return await anyio.to_thread.run_sync(partial(function, *args))
