"""Structured logs: one JSON object a line, carrying the request id, company and order.

`context()` is the current request's (or job's) log context: a small mutable holder in a
context variable, so what a dependency running in a worker thread learns (the company) is seen
by every later log line of the same request. `configure(json_lines=True)` installs the JSON
formatter on the root logger; `planroom serve` and `planroom worker` do (`--log-format text`
for the old lines).
"""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TextIO


@dataclass
class LogContext:
    request_id: str | None = None
    company_id: str | None = None
    order_id: str | None = None
    job: str | None = None


_EMPTY = LogContext()
_context: ContextVar[LogContext] = ContextVar("planroom_log_context", default=_EMPTY)


def context() -> LogContext:
    """The current context (a shared empty one outside requests and jobs: do not write it)."""
    return _context.get()


def begin(new: LogContext) -> object:
    """Make `new` the current context; returns the token `end` takes."""
    return _context.set(new)


def end(token: object) -> None:
    _context.reset(token)  # type: ignore[arg-type]


def set_company(company_id: object) -> None:
    current = _context.get()
    if current is not _EMPTY:
        current.company_id = str(company_id)


def set_order(order_id: object) -> None:
    current = _context.get()
    if current is not _EMPTY:
        current.order_id = str(order_id)


# attributes every LogRecord has; anything else given as `extra=` goes into the JSON
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "color_message"}


_ENCODER = json.JSONEncoder(default=str, ensure_ascii=False)
"""Made once: `json.dumps` with any option builds a new encoder for every line."""


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message", request_id?, company_id?, order_id?, job?,
    ...extra}`; about 10 µs a line (the time string is made once a second)."""

    _second = -1
    _stamp = ""

    def format(self, record: logging.LogRecord) -> str:
        entry = self.entry(record.created, record.levelname, record.name, record.getMessage())
        for key in record.__dict__.keys() - _STANDARD:
            if not key.startswith("_"):
                entry[key] = record.__dict__[key]
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return _ENCODER.encode(entry)

    def entry(self, created: float, level: str, logger: str, message: str) -> dict[str, object]:
        """A line's fields before its extras: the time, the level, the logger, the message and
        the current log context."""
        second = int(created)
        if second != self._second:
            self._second = second
            self._stamp = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S")
        millis = int((created - second) * 1000)
        entry: dict[str, object] = {
            "time": f"{self._stamp}.{millis:03d}Z",
            "level": level,
            "logger": logger,
            "message": message,
        }
        current = _context.get()
        if current is not _EMPTY:
            if current.request_id is not None:
                entry["request_id"] = current.request_id
            if current.company_id is not None:
                entry["company_id"] = current.company_id
            if current.order_id is not None:
                entry["order_id"] = current.order_id
            if current.job is not None:
                entry["job"] = current.job
        return entry


class JsonLines(logging.StreamHandler[TextIO]):
    """The handler `configure` installs: JSON lines to a stream."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.json = JsonFormatter()
        self.setFormatter(self.json)

    def write_line(self, line: str) -> None:
        self.acquire()
        try:
            self.stream.write(line + "\n")
            self.flush()
        finally:
            self.release()


_installed: JsonLines | None = None
_root = logging.getLogger()
_planroom = logging.getLogger("planroom")
access = logging.getLogger("planroom.access")


def log_access(method: str, path: str, status: int, seconds: float, route: str) -> None:
    """A request's access line: `GET /path 200 1.2 ms` with its `route`, `status` and
    `duration_ms` (and the log context, as every line).

    Where the JSON handler `configure` installs is the only place the line can go (no other
    handler or filter on its way), the line is made here and written to it straight away: a
    `LogRecord`, its trip through the logger tree and the generic formatter cost three times as
    much, a sixth of a polled request. Anywhere else (text lines, records captured in tests, a
    handler of your own) it goes through the logger as any line does.
    """
    if not access.isEnabledFor(logging.INFO):
        return
    message = f"{method} {path} {status} {seconds * 1000:.1f} ms"
    extra = {"route": route, "status": status, "duration_ms": round(seconds * 1e3, 3)}
    handler = _installed
    if handler is None or not _alone(handler):
        # made and handled directly: `info` would first walk the (deep) stack for the caller
        record = access.makeRecord(
            access.name, logging.INFO, __file__, 0, "%s", (message,), None, extra=extra
        )
        access.handle(record)
        return
    entry = handler.json.entry(time.time(), "INFO", access.name, message)
    entry.update(extra)
    handler.write_line(_ENCODER.encode(entry))


def _alone(handler: JsonLines) -> bool:
    return (
        handler.level <= logging.INFO
        and not handler.filters
        and _root.handlers == [handler]
        and not (_planroom.handlers or access.handlers)
        and not (_root.filters or _planroom.filters or access.filters)
        and access.propagate
        and _planroom.propagate
    )


def configure(
    level: int = logging.INFO, *, json_lines: bool = True, stream: TextIO | None = None
) -> None:
    """Log to `stream` (stderr), as JSON lines (or `LEVEL name: message` text)."""
    global _installed
    handler: logging.Handler
    if json_lines:
        handler = _installed = JsonLines(stream or sys.stderr)
    else:
        _installed = None
        handler = logging.StreamHandler(stream or sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _root.handlers[:] = [handler]
    _root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
