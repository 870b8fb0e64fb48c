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
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        current = _context.get()
        for key in ("request_id", "company_id", "order_id", "job"):
            value = getattr(current, key)
            if value is not None:
                entry[key] = value
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(entry, default=str, ensure_ascii=False)


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
