"""What a phone captures of each room, in plan millimetres, before it is written as JSON.

A `RoomCapture` holds the wall faces the user swept (each possibly overshooting or stopping short
of its corners), the openings on them, the floor outline RoomPlan measured (possibly reaching
through a doorway into the neighbour), the objects and a section label. The choices that make a
capture realistic (which faces are left out, which floor overlaps its neighbour) are made here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from shapely.geometry import Point as ShapelyPoint
from shapely.geometry import Polygon as ShapelyPolygon

from planroom.floormodel.generator.scan_frame import ScanWriter
from planroom.floormodel.generator.scan_parts import OBJECT_CATEGORIES, UNSCANNED_FIXTURES
from planroom.floormodel.generator.scan_writer import SECTION_LABELS, _faces_of
from planroom.floormodel.geometry import across_wall, along_wall, polygon_of, wall_point
from planroom.floormodel.schema import FloorModel, Level, Space, Wall

XYf = tuple[float, float]


@dataclass
class OpeningCapture:
    truth_id: str
    kind: str
    """"door", "window" or "opening"."""
    center: XYf
    width: float
    height: float
    sill: float
    ident: str


@dataclass
class FaceCapture:
    wall: Wall
    side: float
    """+1 or -1: the side of the wall's centre line this face is on."""
    start: XYf
    end: XYf
    height: float
    ident: str
    openings: list[OpeningCapture] = field(default_factory=list)
    seen_before: bool = False


@dataclass
class ObjectCapture:
    category: str
    center: XYf
    size: tuple[float, float, float]
    """Width (local x), height, depth (local z) in mm."""
    angle: float
    """Radians in the plan."""
    ident: str
    attributes: dict[str, str]
    base_mm: float = 0.0


@dataclass
class RoomCapture:
    space: Space
    level: Level
    faces: list[FaceCapture]
    floor: list[XYf]
    objects: list[ObjectCapture]
    label: str
    floor_scale: tuple[float, float] = (1.0, 1.0)
    overlap_mm2: float = 0.0


ATTRIBUTES: dict[str, list[dict[str, str]]] = {
    "storage": [{"StorageType": "cabinet"}, {"StorageType": "shelf"}, {}],
    "chair": [
        {"ChairType": "swivel", "ChairLegType": "star"},
        {"ChairType": "dining", "ChairLegType": "four", "ChairBackType": "existing"},
        {},
    ],
    "table": [
        {"TableShapeType": "rectangular", "TableType": "unidentified"},
        {"TableShapeType": "rectangular", "TableType": "dining"},
    ],
    "sofa": [{"SofaType": "rectangular"}, {"SofaType": "lShaped"}, {}],
}


def _faces(writer: ScanWriter, model: FloorModel, space: Space, level: Level) -> list[FaceCapture]:
    faces = []
    for start, end, wall in _faces_of(space, model.walls_on(level.id)):
        mid = ((start[0] + end[0]) / 2.0, (start[1] + end[1]) / 2.0)
        side = 1.0 if across_wall(wall, mid) > 0 else -1.0
        face = FaceCapture(
            wall,
            side,
            (float(start[0]), float(start[1])),
            (float(end[0]), float(end[1])),
            float(space.ceiling_height or level.ceiling_height),
            writer.uid(),
        )
        for opening in model.openings_on(wall.id):
            center = wall_point(wall, opening.offset, side * wall.thickness / 2.0)
            dx, dy = end[0] - start[0], end[1] - start[1]
            length = math.hypot(dx, dy)
            along = ((center[0] - start[0]) * dx + (center[1] - start[1]) * dy) / length
            if not 0 <= along <= length:
                continue
            kind = {"window": "window", "opening": "opening"}.get(opening.kind, "door")
            shift = writer.jitter(writer.noise.opening_mm)
            face.openings.append(
                OpeningCapture(
                    opening.id,
                    kind,
                    (center[0] + dx / length * shift, center[1] + dy / length * shift),
                    opening.width + writer.jitter(writer.noise.opening_mm),
                    float(opening.height) + writer.jitter(5.0),
                    float(opening.sill),
                    writer.uid(),
                )
            )
        faces.append(face)
    return faces


def _objects(
    writer: ScanWriter, model: FloorModel, space: Space, level: Level
) -> list[ObjectCapture]:
    shape = polygon_of(space.polygon)
    items = []
    for fixture in model.fixtures_on(level.id):
        if fixture.category in UNSCANNED_FIXTURES or not shape.contains(
            ShapelyPoint(fixture.position)
        ):
            continue
        category = OBJECT_CATEGORIES.get(fixture.category, fixture.category)
        options = ATTRIBUTES.get(category, [{}])
        width, depth = fixture.size
        items.append(
            ObjectCapture(
                category,
                (
                    fixture.position[0] + writer.jitter(15.0),
                    fixture.position[1] + writer.jitter(15.0),
                ),
                (
                    width + writer.jitter(20.0),
                    float(fixture.height or 900) + writer.jitter(10.0),
                    depth + writer.jitter(20.0),
                ),
                math.radians(fixture.rotation_deg + writer.jitter(1.5)),
                writer.uid(),
                dict(writer.rng.choice(options)),
            )
        )
    for stair in model.stairs_on(level.id):
        footprint = polygon_of(stair.footprint)
        if not shape.contains(footprint.centroid):
            continue
        xs, ys = [p[0] for p in stair.footprint], [p[1] for p in stair.footprint]
        extent = (max(xs) - min(xs), max(ys) - min(ys))
        direction = math.radians(stair.direction_deg)
        run, width = extent if abs(math.cos(direction)) > 0.5 else extent[::-1]
        rise = model.level(stair.to_level_id).elevation - level.elevation
        items.append(
            ObjectCapture(
                "stairs",
                (float(footprint.centroid.x), float(footprint.centroid.y)),
                (run + writer.jitter(20.0), float(rise), width + writer.jitter(20.0)),
                direction,
                writer.uid(),
                {},
            )
        )
    return items


