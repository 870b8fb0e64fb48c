"""Checking a floor model, with problems that name the element: `wall w12: ends 3 m away from
any other wall`.

`parse_floor_model` turns JSON into a model (schema errors named by element id as well);
`validate_model` lists every problem; `check_model` raises when any of them is an error.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from pydantic import ValidationError
from shapely import STRtree
from shapely.geometry import Polygon

from planroom.floormodel.errors import FloorModelInvalid, Problem
from planroom.floormodel.geometry import (
    area_of,
    polygon_of,
    segment_distance,
    signed_ring_area,
    wall_length,
)
from planroom.floormodel.schema import FloorModel, Opening, Point, Space, Wall

MAX_COORDINATE_MM = 1_000_000
"""1 km from the origin: nothing on a floor plan is farther."""
MAX_ELEMENTS = 20_000
DANGLING_MARGIN_MM = 150
OVERLAP_TOLERANCE_SQ_MM = 10_000.0
"""Spaces may overlap by slivers (0.01 m²) where outlines meet inside a wall."""

_KINDS = {
    "levels": "level",
    "walls": "wall",
    "openings": "opening",
    "spaces": "space",
    "stairs": "stair",
    "fixtures": "fixture",
}
DANGLING_WALL = "dangling_wall"
SPACES_OVERLAP = "spaces_overlap"
OPENING_PAST_WALL_END = "opening_past_wall_end"
OPENING_WIDER_THAN_WALL = "opening_wider_than_wall"

DOOR_KINDS = frozenset({"door", "double_door", "sliding_door", "garage_door"})


def _element_name(document: object, location: tuple[int | str, ...]) -> tuple[str, str]:
    """`wall w12` and the rest of the path for a schema error at `location`."""
    if len(location) >= 2 and location[0] in _KINDS and isinstance(location[1], int):
        kind = _KINDS[str(location[0])]
        ident = None
        if isinstance(document, dict):
            items = document.get(str(location[0]))
            if isinstance(items, list) and location[1] < len(items):
                item = items[location[1]]
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    ident = item["id"]
        name = f"{kind} {ident}" if ident else f"{kind} #{location[1] + 1}"
        return name, ".".join(str(part) for part in location[2:])
    return "model", ".".join(str(part) for part in location)


def parse_floor_model(document: object) -> FloorModel:
    """A `FloorModel` from JSON data, or `FloorModelInvalid` naming every element at fault."""
    try:
        return FloorModel.model_validate(document)
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            element, field = _element_name(document, tuple(detail["loc"]))
            message = detail["msg"]
            problems.append(Problem(element, f"{field}: {message}" if field else message))
        raise FloorModelInvalid(problems) from None


def check_model(model: FloorModel) -> list[Problem]:
    """Every problem of `model`; raises `FloorModelInvalid` if any is an error."""
    problems = validate_model(model)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise FloorModelInvalid(errors)
    return problems


def validate_model(model: FloorModel) -> list[Problem]:
    """Every problem found in `model`, errors first."""
    problems = list(_identity(model))
    if any(problem.severity == "error" for problem in problems):
        return problems
    problems.extend(_levels(model))
    problems.extend(problem for wall in model.walls for problem in _wall(wall))
    problems.extend(_dangling_walls(model))
    problems.extend(_openings(model))
    problems.extend(problem for space in model.spaces for problem in _space(space))
    problems.extend(_overlaps(model))
    problems.extend(_stairs(model))
    problems.extend(_fixtures(model))
    return sorted(problems, key=lambda problem: problem.severity != "error")


def _identity(model: FloorModel) -> Iterator[Problem]:
    if not model.levels:
        yield Problem("model", "has no levels")
    total = sum(len(getattr(model, name)) for name in _KINDS)
    if total > MAX_ELEMENTS:
        yield Problem("model", f"has {total} elements; at most {MAX_ELEMENTS} are accepted")
    for name, kind in _KINDS.items():
        counts = Counter(item.id for item in getattr(model, name))
        for ident, count in sorted(counts.items()):
            if count > 1:
                yield Problem(f"{kind} {ident}", f"the id is used by {count} {name}")
    level_ids = {level.id for level in model.levels}
    for kind, items in (
        ("wall", model.walls),
        ("space", model.spaces),
        ("fixture", model.fixtures),
        ("stair", model.stairs),
    ):
        for item in items:
            if item.level_id not in level_ids:
                yield Problem(
                    f"{kind} {item.id}", f"is on level {item.level_id!r}, which does not exist"
                )
    wall_ids = {wall.id for wall in model.walls}
    for opening in model.openings:
        if opening.wall_id not in wall_ids:
            yield Problem(
                f"opening {opening.id}", f"is on wall {opening.wall_id!r}, which does not exist"
            )
    for stair in model.stairs:
        for end in (stair.from_level_id, stair.to_level_id):
            if end not in level_ids:
                yield Problem(
                    f"stair {stair.id}", f"connects to level {end!r}, which does not exist"
                )


def _levels(model: FloorModel) -> Iterator[Problem]:
    counts = Counter(level.index for level in model.levels)
    for index, count in sorted(counts.items()):
        if count > 1:
            yield Problem("model", f"{count} levels share index {index}")


def _far(point: Point) -> bool:
    return abs(point[0]) > MAX_COORDINATE_MM or abs(point[1]) > MAX_COORDINATE_MM


def _wall(wall: Wall) -> Iterator[Problem]:
    name = f"wall {wall.id}"
    if _far(wall.start) or _far(wall.end):
        yield Problem(name, "lies more than 1 km from the origin")
    if wall.start == wall.end:
        yield Problem(name, "starts and ends at the same point")
    elif wall_length(wall) < wall.thickness / 2:
        yield Problem(
            name, f"is {wall_length(wall):.0f} mm long, shorter than half its thickness", "warning"
        )
    if wall.thickness > 1000:
        yield Problem(name, f"is {wall.thickness} mm thick; walls over 1 m are not plausible")


def _metres(value_mm: float) -> str:
    text = f"{value_mm / 1000:.1f}".rstrip("0").rstrip(".")
    return f"{text} m"


def _dangling_walls(model: FloorModel) -> Iterator[Problem]:
    for level in model.levels:
        walls = [wall for wall in model.walls_on(level.id) if wall.start != wall.end]
        if len(walls) < 2:
            continue
        for wall in walls:
            for end in (wall.start, wall.end):
                others = [other for other in walls if other.id != wall.id]
                nearest = min(segment_distance(end, other.start, other.end) for other in others)
                reach = wall.thickness / 2 + max(other.thickness for other in others) / 2
                if nearest > reach + DANGLING_MARGIN_MM:
                    yield Problem(
                        f"wall {wall.id}",
                        f"ends {_metres(nearest)} away from any other wall",
                        check=DANGLING_WALL,
                    )
                    break


def _openings(model: FloorModel) -> Iterator[Problem]:
    walls = {wall.id: wall for wall in model.walls}
    by_wall: dict[str, list[Opening]] = {}
    for opening in model.openings:
        name = f"opening {opening.id}"
        wall = walls[opening.wall_id]
        length = wall_length(wall)
        low, high = opening.offset - opening.width / 2, opening.offset + opening.width / 2
        if opening.width > length + 1:
            yield Problem(
                name,
                f"is {opening.width} mm wide, wider than wall {wall.id} ({length:.0f} mm)",
                check=OPENING_WIDER_THAN_WALL,
            )
        elif low < -1:
            yield Problem(
                name,
                f"starts {-low:.0f} mm before the start of wall {wall.id}",
                check=OPENING_PAST_WALL_END,
            )
        elif high > length + 1:
            yield Problem(
                name,
                f"runs {high - length:.0f} mm past the end of wall {wall.id}",
                check=OPENING_PAST_WALL_END,
            )
        if opening.sill + opening.height > wall.height:
            yield Problem(
                name,
                f"its top ({opening.sill + opening.height} mm) is above wall "
                f"{wall.id} ({wall.height} mm)",
                "warning",
            )
        is_door = opening.kind in DOOR_KINDS
        if not is_door and (opening.hinge is not None or opening.swing is not None):
            yield Problem(name, f"a {opening.kind} has no hinge or swing")
        by_wall.setdefault(wall.id, []).append(opening)
    for wall_id, items in sorted(by_wall.items()):
        items.sort(key=lambda item: item.offset)
        for first, second in pairwise(items):
            gap = (second.offset - second.width / 2) - (first.offset + first.width / 2)
            if gap < -1:
                yield Problem(
                    f"opening {second.id}",
                    f"overlaps opening {first.id} on wall {wall_id} by {-gap:.0f} mm",
                )


def _space(space: Space) -> Iterator[Problem]:
    name = f"space {space.id}"
    points = space.polygon
    if any(_far(point) for point in points):
        yield Problem(name, "lies more than 1 km from the origin")
        return
    for index, point in enumerate(points):
        if point == points[(index + 1) % len(points)]:
            yield Problem(name, f"repeats corner {index + 1} ({point[0]}, {point[1]})")
            return
    polygon = Polygon(points)
    if not polygon.is_valid:
        yield Problem(name, "its outline crosses itself")
        return
    area = signed_ring_area(points)
    if area == 0:
        yield Problem(name, "its outline has no area")
    elif area < 0:
        yield Problem(name, "its outline runs clockwise; corners must run counter-clockwise")
    slope = space.sloped_ceiling
    if slope is not None:
        if slope.low_height >= slope.high_height:
            yield Problem(name, "its sloped ceiling's low side is not lower than its high side")
        if slope.low_line[0] == slope.low_line[1]:
            yield Problem(name, "its sloped ceiling's low line is a single point")
        elif not _parallel(slope.low_line, slope.high_line):
            yield Problem(name, "its sloped ceiling's low and high lines are not parallel")
    obstruction = space.min_height_under_obstructions
    if (
        obstruction is not None
        and space.ceiling_height is not None
        and (obstruction > space.ceiling_height)
    ):
        yield Problem(name, "its clearance under obstructions is above its ceiling")


def _parallel(a: tuple[Point, Point], b: tuple[Point, Point]) -> bool:
    ax, ay = a[1][0] - a[0][0], a[1][1] - a[0][1]
    bx, by = b[1][0] - b[0][0], b[1][1] - b[0][1]
    if (bx, by) == (0, 0):
        return False
    cross = ax * by - ay * bx
    distance = abs((b[0][0] - a[0][0]) * ay - (b[0][1] - a[0][1]) * ax) / math.hypot(ax, ay)
    return abs(cross) <= 0.01 * math.hypot(ax, ay) * math.hypot(bx, by) and distance > 0


def _overlaps(model: FloorModel) -> Iterator[Problem]:
    for level in model.levels:
        spaces = [s for s in model.spaces_on(level.id) if Polygon(s.polygon).is_valid]
        shapes = [polygon_of(space.polygon) for space in spaces]
        if len(shapes) < 2:
            continue
        tree = STRtree(shapes)
        for index, shape in enumerate(shapes):
            for other in tree.query(shape, predicate="intersects"):
                other_index = int(other)
                if other_index <= index:
                    continue
                shared = area_of(shape.intersection(shapes[other_index]))
                if shared > OVERLAP_TOLERANCE_SQ_MM:
                    yield Problem(
                        f"space {spaces[other_index].id}",
                        f"overlaps space {spaces[index].id} by {shared / 1e6:.2f} m²",
                        check=SPACES_OVERLAP,
                    )


def _stairs(model: FloorModel) -> Iterator[Problem]:
    for stair in model.stairs:
        name = f"stair {stair.id}"
        if stair.from_level_id == stair.to_level_id:
            yield Problem(name, "goes from a level to the same level")
            continue
        lower, upper = model.level(stair.from_level_id), model.level(stair.to_level_id)
        if lower.index > upper.index:
            yield Problem(
                name,
                f"goes from {lower.name} down to {upper.name}; from_level must be the lower one",
            )
        if stair.level_id != stair.from_level_id:
            yield Problem(name, "must be drawn on its lower level (level_id = from_level_id)")
        if not Polygon(stair.footprint).is_valid or signed_ring_area(stair.footprint) == 0:
            yield Problem(name, "its footprint is not a simple outline with an area")


def _fixtures(model: FloorModel) -> Iterator[Problem]:
    for fixture in model.fixtures:
        name = f"fixture {fixture.id}"
        if fixture.size[0] <= 0 or fixture.size[1] <= 0:
            yield Problem(
                name, f"its size {fixture.size[0]} x {fixture.size[1]} mm is not positive"
            )
        if _far(fixture.position):
            yield Problem(name, "lies more than 1 km from the origin")
