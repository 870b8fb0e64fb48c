"""Why a space (or part of it) counts toward an area figure or not.

Reasons are short phrases a person reads next to the excluded area on a GLA plan ("garage",
"ceiling height under 7 ft"). An empty reason list means the part counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from planroom.floormodel.ceilings import (
    flat_ceiling_height,
    low_obstructions,
    region_with_clearance,
)
from planroom.floormodel.geometry import Region, area_of, empty, polygon_of, union
from planroom.floormodel.schema import FloorModel, Level, Space
from planroom.floormodel.units import FIVE_FEET_MM, OBSTRUCTION_MIN_MM, SEVEN_FEET_MM

OUTDOOR_TYPES = frozenset({"porch", "deck", "balcony", "patio"})
"""Space types that are not enclosed: never in GIA or GLA, always in the total scanned area."""

REASON_GARAGE = "garage"
REASON_OPEN_TO_BELOW = "open to below"
REASON_UNFINISHED = "unfinished"
REASON_UNHEATED = "not heated"
REASON_UNREACHABLE = "not reachable from the finished living area"
REASON_CEILING_7FT = "ceiling height under 7 ft"
REASON_OBSTRUCTION = "clearance under beams or ducts under 6 ft 4 in"
REASON_UNDER_5FT = "ceiling height under 5 ft"
REASON_SLOPED_HALF = "sloped ceiling: less than half of the area is 7 ft or higher"

CEILING_REASONS = frozenset(
    {REASON_CEILING_7FT, REASON_OBSTRUCTION, REASON_UNDER_5FT, REASON_SLOPED_HALF}
)


@dataclass(frozen=True)
class SpacePart:
    """A piece of one space's floor and why it does not count (empty when it does)."""

    space: Space
    region: Region
    reasons: tuple[str, ...]
    non_standard: bool = False
    """Finished area that fails only the ceiling rule (reported, not silently dropped)."""


def type_reasons(space: Space) -> list[str]:
    if space.type in OUTDOOR_TYPES:
        return [space.type]
    if space.type == "garage":
        return [REASON_GARAGE]
    return []


def _finish_reasons(space: Space) -> list[str]:
    reasons = type_reasons(space)
    if not space.finished:
        reasons.append(REASON_UNFINISHED)
    return reasons


def stair_openings(model: FloorModel, level: Level) -> Region:
    """Footprints of stairs that go down from `level`: they count here, never as an opening."""
    return union(
        polygon_of(stair.footprint) for stair in model.stairs if stair.to_level_id == level.id
    )


def _split_open_to_below(
    model: FloorModel, level: Level, space: Space, floor: Region
) -> list[SpacePart]:
    stairs = floor.intersection(stair_openings(model, level))
    void = floor.difference(stairs)
    parts = [SpacePart(space, void, (REASON_OPEN_TO_BELOW,))]
    if area_of(stairs) > 0:
        parts.append(SpacePart(space, stairs, ()))
    return parts


def gla_parts(
    model: FloorModel,
    level: Level,
    space: Space,
    reachable: bool = True,
    floor: Region | None = None,
) -> list[SpacePart]:
    """The space split into what counts toward GLA and what does not, with reasons.

    `floor` is the space's floor as measured (its polygon with the slivers beside it claimed);
    the polygon itself when not given."""
    floor = polygon_of(space.polygon) if floor is None else floor
    if space.type == "open_to_below":
        return _split_open_to_below(model, level, space, floor)
    reasons = _finish_reasons(space)
    if not space.heated:
        reasons.append(REASON_UNHEATED)
    if not reasons and not reachable:
        reasons.append(REASON_UNREACHABLE)
    if reasons:
        return [SpacePart(space, floor, tuple(reasons))]
    if space.type == "stair":
        # ANSI Z765: no height requirement under stairs.
        return [SpacePart(space, floor, ())]
    return _gla_ceiling_parts(level, space, floor)


def _gla_ceiling_parts(level: Level, space: Space, floor: Region) -> list[SpacePart]:
    """Ceiling rules; beams and ducts with footprints take out only the floor under them."""
    parts = _gla_height_parts(level, space, floor)
    counted = union(part.region for part in parts if not part.reasons)
    under = low_obstructions(space, counted, OBSTRUCTION_MIN_MM) if area_of(counted) else empty()
    if area_of(under) <= 0:
        return parts
    kept = [
        part if part.reasons else SpacePart(space, part.region.difference(under), ())
        for part in parts
    ]
    kept.append(SpacePart(space, under, (REASON_OBSTRUCTION,), non_standard=True))
    return [part for part in kept if area_of(part.region) > 0]


def _gla_height_parts(level: Level, space: Space, floor: Region) -> list[SpacePart]:
    if space.sloped_ceiling is None:
        reasons = []
        if flat_ceiling_height(space, level) < SEVEN_FEET_MM:
            reasons.append(REASON_CEILING_7FT)
        obstruction = space.min_height_under_obstructions
        if obstruction is not None and obstruction < OBSTRUCTION_MIN_MM:
            # No footprint is known: the clearance is taken to hold for the whole space.
            reasons.append(REASON_OBSTRUCTION)
        if not reasons:
            return [SpacePart(space, floor, ())]
        tall_enough = flat_ceiling_height(space, level) >= FIVE_FEET_MM
        return [SpacePart(space, floor, tuple(reasons), non_standard=tall_enough)]
    # Sloped: the part at 5 ft or more counts if at least half of it is 7 ft or more.
    over_five = region_with_clearance(space, level, FIVE_FEET_MM, floor)
    over_seven = region_with_clearance(space, level, SEVEN_FEET_MM, floor)
    low = floor.difference(over_five)
    parts = []
    if area_of(over_five) > 0:
        if area_of(over_seven) * 2 >= area_of(over_five):
            parts.append(SpacePart(space, over_five, ()))
        else:
            parts.append(SpacePart(space, over_five, (REASON_SLOPED_HALF,), non_standard=True))
    if area_of(low) > 0:
        parts.append(SpacePart(space, low, (REASON_UNDER_5FT,)))
    return parts


def gia_parts(
    model: FloorModel, level: Level, space: Space, floor: Region | None = None
) -> list[SpacePart]:
    """The space split into what counts toward GIA and what does not, with reasons."""
    floor = polygon_of(space.polygon) if floor is None else floor
    if space.type == "open_to_below":
        return _split_open_to_below(model, level, space, floor)
    reasons = _finish_reasons(space)
    if reasons:
        return [SpacePart(space, floor, tuple(reasons))]
    if space.type == "stair":
        return [SpacePart(space, floor, ())]
    over_five = region_with_clearance(space, level, FIVE_FEET_MM, floor)
    low = floor.difference(over_five)
    parts = []
    if area_of(over_five) > 0:
        parts.append(SpacePart(space, over_five, ()))
    if area_of(low) > 0:
        parts.append(SpacePart(space, low, (REASON_UNDER_5FT,)))
    return parts