def capture_room(
    writer: ScanWriter, model: FloorModel, space: Space, unidentified: float = 0.5
) -> RoomCapture:
    """Everything the phone sees of one room, with every wall face swept."""
    level = model.level(space.level_id)
    label = SECTION_LABELS.get(space.type, "unidentified")
    if writer.rng.random() < unidentified:
        label = "unidentified"
    corner = writer.noise.corner_mm
    floor = [(x + writer.jitter(corner), y + writer.jitter(corner)) for x, y in space.polygon]
    return RoomCapture(
        space,
        level,
        _faces(writer, model, space, level),
        floor,
        _objects(writer, model, space, level),
        label,
        (writer.rng.uniform(1.15, 1.9), writer.rng.uniform(1.15, 1.9)),
    )


def other_side(model: FloorModel, face: FaceCapture, captured: set[str]) -> float:
    """The share of a face whose other side is the floor of a room in `captured`."""
    wall = face.wall
    spaces = [
        (polygon_of(space.polygon), space.id)
        for space in model.spaces_on(wall.level_id)
        if space.id in captured
    ]
    hits, samples = 0, 12
    for index in range(samples):
        t = (index + 0.5) / samples
        point = (
            face.start[0] + (face.end[0] - face.start[0]) * t,
            face.start[1] + (face.end[1] - face.start[1]) * t,
        )
        probe = wall_point(wall, along_wall(wall, point), -face.side * (wall.thickness / 2 + 40))
        if any(shape.contains(ShapelyPoint(probe)) for shape, _ in spaces):
            hits += 1
    return hits / samples


def overshoot(writer: ScanWriter, face: FaceCapture, limit_mm: float = 50.0) -> None:
    """Move both ends of a face along it by up to `limit_mm`, out past or short of the corner."""
    (x0, y0), (x1, y1) = face.start, face.end
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    head = writer.rng.uniform(-limit_mm, limit_mm)
    tail = writer.rng.uniform(-limit_mm, limit_mm)
    face.start = (x0 - ux * head, y0 - uy * head)
    face.end = (x1 + ux * tail, y1 + uy * tail)


def cut_short(face: FaceCapture, at_end: bool, cut_mm: float) -> None:
    (x0, y0), (x1, y1) = face.start, face.end
    length = math.hypot(x1 - x0, y1 - y0)
    cut = min(cut_mm, 0.6 * length)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    if at_end:
        face.end = (x1 - ux * cut, y1 - uy * cut)
    else:
        face.start = (x0 + ux * cut, y0 + uy * cut)
    kept = []
    for opening in face.openings:
        along = (opening.center[0] - face.start[0]) * ux + (opening.center[1] - face.start[1]) * uy
        if opening.width / 2 <= along <= math.dist(face.start, face.end) - opening.width / 2:
            kept.append(opening)
    face.openings = kept


def reach_through(
    writer: ScanWriter, model: FloorModel, room: RoomCapture, into: Space, opening_id: str
) -> bool:
    """Extend `room`'s floor through a doorway into `into`, by 2-7 m² of `into`'s floor."""
    opening = next(o for o in model.openings if o.id == opening_id)
    wall = next(w for w in model.walls if w.id == opening.wall_id)
    target_shape = polygon_of(into.polygon)
    side = 1.0 if across_wall(wall, target_shape.representative_point().coords[0]) > 0 else -1.0
    half_t = wall.thickness / 2.0
    # Never most of the neighbour: the phone glimpses a room through a door, it does not scan it.
    most = min(7.0e6, 0.5 * float(target_shape.area))
    if most < 2.1e6:
        return False
    target = writer.rng.uniform(2.0e6, most)
    spread = writer.rng.uniform(1600.0, 3400.0)

    def region(depth: float) -> ShapelyPolygon:
        lo, hi = opening.offset - spread / 2, opening.offset + spread / 2
        corners = [
            wall_point(wall, lo, side * half_t),
            wall_point(wall, hi, side * half_t),
            wall_point(wall, hi, side * (half_t + depth)),
            wall_point(wall, lo, side * (half_t + depth)),
        ]
        return polygon_of(corners).intersection(target_shape)

    low, high = 100.0, 8000.0
    for _ in range(40):
        mid = (low + high) / 2
        if float(region(mid).area) < target:
            low = mid
        else:
            high = mid
    reach = region(high)
    if float(reach.area) < 1.9e6:
        return False
    door = polygon_of(
        [
            wall_point(wall, opening.offset - opening.width / 2, -side * (half_t + 10)),
            wall_point(wall, opening.offset + opening.width / 2, -side * (half_t + 10)),
            wall_point(wall, opening.offset + opening.width / 2, side * (half_t + 10)),
            wall_point(wall, opening.offset - opening.width / 2, side * (half_t + 10)),
        ]
    )
    merged = polygon_of(room.floor).union(door).union(reach).simplify(2.0)
    if not isinstance(merged, ShapelyPolygon) or merged.interiors:
        return False
    coords = [(float(x), float(y)) for x, y in list(merged.exterior.coords)[:-1]]
    room.floor = coords
    room.overlap_mm2 = float(merged.intersection(target_shape).area)
    return True
