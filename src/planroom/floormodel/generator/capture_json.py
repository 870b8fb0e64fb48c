"""Writing a `RoomCapture` as the JSON an iPhone exports: iOS 17 `CapturedRoom`, or iOS 16's."""

from __future__ import annotations

import math

import numpy as np

from planroom.floormodel.generator.capture import (
    FaceCapture,
    ObjectCapture,
    OpeningCapture,
    RoomCapture,
    XYf,
)
from planroom.floormodel.generator.scan_frame import ScanWriter
from planroom.floormodel.generator.wire import (
    completed_edges,
    confidence,
    core_model,
    f32_list,
    transform,
)
from planroom.floormodel.geometry import polygon_of

IOS16_DROPPED = ("parentIdentifier", "polygonCorners", "story")
TINY_Z = (0, 0, 1.1920929e-07, -5.9604645e-08)
"""Floor corners sit on their plane up to float32 rounding."""


def _surface(
    writer: ScanWriter,
    category: dict[str, object],
    matrix: np.ndarray,
    dims: list[float],
    story: int,
    ident: str,
    parent: str | None = None,
    corners: list[list[float]] | None = None,
    ios16: bool = False,
) -> dict[str, object]:
    rng = writer.rng
    item: dict[str, object] = {
        "category": category,
        "completedEdges": completed_edges(rng),
        "confidence": confidence(rng, 0.9 if "wall" in category or "floor" in category else 0.7),
        "curve": None,
        "dimensions": f32_list(dims),
        "identifier": ident,
        "parentIdentifier": parent,
        "polygonCorners": [f32_list(c) for c in corners] if corners else [],
        "story": story,
        "transform": transform(matrix, rng),
    }
    if ios16:
        for key in IOS16_DROPPED:
            item.pop(key)
    return item


def face_angle(face: FaceCapture) -> float:
    return math.atan2(face.end[1] - face.start[1], face.end[0] - face.start[0])


def wall_json(
    writer: ScanWriter, face: FaceCapture, floor_y: float, story: int, ios16: bool = False
) -> dict[str, object]:
    noise = writer.noise
    angle = face_angle(face) + math.radians(writer.jitter(noise.angle_deg))
    length = math.dist(face.start, face.end)
    normal = (-math.sin(angle), math.cos(angle))
    push = writer.jitter(noise.position_mm)
    mid = (
        (face.start[0] + face.end[0]) / 2.0 + normal[0] * push,
        (face.start[1] + face.end[1]) / 2.0 + normal[1] * push,
    )
    height = face.height + writer.jitter(12.0)
    matrix = writer.frame(mid, floor_y + height / 2.0, angle)
    dims = [length / 1000.0, height / 1000.0, 0.0]
    return _surface(writer, {"wall": {}}, matrix, dims, story, face.ident, ios16=ios16)


def opening_json(
    writer: ScanWriter,
    opening: OpeningCapture,
    angle: float,
    floor_y: float,
    story: int,
    parent: str,
    ios16: bool = False,
) -> dict[str, object]:
    matrix = writer.frame(opening.center, floor_y + opening.sill + opening.height / 2.0, angle)
    dims = [opening.width / 1000.0, opening.height / 1000.0, 0.0]
    category: dict[str, object] = {opening.kind: {}}
    if opening.kind == "door":
        category = {"door": {"isOpen": writer.rng.random() < 0.15}}
    return _surface(writer, category, matrix, dims, story, opening.ident, parent, ios16=ios16)


def floor_frame(writer: ScanWriter, center: XYf, floor_y: float, theta: float) -> np.ndarray:
    """A floor's frame: local x and y lie in the floor (y 90° left of x), local z is world up."""
    angle = theta + writer.turn
    matrix = np.eye(4)
    matrix[:3, 0] = [math.cos(angle), 0.0, -math.sin(angle)]
    matrix[:3, 1] = [-math.sin(angle), 0.0, -math.cos(angle)]
    matrix[:3, 2] = [0.0, 1.0, 0.0]
    matrix[:3, 3] = writer.world(center, floor_y)
    return matrix


