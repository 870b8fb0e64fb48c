"""Plane geometry on the floor model: polygons, wall footprints and regions.

Shapely ships no type information, so its objects travel as `Region` (an alias of `Any`) and every
number read back from it is converted explicitly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import shapely
from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Point, Polygon
from shapely.geometry.polygon import orient

from planroom.floormodel.schema import Wall

Region = Any
"""A shapely Polygon, MultiPolygon or empty geometry."""

Vec = tuple[float, float]

GAP_CLOSING_MM = 10.0
"""Gaps narrower than twice this between rooms and walls are closed when outlines are built."""
SLIVER_MM = 50.0
"""Uncovered strips narrower than this between a space and its walls belong to the space."""


def empty() -> Region:
    return GeometryCollection()


def polygon_of(points: Sequence[tuple[float, float]]) -> Region:
    """A polygon from plan points; invalid input is repaired rather than trusted."""
    polygon = Polygon(points)
    if not polygon.is_valid:
        polygon = shapely.make_valid(polygon)
    return polygon


def area_of(region: Region) -> float:
    return float(region.area) if region is not None and not region.is_empty else 0.0


def union(regions: Iterable[Region]) -> Region:
    """The union of areal geometries (lines and points are dropped)."""
    pieces = [piece for piece in regions if piece is not None and not piece.is_empty]
    if not pieces:
        return empty()
    return areal(shapely.union_all(pieces))


def areal(region: Region) -> Region:
    """Only the polygonal part of a geometry (boolean operations can leave slivers of lines)."""
    polygons = polygons_of(region)
    if not polygons:
        return empty()
    if len(polygons) == 1:
        return polygons[0]
    return MultiPolygon(polygons)


def polygons_of(region: Region) -> list[Region]:
    """The polygons of any geometry, largest first, each oriented counter-clockwise."""
    if region is None or region.is_empty:
        return []
    if isinstance(region, Polygon):
        found = [region]
    elif hasattr(region, "geoms"):
        found = [poly for part in region.geoms for poly in polygons_of(part)]
    else:
        found = []
    found = [orient(poly, 1.0) for poly in found if poly.area > 0]
    return sorted(found, key=_polygon_sort_key)


def _polygon_sort_key(polygon: Region) -> tuple[float, float, float]:
    min_x, min_y, _, _ = polygon.bounds
    return (-round(float(polygon.area), 3), float(min_x), float(min_y))


def fill_holes(region: Region) -> Region:
    return union(Polygon(poly.exterior) for poly in polygons_of(region))


def close_gaps(region: Region, gap_mm: float = GAP_CLOSING_MM) -> Region:
    """Morphological closing with mitred joins: seals hairline gaps, keeps square corners square."""
    if region.is_empty:
        return region
    grown = region.buffer(gap_mm, join_style="mitre", mitre_limit=10.0)
    return areal(grown.buffer(-gap_mm, join_style="mitre", mitre_limit=10.0))


def claim_slivers(
    shapes: dict[str, Region], covered: Region, within: Region, width_mm: float = SLIVER_MM
) -> dict[str, Region]:
    """Each space's floor grown over the thin uncovered strips (under `width_mm`) beside it.

    A scanned room polygon rarely meets its walls exactly; left alone, a 3 mm strip between a
    garage and its wall is neither garage nor wall and lands in the living area. Strips are the
    parts of `within` not in `covered` that an opening of `width_mm` removes; each goes to the
    space it lies against (the first, by id, when two spaces share it).
    """
    gaps = areal(within.difference(covered))
    if gaps.is_empty:
        return shapes
    half = width_mm / 2.0
    wide = gaps.buffer(-half, join_style="mitre").buffer(half, join_style="mitre")
    thin = areal(gaps.difference(wide))
    if thin.is_empty:
        return shapes
    result = dict(shapes)
    for space_id in sorted(shapes):
        shape = shapes[space_id]
        claim = areal(thin.intersection(shape.buffer(width_mm, join_style="mitre")))
        if claim.is_empty:
            continue
        result[space_id] = union([shape, claim])
        thin = areal(thin.difference(claim))
        if thin.is_empty:
            break
    return result


def snap_to_mm(region: Region) -> Region:
    """Round every vertex to the millimetre grid so reported areas can be re-derived by hand."""
    if region.is_empty:
        return region
    # Dropping collinear vertices afterwards keeps equations short; it cannot change the area.
    return areal(shapely.set_precision(region, 1.0).simplify(0.0))


def bounds_of(region: Region) -> tuple[float, float, float, float]:
    min_x, min_y, max_x, max_y = region.bounds
    return float(min_x), float(min_y), float(max_x), float(max_y)


# --- walls --------------------------------------------------------------------------------------


def wall_length(wall: Wall) -> float:
    return math.dist(wall.start, wall.end)


def wall_axes(wall: Wall) -> tuple[Vec, Vec]:
    """Unit vector from start to end, and the unit normal to its left."""
    length = wall_length(wall)
    if length == 0:
        return (1.0, 0.0), (0.0, 1.0)
    dx = (wall.end[0] - wall.start[0]) / length
    dy = (wall.end[1] - wall.start[1]) / length
    return (dx, dy), (-dy, dx)


def wall_point(wall: Wall, along: float, across: float = 0.0) -> Vec:
    """The plan point `along` mm from the start and `across` mm to the left of the centre line."""
    (dx, dy), (nx, ny) = wall_axes(wall)
    return (
        wall.start[0] + dx * along + nx * across,
        wall.start[1] + dy * along + ny * across,
    )


def wall_band(wall: Wall, along: tuple[float, float], across: tuple[float, float]) -> Region:
    """The rectangle between two positions along the wall and two offsets across it."""
    a0, a1 = along
    c0, c1 = across
    corners = [
        wall_point(wall, a0, c0),
        wall_point(wall, a1, c0),
        wall_point(wall, a1, c1),
        wall_point(wall, a0, c1),
    ]
    return polygon_of(corners)


Extensions = tuple[float, float]
"""How far a wall's body reaches past its start and its end."""

