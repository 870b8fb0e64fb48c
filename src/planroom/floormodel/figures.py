"""The area engine: one computed result per floor-model version, read by every deliverable.

Plans, the GLA package (plan, report, JSON and `gla_formula_text`), the Home Report, the Snapshot,
the property data, the tour and the order's `total_scanned_area` all print their figures from
`model_figures(model)`, so no two of them can disagree:
- each level's figure is measured once, from unrounded geometry, with the very arithmetic its
  printed equation shows (`formula.measured_area`);
- rounding happens once, at reporting: a level's figure to a whole square foot (or 0.1 m²), half
  up, and a total is the sum of its rounded levels, so every printed column adds up.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Literal, get_args

from planroom.floormodel.areas import compute_gia, scanned_regions
from planroom.floormodel.formula import measured_area
from planroom.floormodel.geometry import Region
from planroom.floormodel.gla import MEASURED_TO, STANDARD, GlaLevel, GlaReport, compute_gla
from planroom.floormodel.measure import MeasuredItem, level_outline
from planroom.floormodel.schema import FloorModel, Level, PropertyType
from planroom.floormodel.units import (
    SQ_MM_PER_SQ_FOOT,
    SQ_MM_PER_SQ_METRE,
    AreaUnit,
    MeasurementSystem,
    area_unit_for,
    round_half_up,
    whole,
)

FigureKey = Literal[
    "gia",
    "gla",
    "adu_gla",
    "excluded",
    "above_grade_unfinished",
    "below_grade_finished",
    "below_grade_unfinished",
    "non_standard_finished",
    "total",
]
FIGURE_KEYS: tuple[FigureKey, ...] = get_args(FigureKey)
GLA_KEYS: tuple[FigureKey, ...] = FIGURE_KEYS[1:-1]
"""The figures the GLA JSON reports per level and in total."""

OUTDOOR_OR_VOID = frozenset({"porch", "deck", "balcony", "patio", "open_to_below"})

PROPERTY_TYPE_NAMES: dict[PropertyType, str] = {
    "detached": "detached house",
    "attached": "attached house",
    "apartment": "apartment",
}

_CACHE_SIZE = 16


def reported(value: float, unit: AreaUnit) -> float:
    """A figure as printed: whole square feet, or square metres to 0.1, rounded half up."""
    if unit == "sqft":
        return float(whole(value))
    return float(round_half_up(value, 1))


def area_label(value: float, unit: AreaUnit) -> str:
    """A reported figure with its unit in English: `1,782 sq ft`, `165.6 m²`."""
    if unit == "sqft":
        return f"{int(value):,} sq ft"
    return f"{value:,.1f} m²"


def is_unfinished_indoor(item: MeasuredItem) -> bool:
    """Enclosed space that is not living area (garage, unfinished room), not outdoor or a void."""
    return (
        item.type not in OUTDOOR_OR_VOID
        and "open to below" not in item.reasons
        and not item.non_standard
    )


@dataclass(frozen=True)
class LevelFigures:
    """One level's figures in one unit, unrounded."""

    level: Level
    values: dict[FigureKey, float]

    def reported(self, key: FigureKey, unit: AreaUnit) -> float:
        return reported(self.values[key], unit)


@dataclass(frozen=True)
class UnitFigures:
    """Every figure of a model in one unit."""

    unit: AreaUnit
    levels: tuple[LevelFigures, ...]

    def level(self, level_id: str) -> LevelFigures:
        for item in self.levels:
            if item.level.id == level_id:
                return item
        raise KeyError(level_id)

    def unrounded(self, key: FigureKey, level_id: str | None = None) -> float:
        if level_id is not None:
            return self.level(level_id).values[key]
        return sum(item.values[key] for item in self.levels)

    def reported(self, key: FigureKey, level_id: str | None = None) -> float:
        """A level's figure rounded once; without a level, the sum of the rounded levels."""
        if level_id is not None:
            return self.level(level_id).reported(key, self.unit)
        total = sum(item.reported(key, self.unit) for item in self.levels)
        return reported(total, self.unit)


