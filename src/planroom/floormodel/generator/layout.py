"""Drafting a true floor model from rooms drawn on wall centre lines.

Rooms are polygons on the centre lines of their walls. Walls follow from them: an edge shared by
two indoor rooms is an interior wall, an edge of one indoor room (or between indoor and outdoor)
is an exterior wall, outdoor rooms have no walls of their own. Each room's floor is its outline
minus the walls' bodies, so room outlines sit on the wall faces as a scan sees them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from shapely.geometry import LineString
from shapely.geometry import Point as ShapelyPoint

from planroom.floormodel.classification import OUTDOOR_TYPES
from planroom.floormodel.geometry import (
    along_wall,
    polygon_of,
    polygons_of,
    segment_distance,
    union,
    wall_footprint,
)
from planroom.floormodel.schema import (
    Fixture,
    FixtureCategory,
    FloorModel,
    Grade,
    Level,
    Opening,
    OpeningKind,
    PropertyInfo,
    PropertyType,
    Source,
    Space,
    SpaceType,
    Stair,
    Wall,
)

Facing = Literal["north", "south", "east", "west"]
FACING_NORMALS: dict[Facing, tuple[int, int]] = {
    "north": (0, 1),
    "south": (0, -1),
    "east": (1, 0),
    "west": (-1, 0),
}
XY = tuple[int, int]


@dataclass(frozen=True)
class FixtureSpec:
    category: FixtureCategory
    at: tuple[float, float]
    """Centre as a fraction of the room's floor bounding box."""
    size: tuple[int, int]
    height: int = 900
    rotation_deg: float = 0.0


@dataclass(frozen=True)
class RoomSpec:
    name: str
    type: SpaceType
    outline: tuple[XY, ...]
    """Counter-clockwise, on wall centre lines, in mm."""
    finished: bool = True
    heated: bool = True
    fixtures: tuple[FixtureSpec, ...] = ()


@dataclass(frozen=True)
class OpeningSpec:
    """A door, window or opening: between two rooms, or on one room's outside wall."""

    rooms: tuple[str, ...]
    kind: OpeningKind = "door"
    width: int = 813
    height: int = 2032
    sill: int = 0
    at: float = 0.5
    facing: Facing | None = None


@dataclass(frozen=True)
class LevelSpec:
    id: str
    name: str
    index: int
    rooms: tuple[RoomSpec, ...]
    openings: tuple[OpeningSpec, ...] = ()
    elevation: int = 0
    grade: Grade = "above"
    ceiling_height: int = 2438


@dataclass(frozen=True)
class StairSpec:
    level_id: str
    to_level_id: str
    box: tuple[int, int, int, int]
    """min x, min y, max x, max y of the footprint."""
    direction_deg: float
    treads: int = 14


@dataclass(frozen=True)
class Arc:
    """A curved wall: the centre line runs on this circle (for the scan writer)."""

    level_id: str
    center: tuple[float, float]
    radius: float


@dataclass(frozen=True)
class Scene:
    name: str
    model: FloorModel
    arcs: tuple[Arc, ...] = field(default_factory=tuple)


def _on_segment(point: XY, start: XY, end: XY) -> bool:
    if point in (start, end):
        return False
    return segment_distance(point, start, end) < 0.5


def _unit_edges(level: LevelSpec) -> dict[tuple[XY, XY], list[RoomSpec]]:
    """Every room edge cut at every vertex lying on it, keyed by its sorted end points."""
    vertices = {vertex for room in level.rooms for vertex in room.outline}
    edges: dict[tuple[XY, XY], list[RoomSpec]] = {}
    for room in level.rooms:
        count = len(room.outline)
        for index in range(count):
            start, end = room.outline[index], room.outline[(index + 1) % count]
            inner = [vertex for vertex in vertices if _on_segment(vertex, start, end)]
            inner.sort(key=lambda vertex: math.dist(start, vertex))
            chain = [start, *inner, end]
            for a, b in pairwise(chain):
                key = (min(a, b), max(a, b))
                edges.setdefault(key, []).append(room)
    return edges


