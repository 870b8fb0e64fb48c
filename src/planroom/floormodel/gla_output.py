"""What the GLA package publishes: the GLA JSON and `gla_formula_text`.

Every figure here is measured with `formula.measured_area`, so each equation evaluates to the
unrounded figure next to it, and rounded half up to a whole unit only when printed.
"""

from __future__ import annotations

from typing import Any

from planroom.floormodel.figures import GLA_KEYS, ModelFigures
from planroom.floormodel.formula import equation_text, measured_area, region_equations
from planroom.floormodel.geometry import Region
from planroom.floormodel.gla import DISCLAIMER, STANDARD, GlaLevel
from planroom.floormodel.measure import MeasuredItem
from planroom.floormodel.units import AreaUnit, round_half_up, whole

JsonDict = dict[str, Any]
"""A JSON object as published (its values are JSON data of any kind)."""

UNIT_LABELS: dict[AreaUnit, str] = {"sqft": "sq ft", "m2": "m²"}


def _figure(value: float) -> int:
    """A GLA package figure: whole units, half up (the original's format, m² included)."""
    return whole(value)


def _unrounded(value: float) -> float:
    return float(round_half_up(value, 4))


def _level_totals(figures: ModelFigures, level_id: str, unit: AreaUnit) -> dict[str, float]:
    values = figures.in_unit(unit).level(level_id).values
    return {key: values[key] for key in GLA_KEYS}


def _excluded_entry(item: MeasuredItem, unit: AreaUnit) -> JsonDict:
    area = measured_area(item.region, unit)
    return {
        "name": item.name,
        "area": _figure(area),
        "area_unrounded": _unrounded(area),
        "equation": equation_text(item.region, unit),
        "type": item.type,
        "reasons": list(item.reasons),
        "non_standard_finished": item.non_standard,
    }


def _region_entries(name: str, region: Region, kind: str, unit: AreaUnit) -> list[JsonDict]:
    equations = region_equations(region, unit)
    entries: list[JsonDict] = []
    for index, (text, value) in enumerate(equations):
        entries.append(
            {
                "name": name if len(equations) == 1 else f"{name} ({index + 1})",
                "area": _figure(value),
                "area_unrounded": _unrounded(value),
                "equation": text,
                "type": kind,
            }
        )
    return entries


def level_document(figures: ModelFigures, level: GlaLevel, unit: AreaUnit) -> JsonDict:
    """One level of the GLA JSON."""
    totals = _level_totals(figures, level.level.id, unit)
    measure = level.measure
    living = _region_entries(level.level.name, measure.included, "primary", unit)
    adu = _region_entries(f"{level.level.name} ADU", measure.adu, "accessory", unit)
    return {
        "level_id": level.level.id,
        "name": level.level.name,
        "grade": level.level.grade,
        "below_grade": not level.above_grade,
        "gla": _figure(totals["gla"]),
        "gla_unrounded": _unrounded(totals["gla"]),
        "adu_gla": _figure(totals["adu_gla"]),
        "included": living + adu if level.above_grade else [],
        "below_grade_areas": [] if level.above_grade else living + adu,
        "excluded": [_excluded_entry(item, unit) for item in measure.excluded],
        "excluded_total": _figure(totals["excluded"]),
        "above_grade_unfinished": _figure(totals["above_grade_unfinished"]),
        "below_grade_finished": _figure(totals["below_grade_finished"]),
        "below_grade_unfinished": _figure(totals["below_grade_unfinished"]),
        "non_standard_finished": _figure(totals["non_standard_finished"]),
    }


def gla_document(figures: ModelFigures, unit: AreaUnit) -> JsonDict:
    """The GLA JSON (`gla_package.json_urls`): each level rounded once, totals the sums of the
    rounded levels, so the summary adds up exactly as printed."""
    report = figures.gla
    per_level = [_level_totals(figures, level.level.id, unit) for level in report.levels]
    totals = {key: sum(_figure(item[key]) for item in per_level) for key in GLA_KEYS}
    unrounded = {key: _unrounded(sum(item[key] for item in per_level)) for key in GLA_KEYS}
    return {
        "standard": STANDARD,
        "property_type": report.property_type,
        "method": figures.method("gla"),
        "unit": unit,
        "levels": [level_document(figures, level, unit) for level in report.levels],
        "totals": totals if per_level else {},
        "totals_unrounded": unrounded if per_level else {},
        "assumptions": report.assumptions(),
        "disclaimer": DISCLAIMER,
    }


def gla_formula_text(figures: ModelFigures, unit: AreaUnit) -> str:
    """`gla_package.gla_formula_text`: totals, then each above-grade floor and its equations.

    The total is the sum of the floors as printed under it."""
    label = UNIT_LABELS[unit]
    report = figures.gla
    floors = [level for level in report.levels if level.above_grade]
    table = figures.in_unit(unit)
    floor_areas = [_figure(table.level(level.level.id).values["gla"]) for level in floors]
    excluded = sum(_figure(table.level(level.level.id).values["excluded"]) for level in floors)
    lines = [
        f"GLA total: {sum(floor_areas)} {label}, excluded areas: {excluded} {label}",
    ]
    for number, (level, area) in enumerate(zip(floors, floor_areas, strict=True), start=1):
        lines.append("")
        lines.append(f"FLOOR {number}: {area} {label}")
        equations = region_equations(level.measure.included, unit)
        lines.extend(text for text, _ in equations)
        if not equations:
            lines.append("0")
    return "\n".join(lines)
