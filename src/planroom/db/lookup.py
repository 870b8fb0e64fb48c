"""A read the request path runs constantly, compiled once and run straight on the driver.

A Core `execute` costs more than an indexed SQLite lookup itself (an execution context, a
result object, row processing): for the handful of statements a hot path runs on every
request, the SQL is compiled once for the engine's dialect, and each run borrows a pooled
connection, binds the parameters with the columns' own bind processors, and converts the
results with their result processors, so values are what Core would return.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Engine, Select

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
            name: bind.type.bind_processor(dialect) for name, bind in compiled.binds.items()
        }
        self._results: list[Processor] = [
            column.type.result_processor(dialect, None) for column in statement.selected_columns
        ]

    def rows(self, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row for these parameter values (the statement's bind parameter names)."""
        bound = {name: _apply(processor, values[name]) for name, processor in self._binds.items()}
        parameters: Any = [bound[name] for name in self._names] if self._positional else bound
        connection = self._engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(self._sql, parameters)
            fetched = cursor.fetchall()
            cursor.close()
        finally:
            connection.close()
        results = self._results
        return [
            tuple(_apply(results[index], value) for index, value in enumerate(row))
            for row in fetched
        ]


def _apply(processor: Processor, value: Any) -> Any:
    return value if processor is None or value is None else processor(value)
