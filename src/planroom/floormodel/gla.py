"""Gross Living Area by ANSI Z765-2021, level by level.

Rules (numbered as in the floor-model spec): 1 measure to the outer face of exterior walls (party
wall centre lines for attached houses, inner faces for apartments), interior walls and stairwells
included; 2 only finished, heated, enclosed space reachable from other finished space; 3 a
below-grade level is reported separately, never in GLA; 4 garages, porches, decks, balconies,
patios, unfinished rooms and openings to the level below never count, stairs count on the level
they go down from; 5 ceiling heights (7 ft, 6 ft 4 in under obstructions, the sloped-ceiling half
rule, nothing under 5 ft) with failing finished area reported as non-standard; 6 walls go with the
finished area they bound; 7 unrounded geometry, whole units rounded half up on output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from planroom.floormodel.classification import OUTDOOR_TYPES, SpacePart, gla_parts
from planroom.floormodel.measure import (
    GrossMethod,
    LevelMeasure,
    LevelOutline,
    gross_region,
    level_outline,
)
from planroom.floormodel.measure import measure_level as measure
from planroom.floormodel.reachability import reachable_spaces
from planroom.floormodel.schema import FloorModel, Level, PropertyType, Space
from planroom.floormodel.units import MM_PER_INCH

STANDARD = "ANSI Z765-2021"
DISCLAIMER = (
    "Figures are computed from a scan-based floor model; they were not verified on site and are "
    "not a substitute for an appraiser's measurement."
)

GROSS_METHOD: dict[PropertyType, GrossMethod] = {
    "detached": "outer_face",
    "attached": "party_centre",
    "apartment": "inner_face",
}
MEASURED_TO: dict[PropertyType, str] = {
    "detached": "the outside face of exterior walls",
    "attached": "the outside face of exterior walls and the centre line of party walls",
    "apartment": "the inside face of exterior walls (apartment-style unit)",
}


@dataclass(frozen=True)
class GlaLevel:
    """One level's GLA measurement."""

    level: Level
    measure: LevelMeasure

    @property
    def above_grade(self) -> bool:
        return self.level.grade == "above"

    @property
    def gla_sq_mm(self) -> float:
        return self.measure.included_sq_mm if self.above_grade else 0.0

    @property
    def finished_sq_mm(self) -> float:
        """Finished area that passes every rule (GLA above grade, reported apart below)."""
        return self.measure.included_sq_mm + self.measure.adu_sq_mm

    @property
    def unfinished_sq_mm(self) -> float:
        """Enclosed area that is not finished living area (garages, unfinished rooms)."""
        return sum(
            item.area_sq_mm
            for item in self.measure.excluded
            if item.type not in OUTDOOR_TYPES
            and item.type != "open_to_below"
            and not item.non_standard
            and "open to below" not in item.reasons
        )

    @property
    def non_standard_sq_mm(self) -> float:
        return sum(item.area_sq_mm for item in self.measure.excluded if item.non_standard)


@dataclass(frozen=True)
class GlaReport:
    """The whole property's GLA measurement, unrounded, in square millimetres."""

    property_type: PropertyType
    levels: list[GlaLevel]
    access_checked: bool
    exterior_wall_thickness_mm: int | None
    party_walls: bool = True
    """Whether any wall is marked as a party wall (an attached house is measured to them)."""

    @property
    def gla_sq_mm(self) -> float:
        return sum(level.gla_sq_mm for level in self.levels)

    def assumptions(self) -> list[str]:
        notes = [
            f"Measured to {MEASURED_TO[self.property_type]}; interior walls and stairwells are "
            "included.",
            "Only levels entirely above grade count toward GLA; below-grade area is reported "
            "separately.",
            "Areas are computed from unrounded geometry and each figure is rounded half up to a "
            "whole unit, so a total may differ by 1 from the sum of its rounded parts.",
        ]
        if self.exterior_wall_thickness_mm is not None:
            inches = self.exterior_wall_thickness_mm / MM_PER_INCH
            notes.append(
                f"Exterior wall thickness: {self.exterior_wall_thickness_mm} mm "
                f"({inches:.1f} in); scans do not measure wall thickness, so it is assumed."
            )
        if self.property_type == "attached" and not self.party_walls:
            notes.append(
                "No wall is marked as a party wall, so every exterior wall is measured to its "
                "outside face; a drafter marks the shared walls to measure to their centre line."
            )
        if not self.access_checked:
            notes.append("Access between rooms was not checked: the model has no doors.")
        return notes


def compute_gla(model: FloorModel, outlines: Mapping[str, LevelOutline] | None = None) -> GlaReport:
    """Measure every level of `model` by ANSI Z765-2021 (`outlines` reuses prepared levels)."""
    reachable = reachable_spaces(model)
    method = GROSS_METHOD[model.property.property_type]
    levels = []
    for level in model.levels_in_order():
        outline = outlines[level.id] if outlines else level_outline(model, level)
        gross = gross_region(outline, method)

        def parts_of(
            space: Space, level: Level = level, outline: LevelOutline = outline
        ) -> list[SpacePart]:
            counts = reachable is None or space.id in reachable
            return gla_parts(model, level, space, counts, outline.shapes[space.id])

        levels.append(GlaLevel(level, measure(outline, gross, parts_of)))
    return GlaReport(
        property_type=model.property.property_type,
        levels=levels,
        access_checked=reachable is not None,
        exterior_wall_thickness_mm=_typical_exterior_thickness(model),
        party_walls=any(wall.kind == "party" for wall in model.walls),
    )


def _typical_exterior_thickness(model: FloorModel) -> int | None:
    counts = Counter(wall.thickness for wall in model.walls if wall.kind == "exterior")
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]
