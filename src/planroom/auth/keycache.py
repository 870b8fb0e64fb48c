"""API keys that resolved, remembered for a few seconds so most requests look up no key.

Only keys that resolved to a company are remembered: a wrong key is looked up every time (and
counted per address by the rate limit), and a new key works at once. A revocation takes effect
at once in the process that commits it (`forget_all` runs after its commit), and in every other
process (`planroom apikey revoke` on the command line, the other `serve --workers` processes)
as soon as the entry it remembered is older than `ttl` seconds: that is the longest a revoked
key keeps working anywhere.
"""

from __future__ import annotations

import threading
import time
import uuid

MAX_ENTRIES = 10_000


class KeyCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._max_entries = max_entries
        self._entries: dict[str, tuple[float, uuid.UUID]] = {}
        self._lock = threading.Lock()

    def get(self, key_hash: str, ttl: float) -> uuid.UUID | None:
        """The company of a key resolved less than `ttl` seconds ago, else None."""
        entry = self._entries.get(key_hash)
        if entry is None:
            return None
        if time.monotonic() - entry[0] >= ttl:
            with self._lock:
                self._entries.pop(key_hash, None)
            return None
        return entry[1]

    def put(self, key_hash: str, company_id: uuid.UUID) -> None:
        with self._lock:
            if len(self._entries) >= self._max_entries:
                self._entries.clear()  # far more live keys than one process serves: start over
            self._entries[key_hash] = (time.monotonic(), company_id)

    def forget_all(self) -> None:
        with self._lock:
            self._entries.clear()


KEYS = KeyCache()
"""The process's resolved keys (every app and thread of the process shares it)."""
