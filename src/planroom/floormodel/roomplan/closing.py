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


TANGENT_SIN = 0.35
"""A wall this far from pointing at the room's centre shows by itself which way round it runs."""


def _tangential(face: PlanFace, center: Vec) -> bool:
    mid = ((face.start[0] + face.end[0]) / 2.0, (face.start[1] + face.end[1]) / 2.0)
    radius = math.dist(mid, center)
    if radius == 0 or face.length == 0:
        return False
    dx, dy = face.end[0] - face.start[0], face.end[1] - face.start[1]
    cross = (mid[0] - center[0]) * dy - (mid[1] - center[1]) * dx
    return abs(cross) / (radius * face.length) >= TANGENT_SIN


def _chained(faces: list[PlanFace], center: Vec) -> list[tuple[Vec, Vec]]:
    """The faces in their order around the room, each running counter-clockwise.

    A wall across the line to the centre shows its direction by itself; a wall pointing at the
    centre (the step of an L-shaped room) is turned to run from the wall before it to the wall
    after it.
    """
    known: list[tuple[Vec, Vec] | None] = [
        _oriented(face, center) if _tangential(face, center) else None for face in faces
    ]
    if not any(known):
        return [_oriented(face, center) for face in faces]
    count = len(faces)
    chain: list[tuple[Vec, Vec]] = []
    for index, face in enumerate(faces):
        fixed = known[index]
        if fixed is not None:
            chain.append(fixed)
            continue
        before = chain[-1][1] if chain else None
        after_face = known[(index + 1) % count]
        after = after_face[0] if after_face is not None else None

        def cost(
            start: Vec, end: Vec, before: Vec | None = before, after: Vec | None = after
        ) -> float:
            return (math.dist(before, start) if before else 0.0) + (
                math.dist(end, after) if after else 0.0
            )

        forward = cost(face.start, face.end)
        backward = cost(face.end, face.start)
        chain.append((face.start, face.end) if forward <= backward else (face.end, face.start))
    return chain


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


def _squared_gap(current: tuple[Vec, Vec], following: tuple[Vec, Vec]) -> tuple[Vec, Vec]:
    """The ends to join across a missing wall.

    Two walls facing each other across the gap (a room with its last wall missing) are carried
    to the farther of their ends, so the side that closes the room is square to them: the phone
    saw the room reach that far. Otherwise the ends are joined as they are.
    """
    (ax, ay), (bx, by) = current
    (cx, cy), (dx, dy) = following
    first, second = math.hypot(bx - ax, by - ay), math.hypot(dx - cx, dy - cy)
    if first == 0 or second == 0:
        return current[1], following[0]
    ux, uy = (bx - ax) / first, (by - ay) / first
    alignment = ux * (dx - cx) / second + uy * (dy - cy) / second
    if alignment >= 0.95:
        # the step between two walls running the same way is missing: it is put where the
        # following wall starts, and the wall before it carried there
        reach = (cx - bx) * ux + (cy - by) * uy
        return (bx + ux * reach, by + uy * reach), following[0]
    if alignment > -0.95:
        return current[1], following[0]
    reach_current, reach_following = bx * ux + by * uy, cx * ux + cy * uy
    reach = max(reach_current, reach_following)
    return (
        (bx + ux * (reach - reach_current), by + uy * (reach - reach_current)),
        (cx + ux * (reach - reach_following), cy + uy * (reach - reach_following)),
    )


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

    ordered = _chained(sorted(usable, key=angle), center)
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
            end, start = _squared_gap(current, following)
            points.extend((end, start))
            closed = max(closed, math.dist(end, start))
    polygons = polygons_of(Polygon(points).buffer(0))
    if not polygons or polygons[0].area < MIN_ROOM_SQ_MM:
        return None
    return ClosedOutline(polygons[0], extended, closed)
