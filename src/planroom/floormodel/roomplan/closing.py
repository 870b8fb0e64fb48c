"""A room with no floor, outlined from its walls even when the capture stopped early.

iOS 16 exports have no floor polygon. A capture stopped early ends with a wall missing and a wall
cut short; walls overshoot or stop short of corners by centimetres. The walls are taken in order
around the room; neighbouring walls that cross are extended to their crossing (a wall cut short
grows back to the corner), and where two neighbours run parallel the gap between their ends is
closed with a straight side (the missing wall).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import Polygon

from planroom.floormodel.geometry import Region, polygons_of
from planroom.floormodel.roomplan.plan import PlanFace, Vec

MIN_FACE_MM = 300.0
MAX_EXTENSION_MM = 4000.0
"""A crossing farther than this beyond a wall's end is not the room's corner."""
NOTICE_MM = 150.0
"""Closing or extending by more than this is worth telling the customer."""
MIN_ROOM_SQ_MM = 0.5e6


@dataclass(frozen=True)
class ClosedOutline:
    region: Region
    extended_mm: float
    """The longest distance a wall was carried to its corner."""
    closed_mm: float
    """The longest side added where no wall was captured."""


def _oriented(face: PlanFace, center: Vec) -> tuple[Vec, Vec]:
    """The face's ends, ordered to run counter-clockwise around `center`."""
    mid = ((face.start[0] + face.end[0]) / 2.0, (face.start[1] + face.end[1]) / 2.0)
    dx, dy = face.end[0] - face.start[0], face.end[1] - face.start[1]
    cross = (mid[0] - center[0]) * dy - (mid[1] - center[1]) * dx
    return (face.start, face.end) if cross >= 0 else (face.end, face.start)


def _crossing(a: tuple[Vec, Vec], b: tuple[Vec, Vec]) -> Vec | None:
    (ax, ay), (bx, by) = a
    (cx, cy), (dx, dy) = b
    ux, uy, vx, vy = bx - ax, by - ay, dx - cx, dy - cy
    denominator = ux * vy - uy * vx
    norm = math.hypot(ux, uy) * math.hypot(vx, vy)
    if norm == 0 or abs(denominator) < math.sin(math.radians(20.0)) * norm:
        return None
    t = ((cx - ax) * vy - (cy - ay) * vx) / denominator
    return (ax + ux * t, ay + uy * t)


def close_from_walls(faces: Sequence[PlanFace]) -> ClosedOutline | None:
    """The outline the walls enclose, or None when fewer than three walls say where it is."""
    usable = [face for face in faces if face.length >= MIN_FACE_MM]
    if len(usable) < 3:
        return None
    total = sum(face.length for face in usable)
    center = (
        sum((f.start[0] + f.end[0]) / 2.0 * f.length for f in usable) / total,
        sum((f.start[1] + f.end[1]) / 2.0 * f.length for f in usable) / total,
    )

    def angle(face: PlanFace) -> float:
        mid = ((face.start[0] + face.end[0]) / 2.0, (face.start[1] + face.end[1]) / 2.0)
        return math.atan2(mid[1] - center[1], mid[0] - center[0])

    ordered = [_oriented(face, center) for face in sorted(usable, key=angle)]
    points: list[Vec] = []
    extended = closed = 0.0
    for index, current in enumerate(ordered):
        following = ordered[(index + 1) % len(ordered)]
        corner = _crossing(current, following)
        reach = (
            max(math.dist(corner, current[1]), math.dist(corner, following[0]))
            if corner is not None
            else math.inf
        )
        if corner is not None and reach <= MAX_EXTENSION_MM:
            points.append(corner)
            extended = max(extended, reach)
        else:
            points.extend((current[1], following[0]))
            closed = max(closed, math.dist(current[1], following[0]))
    polygons = polygons_of(Polygon(points).buffer(0))
    if not polygons or polygons[0].area < MIN_ROOM_SQ_MM:
        return None
    return ClosedOutline(polygons[0], extended, closed)
