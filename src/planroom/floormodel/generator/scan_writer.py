"""Scanning a true floor model the way RoomPlan reports it.

Each room becomes a `CapturedRoom`: one wall surface per wall face around its floor (no
thickness), doors and windows on those faces, its floor polygon, the objects inside it and a
section label. Faces are disturbed by a few centimetres and degrees, and the whole scan is turned
and moved by a random amount, as a phone scan would be.
"""

from __future__ import annotations

import math
import random
from typing import Literal

import numpy as np

from planroom.floormodel.generator.layout import Arc, Scene
from planroom.floormodel.generator.scan_frame import Noise, ScanWriter, rounded
from planroom.floormodel.generator.scan_parts import floor_surface, object_surfaces
from planroom.floormodel.geometry import (
    across_wall,
    along_wall,
    polygon_of,
    segment_distance,
    wall_length,
    wall_point,
)
from planroom.floormodel.schema import FloorModel, Level, Space, Wall

ScanForm = Literal["room", "rooms", "structure"]

SECTION_LABELS = {
    "living": "livingRoom",
    "kitchen": "kitchen",
    "dining": "diningRoom",
    "bedroom": "bedroom",
    "bathroom": "bathroom",
    "half_bath": "bathroom",
}


def _faces_of(
    space: Space, walls: list[Wall]
) -> list[tuple[tuple[int, int], tuple[int, int], Wall]]:
    """The space's outline edges that lie on a wall face, with that wall."""
    points = space.polygon
    faces = []
    for index in range(len(points)):
        start, end = points[index], points[(index + 1) % len(points)]
        mid = ((start[0] + end[0]) / 2.0, (start[1] + end[1]) / 2.0)
        for wall in walls:
            if abs(abs(across_wall(wall, mid)) - wall.thickness / 2.0) > 3.0:
                continue
            along = along_wall(wall, mid)
            if -wall.thickness <= along <= wall_length(wall) + wall.thickness and (
                segment_distance(mid, wall.start, wall.end) <= wall.thickness / 2.0 + 3.0
            ):
                direction = (end[0] - start[0], end[1] - start[1])
                wall_dir = (wall.end[0] - wall.start[0], wall.end[1] - wall.start[1])
                cross = direction[0] * wall_dir[1] - direction[1] * wall_dir[0]
                if abs(cross) <= 0.02 * math.hypot(*direction) * math.hypot(*wall_dir):
                    faces.append((start, end, wall))
                    break
    return faces


def _on_arc(point: tuple[int, int], arc: Arc, wall: Wall) -> bool:
    inner = arc.radius - wall.thickness / 2.0
    return abs(math.dist(point, arc.center) - inner) < 3.0


def _room(writer: ScanWriter, level: Level, space: Space) -> dict[str, object]:
    model = writer.model
    walls = model.walls_on(level.id)
    floor = writer.floor_y(level)
    ceiling = space.ceiling_height or level.ceiling_height
    arcs = [arc for arc in writer.scene.arcs if arc.level_id == level.id]
    room: dict[str, object] = {"identifier": writer.uid(), "story": level.index, "version": 2}
    wall_items: list[dict[str, object]] = []
    door_items: list[dict[str, object]] = []
    window_items: list[dict[str, object]] = []
    opening_items: list[dict[str, object]] = []
    faces = _faces_of(space, walls)
    curved = [
        face
        for face in faces
        if any(_on_arc(face[0], a, face[2]) and _on_arc(face[1], a, face[2]) for a in arcs)
    ]
    for start, end, wall in faces:
        if (start, end, wall) in curved:
            continue
        item, parent_frame = _wall_face(writer, start, end, floor, ceiling, level.index)
        wall_items.append(item)
        for opening in model.openings_on(wall.id):
            placed = _opening_on_face(
                writer,
                opening,
                wall,
                start,
                end,
                floor,
                level.index,
                item["identifier"],
                parent_frame,
            )
            if placed is None:
                continue
            kind, data = placed
            {"door": door_items, "window": window_items, "opening": opening_items}[kind].append(
                data
            )
    for arc in arcs:
        arc_faces = [face for face in curved if _on_arc(face[0], arc, face[2])]
        if arc_faces:
            wall_items.append(_curved_face(writer, arc, arc_faces, floor, ceiling, level.index))
    room["walls"] = wall_items
    room["doors"] = door_items
    room["windows"] = window_items
    room["openings"] = opening_items
    room["floors"] = [floor_surface(writer, space, floor, level.index)]
    room["objects"] = object_surfaces(writer, level, space, floor)
    label = SECTION_LABELS.get(space.type, "unidentified")
    centroid = polygon_of(space.polygon).representative_point()
    room["sections"] = [
        {
            "label": label,
            "center": [
                rounded(v) for v in writer.world((float(centroid.x), float(centroid.y)), floor)
            ],
            "story": level.index,
        }
    ]
    return room


def _wall_face(
    writer: ScanWriter,
    start: tuple[int, int],
    end: tuple[int, int],
    floor: float,
    height: float,
    story: int,
) -> tuple[dict[str, object], np.ndarray]:
    noise = writer.noise
    angle = math.atan2(end[1] - start[1], end[0] - start[0]) + math.radians(
        writer.jitter(noise.angle_deg)
    )
    length = math.dist(start, end) + writer.jitter(noise.corner_mm)
    normal = (-math.sin(angle), math.cos(angle))
    push = writer.jitter(noise.position_mm)
    mid = (
        (start[0] + end[0]) / 2.0 + normal[0] * push,
        (start[1] + end[1]) / 2.0 + normal[1] * push,
    )
    matrix = writer.frame(mid, floor + height / 2.0, angle)
    item = writer.surface({"wall": {}}, matrix, [length / 1000.0, height / 1000.0, 0.0], story)
    return item, matrix


