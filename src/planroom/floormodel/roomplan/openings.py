"""Doors, windows and openings placed on the walls that host them, with a chosen swing.

RoomPlan names each opening's host wall (`parentIdentifier`), seen from one room; a door between
two scanned rooms is therefore reported twice, once from each side, and is merged here. Doors carry
no swing: they open into the room on the side with more free floor, hinged at the end nearer a
wall corner.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shapely.geometry import Point

from planroom.floormodel.classification import OUTDOOR_TYPES
from planroom.floormodel.geometry import (
    Region,
    across_wall,
    along_wall,
    area_of,
    polygon_of,
    segment_distance,
    wall_length,
    wall_point,
)
from planroom.floormodel.roomplan.swings import (
    CLEAR_SQ_MM,
    clear_swing,
    swept_obstacle_area,
    swing_obstacles,
)
from planroom.floormodel.schema import Fixture, Opening, OpeningKind, Space, Stair, Wall

MAX_HOST_DISTANCE_MM = 400.0
SIDE_PROBE_MM = 300.0
WIDE_DOOR_MM = 1400.0
GARAGE_DOOR_MM = 2100.0
SWINGING = frozenset({"door", "double_door"})


@dataclass(frozen=True)
class PlacedOpening:
    wall_id: str
    kind: OpeningKind
    offset: float
    width: float
    height: float
    sill: float
    label: str


def opening_kind(kind: str, width: float, wall: Wall) -> OpeningKind:
    if kind == "window":
        return "window"
    if kind == "opening":
        return "opening"
    if width >= GARAGE_DOOR_MM and wall.kind == "exterior":
        return "garage_door"
    if width >= WIDE_DOOR_MM:
        return "sliding_door" if wall.kind == "exterior" else "double_door"
    return "door"


def host_wall(center: tuple[float, float], candidates: Sequence[Wall]) -> tuple[Wall, float] | None:
    """The wall nearest to an opening's centre, and that distance."""
    best: tuple[Wall, float] | None = None
    for wall in candidates:
        distance = segment_distance(center, wall.start, wall.end)
        if best is None or distance < best[1]:
            best = (wall, distance)
    if best is None or best[1] > best[0].thickness / 2.0 + MAX_HOST_DISTANCE_MM:
        return None
    return best


def place(
    wall: Wall,
    kind: str,
    center: tuple[float, float],
    width: float,
    height: float,
    sill: float,
    label: str,
) -> PlacedOpening:
    length = wall_length(wall)
    width = min(width, length)
    offset = min(max(along_wall(wall, center), width / 2.0), length - width / 2.0)
    return PlacedOpening(
        wall.id, opening_kind(kind, width, wall), offset, width, height, max(0.0, sill), label
    )


def merge_duplicates(placed: Sequence[PlacedOpening]) -> list[PlacedOpening]:
    """One opening for the two sightings of a door from the rooms on either side of it."""
    merged: list[PlacedOpening] = []
    for item in sorted(placed, key=lambda item: (item.wall_id, item.offset)):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.wall_id == item.wall_id
            and (previous.kind == "window") == (item.kind == "window")
            and abs(previous.offset - item.offset) < (previous.width + item.width) / 4.0
        ):
            merged[-1] = PlacedOpening(
                wall_id=item.wall_id,
                kind=previous.kind if previous.width >= item.width else item.kind,
                offset=(previous.offset + item.offset) / 2.0,
                width=(previous.width + item.width) / 2.0,
                height=max(previous.height, item.height),
                sill=min(previous.sill, item.sill),
                label=previous.label,
            )
        else:
            merged.append(item)
    return merged


def _space_at(point: tuple[float, float], shapes: Mapping[str, Region]) -> str | None:
    probe = Point(point)
    for space_id, shape in shapes.items():
        if shape.contains(probe):
            return space_id
    return None


def free_floor(space: Space, fixtures: Sequence[Fixture]) -> float:
    shape = polygon_of(space.polygon)
    taken = sum(
        fixture.size[0] * fixture.size[1]
        for fixture in fixtures
        if fixture.level_id == space.level_id and shape.contains(Point(fixture.position))
    )
    return area_of(shape) - taken


def junctions(wall: Wall, walls: Sequence[Wall]) -> list[float]:
    """Positions along `wall` where it ends or another wall meets it."""
    positions = [0.0, wall_length(wall)]
    for other in walls:
        if other.id == wall.id:
            continue
        for end in (other.start, other.end):
            if abs(across_wall(wall, end)) <= wall.thickness / 2.0 + other.thickness + 30:
                along = along_wall(wall, end)
                if 0.0 <= along <= wall_length(wall):
                    positions.append(along)
    return positions


def swing(
    opening: Opening,
    wall: Wall,
    walls: Sequence[Wall],
    spaces: Sequence[Space],
    fixtures: Sequence[Fixture],
    stairs: Sequence[Stair] = (),
) -> Opening:
    """Give a door a hinge side and the side it opens into (see `swings`)."""
    if opening.kind not in SWINGING:
        return opening
    shapes = {space.id: polygon_of(space.polygon) for space in spaces}
    reach = wall.thickness / 2.0 + SIDE_PROBE_MM
    left = _space_at(wall_point(wall, opening.offset, reach), shapes)
    right = _space_at(wall_point(wall, opening.offset, -reach), shapes)
    by_id = {space.id: space for space in spaces}
    left_free = free_floor(by_id[left], fixtures) if left else -math.inf
    right_free = free_floor(by_id[right], fixtures) if right else -math.inf
    side = "left" if left_free >= right_free else "right"
    near_start = opening.offset - opening.width / 2.0
    near_end = opening.offset + opening.width / 2.0
    corners = junctions(wall, walls)
    to_start = min((near_start - at for at in corners if at <= near_start + 1), default=math.inf)
    to_end = min((at - near_end for at in corners if at >= near_end - 1), default=math.inf)
    hinge = "start" if to_start <= to_end else "end"
    # A door opens into a room; out of the building only where every way in sweeps a stair
    # (an entry door over a stairwell opens outward, as building codes have it).
    rooms = [
        name
        for name, room in (("left", left), ("right", right))
        if room is not None and by_id[room].type not in OUTDOOR_TYPES
    ]
    obstacles = swing_obstacles(wall.level_id, stairs, fixtures)
    side, hinge = clear_swing(opening, wall, (side, hinge), rooms or [side], obstacles)
    outside = [name for name in ("left", "right") if name not in rooms]
    if outside and rooms:
        stairwells = swing_obstacles(wall.level_id, stairs, ())
        if swept_obstacle_area(opening, wall, side, hinge, stairwells) >= CLEAR_SQ_MM:
            side, hinge = clear_swing(opening, wall, (outside[0], hinge), outside, obstacles)
    return opening.model_copy(update={"swing": side, "hinge": hinge})
