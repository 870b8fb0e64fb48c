"""Rooms a `CapturedStructure` left out of `rooms[]`.

A structure may list a section (or objects) at its top level that lie in no room's floor: a room
was captured but not kept. Its walls are still among the merged walls; where they close around
the section, the room is rebuilt from them, inside the structure's hull floor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import LineString, Point
from shapely.ops import polygonize, unary_union

from planroom.floormodel.geometry import Region, area_of, polygon_of, polygons_of, union
from planroom.floormodel.roomplan.coverage import point_along
from planroom.floormodel.roomplan.plan import PlanFace, PlanFloor, Vec
from planroom.floormodel.schema import Finding

EXTEND_MM = 400.0
"""Wall lines are carried this far past their ends so that corners that stop short still meet."""
MIN_ROOM_SQ_MM = 1.0e6
MAX_ROOM_SQ_MM = 80.0e6


@dataclass(frozen=True)
class Recovered:
    region: Region
    marker: str
    """What told of the room: `a bedroom section`, `a bed`."""


def _extended(face: PlanFace) -> LineString:
    length = face.length
    return LineString(
        [
            point_along(face.start, face.end, -EXTEND_MM),
            point_along(face.start, face.end, length + EXTEND_MM),
        ]
    )


def recover_rooms(
    markers: Sequence[tuple[Vec, str]],
    outlines: Sequence[Region],
    faces: Sequence[PlanFace],
    hulls: Sequence[PlanFloor],
    warnings: list[Finding],
    clearance_mm: float,
) -> list[Recovered]:
    """Rooms rebuilt around markers (section or object points) that lie in no room.

    A rebuilt room keeps `clearance_mm` (a partition's thickness) from the captured rooms: where
    the structure kept only the neighbour's face of the wall between them, the wall is there.
    """
    taken = union(outline.buffer(clearance_mm, join_style="mitre") for outline in outlines)
    lines = [_extended(face) for face in faces if not face.curved and face.length > 0]
    cells = list(polygonize(unary_union(lines))) if lines else []
    hull = union(polygon_of(floor.points).buffer(0) for floor in hulls) if hulls else None
    found: list[Recovered] = []
    for point, marker in markers:
        probe = Point(point)
        if taken.contains(probe) or any(item.region.contains(probe) for item in found):
            continue
        cell = next((cell for cell in cells if cell.contains(probe)), None)
        region = None
        if cell is not None:
            room = cell.difference(taken)
            if hull is not None and not hull.is_empty:
                room = room.intersection(hull.buffer(200.0, join_style="mitre"))
            region = next((piece for piece in polygons_of(room) if piece.contains(probe)), None)
        if region is None or not MIN_ROOM_SQ_MM <= area_of(region) <= MAX_ROOM_SQ_MM:
            warnings.append(
                Finding(
                    code="room_left_out",
                    message=f"{marker} lies in no captured room and its walls do not close "
                    "around it; that room is missing from the plan",
                )
            )
            continue
        warnings.append(
            Finding(
                code="room_recovered",
                message=f"a room the scan left out was rebuilt from the walls around {marker} "
                f"({area_of(region) / 1e6:.1f} m²)",
            )
        )
        found.append(Recovered(region, marker))
    return found
