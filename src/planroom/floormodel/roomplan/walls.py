"""Wall faces seen from rooms into centre-line walls with a thickness and a kind.

RoomPlan gives each room's walls as planes without thickness. Two faces of different rooms that
face away from each other a hand's width apart are the two sides of one partition; a face with no
room behind it is an exterior wall, assumed `exterior_mm` thick; the rest are interior walls seen
from one side. Walls on one line are joined, their ends carried to the centre lines they meet, and
ends closer than `weld_mm` are welded into one point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import Point

from planroom.floormodel.geometry import Region
from planroom.floormodel.roomplan.plan import PlanFace, Vec
from planroom.floormodel.roomplan.walls_draft import DraftWall, WallThickness
from planroom.floormodel.roomplan.welding import (
    align_collinear,
    join_collinear,
    weld_corners,
    weld_ends,
)

PAIR_MIN_GAP_MM = 20.0
PAIR_MAX_GAP_MM = 450.0
PAIR_MIN_OVERLAP_MM = 100.0
MIN_PIECE_MM = 300.0
"""Unpaired bits of a face shorter than this are the ends of walls that meet it, not walls."""
EXTERIOR_PROBE_MM = 300.0
PARALLEL_DEG = 3.0
MIN_WALL_MM = 100.0


@dataclass(frozen=True)
class SidedFace:
    """A face and the side its room is on: +1 left of start->end, -1 right, 0 both."""

    face: PlanFace
    inside: int


def _unit(face: PlanFace) -> Vec:
    length = face.length or 1.0
    return ((face.end[0] - face.start[0]) / length, (face.end[1] - face.start[1]) / length)


def _outward(face: SidedFace) -> Vec:
    dx, dy = _unit(face.face)
    left = (-dy, dx)
    sign = -1.0 if face.inside >= 0 else 1.0
    return (left[0] * sign, left[1] * sign)


def _inside(point: Vec, rooms: Sequence[Region]) -> bool:
    probe = Point(point)
    return any(room.contains(probe) for room in rooms)


SIDE_PROBES_MM = (15.0, 30.0, 45.0, 60.0, 75.0)
SIDE_SAMPLES = (0.2, 0.35, 0.5, 0.65, 0.8)
"""Probe distances for a face's room: all closer than half of the thinnest partition pair."""


