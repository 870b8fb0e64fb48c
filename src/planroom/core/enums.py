"""State columns: a `StrEnum` in Python over a plain string column (no database enum type,
so adding a state needs no migration)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import Dialect, String, TypeDecorator

E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E], Generic[E]):
    """Stores the member's value as text and reads it back as the member."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int, **kwargs: Any) -> None:
        super().__init__(length, **kwargs)
        self.enum = enum

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        return None if value is None else self.enum(value)
