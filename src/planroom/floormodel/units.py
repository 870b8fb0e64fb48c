"""Unit conversion, rounding and the way lengths and areas are written.

Areas are computed in square millimetres from unrounded geometry; only reported figures are rounded,
and always half up (1,234.5 sq ft -> 1,235), never with Python's banker's rounding.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal

AreaUnit = Literal["sqft", "m2"]
MeasurementSystem = Literal["imperial", "metric"]

MM_PER_FOOT = 304.8
MM_PER_INCH = 25.4
SQ_MM_PER_SQ_FOOT = MM_PER_FOOT * MM_PER_FOOT
SQ_MM_PER_SQ_METRE = 1_000_000.0

SEVEN_FEET_MM = 2134
"""ANSI Z765 minimum ceiling height for finished area (7 ft = 2133.6 mm, published as 2.13 m)."""
OBSTRUCTION_MIN_MM = 1930
"""ANSI Z765 minimum clearance under beams, ducts and other obstructions (6 ft 4 in)."""
FIVE_FEET_MM = 1524
"""Below this height no area counts (ANSI sloped-ceiling rule and the GIA minimum)."""


def area_unit_for(system: MeasurementSystem) -> AreaUnit:
    """The area unit a company using `system` reports in."""
    return "sqft" if system == "imperial" else "m2"


def sq_mm_to(area_sq_mm: float, unit: AreaUnit) -> float:
    """Convert square millimetres to square feet or square metres."""
    divisor = SQ_MM_PER_SQ_FOOT if unit == "sqft" else SQ_MM_PER_SQ_METRE
    return area_sq_mm / divisor


def round_half_up(value: float, places: int = 0) -> Decimal:
    """Round half away from zero at `places` decimals.

    Binary floating point leaves a computed 1,234.5 as 1234.4999999999998; the value is first
    cleaned to six more decimals than asked, so that it rounds to 1,235 as a person checking
    the report by hand expects.
    """
    quantum = Decimal(1).scaleb(-places)
    with localcontext() as context:
        context.prec = 80
        cleaned = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-(places + 6)))
        return cleaned.quantize(quantum, rounding=ROUND_HALF_UP)


def whole(value: float) -> int:
    """Round half up to a whole number (the precision every reported area figure uses)."""
    return int(round_half_up(value))


def format_number(value: float, places: int) -> str:
    """`value` rounded half up to `places` decimals, trailing zeros dropped (300, 728.5)."""
    text = format(round_half_up(value, places), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_area(area_sq_mm: float, unit: AreaUnit) -> str:
    """A reported area, e.g. `1,235 sq ft` or `115 m²`."""
    amount = whole(sq_mm_to(area_sq_mm, unit))
    return f"{amount:,} sq ft" if unit == "sqft" else f"{amount:,} m²"


def format_feet_inches(length_mm: float) -> str:
    """Feet and inches to the nearest inch, carrying 12 inches into a foot (12.96 ft -> 13'0")."""
    total_inches = whole(abs(length_mm) / MM_PER_INCH)
    feet, inches = divmod(total_inches, 12)
    sign = "-" if length_mm < 0 and total_inches else ""
    return f"{sign}{feet}'{inches}\""


def format_feet_decimal(length_mm: float) -> str:
    """Feet to 0.1 ft, the precision ANSI Z765 dimensions are shown in (12.96 ft -> 13.0)."""
    return format(round_half_up(length_mm / MM_PER_FOOT, 1), "f")


def format_metres(length_mm: float) -> str:
    """Metres to the centimetre (3.76)."""
    return format(round_half_up(length_mm / 1000.0, 2), "f")
