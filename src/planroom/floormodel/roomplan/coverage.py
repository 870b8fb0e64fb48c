"""How much of a line segment the scanned wall faces run along."""

from __future__ import annotations

import math
from collections.abc import Sequence

from planroom.floormodel.roomplan.plan import PlanFace, Vec

Interval = tuple[float, float]

PARALLEL_DEG = 8.0
"""Faces this close to the segment's direction count as running along it (scans are a few
degrees off even after squaring)."""


def _unit(start: Vec, end: Vec) -> tuple[Vec, float]:
    length = math.dist(start, end)
    if length == 0:
        return (1.0, 0.0), 0.0
    return ((end[0] - start[0]) / length, (end[1] - start[1]) / length), length


def face_interval(start: Vec, end: Vec, face: PlanFace, max_offset_mm: float) -> Interval | None:
    """Where `face` runs along the segment, as distances from `start`; None when it does not."""
    if face.curved:
        return None
    (ux, uy), length = _unit(start, end)
    (fx, fy), face_length = _unit(face.start, face.end)
    if length == 0 or face_length == 0:
        return None
    if abs(ux * fy - uy * fx) > math.sin(math.radians(PARALLEL_DEG)):
        return None
    mid = ((face.start[0] + face.end[0]) / 2.0, (face.start[1] + face.end[1]) / 2.0)
    offset = abs(-(mid[0] - start[0]) * uy + (mid[1] - start[1]) * ux)
    if offset > max_offset_mm:
        return None
    along = sorted(
        (point[0] - start[0]) * ux + (point[1] - start[1]) * uy for point in (face.start, face.end)
    )
    low, high = max(0.0, along[0]), min(length, along[1])
    return (low, high) if high > low else None


def merge_intervals(intervals: Sequence[Interval], join_mm: float = 0.0) -> list[Interval]:
    merged: list[Interval] = []
    for low, high in sorted(intervals):
        if merged and low <= merged[-1][1] + join_mm:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def uncovered(
    start: Vec, end: Vec, faces: Sequence[PlanFace], max_offset_mm: float, min_piece_mm: float
) -> list[Interval]:
    """The pieces of the segment, at least `min_piece_mm` long, that no face runs along."""
    length = math.dist(start, end)
    found = [face_interval(start, end, face, max_offset_mm) for face in faces]
    covered = merge_intervals([item for item in found if item is not None], join_mm=1.0)
    pieces: list[Interval] = []
    cursor = 0.0
    for low, high in covered:
        if low - cursor >= min_piece_mm:
            pieces.append((cursor, low))
        cursor = max(cursor, high)
    if length - cursor >= min_piece_mm:
        pieces.append((cursor, length))
    return pieces


def point_along(start: Vec, end: Vec, distance: float, across: float = 0.0) -> Vec:
    """The point `distance` along the segment and `across` to its left."""
    (ux, uy), _ = _unit(start, end)
    return (start[0] + ux * distance - uy * across, start[1] + uy * distance + ux * across)
