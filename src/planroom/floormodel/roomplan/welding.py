"""Tidying draft walls: joining pieces of one wall, meeting corners, welding close ends."""

from __future__ import annotations

import math

from planroom.floormodel.roomplan.plan import Vec
from planroom.floormodel.roomplan.walls_draft import DraftWall

JOIN_GAP_MM = 450.0
JOIN_OFFSET_MM = 40.0
WELD_REACH_MM = 250.0


def _cross(a: Vec, b: Vec) -> float:
    return a[0] * b[1] - a[1] * b[0]


def _collinear(a: DraftWall, b: DraftWall) -> bool:
    ua, ub = a.direction(), b.direction()
    if abs(_cross(ua, ub)) > math.sin(math.radians(2.0)):
        return False
    normal = (-ua[1], ua[0])
    for point in (b.start, b.end):
        offset = (point[0] - a.start[0]) * normal[0] + (point[1] - a.start[1]) * normal[1]
        if abs(offset) > JOIN_OFFSET_MM:
            return False
    along = [
        (point[0] - a.start[0]) * ua[0] + (point[1] - a.start[1]) * ua[1]
        for point in (b.start, b.end)
    ]
    gap = max(min(along) - a.length, -max(along), 0.0)
    return gap <= JOIN_GAP_MM


def _join(a: DraftWall, b: DraftWall) -> DraftWall:
    ua = a.direction()
    normal = (-ua[1], ua[0])
    weight_a, weight_b = a.length, b.length
    points = [a.start, a.end, b.start, b.end]
    along = [(p[0] - a.start[0]) * ua[0] + (p[1] - a.start[1]) * ua[1] for p in points]
    offsets = [(p[0] - a.start[0]) * normal[0] + (p[1] - a.start[1]) * normal[1] for p in points]
    offset = ((offsets[0] + offsets[1]) * weight_a + (offsets[2] + offsets[3]) * weight_b) / (
        2.0 * (weight_a + weight_b) or 1.0
    )
    low, high = min(along), max(along)

    def at(position: float) -> Vec:
        return (
            a.start[0] + ua[0] * position + normal[0] * offset,
            a.start[1] + ua[1] * position + normal[1] * offset,
        )

    return DraftWall(
        start=at(low),
        end=at(high),
        thickness=max(a.thickness, b.thickness),
        kind=a.kind,
        height=max(a.height, b.height),
        sources=a.sources | b.sources,
    )


def join_collinear(walls: list[DraftWall]) -> list[DraftWall]:
    """Join walls of one kind that continue each other on one line."""
    merged = True
    current = list(walls)
    while merged:
        merged = False
        current.sort(key=lambda wall: -wall.length)
        for i in range(len(current)):
            for j in range(i + 1, len(current)):
                a, b = current[i], current[j]
                if a.kind == b.kind and abs(a.thickness - b.thickness) <= 20 and _collinear(a, b):
                    current[i] = _join(a, b)
                    del current[j]
                    merged = True
                    break
            if merged:
                break
    return current


def _line_intersection(a: DraftWall, b: DraftWall) -> Vec | None:
    ua, ub = a.direction(), b.direction()
    denominator = _cross(ua, ub)
    if abs(denominator) < math.sin(math.radians(5.0)):
        return None
    delta = (b.start[0] - a.start[0], b.start[1] - a.start[1])
    t = _cross(delta, ub) / denominator
    return (a.start[0] + ua[0] * t, a.start[1] + ua[1] * t)


def _within_segment(wall: DraftWall, point: Vec, margin: float) -> bool:
    ux, uy = wall.direction()
    along = (point[0] - wall.start[0]) * ux + (point[1] - wall.start[1]) * uy
    return -margin <= along <= wall.length + margin


