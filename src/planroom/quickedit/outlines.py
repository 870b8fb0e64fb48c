"""Rooms that follow their walls: after a drafter changes walls, rooms take the outline the walls
give them.

The walls of a level cut the plane into faces (their centre lines, noded and polygonized, each
carried a little past its ends so walls that stop a few centimetres short still meet). A room is
*closed* when the face around it holds no other room: its outline is then that face without the
wall footprints, to the inside faces of its walls. A room near a changed wall that becomes closed
takes that outline; a room whose walls are still open keeps the outline it has (the floor the
scan measured). When a new wall splits a room, the part on the other side becomes a room of its
own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from shapely import LineString, Point, polygonize, unary_union
from shapely.geometry import Polygon
from shapely.geometry.polygon import orient

from planroom.floormodel.geometry import polygon_of, polygons_of, wall_footprint
from planroom.floormodel.schema import FloorModel, Space, Wall

REACH_MM = 60.0
"""How far past its ends a wall is carried to meet the walls it stops short of."""
NEAR_CHANGE_MM = 600.0
"""A room this close to a changed wall may take a new outline."""
MIN_ROOM_SQ_MM = 1.0e6
SIMPLIFY_MM = 5.0


def _line(wall: Wall) -> LineString:
    (x0, y0), (x1, y1) = wall.start, wall.end
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    reach = REACH_MM + wall.thickness / 2.0
    return LineString([(x0 - ux * reach, y0 - uy * reach), (x1 + ux * reach, y1 + uy * reach)])


@dataclass(frozen=True)
class LevelFaces:
    faces: list[Polygon]
    walls: object
    """The union of the level's wall footprints (a shapely geometry)."""

    def face_at(self, point: Point) -> int | None:
        for index, face in enumerate(self.faces):
            if face.contains(point):
                return index
        return None

    def room_region(self, index: int) -> Polygon | None:
        """The face without the wall footprints: its largest piece, holes left out."""
        pieces = polygons_of(self.faces[index].difference(self.walls))
        if not pieces:
            return None
        largest = max(pieces, key=lambda piece: piece.area)
        if largest.area < MIN_ROOM_SQ_MM:
            return None
        return Polygon(largest.exterior)


def level_faces(walls: Sequence[Wall]) -> LevelFaces:
    if not walls:
        return LevelFaces(faces=[], walls=Polygon())
    noded = unary_union([_line(wall) for wall in walls])
    faces = [face for face in polygonize([noded]).geoms if isinstance(face, Polygon)]
    footprints = unary_union([wall_footprint(wall) for wall in walls])
    return LevelFaces(faces=faces, walls=footprints)


def _anchor(space: Space) -> Point:
    return polygon_of(space.polygon).representative_point()


def _points(region: Polygon) -> list[tuple[int, int]]:
    ring = orient(region.simplify(SIMPLIFY_MM), 1.0).exterior.coords[:-1]
    points: list[tuple[int, int]] = []
    for x, y in ring:
        point = (round(x), round(y))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def closed_rooms(model: FloorModel) -> set[str]:
    """Ids of the rooms whose walls close around them (the face holds no other room)."""
    closed: set[str] = set()
    for level in model.levels:
        faces = level_faces(model.walls_on(level.id))
        spaces = model.spaces_on(level.id)
        holders: dict[int, list[str]] = {}
        for space in spaces:
            index = faces.face_at(_anchor(space))
            if index is not None:
                holders.setdefault(index, []).append(space.id)
        closed.update(ids[0] for ids in holders.values() if len(ids) == 1)
    return closed


def _near(space: Space, segments: Sequence[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    shape = polygon_of(space.polygon)
    return any(shape.distance(LineString([a, b])) <= NEAR_CHANGE_MM for a, b in segments)


def follow_walls(
    model: FloorModel,
    changed: Sequence[tuple[str, tuple[int, int], tuple[int, int]]],
    new_id: str = "qe-r",
) -> tuple[FloorModel, list[str]]:
    """Re-outline the rooms near `changed` walls (level, start, end) that the walls close."""
    said: list[str] = []
    spaces = list(model.spaces)
    for level_id in sorted({level for level, _, _ in changed}):
        segments = [(a, b) for level, a, b in changed if level == level_id]
        faces = level_faces(model.walls_on(level_id))
        on_level = [space for space in spaces if space.level_id == level_id]
        holders: dict[int, list[str]] = {}
        for space in on_level:
            index = faces.face_at(_anchor(space))
            if index is not None:
                holders.setdefault(index, []).append(space.id)
        for position, space in enumerate(spaces):
            if space.level_id != level_id or not _near(space, segments):
                continue
            index = faces.face_at(_anchor(space))
            if index is None or holders.get(index) != [space.id]:
                continue
            region = faces.room_region(index)
            if region is None:
                continue
            points = _points(region)
            if len(points) < 3 or points == list(space.polygon):
                continue
            old = polygon_of(space.polygon)
            spaces[position] = space.model_copy(update={"polygon": points})
            said.append(
                f'Room "{space.name}" follows its walls: {old.area / 1e6:.2f} m² → '
                f"{region.area / 1e6:.2f} m²"
            )
            for other in range(len(faces.faces)):
                if other in holders or other == index:
                    continue
                leftover = faces.room_region(other)
                if leftover is None or leftover.intersection(old).area < MIN_ROOM_SQ_MM:
                    continue
                taken = {item.id for item in spaces}
                number = 1
                while f"{new_id}{number}" in taken:
                    number += 1
                split = Space(
                    id=f"{new_id}{number}",
                    level_id=level_id,
                    name="Room",
                    type="other",
                    polygon=_points(leftover),
                    finished=space.finished,
                    heated=space.heated,
                    ceiling_height=space.ceiling_height,
                )
                spaces.append(split)
                holders[other] = [split.id]
                said.append(
                    f'Room "{space.name}" split by a wall: new room {split.id} of '
                    f"{leftover.area / 1e6:.2f} m²"
                )
    if not said:
        return model, []
    return model.model_copy(update={"spaces": spaces}), said
