"""Lengths and areas as printed on a plan, in the style's units and language.

Marketing-plan conventions: imperial lengths to the nearest inch with the carry (`12'4"`, 12.96 ft
→ `13'0"`), areas in whole square feet rounded half up; metric lengths in metres with two decimals,
areas in m² with one. "Both" prints imperial first with metric in parentheses. Languages other
than English write metric numbers with a decimal comma.
"""

from __future__ import annotations

from typing import Literal

from planroom.floormodel.figures import FigureKey, ModelFigures
from planroom.floormodel.units import (
    SQ_MM_PER_SQ_FOOT,
    format_feet_inches,
    round_half_up,
    whole,
)

Units = Literal["imperial", "metric", "both"]

DECIMAL_COMMA_LANGUAGES = frozenset({"fi", "de", "fr", "es", "sv"})


def feet_inches(mm: float) -> str:
    """`12'4"`: whole inches, carried into feet so that 12'12" never appears."""
    return format_feet_inches(mm)


def _decimal(text: str, language: str) -> str:
    return text.replace(".", ",") if language in DECIMAL_COMMA_LANGUAGES else text


def _thousands(value: int, language: str) -> str:
    grouped = f"{value:,}"
    # A no-break space groups thousands in the decimal-comma languages (1 234 m²).
    return grouped.replace(",", "\u00a0") if language in DECIMAL_COMMA_LANGUAGES else grouped


def metres(mm: float, language: str = "en") -> str:
    """`3.76` (no unit): metres with two decimals."""
    return _decimal(format(round_half_up(mm / 1000.0, 2), "f"), language)


def length_text(mm: float, units: Units, language: str = "en") -> str:
    """One length: `12'4"`, `3.76 m`, or `12'4" (3.76 m)`."""
    if units == "imperial":
        return feet_inches(mm)
    if units == "metric":
        return f"{metres(mm, language)} m"
    return f"{feet_inches(mm)} ({metres(mm, language)} m)"


def dimension_lines(
    long_mm: float, short_mm: float, units: Units, language: str = "en"
) -> list[str]:
    """A room's interior dimensions: one line, or two in "both" mode (imperial, then metric)."""
    imperial = f"{feet_inches(long_mm)} x {feet_inches(short_mm)}"
    metric = f"{metres(long_mm, language)} x {metres(short_mm, language)} m"
    if units == "imperial":
        return [imperial]
    if units == "metric":
        return [metric]
    return [imperial, metric]


def square_feet(mm2: float) -> int:
    return whole(mm2 / SQ_MM_PER_SQ_FOOT)


def area_text(mm2: float, units: Units, language: str = "en") -> str:
    """An area: `1,234 sq ft`, `12.6 m²`, or `136 sq ft (12.6 m²)`."""
    imperial = f"{_thousands(square_feet(mm2), language)} sq ft"
    square_metres = format(round_half_up(mm2 / 1_000_000.0, 1), "f")
    integer, _, fraction = square_metres.partition(".")
    metric = _decimal(f"{_thousands(int(integer), language)}.{fraction}", language) + " m²"
    if units == "imperial":
        return imperial
    if units == "metric":
        return metric
    return f"{imperial} ({metric})"


def reported_area_text(
    figures: ModelFigures,
    key: FigureKey,
    level_id: str | None,
    units: Units,
    language: str = "en",
) -> str:
    """A figure of the area engine as printed: the engine's rounded value, never re-measured.

    `level_id` None prints the total (the sum of the rounded levels)."""
    square_feet_value = int(figures.in_unit("sqft").reported(key, level_id))
    square_metres = figures.in_unit("m2").reported(key, level_id)
    imperial = f"{_thousands(square_feet_value, language)} sq ft"
    integer, _, fraction = f"{square_metres:.1f}".partition(".")
    metric = _decimal(f"{_thousands(int(integer), language)}.{fraction}", language) + " m²"
    if units == "imperial":
        return imperial
    if units == "metric":
        return metric
    return f"{imperial} ({metric})"
