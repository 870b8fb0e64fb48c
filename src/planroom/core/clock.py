"""The one source of "now". Tests and the sandbox move it instead of sleeping."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class Clock:
    """Real UTC time plus an adjustable offset."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            offset = self._offset
        return datetime.now(UTC) + offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += timedelta(seconds=seconds)

    def reset(self) -> None:
        with self._lock:
            self._offset = timedelta()


clock = Clock()


def epoch(moment: datetime | None) -> float | None:
    """Float Unix epoch seconds, the wire format of every timestamp."""
    return None if moment is None else moment.timestamp()