def _wall_kind(rooms: Sequence[RoomSpec]) -> str | None:
    indoor = [room for room in rooms if room.type not in OUTDOOR_TYPES]
    if not indoor:
        return None
    return "interior" if len(indoor) == 2 else "exterior"


def _line_key(start: XY, end: XY) -> tuple[str, int] | None:
    if start[1] == end[1]:
        return ("h", start[1])
    if start[0] == end[0]:
        return ("v", start[0])
    return None


def _merge(segments: list[tuple[XY, XY]]) -> list[tuple[XY, XY]]:
    """Join touching collinear axis-parallel segments into single walls."""
    merged: list[tuple[XY, XY]] = []
    by_line: dict[tuple[str, int], list[tuple[XY, XY]]] = {}
    for segment in segments:
        key = _line_key(*segment)
        if key is None:
            merged.append(segment)
        else:
            by_line.setdefault(key, []).append(segment)
    for (axis, _), items in sorted(by_line.items()):
        along = 0 if axis == "h" else 1
        items.sort(key=lambda seg: min(seg[0][along], seg[1][along]))
        current = list(sorted(items[0], key=lambda p: p[along]))
        for segment in items[1:]:
            low, high = sorted(segment, key=lambda p: p[along])
            if low[along] == current[1][along]:
                current[1] = high
            else:
                merged.append((current[0], current[1]))
                current = [low, high]
        merged.append((current[0], current[1]))
    return merged


def _walls(level: LevelSpec, exterior_mm: int, interior_mm: int, first: int) -> list[Wall]:
    by_kind: dict[str, list[tuple[XY, XY]]] = {"exterior": [], "interior": []}
    for segment, rooms in sorted(_unit_edges(level).items()):
        kind = _wall_kind(rooms)
        if kind is not None:
            by_kind[kind].append(segment)
    walls: list[Wall] = []
    for kind in ("exterior", "interior"):
        for start, end in _merge(by_kind[kind]):
            walls.append(
                Wall(
                    id=f"w{first + len(walls) + 1}",
                    level_id=level.id,
                    start=start,
                    end=end,
                    thickness=exterior_mm if kind == "exterior" else interior_mm,
                    height=level.ceiling_height,
                    kind="exterior" if kind == "exterior" else "interior",
                )
            )
    return walls


def _floor(room: RoomSpec, walls: Sequence[Wall]) -> list[XY]:
    bodies = union(wall_footprint(wall) for wall in walls)
    floor = polygons_of(polygon_of(room.outline).difference(bodies))[0]
    floor = floor.simplify(0.5)
    points = [(round(x), round(y)) for x, y in list(floor.exterior.coords)[:-1]]
    return points


def _host(walls: Sequence[Wall], point: tuple[float, float]) -> Wall:
    return min(walls, key=lambda wall: segment_distance(point, wall.start, wall.end))


def _shared_edge(a: RoomSpec, b: RoomSpec) -> LineString:
    shared = polygon_of(a.outline).boundary.intersection(polygon_of(b.outline).boundary)
    lines = [part for part in getattr(shared, "geoms", [shared]) if part.length > 0]
    if not lines:
        raise ValueError(f"rooms {a.name} and {b.name} share no wall")
    return max(lines, key=lambda line: (line.length, line.bounds))


def _outside_edge(room: RoomSpec, facing: Facing) -> LineString:
    normal = FACING_NORMALS[facing]
    best: tuple[float, LineString] | None = None
    count = len(room.outline)
    for index in range(count):
        (x0, y0), (x1, y1) = room.outline[index], room.outline[(index + 1) % count]
        length = math.dist((x0, y0), (x1, y1))
        outward = ((y1 - y0) / length, -(x1 - x0) / length)
        if outward[0] * normal[0] + outward[1] * normal[1] > 0.99 and (
            best is None or length > best[0]
        ):
            best = (length, LineString([(x0, y0), (x1, y1)]))
    if best is None:
        raise ValueError(f"room {room.name} has no wall facing {facing}")
    return best[1]


