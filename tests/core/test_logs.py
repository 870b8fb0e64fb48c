"""JSON log lines: the access line written straight to the installed handler reads as the
same line through the logger would, and it goes through the logger whenever anything else
could take it."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from planroom.core import logs

PATH = "/api/integrate/v3/orders/3f0d8a52-6f1e-4d1b-9b8e-2b4c1f1a7e55"
ROUTE = "/api/integrate/v3/orders/{order_id}"


@pytest.fixture
def installed() -> Iterator[io.StringIO]:
    """`configure` as `planroom serve` calls it, to a stream; the test's logging put back after."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    stream = io.StringIO()
    logs.configure(stream=stream)
    yield stream
    root.handlers[:] = handlers
    root.setLevel(level)


@contextmanager
def _only_the_installed_handler() -> Iterator[None]:
    """As in `planroom serve`: pytest adds its own handlers to the root for each test."""
    root = logging.getLogger()
    handlers = root.handlers[:]
    root.handlers[:] = [handler for handler in handlers if isinstance(handler, logs.JsonLines)]
    try:
        yield
    finally:
        root.handlers[:] = handlers


def _lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_the_direct_access_line_is_the_line_through_the_logger(installed: io.StringIO) -> None:
    path = f'{PATH}"\n\\é'  # quoted, escaped and read back whole
    made: list[logging.LogRecord] = []
    factory = logging.getLogRecordFactory()

    def counted(*args: Any, **kwargs: Any) -> logging.LogRecord:
        made.append(factory(*args, **kwargs))
        return made[-1]

    logging.setLogRecordFactory(counted)
    token = logs.begin(logs.LogContext(request_id="req-1", order_id="3f0d8a52"))
    try:
        with _only_the_installed_handler():
            logs.set_company("c0mpany")
            logs.log_access("GET", path, 404, 0.00125, ROUTE)
            assert made == []  # written straight to the handler
            passes_all = logging.Filter()  # on the way, so the line goes through the logger
            logs.access.addFilter(passes_all)
            try:
                logs.log_access("GET", path, 404, 0.00125, ROUTE)
            finally:
                logs.access.removeFilter(passes_all)
            assert len(made) == 1
    finally:
        logs.end(token)
        logging.setLogRecordFactory(factory)
    direct, through_the_logger = _lines(installed)
    assert direct["message"] == f"GET {path} 404 1.2 ms"
    assert direct.pop("time") <= through_the_logger.pop("time")
    assert direct == through_the_logger
    assert direct["request_id"] == "req-1" and direct["company_id"] == "c0mpany"
    assert direct["order_id"] == "3f0d8a52" and direct["logger"] == "planroom.access"
    assert direct["duration_ms"] == 1.25 and direct["route"] == ROUTE and direct["status"] == 404


def test_the_access_line_goes_through_the_logger_when_another_handler_listens(
    installed: io.StringIO,
) -> None:
    captured: list[logging.LogRecord] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            captured.append(record)

    capture = Capture()
    planroom = logging.getLogger("planroom")
    planroom.addHandler(capture)
    try:
        with _only_the_installed_handler():
            logs.log_access("POST", "/x", 201, 0.002, "/x")
    finally:
        planroom.removeHandler(capture)
    [record] = captured
    assert record.getMessage() == "POST /x 201 2.0 ms" and record.__dict__["status"] == 201
    [line] = _lines(installed)  # the installed handler still gets it, through the logger
    assert line["message"] == "POST /x 201 2.0 ms" and line["route"] == "/x"


def test_a_filter_on_the_access_logger_is_respected(installed: io.StringIO) -> None:
    refuse = logging.Filter("nothing.of.ours")
    logs.access.addFilter(refuse)
    with _only_the_installed_handler():
        try:
            logs.log_access("GET", "/quiet", 200, 0.001, "/quiet")
        finally:
            logs.access.removeFilter(refuse)
        logs.log_access("GET", "/loud", 200, 0.001, "/loud")
    assert [line["route"] for line in _lines(installed)] == ["/loud"]


def test_text_lines_take_the_access_line_through_their_formatter() -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    stream = io.StringIO()
    try:
        logs.configure(json_lines=False, stream=stream)
        logs.log_access("GET", "/plain", 200, 0.001, "/plain")
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    assert stream.getvalue().rstrip().endswith("INFO planroom.access: GET /plain 200 1.0 ms")
