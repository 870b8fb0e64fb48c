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
import traceback
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime


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
        second = int(record.created)
        if second != self._second:
            self._second = second
            self._stamp = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S")
        entry: dict[str, object] = {
            "time": f"{self._stamp}.{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
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
        for key in record.__dict__.keys() - _STANDARD:
            if not key.startswith("_"):
                entry[key] = record.__dict__[key]
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return _ENCODER.encode(entry)


def configure(level: int = logging.INFO, *, json_lines: bool = True) -> None:
    """Log to stderr, as JSON lines (or `LEVEL name: message` text)."""
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