@dataclass(frozen=True)
class ModelFigures:
    """The one area result of a floor-model version."""

    property_type: PropertyType
    gla: GlaReport
    gia_regions: dict[str, Region]
    scanned_regions: dict[str, Region]
    levels: tuple[Level, ...]
    _units: dict[AreaUnit, UnitFigures] = field(default_factory=dict, repr=False, compare=False)

    def in_unit(self, unit: AreaUnit) -> UnitFigures:
        if unit not in self._units:
            self._units[unit] = UnitFigures(
                unit, tuple(self._level(level, unit) for level in self.levels)
            )
        return self._units[unit]

    def gla_level(self, level_id: str) -> GlaLevel:
        for item in self.gla.levels:
            if item.level.id == level_id:
                return item
        raise KeyError(level_id)

    def method(self, figure: str = "gla") -> str:
        """The measuring method of `figure` (gia, gla, total), named on every output."""
        kind = PROPERTY_TYPE_NAMES[self.property_type]
        if figure == "gia":
            return f"GIA ({kind}): finished area to the inside face of exterior walls"
        if figure == "total":
            return f"Total scanned area ({kind}): everything scanned, exterior walls included"
        return f"{STANDARD}, {kind}: measured to {MEASURED_TO[self.property_type]}"

    def _level(self, level: Level, unit: AreaUnit) -> LevelFigures:
        measure = self.gla_level(level.id).measure
        above = level.grade == "above"
        living = measured_area(measure.included, unit)
        adu = measured_area(measure.adu, unit)
        excluded = sum(measured_area(item.region, unit) for item in measure.excluded)
        unfinished = sum(
            measured_area(item.region, unit)
            for item in measure.excluded
            if is_unfinished_indoor(item)
        )
        non_standard = sum(
            measured_area(item.region, unit) for item in measure.excluded if item.non_standard
        )
        values: dict[FigureKey, float] = {
            "gia": measured_area(self.gia_regions[level.id], unit),
            "gla": living if above else 0.0,
            "adu_gla": adu if above else 0.0,
            "excluded": excluded if above else 0.0,
            "above_grade_unfinished": unfinished if above else 0.0,
            "below_grade_finished": 0.0 if above else living + adu,
            "below_grade_unfinished": 0.0 if above else unfinished,
            "non_standard_finished": non_standard,
            "total": measured_area(self.scanned_regions[level.id], unit),
        }
        return LevelFigures(level, values)


def compute_figures(model: FloorModel) -> ModelFigures:
    """Measure `model` once (prefer `model_figures`, which keeps the result per version)."""
    outlines = {level.id: level_outline(model, level) for level in model.levels}
    return ModelFigures(
        property_type=model.property.property_type,
        gla=compute_gla(model, outlines),
        gia_regions={item.level.id: item.region for item in compute_gia(model, outlines)},
        scanned_regions=scanned_regions(model, outlines),
        levels=tuple(model.levels_in_order()),
    )


def reported_sq_mm(
    figures: ModelFigures, key: FigureKey, level_id: str | None, system: MeasurementSystem
) -> float:
    """A reported figure back in mm², for readers that format mm² themselves: it rounds back to
    exactly the engine's printed value."""
    unit = area_unit_for(system)
    value = figures.in_unit(unit).reported(key, level_id)
    return value * (SQ_MM_PER_SQ_FOOT if unit == "sqft" else SQ_MM_PER_SQ_METRE)


_computed: OrderedDict[str, ModelFigures] = OrderedDict()


def model_figures(model: FloorModel) -> ModelFigures:
    """The area result of `model`, computed once per distinct model and kept for the next reader.

    Rendering an order runs many products over the same model version; they share this result,
    so a figure is measured once and printed the same everywhere."""
    key = hashlib.sha256(model.model_dump_json(by_alias=True).encode("utf-8")).hexdigest()
    if key in _computed:
        _computed.move_to_end(key)
        return _computed[key]
    figures = compute_figures(model)
    _computed[key] = figures
    while len(_computed) > _CACHE_SIZE:
        _computed.popitem(last=False)
    return figures
