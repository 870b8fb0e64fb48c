"""Comparing an imported model with the truth it was scanned from.

The import is in its own frame: turned by a multiple of 90 degrees and moved relative to the
truth. `align` finds that turn and shift from the outlines alone, then the comparisons work in the
truth's frame.
"""

from __future__ import annotations

import math

from shapely.geometry import LineString

from planroom.floormodel.generator.scoring import (
    Alignment,
    align,
    matching_space,
    moved_space,
    opening_point,
)
from planroom.floormodel.schema import Wall

__all__ = [
    "Alignment",
    "align",
    "angle_between",
    "matching_space",
    "moved_space",
    "opening_point",
    "wall_line",
]

XY = tuple[float, float]


def wall_line(wall: Wall, alignment: Alignment | None = None) -> LineString:
    points = [wall.start, wall.end]
    if alignment is not None:
        points = [alignment.apply(p) for p in points]  # type: ignore[misc]
    return LineString(points)


def angle_between(a: LineString, b: LineString) -> float:
    (ax0, ay0), (ax1, ay1) = a.coords[0], a.coords[-1]
    (bx0, by0), (bx1, by1) = b.coords[0], b.coords[-1]
    first = math.atan2(ay1 - ay0, ax1 - ax0)
    second = math.atan2(by1 - by0, bx1 - bx0)
    difference = abs(first - second) % math.pi
    return math.degrees(min(difference, math.pi - difference))
