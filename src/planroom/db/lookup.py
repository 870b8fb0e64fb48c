"""A read the request path runs constantly, compiled once and run straight on the driver.

A Core `execute` costs more than an indexed SQLite lookup itself (an execution context, a
result object, row processing), and so does borrowing a pooled connection (a checkout, a reset
on return and, on PostgreSQL, a ping: a second round trip). For the handful of statements a hot
path runs on every request, the SQL is compiled once for the engine's dialect and runs on a
connection of its own per thread, kept open in autocommit (so it never holds a snapshot or a
transaction open between reads); parameters go through the columns' own bind processors and
results through their result processors, so values are what Core would return.

The connections are made by the engine's pool (its connect events: SQLite's pragmas) and then
detached from it; they close when the engine is disposed (`Runtime.close`) or the lookup is.
A connection that fails is dropped, and the read is tried once more on a new one.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Engine, Select, event

Processor = Callable[[Any], Any] | None


class Lookup:
    def __init__(self, engine: Engine, statement: Select[*tuple[Any, ...]]) -> None:
        dialect = engine.dialect
        compiled = statement.compile(dialect=dialect)
        self._engine = engine
        self._sql = compiled.string
        self._positional = compiled.positional
        self._names: list[str] = list(compiled.positiontup or ()) if compiled.positional else []
        self._binds: dict[str, Processor] = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect)
            for name, bind in compiled.binds.items()
        }
        # the dialect's own implementation: SQLite's DateTime parses text, and a TypeDecorator
        # runs its own conversion after it
        self._results: list[Processor] = [
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in statement.selected_columns
        ]
        self._connections: dict[int, Any] = {}
        self._lock = threading.Lock()
        event.listen(engine, "engine_disposed", self._disposed)

    def rows(self, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row for these parameter values (the statement's bind parameter names)."""
        results = self._results
        return [
            tuple(_apply(results[index], value) for index, value in enumerate(row))
            for row in self.raw_rows(values)
        ]

    def raw_rows(self, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows as the driver returns them (an id may be text): for values compared only
        with each other, such as cache keys; `value` converts one when needed."""
        bound = {name: _apply(processor, values[name]) for name, processor in self._binds.items()}
        parameters: Any = [bound[name] for name in self._names] if self._positional else bound
        try:
            return self._run(parameters)
        except self._engine.dialect.loaded_dbapi.Error:
            # a connection the server dropped (restart, idle timeout): once more on a new one
            self._drop(threading.get_ident())
            return self._run(parameters)

    def value(self, column: int, raw: Any) -> Any:
        """A driver's value of the `column`-th selected column as Core returns it."""
        return _apply(self._results[column], raw)

    def close(self) -> None:
        """Close every thread's connection (a later `rows` opens a new one)."""
        with self._lock:
            connections = list(self._connections.values())
            self._connections.clear()
        for connection in connections:
            _close_quietly(connection)

    def _run(self, parameters: Any) -> list[Any]:
        cursor = self._connection().cursor()
        try:
            cursor.execute(self._sql, parameters)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def _connection(self) -> Any:
        thread = threading.get_ident()
        connection = self._connections.get(thread)
        if connection is None:
            pooled = self._engine.raw_connection()
            pooled.detach()
            connection = pooled.dbapi_connection
            _autocommit(connection, self._engine.dialect.name)
            with self._lock:
                self._connections[thread] = connection
        return connection

    def _drop(self, thread: int) -> None:
        with self._lock:
            connection = self._connections.pop(thread, None)
        if connection is not None:
            _close_quietly(connection)

    def _disposed(self, _engine: Engine) -> None:
        self.close()


def _autocommit(connection: Any, dialect: str) -> None:
    """Each read on its own: sqlite3's `isolation_level = None`, else the driver's
    `autocommit` (after ending whatever the pool's ping began)."""
    if dialect == "sqlite":
        connection.isolation_level = None
    else:
        connection.rollback()
        connection.autocommit = True


def _close_quietly(connection: Any) -> None:
    # closing a connection the server already dropped may fail: it is gone either way
    with contextlib.suppress(Exception):
        connection.close()


def _apply(processor: Processor, value: Any) -> Any:
    return value if processor is None or value is None else processor(value)
