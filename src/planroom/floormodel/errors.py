"""Problems found in a floor model or a scan, named by element, and the errors that carry them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from planroom.core.errors import TooLarge, Unprocessable, UnsupportedMediaType

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one element, e.g. `wall w12: ends 3 m away from any other wall`."""

    element: str
    message: str
    severity: Severity = "error"
    check: str = ""
    """Which check found it, for the checks the production line treats as advisory."""

    def __str__(self) -> str:
        return f"{self.element}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"element": self.element, "message": self.message, "severity": self.severity}


def _summary(problems: Sequence[Problem], limit: int = 5) -> str:
    shown = "; ".join(str(problem) for problem in problems[:limit])
    more = len(problems) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


class FloorModelInvalid(Unprocessable):
    """A floor model that cannot be used as it is. `problems` lists every error found."""

    code = "invalid_floor_model"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(f"The floor model is not valid: {_summary(self.problems)}")


class ScanUnreadable(Unprocessable):
    """A scan upload that is not a readable RoomPlan export or Planroom floor model."""

    def __init__(self, message: str, *, element: str | None = None) -> None:
        self.element = element
        super().__init__(f"{element}: {message}" if element else message)


class ScanTooLarge(TooLarge):
    """A scan upload over the size limit."""


class ScanWrongType(UnsupportedMediaType):
    """An upload that is some other kind of file (an image, a PDF, a USDZ archive)."""