def weld_corners(walls: list[DraftWall]) -> None:
    """Carry each wall end to the centre line of the wall it runs into, when that is near."""
    for _ in range(2):
        for wall in walls:
            for end_name in ("start", "end"):
                end = wall.start if end_name == "start" else wall.end
                best: tuple[float, Vec] | None = None
                for other in walls:
                    if other is wall:
                        continue
                    crossing = _line_intersection(wall, other)
                    if crossing is None:
                        continue
                    reach = max(wall.thickness, other.thickness) / 2.0 + WELD_REACH_MM
                    distance = math.dist(end, crossing)
                    if distance > reach or not _within_segment(other, crossing, reach):
                        continue
                    if best is None or distance < best[0]:
                        best = (distance, crossing)
                if best is not None:
                    if end_name == "start":
                        wall.start = best[1]
                    else:
                        wall.end = best[1]


def _axis(wall: DraftWall) -> str | None:
    dx, dy = abs(wall.end[0] - wall.start[0]), abs(wall.end[1] - wall.start[1])
    if dy <= 1e-6 * max(dx, 1.0):
        return "h"
    if dx <= 1e-6 * max(dy, 1.0):
        return "v"
    return None


def align_collinear(walls: list[DraftWall]) -> None:
    """Put axis-parallel walls that continue each other on one line, whatever their kind.

    An interior wall that becomes an exterior one where a room ends is one straight line in
    the building; the scan sees it as two, a few millimetres apart.
    """
    for axis, coordinate, along in (("h", 1, 0), ("v", 0, 1)):
        group = sorted((w for w in walls if _axis(w) == axis), key=lambda w: w.start[coordinate])
        clusters: list[list[DraftWall]] = []
        for wall in group:
            for cluster in clusters:
                if abs(
                    cluster[0].start[coordinate] - wall.start[coordinate]
                ) <= JOIN_OFFSET_MM and any(
                    _span_gap(other, wall, along) <= JOIN_GAP_MM for other in cluster
                ):
                    cluster.append(wall)
                    break
            else:
                clusters.append([wall])
        for cluster in clusters:
            total = sum(w.length for w in cluster) or 1.0
            value = sum(w.start[coordinate] * w.length for w in cluster) / total
            for wall in cluster:
                wall.start = _with(wall.start, coordinate, value)
                wall.end = _with(wall.end, coordinate, value)


def _span_gap(a: DraftWall, b: DraftWall, along: int) -> float:
    a_low, a_high = sorted((a.start[along], a.end[along]))
    b_low, b_high = sorted((b.start[along], b.end[along]))
    return max(b_low - a_high, a_low - b_high, 0.0)


def _with(point: Vec, coordinate: int, value: float) -> Vec:
    return (point[0], value) if coordinate == 1 else (value, point[1])


def weld_ends(walls: list[DraftWall], weld_mm: float) -> None:
    """Make wall ends closer than `weld_mm` one shared point.

    The shared point keeps axis-parallel walls axis-parallel: its x comes from the vertical
    walls in the group and its y from the horizontal ones.
    """
    ends: list[tuple[DraftWall, str]] = [
        (wall, name) for wall in walls for name in ("start", "end")
    ]
    groups: list[list[tuple[DraftWall, str]]] = []
    for item in ends:
        point = getattr(item[0], item[1])
        for group in groups:
            anchor = getattr(group[0][0], group[0][1])
            if math.dist(point, anchor) < weld_mm:
                group.append(item)
                break
        else:
            groups.append([item])
    for group in groups:
        if len(group) < 2:
            continue
        axes = [_axis(wall) for wall, _ in group]
        shared = []
        for coordinate, fixed_axis in ((0, "v"), (1, "h")):
            fixed = [
                getattr(w, n)[coordinate]
                for (w, n), a in zip(group, axes, strict=True)
                if a == fixed_axis
            ]
            values = fixed or [getattr(w, n)[coordinate] for w, n in group]
            shared.append(sum(values) / len(values))
        for wall, name in group:
            setattr(wall, name, (shared[0], shared[1]))
