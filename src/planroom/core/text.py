"""Client text cleaned at the edge: no control characters reach storage, mail or drawings.

XML (SVG, DOCX) refuses most C0 controls, PostgreSQL refuses NUL and no encoder takes a lone
surrogate, so one stray `\\u000b` in a street name would fail every render of the order. Tabs
and line breaks stay: they are allowed everywhere and free text uses them.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, model_validator

_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    return _UNWANTED.sub("", value)


def clean_value(value: Any) -> Any:
    """Every string in a decoded JSON value (keys too), cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(key): clean_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_value(item) for item in value]
    return value


CleanStr = Annotated[str, AfterValidator(clean_text)]


class RequestBody(BaseModel):
    """The base of every request schema: its input is cleaned before it is validated."""

    @model_validator(mode="before")
    @classmethod
    def _clean_text(cls, data: Any) -> Any:
        return clean_value(data)


def byte_size(count: int) -> str:
    """A size limit as a person reads it: "25 MB", "64 KB", "1000 bytes"."""
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):g} MB"
    if count >= 1024:
        return f"{count / 1024:g} KB"
    return f"{count} bytes"
