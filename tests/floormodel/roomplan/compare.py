"""Comparing an imported model with the truth it was scanned from.

The import is in its own frame: turned by a multiple of 90 degrees and moved relative to the
truth. `align` finds that turn and shift from the outlines alone, then the comparisons work in the
truth's frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely.geometry import LineString, Point
from shapely.ops import unary_union

from planroom.floormodel.geometry import polygon_of, wall_footprint, wall_point
from planroom.floormodel.schema import FloorModel, Opening, Space, Wall

XY = tuple[float, float]


@dataclass(frozen=True)
class Alignment:
    quarter_turns: int
    shift: XY

    def apply(self, point: tuple[float, float]) -> XY:
        x, y = point
        for _ in range(self.quarter_turns):
            x, y = -y, x
        return (x + self.shift[0], y + self.shift[1])


def _outline(model: FloorModel, turn: int) -> tuple[list[XY], XY]:
    pieces = []
    for wall in model.walls:
        pieces.append(wall_footprint(wall))
    region = unary_union(pieces)
    coords = [tuple(c) for c in region.convex_hull.exterior.coords]
    rotated = [Alignment(turn, (0.0, 0.0)).apply(c) for c in coords]
    return rotated, (min(p[0] for p in rotated), min(p[1] for p in rotated))


def align(imported: FloorModel, truth: FloorModel) -> Alignment:
    """The quarter turn and shift that best lay `imported` over `truth`.

    The shift lines up the lower-left corners of the two buildings; of the four quarter turns,
    the one leaving the least area where the rooms of one model do not cover the other's, and
    the doors and windows farthest from their true places, wins.
    """
    _, truth_min = _outline(truth, 0)
    best: tuple[float, Alignment] | None = None
    for turn in range(4):
        _, low = _outline(imported, turn)
        candidate = Alignment(turn, (truth_min[0] - low[0], truth_min[1] - low[1]))
        error = 0.0
        for level in truth.levels:
            truth_rooms = unary_union([polygon_of(s.polygon) for s in truth.spaces_on(level.id)])
            mine = [
                moved_space(space, candidate)
                for space in imported.spaces
                if imported.level(space.level_id).index == level.index
            ]
            error += float(truth_rooms.symmetric_difference(unary_union(mine)).area)
        # A plain rectangle looks the same turned half way round: its doors and windows do not.
        marks = [Point(candidate.apply(opening_point(imported, o))) for o in imported.openings]
        for opening in truth.openings:
            target = Point(opening_point(truth, opening))
            error += 1000.0 * min((min(m.distance(target) for m in marks), 2000.0), default=0.0)
        if best is None or error < best[0]:
            best = (error, candidate)
    assert best is not None
    return best[1]


def moved_space(space: Space, alignment: Alignment):  # type: ignore[no-untyped-def]
    return polygon_of([alignment.apply(point) for point in space.polygon])


def matching_space(
    truth_space: Space, imported: FloorModel, truth: FloorModel, alignment: Alignment
) -> Space | None:
    """The imported space on the same level that overlaps the true one most."""
    level_index = truth.level(truth_space.level_id).index
    shape = polygon_of(truth_space.polygon)
    best: tuple[float, Space] | None = None
    for space in imported.spaces:
        if imported.level(space.level_id).index != level_index:
            continue
        overlap = float(shape.intersection(moved_space(space, alignment)).area)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, space)
    return best[1] if best else None


def opening_point(model: FloorModel, opening: Opening) -> XY:
    wall = next(w for w in model.walls if w.id == opening.wall_id)
    return wall_point(wall, opening.offset)


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
