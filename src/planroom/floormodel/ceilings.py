"""Ceiling heights: which part of a space has at least a given clearance."""

from __future__ import annotations

import math

from planroom.floormodel.geometry import Region, bounds_of, empty, polygon_of, union
from planroom.floormodel.schema import Level, SlopedCeiling, Space


def flat_ceiling_height(space: Space, level: Level) -> int:
    """The space's flat ceiling height, falling back to the level's default."""
    return space.ceiling_height if space.ceiling_height is not None else level.ceiling_height


def highest_ceiling(space: Space, level: Level) -> int:
    if space.sloped_ceiling is not None:
        return space.sloped_ceiling.high_height
    return flat_ceiling_height(space, level)


def low_obstructions(space: Space, floor: Region, clearance_mm: float) -> Region:
    """The part of `floor` under beams and ducts lower than `clearance_mm`."""
    low = [
        polygon_of(item.footprint) for item in space.obstructions if item.clearance < clearance_mm
    ]
    return floor.intersection(union(low)) if low else empty()


def region_with_clearance(
    space: Space, level: Level, height_mm: float, floor: Region | None = None
) -> Region:
    """The part of the space's floor with a ceiling at least `height_mm` high.

    A sloped ceiling rises linearly from its low line to its parallel high line and stays level
    beyond either line (a knee wall on one side, a flat ceiling on the other).
    """
    floor = polygon_of(space.polygon) if floor is None else floor
    slope = space.sloped_ceiling
    if slope is None:
        return floor if flat_ceiling_height(space, level) >= height_mm else empty()
    if height_mm <= slope.low_height:
        return floor
    if height_mm > slope.high_height:
        return empty()
    return floor.intersection(_half_plane_above(slope, height_mm, floor))


def slope_frame(slope: SlopedCeiling) -> tuple[tuple[float, float], tuple[float, float], float]:
    """Origin on the low line, unit vector toward the high line, and the distance between them."""
    (ax, ay), (bx, by) = slope.low_line
    length = math.hypot(bx - ax, by - ay)
    nx, ny = -(by - ay) / length, (bx - ax) / length
    hx, hy = slope.high_line[0]
    distance = (hx - ax) * nx + (hy - ay) * ny
    if distance < 0:
        nx, ny, distance = -nx, -ny, -distance
    return (float(ax), float(ay)), (nx, ny), distance


def _half_plane_above(slope: SlopedCeiling, height_mm: float, floor: Region) -> Region:
    origin, (nx, ny), distance = slope_frame(slope)
    rise = slope.high_height - slope.low_height
    threshold = distance * (height_mm - slope.low_height) / rise if rise > 0 else 0.0
    min_x, min_y, max_x, max_y = bounds_of(floor)
    reach = 2.0 * (abs(max_x - min_x) + abs(max_y - min_y) + abs(min_x - origin[0]))
    reach += 2.0 * abs(min_y - origin[1]) + distance + 1000.0
    # A rectangle covering everything on the far side of the threshold line.
    tx, ty = -ny, nx
    base_x, base_y = origin[0] + nx * threshold, origin[1] + ny * threshold
    corners = [
        (base_x - tx * reach, base_y - ty * reach),
        (base_x + tx * reach, base_y + ty * reach),
        (base_x + tx * reach + nx * reach, base_y + ty * reach + ny * reach),
        (base_x - tx * reach + nx * reach, base_y - ty * reach + ny * reach),
    ]
    return polygon_of(corners)