def side_of(face: PlanFace, rooms: Sequence[Region]) -> int:
    """Which side of the face its room is on: +1 left, -1 right, 0 rooms on both sides.

    A single face with rooms close on both sides is a partition reported once (a merged
    structure); otherwise the side with more of its near probes inside a room wins.
    """
    dx, dy = _unit(face)
    votes = []
    for share in SIDE_SAMPLES:
        at = (
            face.start[0] + (face.end[0] - face.start[0]) * share,
            face.start[1] + (face.end[1] - face.start[1]) * share,
        )
        left = sum(_inside((at[0] - dy * d, at[1] + dx * d), rooms) for d in SIDE_PROBES_MM)
        right = sum(_inside((at[0] + dy * d, at[1] - dx * d), rooms) for d in SIDE_PROBES_MM)
        if left >= 2 and right >= 2 and abs(left - right) <= 1:
            votes.append(0)
        elif left != right:
            votes.append(-1 if right > left else 1)
    if not votes:
        return 1
    # a doorway in the face lets the room's floor run through it: the majority of points decides
    return max((-1, 0, 1), key=lambda side: (votes.count(side), side == votes[len(votes) // 2]))


def _interval(face: PlanFace, other: PlanFace) -> tuple[float, float]:
    dx, dy = _unit(face)
    along = [
        (point[0] - face.start[0]) * dx + (point[1] - face.start[1]) * dy
        for point in (other.start, other.end)
    ]
    return max(0.0, min(along)), min(face.length, max(along))


def _pair_gap(a: SidedFace, b: SidedFace) -> float | None:
    """How far b lies behind a when the two are opposite sides of one wall, else None."""
    if a.inside == 0 or b.inside == 0 or a.face.curved or b.face.curved:
        return None
    ua, ub = _unit(a.face), _unit(b.face)
    if abs(ua[0] * ub[1] - ua[1] * ub[0]) > math.sin(math.radians(PARALLEL_DEG)):
        return None
    out_a, out_b = _outward(a), _outward(b)
    if out_a[0] * out_b[0] + out_a[1] * out_b[1] > -0.9:
        return None
    mid_b = ((b.face.start[0] + b.face.end[0]) / 2.0, (b.face.start[1] + b.face.end[1]) / 2.0)
    gap = (mid_b[0] - a.face.start[0]) * out_a[0] + (mid_b[1] - a.face.start[1]) * out_a[1]
    return gap if PAIR_MIN_GAP_MM <= gap <= PAIR_MAX_GAP_MM else None


def _point_on(face: PlanFace, along: float, outward: Vec, offset: float) -> Vec:
    dx, dy = _unit(face)
    return (
        face.start[0] + dx * along + outward[0] * offset,
        face.start[1] + dy * along + outward[1] * offset,
    )


def _subtract(
    span: tuple[float, float], taken: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    pieces = [span]
    for cut_start, cut_end in sorted(taken):
        next_pieces = []
        for start, end in pieces:
            if cut_end <= start or cut_start >= end:
                next_pieces.append((start, end))
                continue
            if cut_start > start:
                next_pieces.append((start, cut_start))
            if cut_end < end:
                next_pieces.append((cut_end, end))
        pieces = next_pieces
    return pieces


def faces_to_walls(
    faces: Sequence[SidedFace], rooms: Sequence[Region], thickness: WallThickness
) -> list[DraftWall]:
    """Pair, classify and place walls for one story's faces."""
    walls: list[DraftWall] = []
    taken: dict[int, list[tuple[float, float]]] = {index: [] for index in range(len(faces))}
    for i, a in enumerate(faces):
        for j in range(i + 1, len(faces)):
            b = faces[j]
            gap = _pair_gap(a, b)
            if gap is None:
                continue
            start, end = _interval(a.face, b.face)
            if end - start < PAIR_MIN_OVERLAP_MM:
                continue
            out = _outward(a)
            walls.append(
                DraftWall(
                    start=_point_on(a.face, start, out, gap / 2.0),
                    end=_point_on(a.face, end, out, gap / 2.0),
                    thickness=_partition_thickness(gap, thickness),
                    kind="interior",
                    height=max(a.face.height, b.face.height),
                    sources={a.face.id, b.face.id},
                )
            )
            taken[i].append((start, end))
            taken[j].append(_interval(b.face, a.face))
    for index, sided in enumerate(faces):
        for start, end in _subtract((0.0, sided.face.length), taken[index]):
            if end - start >= MIN_PIECE_MM or (sided.face.curved and end > start):
                walls.append(_single_face_wall(sided, (start, end), rooms, thickness))
    return walls


def _partition_thickness(gap: float, thickness: WallThickness) -> float:
    # Both faces were seen: the gap between them is the wall's thickness, better than any
    # assumption (noise of a centimetre aside).
    return round(gap) if gap >= 60.0 else thickness.interior_mm


def _single_face_wall(
    sided: SidedFace,
    span: tuple[float, float],
    rooms: Sequence[Region],
    thickness: WallThickness,
) -> DraftWall:
    face = sided.face
    if sided.inside == 0:
        return DraftWall(
            start=_point_on(face, span[0], (0.0, 0.0), 0.0),
            end=_point_on(face, span[1], (0.0, 0.0), 0.0),
            thickness=thickness.interior_mm,
            kind="interior",
            height=face.height,
            sources={face.id},
        )
    out = _outward(sided)
    probes = [span[0] + (span[1] - span[0]) * share for share in (0.25, 0.5, 0.75)]
    behind = sum(_inside(_point_on(face, at, out, EXTERIOR_PROBE_MM), rooms) for at in probes)
    exterior = behind < 2
    width = thickness.exterior_mm if exterior else thickness.interior_mm
    return DraftWall(
        start=_point_on(face, span[0], out, width / 2.0),
        end=_point_on(face, span[1], out, width / 2.0),
        thickness=width,
        kind="exterior" if exterior else "interior",
        height=face.height,
        sources={face.id},
    )


def build_walls(
    faces: Sequence[SidedFace],
    rooms: Sequence[Region],
    thickness: WallThickness,
    weld_mm: float,
) -> list[DraftWall]:
    walls = faces_to_walls(faces, rooms, thickness)
    walls = join_collinear(walls)
    align_collinear(walls)
    weld_corners(walls)
    weld_ends(walls, weld_mm)
    return [wall for wall in walls if wall.length >= MIN_WALL_MM]
