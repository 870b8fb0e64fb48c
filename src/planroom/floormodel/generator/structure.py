"""A StructureBuilder `CapturedStructure`: rooms as captured plus the merged top level.

The top level holds one wall per physical wall (joined across rooms, keeping the identifier of one
of the room walls it came from), one hull floor per story that covers all rooms and the gaps
between them, and the doors, windows, objects and sections again with slightly different
numbers. A room may be missing from `rooms[]` while its walls, openings, objects and section stay
at the top level, as StructureBuilder sometimes leaves them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from shapely.geometry import box

from planroom.floormodel.generator.capture import FaceCapture, ObjectCapture, RoomCapture
from planroom.floormodel.generator.capture_json import (
    face_angle,
    floor_json,
    object_json,
    opening_json,
    room_json,
    room_point,
    section_json,
    wall_json,
)
from planroom.floormodel.generator.scan_frame import ScanWriter
from planroom.floormodel.geometry import along_wall, polygon_of, union, wall_point
from planroom.floormodel.schema import Level


def _merged_faces(writer: ScanWriter, rooms: Sequence[RoomCapture]) -> list[FaceCapture]:
    """One face per captured wall: along the first face seen, spanning all faces of that wall."""
    groups: dict[str, list[FaceCapture]] = {}
    for room in rooms:
        for face in room.faces:
            groups.setdefault(face.wall.id, []).append(face)
    merged = []
    for faces in groups.values():
        first = faces[0]
        wall = first.wall
        spans = [along_wall(wall, p) for face in faces for p in (face.start, face.end)]
        low = min(spans) + writer.rng.uniform(0.0, 30.0)
        high = max(spans) - writer.rng.uniform(0.0, 30.0)
        across = first.side * wall.thickness / 2.0
        start, end = wall_point(wall, low, across), wall_point(wall, high, across)
        if along_wall(wall, first.start) > along_wall(wall, first.end):
            start, end = end, start
        face = FaceCapture(
            wall, first.side, start, end, first.height + writer.jitter(20.0), first.ident
        )
        seen: set[str] = set()
        for other in faces:
            for opening in other.openings:
                if opening.truth_id in seen:
                    continue
                seen.add(opening.truth_id)
                along = along_wall(wall, opening.center) + writer.jitter(15.0)
                face.openings.append(
                    type(opening)(
                        opening.truth_id,
                        opening.kind,
                        wall_point(wall, along, across),
                        opening.width + writer.jitter(15.0),
                        opening.height + writer.jitter(5.0),
                        opening.sill,
                        opening.ident,
                    )
                )
        merged.append(face)
    return merged


def _hull(writer: ScanWriter, rooms: Sequence[RoomCapture]) -> list[tuple[float, float]]:
    """A rectilinear hull around all room floors: gaps included, with a notch at one corner."""
    rng = writer.rng
    floors = union(polygon_of(room.floor) for room in rooms)
    needed = 1.03 * sum(float(polygon_of(room.floor).area) for room in rooms)
    x0, y0, x1, y1 = (float(v) for v in floors.bounds)
    margins = [rng.uniform(100.0, 1200.0) for _ in range(4)]
    while (x1 - x0 + margins[0] + margins[2]) * (y1 - y0 + margins[1] + margins[3]) < needed:
        margins = [m + 250.0 for m in margins]
    outer = (x0 - margins[0], y0 - margins[1], x1 + margins[2], y1 + margins[3])
    shape = box(*outer)
    if rng.random() < 0.6:
        # A notch inside the bottom or top margin, so it never cuts a room.
        length = (outer[2] - outer[0]) * rng.uniform(0.15, 0.5)
        if rng.random() < 0.5:
            notch = box(outer[0], outer[1], outer[0] + length, y0 - 1.0)
        else:
            notch = box(outer[2] - length, y1 + 1.0, outer[2], outer[3])
        if notch.area > 0 and shape.difference(notch).area >= needed:
            shape = shape.difference(notch)
    return [(float(x), float(y)) for x, y in list(shape.exterior.coords)[:-1]]


def _moved(writer: ScanWriter, item: ObjectCapture) -> ObjectCapture:
    width, height, depth = item.size
    return ObjectCapture(
        item.category,
        (item.center[0] + writer.jitter(12.0), item.center[1] + writer.jitter(12.0)),
        (width + writer.jitter(15.0), height + writer.jitter(10.0), depth + writer.jitter(15.0)),
        item.angle + math.radians(writer.jitter(0.5)),
        item.ident,
        item.attributes,
        item.base_mm,
    )


def structure_json(
    writer: ScanWriter, rooms: Sequence[RoomCapture], left_out: frozenset[str] = frozenset()
) -> dict[str, object]:
    """The structure of `rooms`; those whose space id is in `left_out` are not in `rooms[]`."""
    levels: dict[int, Level] = {room.level.index: room.level for room in rooms}
    top: dict[str, list[object]] = {
        key: []
        for key in ("walls", "doors", "windows", "openings", "floors", "objects", "sections")
    }
    rooms_json = [room_json(writer, room) for room in rooms if room.space.id not in left_out]
    for story in sorted(levels):
        level = levels[story]
        floor_y = writer.floor_y(level)
        on_story = [room for room in rooms if room.level.index == story]
        for face in _merged_faces(writer, on_story):
            top["walls"].append(wall_json(writer, face, floor_y, story))
            for opening in face.openings:
                item = opening_json(writer, opening, face_angle(face), floor_y, story, face.ident)
                top[opening.kind + "s"].append(item)
        top["floors"].append(floor_json(writer, _hull(writer, on_story), floor_y, story))
        for room in on_story:
            for found in room.objects:
                top["objects"].append(object_json(writer, _moved(writer, found), floor_y, story))
            point = room_point(room)
            moved = (point[0] + writer.jitter(40.0), point[1] + writer.jitter(40.0))
            height = writer.rng.uniform(250.0, 500.0)
            top["sections"].append(section_json(writer, room.label, moved, height, story))
    result: dict[str, object] = dict(top)
    result["rooms"] = rooms_json
    result["version"] = 2
    return result
