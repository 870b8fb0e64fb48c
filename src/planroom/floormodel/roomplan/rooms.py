"""Room outlines from a scan: floor polygons, or closed loops of a room's walls.

Outlines are straightened like the walls: an edge within a few degrees of an axis is made exactly
parallel to it and moved onto the wall face that runs along it, and corners are rebuilt as the
intersections of neighbouring edges.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from shapely.geometry import Polygon

from planroom.floormodel.geometry import Region, polygons_of
from planroom.floormodel.roomplan.plan import SNAP_DEG, PlanFace, PlanFloor, Vec
from planroom.floormodel.roomplan.walls import SidedFace

CLUSTER_MM = 40.0
"""Faces on one line closer than this are one wall face (noise, or one wall seen from two rooms)."""
FACE_SNAP_MM = 80.0
LOOP_GAP_MM = 500.0


@dataclass(frozen=True)
class Line:
    point: Vec
    direction: Vec
    axis: str | None  # "h", "v" or None


def _axis_of(start: Vec, end: Vec) -> str | None:
    dx, dy = end[0] - start[0], end[1] - start[1]
    angle = math.degrees(math.atan2(dy, dx)) % 180.0
    if min(angle, 180.0 - angle) <= SNAP_DEG:
        return "h"
    if abs(angle - 90.0) <= SNAP_DEG:
        return "v"
    return None


def cluster_faces(faces: Sequence[SidedFace]) -> list[SidedFace]:
    """Move axis-aligned faces that lie on one line, facing the same way, onto that line."""
    groups: dict[tuple[str, int], list[int]] = {}
    for index, sided in enumerate(faces):
        face = sided.face
        axis = None if face.curved else _axis_of(face.start, face.end)
        if axis is None or sided.inside == 0:
            continue
        groups.setdefault((axis, _facing(sided, axis)), []).append(index)
    result = list(faces)
    for (axis, _), members in groups.items():
        coordinate = 1 if axis == "h" else 0
        members.sort(key=lambda index: faces[index].face.start[coordinate])
        cluster: list[int] = []
        for index in [*members, -1]:
            value = faces[index].face.start[coordinate] if index >= 0 else math.inf
            if cluster and value - faces[cluster[-1]].face.start[coordinate] > CLUSTER_MM:
                _settle(result, cluster, coordinate)
                cluster = []
            if index >= 0:
                cluster.append(index)
    return result


def _facing(sided: SidedFace, axis: str) -> int:
    face = sided.face
    if axis == "h":
        direction = 1 if face.end[0] >= face.start[0] else -1
    else:
        direction = 1 if face.end[1] >= face.start[1] else -1
    return direction * sided.inside


def _settle(faces: list[SidedFace], cluster: list[int], coordinate: int) -> None:
    total = sum(faces[index].face.length for index in cluster) or 1.0
    value = sum(faces[index].face.start[coordinate] * faces[index].face.length for index in cluster)
    value /= total
    for index in cluster:
        face = faces[index].face

        def moved(point: Vec) -> Vec:
            return (point[0], value) if coordinate == 1 else (value, point[1])

        faces[index] = replace(
            faces[index], face=replace(face, start=moved(face.start), end=moved(face.end))
        )


def _dedupe(points: Sequence[Vec], tolerance: float = 10.0) -> list[Vec]:
    result: list[Vec] = []
    for point in points:
        if not result or math.dist(point, result[-1]) > tolerance:
            result.append(point)
    while len(result) > 2 and math.dist(result[0], result[-1]) <= tolerance:
        result.pop()
    return result


def floor_outline(floor: PlanFloor) -> Region | None:
    points = _dedupe(floor.points)
    if len(points) < 3:
        return None
    polygons = polygons_of(Polygon(points).buffer(0))
    return polygons[0] if polygons else None


def _edge_line(start: Vec, end: Vec, faces: Sequence[PlanFace]) -> Line:
    axis = _axis_of(start, end)
    length = math.dist(start, end) or 1.0
    direction = ((end[0] - start[0]) / length, (end[1] - start[1]) / length)
    if axis is None:
        return Line(start, direction, None)
    coordinate = 1 if axis == "h" else 0
    along = 0 if axis == "h" else 1
    value = (start[coordinate] + end[coordinate]) / 2.0
    low, high = sorted((start[along], end[along]))
    best: tuple[float, float] | None = None
    for face in faces:
        if face.curved or _axis_of(face.start, face.end) != axis:
            continue
        distance = abs(face.start[coordinate] - value)
        face_low, face_high = sorted((face.start[along], face.end[along]))
        overlap = min(high, face_high) - max(low, face_low)
        close = distance <= FACE_SNAP_MM and overlap >= 0.3 * (high - low)
        if close and (best is None or distance < best[0]):
            best = (distance, face.start[coordinate])
    if best is not None:
        value = best[1]
    sign = 1.0 if end[along] >= start[along] else -1.0
    if axis == "h":
        return Line((start[0], value), (sign, 0.0), "h")
    return Line((value, start[1]), (0.0, sign), "v")


def _intersect(a: Line, b: Line) -> Vec | None:
    cross = a.direction[0] * b.direction[1] - a.direction[1] * b.direction[0]
    if abs(cross) < 1e-6:
        return None
    dx, dy = b.point[0] - a.point[0], b.point[1] - a.point[1]
    t = (dx * b.direction[1] - dy * b.direction[0]) / cross
    return (a.point[0] + a.direction[0] * t, a.point[1] + a.direction[1] * t)


def _project(line: Line, point: Vec) -> Vec:
    dx, dy = point[0] - line.point[0], point[1] - line.point[1]
    t = dx * line.direction[0] + dy * line.direction[1]
    return (line.point[0] + line.direction[0] * t, line.point[1] + line.direction[1] * t)


def outline_from_lines(lines: Sequence[Line], originals: Sequence[Vec]) -> list[Vec]:
    """Corners as intersections of consecutive edge lines; steps between parallel edges kept."""
    points: list[Vec] = []
    count = len(lines)
    for index in range(count):
        before, after = lines[index - 1], lines[index]
        crossing = _intersect(before, after)
        if crossing is not None:
            points.append(crossing)
            continue
        first, second = _project(before, originals[index]), _project(after, originals[index])
        points.append(first)
        if math.dist(first, second) > 1.0:
            points.append(second)
    return _dedupe(points, 1.0)


def straighten_outline(outline: Region, faces: Sequence[PlanFace]) -> Region:
    """Edges near an axis made axis-parallel and moved onto the wall faces along them."""
    points = list(outline.exterior.coords)[:-1]
    lines = [
        _edge_line(points[index], points[(index + 1) % len(points)], faces)
        for index in range(len(points))
    ]
    rebuilt = outline_from_lines(lines, points)
    if len(rebuilt) < 3:
        return outline
    polygons = polygons_of(Polygon(rebuilt).buffer(0))
    if not polygons or polygons[0].area < 0.5 * outline.area:
        return outline
    return polygons[0]


def loop_outline(faces: Sequence[PlanFace]) -> Region | None:
    """A room's outline from its walls alone, chaining each wall to the nearest next one."""
    remaining = [face for face in faces if face.length > 0]
    if len(remaining) < 3:
        return None
    chain = [remaining.pop(0)]
    while remaining:
        tail = chain[-1].end
        best_index, best_flip, best_distance = -1, False, math.inf
        for index, face in enumerate(remaining):
            for flip, point in ((False, face.start), (True, face.end)):
                distance = math.dist(tail, point)
                if distance < best_distance:
                    best_index, best_flip, best_distance = index, flip, distance
        if best_distance > LOOP_GAP_MM:
            return None
        face = remaining.pop(best_index)
        chain.append(replace(face, start=face.end, end=face.start) if best_flip else face)
    if math.dist(chain[-1].end, chain[0].start) > LOOP_GAP_MM:
        return None
    lines = [Line(face.start, _direction(face), _axis_of(face.start, face.end)) for face in chain]
    originals = [face.start for face in chain]
    rebuilt = outline_from_lines(lines, originals)
    if len(rebuilt) < 3:
        return None
    polygons = polygons_of(Polygon(rebuilt).buffer(0))
    return polygons[0] if polygons else None


def _direction(face: PlanFace) -> Vec:
    length = face.length or 1.0
    return ((face.end[0] - face.start[0]) / length, (face.end[1] - face.start[1]) / length)