def _openings(level: LevelSpec, walls: Sequence[Wall], first: int) -> list[Opening]:
    rooms = {room.name: room for room in level.rooms}
    openings: list[Opening] = []
    for spec in level.openings:
        if len(spec.rooms) == 2:
            edge = _shared_edge(rooms[spec.rooms[0]], rooms[spec.rooms[1]])
        else:
            assert spec.facing is not None
            edge = _outside_edge(rooms[spec.rooms[0]], spec.facing)
        point = edge.interpolate(spec.at, normalized=True)
        center = (float(point.x), float(point.y))
        wall = _host(walls, center)
        if segment_distance(center, wall.start, wall.end) > 1.0:
            raise ValueError(f"no wall for the opening of {' and '.join(spec.rooms)}")
        swing = spec.kind in ("door", "double_door")
        openings.append(
            Opening(
                id=f"o{first + len(openings) + 1}",
                wall_id=wall.id,
                kind=spec.kind,
                offset=round(along_wall(wall, center)),
                width=spec.width,
                height=spec.height,
                sill=spec.sill,
                hinge="start" if swing else None,
                swing="left" if swing else None,
            )
        )
    return openings


def _fixtures(level: LevelSpec, room: RoomSpec, floor: Sequence[XY], first: int) -> list[Fixture]:
    xs, ys = [p[0] for p in floor], [p[1] for p in floor]
    fixtures: list[Fixture] = []
    for spec in room.fixtures:
        position = (
            round(min(xs) + (max(xs) - min(xs)) * spec.at[0]),
            round(min(ys) + (max(ys) - min(ys)) * spec.at[1]),
        )
        assert polygon_of(floor).contains(ShapelyPoint(position)), (room.name, spec)
        fixtures.append(
            Fixture(
                id=f"f{first + len(fixtures) + 1}",
                level_id=level.id,
                category=spec.category,
                position=position,
                size=spec.size,
                rotation_deg=spec.rotation_deg,
                height=spec.height,
            )
        )
    return fixtures


def draft(
    levels: Sequence[LevelSpec],
    *,
    stairs: Sequence[StairSpec] = (),
    property_type: PropertyType = "detached",
    exterior_mm: int = 152,
    interior_mm: int = 114,
) -> FloorModel:
    """The true floor model of rooms drawn on wall centre lines."""
    walls: list[Wall] = []
    spaces: list[Space] = []
    openings: list[Opening] = []
    fixtures: list[Fixture] = []
    model_levels = []
    for level in levels:
        model_levels.append(
            Level(
                id=level.id,
                name=level.name,
                index=level.index,
                elevation=level.elevation,
                grade=level.grade,
                ceiling_height=level.ceiling_height,
            )
        )
        level_walls = _walls(level, exterior_mm, interior_mm, len(walls))
        walls.extend(level_walls)
        for room in level.rooms:
            floor = _floor(room, level_walls)
            spaces.append(
                Space(
                    id=f"s{len(spaces) + 1}",
                    level_id=level.id,
                    name=room.name,
                    type=room.type,
                    polygon=floor,
                    finished=room.finished,
                    heated=room.heated,
                )
            )
            fixtures.extend(_fixtures(level, room, floor, len(fixtures)))
        openings.extend(_openings(level, level_walls, len(openings)))
    model_stairs = [
        Stair(
            id=f"st{index + 1}",
            level_id=spec.level_id,
            from_level_id=spec.level_id,
            to_level_id=spec.to_level_id,
            footprint=[
                (spec.box[0], spec.box[1]),
                (spec.box[2], spec.box[1]),
                (spec.box[2], spec.box[3]),
                (spec.box[0], spec.box[3]),
            ],
            direction_deg=spec.direction_deg,
            treads=spec.treads,
        )
        for index, spec in enumerate(stairs)
    ]
    return FloorModel(
        property=PropertyInfo(property_type=property_type),
        levels=model_levels,
        walls=walls,
        openings=openings,
        spaces=spaces,
        stairs=model_stairs,
        fixtures=fixtures,
        source=Source(kind="generated"),
    )


def rectangle(x0: int, y0: int, x1: int, y1: int) -> tuple[XY, ...]:
    """A counter-clockwise rectangle outline."""
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
