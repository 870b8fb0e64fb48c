"""Plan geometry the renderers need: wall poché, opening positions, room interiors.

Derived measurements (room dimensions, areas, footprints) come from `planroom.floormodel.measure`
so that a plan and a report can never disagree; this module only adds what is about drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.floormodel.schema import FloorModel, Opening, Space, Wall
from planroom.render.draw.scene import Pt, Ring

# Wall ends closer than this are treated as one joint when deciding how to close a corner.
JOINT_TOLERANCE_MM = 30.0
# An opening's cut-out reaches this far past both wall faces, so no hairline of wall survives.
CUT_OVERSHOOT_MM = 2.0


@dataclass(frozen=True)
class WallAxis:
    """A wall's centre line as unit vectors: `along` from start to end, `left` to its left."""

    start: Pt
    end: Pt
    along: Pt
    left: Pt
    length: float

    def at(self, distance: float, side: float = 0.0) -> Pt:
        """The point `distance` along the wall and `side` to its left (negative: right)."""
        return (
            self.start[0] + self.along[0] * distance + self.left[0] * side,
            self.start[1] + self.along[1] * distance + self.left[1] * side,
        )


def wall_axis(wall: Wall) -> WallAxis:
    dx = wall.end[0] - wall.start[0]
    dy = wall.end[1] - wall.start[1]
    length = math.hypot(dx, dy) or 1.0
    along = (dx / length, dy / length)
    return WallAxis(
        start=(float(wall.start[0]), float(wall.start[1])),
        end=(float(wall.end[0]), float(wall.end[1])),
        along=along,
        left=(-along[1], along[0]),
        length=length,
    )


def space_polygon(space: Space) -> Polygon:
    """The space's floor polygon, repaired if the drawing crosses itself."""
    polygon = Polygon(space.polygon)
    if not polygon.is_valid:
        repaired = polygon.buffer(0)
        polygon = largest_polygon(repaired) or polygon
    return polygon


def largest_polygon(geometry: BaseGeometry) -> Polygon | None:
    """The biggest polygon of a (multi)polygon result, or None when it is empty."""
    if isinstance(geometry, Polygon):
        return None if geometry.is_empty else geometry
    if isinstance(geometry, MultiPolygon) and geometry.geoms:
        return max(geometry.geoms, key=lambda part: part.area)
    polygons = [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon)]
    return max(polygons, key=lambda part: part.area) if polygons else None


def _end_extension(wall: Wall, end: Pt, walls: list[Wall]) -> float:
    """How far to extend a wall past `end` so that it meets its neighbours without a notch.

    At an L-corner each wall stops at the shared centre point, which leaves a square notch of half
    a thickness at the outer corner; extending by the neighbour's half thickness fills it exactly.
    A T-junction stem extended the same way ends flush with the far face of the through wall.
    """
    point = Point(end)
    extension = 0.0
    for other in walls:
        if other.id == wall.id:
            continue
        centre_line = LineString([other.start, other.end])
        if centre_line.distance(point) <= JOINT_TOLERANCE_MM:
            extension = max(extension, other.thickness / 2.0)
    return extension


def wall_body(wall: Wall, walls: list[Wall]) -> Polygon:
    """One wall as a rectangle around its centre line, extended into the joints it takes part in."""
    axis = wall_axis(wall)
    back = _end_extension(wall, axis.start, walls)
    ahead = _end_extension(wall, axis.end, walls)
    half = wall.thickness / 2.0
    ring = (
        axis.at(-back, half),
        axis.at(axis.length + ahead, half),
        axis.at(axis.length + ahead, -half),
        axis.at(-back, -half),
    )
    return Polygon(ring)


def opening_span(model: FloorModel, opening: Opening) -> tuple[Wall, WallAxis, float, float]:
    """The opening's host wall, its axis, and where along the wall the opening starts and ends."""
    wall = next(w for w in model.walls if w.id == opening.wall_id)
    axis = wall_axis(wall)
    start = max(0.0, opening.offset - opening.width / 2.0)
    end = min(axis.length, opening.offset + opening.width / 2.0)
    return wall, axis, start, end


def opening_cutout(model: FloorModel, opening: Opening) -> Polygon:
    """The rectangle an opening removes from its wall's poché."""
    wall, axis, start, end = opening_span(model, opening)
    half = wall.thickness / 2.0 + CUT_OVERSHOOT_MM
    return Polygon(
        (axis.at(start, half), axis.at(end, half), axis.at(end, -half), axis.at(start, -half))
    )


def level_poche(model: FloorModel, level_id: str) -> BaseGeometry:
    """Every wall of a level as one filled region, with doors, windows and openings cut out."""
    walls = model.walls_on(level_id)
    if not walls:
        return Polygon()
    bodies = unary_union([wall_body(wall, walls) for wall in walls])
    wall_ids = {wall.id for wall in walls}
    cutouts = [opening_cutout(model, o) for o in model.openings if o.wall_id in wall_ids]
    if cutouts:
        bodies = bodies.difference(unary_union(cutouts))
    return bodies


def level_outline(model: FloorModel, level_id: str) -> Polygon | None:
    """The level's outer outline: walls and spaces together, courtyards and gaps filled in."""
    walls = model.walls_on(level_id)
    parts: list[BaseGeometry] = [wall_body(wall, walls) for wall in walls]
    parts.extend(space_polygon(space) for space in model.spaces_on(level_id))
    if not parts:
        return None
    union = unary_union(parts)
    polygon = largest_polygon(union)
    if polygon is None:
        return None
    # Interior walls run into the exterior walls up to their outer face and leave collinear
    # vertices on the outline; a dimension chain must only see real corners.
    return Polygon(polygon.exterior).simplify(1.0)


def polygon_rings(geometry: BaseGeometry) -> list[tuple[Ring, ...]]:
    """Every polygon of a geometry as (exterior, *holes) rings of float points."""
    polygons: list[Polygon] = []
    if isinstance(geometry, Polygon):
        polygons = [geometry]
    elif isinstance(geometry, MultiPolygon):
        polygons = list(geometry.geoms)
    else:
        polygons = [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon)]
    result: list[tuple[Ring, ...]] = []
    for polygon in polygons:
        if polygon.is_empty:
            continue
        rings = [polygon.exterior, *polygon.interiors]
        result.append(
            tuple(tuple((float(x), float(y)) for x, y in ring.coords[:-1]) for ring in rings)
        )
    return result


def local_box(centre: Pt, size: tuple[float, float], rotation_deg: float) -> Polygon:
    """A rectangle of `size` centred on `centre`, rotated counter-clockwise by `rotation_deg`."""
    w, d = size
    box = Polygon(((-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)))
    box = affinity.rotate(box, rotation_deg, origin=(0, 0))
    return affinity.translate(box, centre[0], centre[1])


def room_extent(space: Space) -> tuple[float, float]:
    """Interior length and width of a room along its principal axes (long side first).

    The minimum rotated rectangle follows the room's walls even when the plan is not squared, and
    for an L-shaped room gives the overall extents, which is what a listing plan prints.
    """
    rectangle = space_polygon(space).minimum_rotated_rectangle
    corners = list(rectangle.exterior.coords)[:3]
    first = math.dist(corners[0], corners[1])
    second = math.dist(corners[1], corners[2])
    return (max(first, second), min(first, second))