def floor_json(
    writer: ScanWriter,
    polygon: list[XYf],
    floor_y: float,
    story: int,
    scale: tuple[float, float] = (1.0, 1.0),
    ident: str | None = None,
) -> dict[str, object]:
    """A floor as iOS 17 writes it: corners clockwise in the floor's own plane, in metres.

    `scale` stretches `dimensions` beyond the outline's extent, as real captures do.
    """
    rng = writer.rng
    theta = math.radians(rng.choice((0.0, 90.0, 180.0, 270.0)) + writer.jitter(0.3))
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    center = ((min(xs) + max(xs)) / 2.0, (min(ys) + max(ys)) / 2.0)
    cos_t, sin_t = math.cos(theta), math.sin(theta)
    local = [
        (
            (x - center[0]) * cos_t + (y - center[1]) * sin_t,
            -(x - center[0]) * sin_t + (y - center[1]) * cos_t,
        )
        for x, y in polygon
    ]
    local.reverse()
    start = rng.randrange(len(local))
    local = local[start:] + local[:start]
    corners = [[u / 1000.0, v / 1000.0, float(rng.choice(TINY_Z))] for u, v in local]
    extent_u = max(u for u, _ in local) - min(u for u, _ in local)
    extent_v = max(v for _, v in local) - min(v for _, v in local)
    dims = [extent_u * scale[0] / 1000.0, extent_v * scale[1] / 1000.0, 0.0]
    matrix = floor_frame(writer, center, floor_y, theta)
    return _surface(
        writer, {"floor": {}}, matrix, dims, story, ident or writer.uid(), corners=corners
    )


def object_json(
    writer: ScanWriter, item: ObjectCapture, floor_y: float, story: int, ios16: bool = False
) -> dict[str, object]:
    width, height, depth = item.size
    matrix = writer.frame(item.center, floor_y + item.base_mm + height / 2.0, item.angle)
    result: dict[str, object] = {
        "attributes": item.attributes,
        "category": {item.category: {}},
        "confidence": confidence(writer.rng, 0.6),
        "dimensions": f32_list([width / 1000.0, height / 1000.0, depth / 1000.0]),
        "identifier": item.ident,
        "parentIdentifier": None,
        "story": story,
        "transform": transform(matrix, writer.rng),
    }
    if ios16:
        for key in ("attributes", "parentIdentifier", "story"):
            result.pop(key)
    return result


def section_json(
    writer: ScanWriter, label: str, point: XYf, height_mm: float, story: int
) -> dict[str, object]:
    return {
        "center": f32_list(list(writer.world(point, height_mm))),
        "label": label,
        "story": story,
    }


def room_point(room: RoomCapture) -> XYf:
    point = polygon_of(room.space.polygon).representative_point()
    return (float(point.x), float(point.y))


def room_json(writer: ScanWriter, room: RoomCapture, ios16: bool = False) -> dict[str, object]:
    """One `CapturedRoom` (iOS 17, or iOS 16 without floors, sections and stories)."""
    story = room.level.index
    floor_y = writer.floor_y(room.level)
    walls: list[dict[str, object]] = []
    doors: list[dict[str, object]] = []
    windows: list[dict[str, object]] = []
    openings: list[dict[str, object]] = []
    for face in room.faces:
        walls.append(wall_json(writer, face, floor_y, story, ios16))
        angle = face_angle(face)
        for opening in face.openings:
            item = opening_json(writer, opening, angle, floor_y, story, face.ident, ios16)
            {"door": doors, "window": windows, "opening": openings}[opening.kind].append(item)
    result: dict[str, object] = {
        "coreModel": core_model(writer.rng),
        "doors": doors,
        "objects": [object_json(writer, o, floor_y, story, ios16) for o in room.objects],
        "openings": openings,
        "version": 2,
        "walls": walls,
        "windows": windows,
    }
    if not ios16:
        result["floors"] = [floor_json(writer, room.floor, floor_y, story, room.floor_scale)]
        result["sections"] = [section_json(writer, room.label, room_point(room), 0.0, story)]
        result["story"] = story
    return result
