"""Which way a door opens: into the room with more free floor, hinged at the nearer corner, and
never across a stair or into a fixture or piece of furniture when another way is clear.

A scan says nothing of swings. The first guess (room and corner) is kept when its leaf sweeps
clear floor; otherwise the other hinge, then the other side, are tried, and the way that sweeps
the least of the stairs and fixtures wins. The sweep is the quarter disc of a leaf opened 90°,
the widest any style draws.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.floormodel.geometry import wall_length, wall_point
from planroom.floormodel.schema import Fixture, Opening, Stair, Wall

CLEAR_SQ_MM = 10_000.0
"""Overlap below 1 dm² (a leaf grazing a corner of a box) counts as clear."""
_ARC_STEPS = 12

Side = str
Hinge = str


def leaf_sweeps(opening: Opening, wall: Wall, side: Side, hinge: Hinge) -> list[Polygon]:
    """The floor the door's leaves sweep opened 90° toward `side`, hinged at `hinge`."""
    start = max(0.0, opening.offset - opening.width / 2.0)
    end = min(wall_length(wall), opening.offset + opening.width / 2.0)
    sign = 1.0 if side == "left" else -1.0
    face = sign * wall.thickness / 2.0
    if opening.kind == "double_door":
        middle = (start + end) / 2.0
        leaves = [(start, middle), (end, middle)]
    else:
        leaves = [(start, end) if hinge != "end" else (end, start)]
    sweeps = []
    for hinge_at, free_at in leaves:
        radius = abs(free_at - hinge_at)
        along = 1.0 if free_at > hinge_at else -1.0
        arc = [
            wall_point(
                wall,
                hinge_at + along * radius * math.cos(angle),
                face + sign * radius * math.sin(angle),
            )
            for step in range(_ARC_STEPS + 1)
            for angle in [math.pi / 2.0 * step / _ARC_STEPS]
        ]
        sweeps.append(Polygon([wall_point(wall, hinge_at, face), *arc]))
    return sweeps


def fixture_box(fixture: Fixture) -> Polygon:
    x, y = fixture.position
    width, depth = fixture.size
    footprint = box(x - width / 2.0, y - depth / 2.0, x + width / 2.0, y + depth / 2.0)
    rotated: Polygon = affinity.rotate(footprint, fixture.rotation_deg, origin=(x, y))
    return rotated


def swing_obstacles(
    level_id: str, stairs: Sequence[Stair], fixtures: Sequence[Fixture]
) -> BaseGeometry:
    """What a leaf must not sweep on `level_id`: stairs (their foot and their well above) and
    fixtures and furniture."""
    parts: list[BaseGeometry] = [
        Polygon(stair.footprint)
        for stair in stairs
        if level_id in (stair.level_id, stair.to_level_id)
    ]
    parts.extend(fixture_box(fixture) for fixture in fixtures if fixture.level_id == level_id)
    return unary_union(parts) if parts else Polygon()


def swept_obstacle_area(
    opening: Opening, wall: Wall, side: Side, hinge: Hinge, obstacles: BaseGeometry
) -> float:
    if obstacles.is_empty:
        return 0.0
    return sum(
        float(sweep.intersection(obstacles).area)
        for sweep in leaf_sweeps(opening, wall, side, hinge)
    )


def clear_swing(
    opening: Opening,
    wall: Wall,
    first: tuple[Side, Hinge],
    sides: Sequence[Side],
    obstacles: BaseGeometry,
) -> tuple[Side, Hinge]:
    """`first` if its sweep is clear, else the first clear way (other hinge, then the other
    side among `sides`), else the way that sweeps the least."""
    side, hinge = first
    other_hinge = "end" if hinge == "start" else "start"
    candidates = [(side, hinge), (side, other_hinge)]
    candidates += [(s, h) for s in sides if s != side for h in (hinge, other_hinge)]
    scored = [
        (swept_obstacle_area(opening, wall, s, h, obstacles), index, (s, h))
        for index, (s, h) in enumerate(candidates)
    ]
    for area, _, way in scored:
        if area < CLEAR_SQ_MM:
            return way
    return min(scored)[2]
