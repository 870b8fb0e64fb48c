"""Sides of a room that no wall was captured along.

A room's outline comes from its floor; a side with no captured wall is normal in a real capture.
Where another room's capture has a wall along it, that wall serves both (it is found by the wall
builder). Where another room lies right across it, the two rooms are one open space with no wall
between them. Anywhere else the side is an outside wall the user did not sweep, and it is closed
along the floor edge.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import Point

from planroom.floormodel.geometry import Region
from planroom.floormodel.roomplan.coverage import point_along, uncovered
from planroom.floormodel.roomplan.plan import PlanFace, PlanOpening

COVER_OFFSET_MM = 320.0
"""A face this close to a side (its own, or a neighbour's across a partition) walls it."""
MIN_SIDE_MM = 300.0
NEIGHBOUR_PROBES_MM = (60.0, 200.0, 400.0)
PORCH_WALLED_SHARE = 0.4
"""A room walled along less than this share of its outline is outdoor space, not a room with
walls nobody swept."""


@dataclass(frozen=True)
class OpenSides:
    faces: list[PlanFace]
    """Walls to add along floor edges, one face each."""
    walled_share: list[float]
    """Per outline, the share of its perimeter a captured wall runs along (before closing)."""
    open_plan: list[tuple[int, int]]
    """Pairs of outlines that meet with no wall between them."""


def _ring(region: Region) -> list[tuple[float, float]]:
    points = list(region.exterior.coords)[:-1]
    if not region.exterior.is_ccw:
        points.reverse()
    return [(float(x), float(y)) for x, y in points]


def _neighbour_across(
    point: tuple[float, float], outlines: Sequence[Region], own: int
) -> int | None:
    for index, outline in enumerate(outlines):
        if index != own and outline.contains(Point(point)):
            return index
    return None


OPENING_REACH_MM = 250.0


def _opening_along(
    start: tuple[float, float],
    end: tuple[float, float],
    low: float,
    high: float,
    openings: Sequence[PlanOpening],
) -> bool:
    length = math.dist(start, end) or 1.0
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    for opening in openings:
        dx, dy = opening.center[0] - start[0], opening.center[1] - start[1]
        along, across = dx * ux + dy * uy, abs(-dx * uy + dy * ux)
        if across <= OPENING_REACH_MM and low <= along <= high:
            return True
    return False


def close_open_sides(
    outlines: Sequence[Region],
    faces: Sequence[PlanFace],
    story: int,
    openings: Sequence[PlanOpening] = (),
    indoor: Sequence[bool] = (),
) -> OpenSides:
    """Faces for every unwalled side that is not shared with another room.

    A side shared with another room gets a wall all the same where a door or window is on it:
    a door is always in a wall. `indoor[i]` says room i holds what only rooms hold (a bed, a
    toilet, a labelled section), so it is a room whatever its walls.

    A room walled along less than `PORCH_WALLED_SHARE` of its outline is outdoor space (a
    porch, a deck): it gets no new walls.
    """
    added: list[PlanFace] = []
    shares: list[float] = []
    open_plan: set[tuple[int, int]] = set()
    for index, outline in enumerate(outlines):
        ring = _ring(outline)
        perimeter = float(outline.exterior.length) or 1.0
        pieces: list[tuple[tuple[float, float], tuple[float, float]]] = []
        unwalled = 0.0
        for corner, start in enumerate(ring):
            end = ring[(corner + 1) % len(ring)]
            for low, high in uncovered(start, end, faces, COVER_OFFSET_MM, 1.0):
                if high - low < MIN_SIDE_MM:
                    unwalled += high - low
                    continue
                middle = (low + high) / 2.0
                # the outline runs counter-clockwise: the room is on the left, outside right
                across = [
                    _neighbour_across(point_along(start, end, middle, -probe), outlines, index)
                    for probe in NEIGHBOUR_PROBES_MM
                ]
                neighbour = next((found for found in across if found is not None), None)
                if neighbour is not None and not _opening_along(start, end, low, high, openings):
                    open_plan.add((min(index, neighbour), max(index, neighbour)))
                    continue
                unwalled += high - low
                pieces.append((point_along(start, end, low), point_along(start, end, high)))
        share = 1.0 - unwalled / perimeter
        shares.append(share)
        if share < PORCH_WALLED_SHARE and not (index < len(indoor) and indoor[index]):
            continue
        height = statistics.median([face.height for face in faces] or [2438.0])
        bottom = statistics.median([face.bottom for face in faces] or [0.0])
        for number, (start, end) in enumerate(pieces):
            added.append(
                PlanFace(
                    id=f"closed/{story}/{index}/{number}",
                    label=f"open side {number + 1} of room {index + 1}",
                    story=story,
                    start=start,
                    end=end,
                    height=height,
                    bottom=bottom,
                    room="closed",
                )
            )
    return OpenSides(added, shares, sorted(open_plan))
