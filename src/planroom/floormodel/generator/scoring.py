"""How well an imported model matches the truth it was scanned from.

The import is in its own frame: turned by a multiple of 90 degrees and moved relative to the
truth. `align` finds that turn and shift from the outlines alone; `score` then pairs each true room
with the imported room that covers it most and reports area errors, missing rooms and overlaps.
Used by the importer's tests and by `bench/intake.py`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

from shapely.geometry import Point
from shapely.ops import unary_union

from planroom.floormodel.geometry import Region, polygon_of, wall_footprint, wall_point
from planroom.floormodel.schema import FloorModel, Opening, Space

XY = tuple[float, float]


@dataclass(frozen=True)
class Alignment:
    quarter_turns: int
    shift: XY

    def apply(self, point: tuple[float, float]) -> XY:
        x, y = point
        for _ in range(self.quarter_turns):
            x, y = -y, x
        return (x + self.shift[0], y + self.shift[1])


def _outline(model: FloorModel, turn: int) -> tuple[list[XY], XY]:
    pieces = [wall_footprint(wall) for wall in model.walls]
    pieces += [polygon_of(space.polygon) for space in model.spaces]
    region = unary_union(pieces)
    coords = [(float(c[0]), float(c[1])) for c in region.convex_hull.exterior.coords]
    rotated = [Alignment(turn, (0.0, 0.0)).apply(c) for c in coords]
    return rotated, (min(p[0] for p in rotated), min(p[1] for p in rotated))


def moved_space(space: Space, alignment: Alignment) -> Region:
    return polygon_of([alignment.apply(point) for point in space.polygon])


def opening_point(model: FloorModel, opening: Opening) -> XY:
    wall = next(w for w in model.walls if w.id == opening.wall_id)
    return wall_point(wall, opening.offset)


def align(imported: FloorModel, truth: FloorModel) -> Alignment:
    """The quarter turn and shift that best lay `imported` over `truth`.

    The shift lines up the lower-left corners of the two buildings; of the four quarter turns,
    the one leaving the least area where the rooms of one model do not cover the other's, and
    the doors and windows farthest from their true places, wins.
    """
    _, truth_min = _outline(truth, 0)
    best: tuple[float, Alignment] | None = None
    for turn in range(4):
        _, low = _outline(imported, turn)
        candidate = Alignment(turn, (truth_min[0] - low[0], truth_min[1] - low[1]))
        error = 0.0
        for level in truth.levels:
            truth_rooms = unary_union([polygon_of(s.polygon) for s in truth.spaces_on(level.id)])
            mine = [
                moved_space(space, candidate)
                for space in imported.spaces
                if imported.level(space.level_id).index == level.index
            ]
            error += float(truth_rooms.symmetric_difference(unary_union(mine)).area)
        # A plain rectangle looks the same turned half way round: its doors and windows do not.
        marks = [Point(candidate.apply(opening_point(imported, o))) for o in imported.openings]
        for opening in truth.openings if marks else []:
            target = Point(opening_point(truth, opening))
            error += 1000.0 * min((min(m.distance(target) for m in marks), 2000.0), default=0.0)
        if best is None or error < best[0]:
            best = (error, candidate)
    assert best is not None
    return best[1]


def matching_space(
    truth_space: Space, imported: FloorModel, truth: FloorModel, alignment: Alignment
) -> Space | None:
    """The imported space on the same level that overlaps the true one most."""
    level_index = truth.level(truth_space.level_id).index
    shape = polygon_of(truth_space.polygon)
    best: tuple[float, Space] | None = None
    for space in imported.spaces:
        if imported.level(space.level_id).index != level_index:
            continue
        overlap = float(shape.intersection(moved_space(space, alignment)).area)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, space)
    return best[1] if best else None


@dataclass(frozen=True)
class RoomScore:
    truth_name: str
    truth_type: str
    truth_area_m2: float
    imported_name: str | None
    imported_type: str | None
    imported_area_m2: float | None

    @property
    def area_error(self) -> float:
        """Relative error of the room's area; 1.0 for a room that is missing."""
        if self.imported_area_m2 is None:
            return 1.0
        return abs(self.imported_area_m2 - self.truth_area_m2) / self.truth_area_m2

    @property
    def tolerance(self) -> float:
        """3 % for rooms, 6 % under 4 m², where centimetres of scan noise are more."""
        return 0.06 if self.truth_area_m2 < 4.0 else 0.03

    @property
    def within_tolerance(self) -> bool:
        return self.area_error <= self.tolerance


@dataclass(frozen=True)
class ImportScore:
    rooms: list[RoomScore]
    imported_rooms: int
    largest_overlap_m2: float
    """The largest area two imported rooms on one level share."""

    @property
    def count_right(self) -> bool:
        return self.imported_rooms == len(self.rooms) and all(
            room.imported_area_m2 is not None for room in self.rooms
        )

    @property
    def worst_error(self) -> float:
        return max((room.area_error for room in self.rooms), default=0.0)

    @property
    def all_within_tolerance(self) -> bool:
        return all(room.within_tolerance for room in self.rooms)


OVERLAP_SLIVER_M2 = 0.01


def largest_overlap_m2(model: FloorModel) -> float:
    worst = 0.0
    for level in model.levels:
        shapes = [polygon_of(space.polygon) for space in model.spaces_on(level.id)]
        for first, second in combinations(shapes, 2):
            worst = max(worst, float(first.intersection(second).area) / 1e6)
    return worst


def score(imported: FloorModel, truth: FloorModel) -> ImportScore:
    alignment = align(imported, truth)
    rooms: list[RoomScore] = []
    used: set[str] = set()
    for truth_space in truth.spaces:
        found = matching_space(truth_space, imported, truth, alignment)
        if found is not None and found.id in used:
            found = None  # one imported room covering two true ones: the second is missing
        if found is not None:
            used.add(found.id)
        rooms.append(
            RoomScore(
                truth_name=truth_space.name,
                truth_type=truth_space.type,
                truth_area_m2=polygon_of(truth_space.polygon).area / 1e6,
                imported_name=found.name if found else None,
                imported_type=found.type if found else None,
                imported_area_m2=polygon_of(found.polygon).area / 1e6 if found else None,
            )
        )
    return ImportScore(rooms, len(imported.spaces), largest_overlap_m2(imported))


def median(values: list[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2.0
