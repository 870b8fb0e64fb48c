"""Area equations in the original service's `gla_formula_text` form.

Each outline is written as the trapezoid (shoelace) sum over its vertices,
`(x_i + x_{i+1}) * (y_i - y_{i+1})`, times 0.5, negated when the outline runs counter-clockwise so
that the value is positive. Metric coordinates are centimetres to 0.1 and the sum is multiplied by
0.0001 to give m²; imperial coordinates are feet to 0.0001 with no unit factor. Both print the
geometry's own numbers: the model is in whole millimetres, which centimetres to 0.1 write exactly
and feet to 0.0001 (0.03 mm) identify uniquely, so no corner is rounded to a coarser grid before
the area is taken (feet to 0.01 moved corners by up to 1.5 mm and a two-storey total by half a
square foot). Holes are subtracted from their outline. `measured_area` computes the very same
arithmetic, so evaluating an equation gives exactly the figure reported for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from planroom.floormodel.geometry import Region, polygons_of
from planroom.floormodel.units import MM_PER_FOOT, AreaUnit, format_number

_METRIC_FACTOR = " * 0.5 * 0.0001"
_IMPERIAL_FACTOR = " * 0.5"
IMPERIAL_PLACES = 4
"""Feet to 0.0001: finer than the model's millimetre, so the equation keeps the geometry's area."""


def coordinate_text(value_mm: float, unit: AreaUnit) -> str:
    """A coordinate as written in an equation: cm to 0.1, or ft to 0.0001."""
    if unit == "m2":
        return format_number(value_mm / 10.0, 1)
    return format_number(value_mm / MM_PER_FOOT, IMPERIAL_PLACES)


def _operand(text: str) -> str:
    return f"({text})" if text.startswith("-") else text


def _ring_from_start(coords: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring without its closing point, starting at the right-most, then lowest vertex."""
    ring = list(coords[:-1]) if coords and coords[0] == coords[-1] else list(coords)
    start = min(range(len(ring)), key=lambda index: (-ring[index][0], ring[index][1]))
    return ring[start:] + ring[:start]


def ring_equation(coords: Sequence[tuple[float, float]], unit: AreaUnit) -> tuple[str, float]:
    """One outline's equation and its value (always positive)."""
    ring = _ring_from_start(coords)
    texts = [(coordinate_text(x, unit), coordinate_text(y, unit)) for x, y in ring]
    values = [(float(x), float(y)) for x, y in texts]
    terms = []
    total = 0.0
    for index, ((x0, y0), (v0, w0)) in enumerate(zip(texts, values, strict=True)):
        x1, y1 = texts[(index + 1) % len(texts)]
        v1, w1 = values[(index + 1) % len(values)]
        terms.append(f"({_operand(x0)} + {_operand(x1)}) * ({_operand(y0)} - {_operand(y1)})")
        term = (v0 + v1) * (w0 - w1)
        total = term if index == 0 else total + term
    negate = total < 0
    body = "(" + " + ".join(terms) + ")"
    factor = _METRIC_FACTOR if unit == "m2" else _IMPERIAL_FACTOR
    value = (-total if negate else total) * 0.5
    if unit == "m2":
        value *= 0.0001
    return ("-" if negate else "") + body + factor, value


def polygon_equation(polygon: Region, unit: AreaUnit) -> tuple[str, float]:
    """An outline's equation with its holes subtracted, and its value."""
    text, value = ring_equation(list(polygon.exterior.coords), unit)
    for hole in polygon.interiors:
        hole_text, hole_value = ring_equation(list(hole.coords), unit)
        text = f"{text} - {hole_text}"
        value = value - hole_value
    return text, value


def region_equations(region: Region, unit: AreaUnit) -> list[tuple[str, float]]:
    """One equation per outline of `region`, largest outline first."""
    return [polygon_equation(polygon, unit) for polygon in polygons_of(region)]


def measured_area(region: Region, unit: AreaUnit) -> float:
    """The area reported for `region`: the sum of its equations' values."""
    total = 0.0
    for _, value in region_equations(region, unit):
        total += value
    return total


def equation_text(region: Region, unit: AreaUnit) -> str:
    """All of a region's equations joined with ` + ` (`0` for an empty region)."""
    equations = [text for text, _ in region_equations(region, unit)]
    return " + ".join(equations) if equations else "0"
