"""What the GLA package publishes: the GLA JSON and `gla_formula_text`.

Every figure here is measured with `formula.measured_area`, so each equation evaluates to the
unrounded figure next to it, and rounded half up to a whole unit only when printed.
"""

from __future__ import annotations

from typing import Any

from planroom.floormodel.formula import equation_text, measured_area, region_equations
from planroom.floormodel.geometry import Region
from planroom.floormodel.gla import DISCLAIMER, STANDARD, GlaLevel, GlaReport
from planroom.floormodel.measure import MeasuredItem
from planroom.floormodel.units import AreaUnit, round_half_up, whole

JsonDict = dict[str, Any]
"""A JSON object as published (its values are JSON data of any kind)."""

UNIT_LABELS: dict[AreaUnit, str] = {"sqft": "sq ft", "m2": "m²"}


def _figure(value: float) -> int:
    return whole(value)


def _unrounded(value: float) -> float:
    return float(round_half_up(value, 4))


def _level_totals(level: GlaLevel, unit: AreaUnit) -> dict[str, float]:
    measure = level.measure
    included = measured_area(measure.included, unit)
    adu = measured_area(measure.adu, unit)
    excluded = sum(measured_area(item.region, unit) for item in measure.excluded)
    unfinished = sum(
        measured_area(item.region, unit)
        for item in measure.excluded
        if item.area_sq_mm and _is_unfinished_indoor(item)
    )
    non_standard = sum(
        measured_area(item.region, unit) for item in measure.excluded if item.non_standard
    )
    above = level.above_grade
    return {
        "gla": included if above else 0.0,
        "adu_gla": adu if above else 0.0,
        "excluded": excluded if above else 0.0,
        "above_grade_unfinished": unfinished if above else 0.0,
        "below_grade_finished": 0.0 if above else included + adu,
        "below_grade_unfinished": 0.0 if above else unfinished,
        "non_standard_finished": non_standard,
    }


def _is_unfinished_indoor(item: MeasuredItem) -> bool:
    return (
        item.type not in ("porch", "deck", "balcony", "patio", "open_to_below")
        and "open to below" not in item.reasons
        and not item.non_standard
    )


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


def level_document(level: GlaLevel, unit: AreaUnit) -> JsonDict:
    """One level of the GLA JSON."""
    totals = _level_totals(level, unit)
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


def gla_document(report: GlaReport, unit: AreaUnit) -> JsonDict:
    """The GLA JSON (`gla_package.json_urls`)."""
    per_level = [_level_totals(level, unit) for level in report.levels]
    summed = (
        {key: sum(totals[key] for totals in per_level) for key in per_level[0]} if per_level else {}
    )
    return {
        "standard": STANDARD,
        "property_type": report.property_type,
        "unit": unit,
        "levels": [level_document(level, unit) for level in report.levels],
        "totals": {key: _figure(value) for key, value in summed.items()},
        "totals_unrounded": {key: _unrounded(value) for key, value in summed.items()},
        "assumptions": report.assumptions(),
        "disclaimer": DISCLAIMER,
    }


def gla_formula_text(report: GlaReport, unit: AreaUnit) -> str:
    """`gla_package.gla_formula_text`: totals, then each above-grade floor and its equations."""
    label = UNIT_LABELS[unit]
    floors = [level for level in report.levels if level.above_grade]
    gla = sum(measured_area(level.measure.included, unit) for level in floors)
    excluded = sum(
        measured_area(item.region, unit) for level in floors for item in level.measure.excluded
    )
    lines = [f"GLA total: {_figure(gla)} {label}, excluded areas: {_figure(excluded)} {label}"]
    for number, level in enumerate(floors, start=1):
        area = measured_area(level.measure.included, unit)
        lines.append("")
        lines.append(f"FLOOR {number}: {_figure(area)} {label}")
        equations = region_equations(level.measure.included, unit)
        lines.extend(text for text, _ in equations)
        if not equations:
            lines.append("0")
    return "\n".join(lines)