JUNCTION_TOLERANCE_MM = 10.0


def wall_footprint(wall: Wall, extensions: Extensions | None = None) -> Region:
    """The wall's body: its centre line widened by the thickness.

    By default both ends are square (extended by half the thickness), which fills the corner
    where two equal walls meet. `extensions` (see `end_extensions`) instead carries each end
    exactly to the far face of the wall it runs into, so a thick party wall does not stick out
    past the face of a thinner front wall.
    """
    half = wall.thickness / 2.0
    before, after = extensions if extensions is not None else (half, half)
    return wall_band(wall, (-before, wall_length(wall) + after), (-half, half))


def end_extensions(walls: Sequence[Wall]) -> dict[str, Extensions]:
    """For each wall, how far its body continues past each end into the walls it meets.

    An end inside another wall's body reaches that wall's far face (half its thickness beyond
    the centre line); a free end stops at the end point.
    """
    result: dict[str, Extensions] = {}
    for wall in walls:
        (dx, dy), _ = wall_axes(wall)
        reach = []
        for end, outward in ((wall.start, (-dx, -dy)), (wall.end, (dx, dy))):
            meeting = [
                _reach_into(end, outward, other)
                for other in walls
                if other.id != wall.id
                and segment_distance(end, other.start, other.end)
                <= other.thickness / 2.0 + JUNCTION_TOLERANCE_MM
            ]
            reach.append(max(meeting, default=0.0))
        result[wall.id] = (reach[0], reach[1])
    return result


def _reach_into(end: Sequence[float], outward: Vec, other: Wall) -> float:
    """Distance from `end`, going `outward`, to the far face of `other`."""
    _, (nx, ny) = wall_axes(other)
    facing = outward[0] * nx + outward[1] * ny
    if abs(facing) < math.sin(math.radians(60.0)):
        # A shallow bend (a curved wall drawn as straight pieces) or a straight continuation:
        # reach the mitre line, so neither a notch nor a spike shows on the outside.
        bend = math.asin(min(1.0, abs(facing)))
        return other.thickness / 2.0 * math.tan(bend / 2.0)
    offset = (end[0] - other.start[0]) * nx + (end[1] - other.start[1]) * ny
    face = math.copysign(other.thickness / 2.0, facing)
    return max(0.0, (face - offset) / facing)


def along_wall(wall: Wall, point: Sequence[float]) -> float:
    """Position of `point` projected onto the wall's axis, in mm from its start."""
    (dx, dy), _ = wall_axes(wall)
    return (point[0] - wall.start[0]) * dx + (point[1] - wall.start[1]) * dy


def across_wall(wall: Wall, point: Sequence[float]) -> float:
    """Signed distance of `point` from the wall's axis, positive to the left."""
    _, (nx, ny) = wall_axes(wall)
    return (point[0] - wall.start[0]) * nx + (point[1] - wall.start[1]) * ny


def segment_distance(point: Sequence[float], start: Sequence[float], end: Sequence[float]) -> float:
    return float(LineString([start, end]).distance(Point(point[0], point[1])))


def signed_ring_area(points: Sequence[tuple[float, float]]) -> float:
    """Shoelace area, positive when the points run counter-clockwise."""
    total = 0.0
    count = len(points)
    for index in range(count):
        x0, y0 = points[index]
        x1, y1 = points[(index + 1) % count]
        total += x0 * y1 - x1 * y0
    return total / 2.0


def rotate_point(point: Sequence[float], degrees: float, about: Vec = (0.0, 0.0)) -> Vec:
    radians = math.radians(degrees)
    cos_a, sin_a = math.cos(radians), math.sin(radians)
    x, y = point[0] - about[0], point[1] - about[1]
    return (about[0] + x * cos_a - y * sin_a, about[1] + x * sin_a + y * cos_a)