def _opening_on_face(
    writer: ScanWriter,
    opening: object,
    wall: Wall,
    start: tuple[int, int],
    end: tuple[int, int],
    floor: float,
    story: int,
    parent: object,
    frame: np.ndarray,
) -> tuple[str, dict[str, object]] | None:
    from planroom.floormodel.schema import Opening

    assert isinstance(opening, Opening)
    side = across_wall(wall, ((start[0] + end[0]) / 2.0, (start[1] + end[1]) / 2.0))
    face_center = wall_point(wall, opening.offset, math.copysign(wall.thickness / 2.0, side))
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    along = ((face_center[0] - start[0]) * dx + (face_center[1] - start[1]) * dy) / length
    if along < 0 or along > length:
        return None
    shift = writer.jitter(writer.noise.opening_mm)
    point = (start[0] + dx / length * (along + shift), start[1] + dy / length * (along + shift))
    angle = math.atan2(dy, dx)
    matrix = writer.frame(point, floor + opening.sill + opening.height / 2.0, angle)
    dims = [
        (opening.width + writer.jitter(writer.noise.opening_mm)) / 1000.0,
        opening.height / 1000.0,
        0.0,
    ]
    if opening.kind == "window":
        return "window", writer.surface({"window": {}}, matrix, dims, story, str(parent))
    if opening.kind == "opening":
        return "opening", writer.surface({"opening": {}}, matrix, dims, story, str(parent))
    return "door", writer.surface({"door": {"isOpen": True}}, matrix, dims, story, str(parent))


def _curved_face(
    writer: ScanWriter,
    arc: Arc,
    faces: list[tuple[tuple[int, int], tuple[int, int], Wall]],
    floor: float,
    height: float,
    story: int,
) -> dict[str, object]:
    inner = arc.radius - faces[0][2].thickness / 2.0
    angles = sorted(
        math.atan2(point[1] - arc.center[1], point[0] - arc.center[0])
        for face in faces
        for point in face[:2]
    )
    first, last = angles[0], angles[-1]
    matrix = writer.frame(arc.center, floor + height / 2.0, 0.0)
    chord = 2 * inner * math.sin((last - first) / 2.0)
    # Local x runs along plan x and local z along plan -y, so a plan angle a is local angle -a.
    curve = {
        "startAngle": rounded(-first),
        "endAngle": rounded(-last),
        "radius": rounded(inner / 1000.0),
        "center": [0.0, 0.0],
    }
    return writer.surface(
        {"wall": {}}, matrix, [chord / 1000.0, height / 1000.0, 0.0], story, curve=curve
    )


def write_scan(
    scene: Scene,
    *,
    form: ScanForm = "structure",
    seed: int = 0,
    noise: Noise | None = None,
    turn_deg: float | None = None,
    shift_mm: tuple[float, float] | None = None,
) -> tuple[object, float]:
    """RoomPlan JSON for `scene`, and the turn (degrees) applied to the plan.

    The plan is turned by `turn_deg` and moved by `shift_mm` (random when not given).
    """
    rng = random.Random(seed)
    noise = Noise() if noise is None else noise
    turn = rng.uniform(0.0, 360.0) if turn_deg is None else turn_deg
    if shift_mm is None:
        shift = (rng.uniform(-4000.0, 4000.0), rng.uniform(-4000.0, 4000.0))
    else:
        shift = shift_mm
    writer = ScanWriter(scene, rng, noise, turn, shift)
    model: FloorModel = scene.model
    rooms = [
        _room(writer, level, space)
        for level in model.levels_in_order()
        for space in model.spaces_on(level.id)
    ]
    if form == "room":
        if len(rooms) != 1:
            raise ValueError("a single CapturedRoom holds one room; use 'rooms' or 'structure'")
        return rooms[0], turn
    if form == "rooms":
        return [_with_own_origin(room, rng) for room in rooms], turn
    structure: dict[str, object] = {"identifier": writer.uid(), "rooms": rooms}
    for key in ("walls", "doors", "windows", "openings", "floors", "objects", "sections"):
        merged: list[object] = []
        for room in rooms:
            value = room.get(key)
            if isinstance(value, list):
                merged.extend(value)
        structure[key] = merged
    return structure, turn


def _with_own_origin(room: dict[str, object], rng: random.Random) -> dict[str, object]:
    """Re-express a room in a frame of its own, with the `referenceOriginTransform` back."""
    angle = rng.uniform(-math.pi, math.pi)
    reference = np.eye(4)
    reference[0, 0], reference[0, 2] = math.cos(angle), math.sin(angle)
    reference[2, 0], reference[2, 2] = -math.sin(angle), math.cos(angle)
    reference[:3, 3] = [rng.uniform(-3, 3), 0.0, rng.uniform(-3, 3)]
    inverse = np.linalg.inv(reference)
    result = dict(room)
    for key in ("walls", "doors", "windows", "openings", "floors", "objects"):
        items = room.get(key)
        if not isinstance(items, list):
            continue
        moved = []
        for item in items:
            copy = dict(item)
            matrix = np.array(copy["transform"], dtype=float).reshape(4, 4).T
            copy["transform"] = [rounded(v) for v in (inverse @ matrix).T.flatten()]
            moved.append(copy)
        result[key] = moved
    sections = []
    for section in room.get("sections", []):  # type: ignore[attr-defined]
        copy = dict(section)
        center = inverse @ np.array([*copy["center"], 1.0])
        copy["center"] = [rounded(v) for v in center[:3]]
        sections.append(copy)
    result["sections"] = sections
    result["referenceOriginTransform"] = [rounded(v) for v in reference.T.flatten()]
    return result
