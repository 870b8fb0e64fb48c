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
from collections.abc import Callable
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

    def slot(self) -> _Slot:
        """`async with gate.slot():` holds one slot; 503 `overloaded` when none frees up within
        `wait_seconds`."""
        return _Slot(self._semaphore(), self.wait_seconds)

    async def run(self, function: Callable[..., ResultT], *args: Any) -> ResultT:
        """A blocking database call on a worker thread, holding a slot while it runs."""
        async with self.slot():
            return await anyio.to_thread.run_sync(partial(function, *args))


class _Slot:
    """A class, not a generator: entered on every request, where a generator-based context
    manager and a timer cost more than a free slot's whole request path."""

    __slots__ = ("_semaphore", "_wait_seconds")

    def __init__(self, semaphore: asyncio.Semaphore, wait_seconds: float) -> None:
        self._semaphore = semaphore
        self._wait_seconds = wait_seconds

    async def __aenter__(self) -> None:
        semaphore = self._semaphore
        if not semaphore.locked():
            await semaphore.acquire()  # free: returns at once, no timer armed
            return
        try:
            async with asyncio.timeout(self._wait_seconds):
                await semaphore.acquire()
        except TimeoutError:
            raise Overloaded("The server is busy right now; retry in a second.") from None

    async def __aexit__(self, *_exc: object) -> None:
        self._semaphore.release()
