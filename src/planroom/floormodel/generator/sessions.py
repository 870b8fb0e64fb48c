"""How a capture session goes: which rooms come first, which walls are left out or cut short.

- One after another: a later room leaves out most walls an earlier room already saw, a wall or
  two on the outside may never be swept, wall ends miss their corners by centimetres, and a floor
  reaches through a doorway into the next room.
- StructureBuilder rooms: each room keeps its own faces (both faces of a shared wall appear),
  with the same open sides, misses and overlapping floors.
- iOS 16: one room whose capture may stop early: the last wall missing, a wall cut short.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import Point as ShapelyPoint

from planroom.floormodel.generator.capture import (
    RoomCapture,
    capture_room,
    cut_short,
    other_side,
    overshoot,
    reach_through,
)
from planroom.floormodel.generator.scan_frame import ScanWriter
from planroom.floormodel.geometry import polygon_of, wall_point
from planroom.floormodel.schema import FloorModel, Space


@dataclass(frozen=True)
class Session:
    drop_seen: float
    """Chance that a later room leaves out a wall face an earlier room already captured."""
    open_sides: bool = True
    overlaps: bool = True
    keep_all: frozenset[str] = frozenset()
    """Space ids whose every face is swept (a room StructureBuilder will leave out)."""


def door_pairs(model: FloorModel) -> list[tuple[str, str, str]]:
    """(opening id, space id, space id) for every door or opening between two rooms."""
    walls = {wall.id: wall for wall in model.walls}
    pairs = []
    for opening in model.openings:
        if opening.kind == "window":
            continue
        wall = walls[opening.wall_id]
        sides = []
        for sign in (1.0, -1.0):
            probe = ShapelyPoint(
                wall_point(wall, opening.offset, sign * (wall.thickness / 2 + 150))
            )
            sides.append(
                next(
                    (
                        s.id
                        for s in model.spaces_on(wall.level_id)
                        if polygon_of(s.polygon).contains(probe)
                    ),
                    None,
                )
            )
        if sides[0] is not None and sides[1] is not None:
            pairs.append((opening.id, sides[0], sides[1]))
    return pairs


def capture_order(writer: ScanWriter, model: FloorModel) -> list[Space]:
    """Rooms in the order a person walks through the doors, starting at the entry, per story."""
    pairs = door_pairs(model)
    order: list[Space] = []
    for level in model.levels_in_order():
        spaces = model.spaces_on(level.id)
        ids = {space.id for space in spaces}
        start = next((s for s in spaces if s.type in ("hall", "living")), spaces[0])
        seen, queue = [start.id], [start.id]
        while queue:
            current = queue.pop(0)
            near = [b if a == current else a for _, a, b in pairs if current in (a, b)]
            writer.rng.shuffle(near)
            for other in near:
                if other in ids and other not in seen:
                    seen.append(other)
                    queue.append(other)
        seen += [s.id for s in spaces if s.id not in seen]
        order += [next(s for s in spaces if s.id == ident) for ident in seen]
    return order


def _trim_walls(
    writer: ScanWriter, model: FloorModel, room: RoomCapture, captured: set[str], session: Session
) -> None:
    rng = writer.rng
    if room.space.id in session.keep_all:
        return
    kept, dropped = [], []
    for face in room.faces:
        seen = face.wall.kind == "interior" and other_side(model, face, captured) >= 0.8
        if seen and rng.random() < session.drop_seen:
            dropped.append(face)
        else:
            kept.append(face)
    while len(kept) < min(2, len(room.faces)) and dropped:
        kept.append(dropped.pop(rng.randrange(len(dropped))))
    if session.open_sides:
        unswept = rng.choices((0, 1, 2), weights=(0.5, 0.35, 0.15))[0]
        outside = [
            f
            for f in kept
            if f.wall.kind == "exterior" and not any(o.kind == "door" for o in f.openings)
        ]
        rng.shuffle(outside)
        for face in outside[:unswept]:
            if len(kept) > 2:
                kept.remove(face)
    order = {id(face): index for index, face in enumerate(room.faces)}
    room.faces = sorted(kept, key=lambda face: order[id(face)])


def capture_session(
    writer: ScanWriter, model: FloorModel, spaces: Sequence[Space], session: Session
) -> list[RoomCapture]:
    rooms: list[RoomCapture] = []
    captured: set[str] = set()
    for space in spaces:
        room = capture_room(writer, model, space)
        _trim_walls(writer, model, room, captured, session)
        for face in room.faces:
            overshoot(writer, face)
        rooms.append(room)
        captured.add(space.id)
    if session.overlaps:
        # A room StructureBuilder leaves out keeps its floor to itself: nothing else covers it.
        _overlap(writer, model, [r for r in rooms if r.space.id not in session.keep_all])
    return rooms


def _overlap(writer: ScanWriter, model: FloorModel, rooms: list[RoomCapture]) -> None:
    """Most sessions: one floor (now and then two) reaches through a doorway into the next room."""
    rng = writer.rng
    wanted = 0 if rng.random() < 0.12 else (2 if rng.random() < 0.25 else 1)
    by_id = {room.space.id: room for room in rooms}
    pairs = [p for p in door_pairs(model) if p[1] in by_id and p[2] in by_id]
    rng.shuffle(pairs)
    done: set[str] = set()
    for opening_id, a, b in pairs:
        if wanted == 0:
            break
        source, target = (a, b) if rng.random() < 0.5 else (b, a)
        if source in done or target in done:
            continue
        if by_id[target].space.id in done or by_id[source].overlap_mm2 > 0:
            continue
        if reach_through(writer, model, by_id[source], by_id[target].space, opening_id):
            done.update((source, target))
            wanted -= 1


def capture_ios16(writer: ScanWriter, model: FloorModel, space: Space) -> RoomCapture:
    """An iOS 16 room: faces in the order swept; the capture may stop early."""
    rng = writer.rng
    room = capture_room(writer, model, space, unidentified=1.0)
    start = rng.randrange(len(room.faces))
    room.faces = room.faces[start:] + room.faces[:start]
    for face in room.faces:
        overshoot(writer, face, 30.0)
    roll = rng.random()
    missing = roll < 0.55 and len(room.faces) >= 4
    cut = 0.3 <= roll < 0.8
    if missing:
        room.faces.pop()
    if cut:
        face = room.faces[-1] if missing else rng.choice(room.faces)
        cut_short(face, at_end=missing or rng.random() < 0.5, cut_mm=rng.uniform(300.0, 1500.0))
    return room
