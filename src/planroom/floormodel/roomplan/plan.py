"""From RoomPlan's 3D world (+Y up, metres) to the plan (x right, y up, millimetres).

The plan is the top view without mirroring: plan (x, y) = world (x, -z). Everything is then turned
so that the longest walls run along the axes, and walls within a few degrees of an axis are made
exactly straight.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from planroom.floormodel.errors import ScanUnreadable
from planroom.floormodel.roomplan.wire import Matrix, RawScan, SceneObject, Surface

Vec = tuple[float, float]

CURVE_STEP_DEG = 15.0
"""A curved wall becomes straight pieces spanning at most this angle each."""
SNAP_DEG = 6.0
"""Walls within this many degrees of an axis are made exactly parallel to it."""


@dataclass(frozen=True)
class PlanFace:
    """One side of a wall as seen from a room: a segment with no thickness."""

    id: str
    label: str
    story: int
    start: Vec
    end: Vec
    height: float
    bottom: float
    curved: bool = False
    room: str = ""
    """The captured room the face was seen from (`structure` for a structure's merged walls)."""

    @property
    def length(self) -> float:
        return math.dist(self.start, self.end)


@dataclass(frozen=True)
class PlanFloor:
    label: str
    story: int
    points: list[Vec]
    elevation: float
    room: str = ""


@dataclass(frozen=True)
class PlanOpening:
    label: str
    kind: str
    parent: str | None
    story: int
    center: Vec
    width: float
    height: float
    bottom: float
    identifier: str = ""
    direction: Vec = (1.0, 0.0)
    """Unit vector along the opening's width in the plan."""


@dataclass(frozen=True)
class PlanObject:
    label: str
    category: str
    story: int
    center: Vec
    size: Vec
    rotation_deg: float
    height: float
    bottom: float
    identifier: str = ""


@dataclass(frozen=True)
class PlanSection:
    kind: str
    story: int
    point: Vec
    room: str = ""


@dataclass(frozen=True)
class PlanScan:
    faces: list[PlanFace]
    floors: list[PlanFloor]
    openings: list[PlanOpening]
    objects: list[PlanObject]
    sections: list[PlanSection]
    room_labels: dict[str, list[str]]
    """Face ids per captured room, to build rooms from wall loops when a room has no floor."""
    hulls: list[PlanFloor] = field(default_factory=list)
    """A structure's merged floors, one per story: a hull around every room, never a room."""


def to_whole_mm(point: Vec, shift: Vec) -> tuple[int, int]:
    """A plan point moved by `-shift` and rounded to whole millimetres."""
    return (round(point[0] - shift[0]), round(point[1] - shift[1]))


def _world(matrix: Matrix, local: tuple[float, float, float]) -> tuple[float, float, float]:
    point = matrix @ np.array([local[0], local[1], local[2], 1.0])
    return float(point[0]), float(point[1]), float(point[2])


def _plan(world: tuple[float, float, float]) -> Vec:
    return world[0] * 1000.0, -world[2] * 1000.0


def _story(surface_story: int | None, room_story: int | None) -> int:
    if surface_story is not None:
        return surface_story
    return room_story if room_story is not None else 0


def _wall_faces(surface: Surface, story: int, room: str) -> list[PlanFace]:
    assert surface.transform is not None and surface.dimensions is not None
    length, height, _ = surface.dimensions
    matrix = surface.transform
    bottom = _world(matrix, (0.0, -height / 2.0, 0.0))[1] * 1000.0
    if surface.curve is None:
        start = _plan(_world(matrix, (-length / 2.0, 0.0, 0.0)))
        end = _plan(_world(matrix, (length / 2.0, 0.0, 0.0)))
        return [
            PlanFace(
                f"{room}/{surface.identifier}",
                surface.label,
                story,
                start,
                end,
                height * 1000.0,
                bottom,
                room=room,
            )
        ]
    curve = surface.curve
    sweep = curve.end_angle - curve.start_angle
    steps = max(1, math.ceil(abs(math.degrees(sweep)) / CURVE_STEP_DEG))
    points = []
    for step in range(steps + 1):
        angle = curve.start_angle + sweep * step / steps
        local = (
            curve.center[0] + curve.radius * math.cos(angle),
            0.0,
            curve.center[1] + curve.radius * math.sin(angle),
        )
        points.append(_plan(_world(matrix, local)))
    return [
        PlanFace(
            f"{room}/{surface.identifier}#{index}",
            surface.label,
            story,
            points[index],
            points[index + 1],
            height * 1000.0,
            bottom,
            curved=True,
            room=room,
        )
        for index in range(steps)
    ]


def _opening(surface: Surface, story: int) -> PlanOpening:
    assert surface.transform is not None and surface.dimensions is not None
    width, height, _ = surface.dimensions
    center = _world(surface.transform, (0.0, 0.0, 0.0))
    origin, along = _plan(center), _plan(_world(surface.transform, (1.0, 0.0, 0.0)))
    dx, dy = along[0] - origin[0], along[1] - origin[1]
    norm = math.hypot(dx, dy) or 1.0
    return PlanOpening(
        label=surface.label,
        kind=surface.kind,
        parent=surface.parent,
        story=story,
        center=_plan(center),
        width=width * 1000.0,
        height=height * 1000.0,
        bottom=(center[1] - height / 2.0) * 1000.0,
        identifier=surface.identifier,
        direction=(dx / norm, dy / norm),
    )


def _floor(surface: Surface, story: int, room: str) -> PlanFloor:
    assert surface.transform is not None and surface.corners is not None
    world = [_world(surface.transform, corner) for corner in surface.corners]
    points = [_plan(point) for point in world]
    elevation = sum(point[1] for point in world) / len(world) * 1000.0
    return PlanFloor(surface.label, story, points, elevation, room)


def _object(item: SceneObject, story: int) -> PlanObject:
    width, height, depth = item.dimensions
    center = _world(item.transform, (0.0, 0.0, 0.0))
    axis = _plan(_world(item.transform, (1.0, 0.0, 0.0)))
    origin = _plan(center)
    rotation = math.degrees(math.atan2(axis[1] - origin[1], axis[0] - origin[0]))
    return PlanObject(
        label=item.label,
        category=item.category,
        story=story,
        center=origin,
        size=(width * 1000.0, depth * 1000.0),
        rotation_deg=rotation,
        height=height * 1000.0,
        bottom=(center[1] - height / 2.0) * 1000.0,
        identifier=item.identifier,
    )


REPEAT_MM = 300.0
"""A structure repeats its rooms' doors and objects a few centimetres off: this near is the same."""
SECTION_REPEAT_MM = 750.0


def project(scan: RawScan) -> PlanScan:
    """Every surface, object and section of the scan in plan millimetres.

    A structure's own level adds its merged walls (as faces of the room `structure`) and only
    those doors, windows, objects and sections that none of its rooms already has; its merged
    floors are kept apart as hulls, since they are never rooms.
    """
    faces: list[PlanFace] = []
    floors: list[PlanFloor] = []
    openings: list[PlanOpening] = []
    objects: list[PlanObject] = []
    sections: list[PlanSection] = []
    room_labels: dict[str, list[str]] = {}
    hulls: list[PlanFloor] = []
    for room in [*scan.rooms, *([scan.top] if scan.top is not None else [])]:
        is_top = room is scan.top
        for surface in room.surfaces:
            story = _story(surface.story, room.story)
            if surface.kind == "wall":
                new = _wall_faces(surface, story, room.label)
                faces.extend(new)
                if not is_top:
                    room_labels.setdefault(room.label, []).extend(face.id for face in new)
            elif surface.kind == "floor":
                (hulls if is_top else floors).append(_floor(surface, story, room.label))
            else:
                opening = _opening(surface, story)
                if not is_top or not _repeats_opening(opening, openings):
                    openings.append(opening)
        for item in room.objects:
            placed = _object(item, _story(item.story, room.story))
            if not is_top or not _repeats_object(placed, objects):
                objects.append(placed)
        for section in room.sections:
            found = PlanSection(
                section.kind, _story(section.story, room.story), _plan(section.center), room.label
            )
            if not is_top or not _repeats_section(found, sections):
                sections.append(found)
        if not is_top and room.label not in room_labels:
            room_labels[room.label] = []
    if not faces and not floors:
        raise ScanUnreadable("the scan has no walls and no floors: there is nothing to draw")
    return PlanScan(faces, floors, openings, objects, sections, room_labels, hulls)


Sighting = tuple[str, str, int, Vec]
"""What makes two sightings the same thing: identifier, kind, story, plan point."""


def _repeats(item: Sighting, seen: list[Sighting], reach_mm: float) -> bool:
    """The same identifier, or the same kind on the same story within `reach_mm`."""
    identifier, kind, story, point = item
    return any(
        (identifier and other[0] == identifier)
        or (other[1] == kind and other[2] == story and math.dist(other[3], point) < reach_mm)
        for other in seen
    )


def _repeats_opening(item: PlanOpening, seen: list[PlanOpening]) -> bool:
    key = (item.identifier, item.kind, item.story, item.center)
    return _repeats(key, [(o.identifier, o.kind, o.story, o.center) for o in seen], REPEAT_MM)


def _repeats_object(item: PlanObject, seen: list[PlanObject]) -> bool:
    key = (item.identifier, item.category, item.story, item.center)
    known = [(o.identifier, o.category, o.story, o.center) for o in seen]
    return _repeats(key, known, REPEAT_MM)


def _repeats_section(item: PlanSection, seen: list[PlanSection]) -> bool:
    known = [("", s.kind, s.story, s.point) for s in seen]
    return _repeats(("", item.kind, item.story, item.point), known, SECTION_REPEAT_MM)


# --- squaring -----------------------------------------------------------------------------------


def dominant_angle(faces: list[PlanFace]) -> float:
    """The walls' main direction in degrees, in [-45, 45): a length-weighted mean of 4θ."""
    sin_sum = cos_sum = 0.0
    for face in faces:
        if face.curved:
            continue
        theta = math.atan2(face.end[1] - face.start[1], face.end[0] - face.start[0])
        sin_sum += face.length * math.sin(4 * theta)
        cos_sum += face.length * math.cos(4 * theta)
    if sin_sum == 0 and cos_sum == 0:
        return 0.0
    return math.degrees(math.atan2(sin_sum, cos_sum)) / 4.0


def _turn(point: Vec, degrees: float) -> Vec:
    radians = math.radians(degrees)
    cos_a, sin_a = math.cos(radians), math.sin(radians)
    return (point[0] * cos_a - point[1] * sin_a, point[0] * sin_a + point[1] * cos_a)


def _straighten(face: PlanFace) -> PlanFace:
    """Make a wall within SNAP_DEG of an axis exactly parallel to it, about its midpoint."""
    if face.curved:
        return face
    dx, dy = face.end[0] - face.start[0], face.end[1] - face.start[1]
    angle = math.degrees(math.atan2(dy, dx)) % 90.0
    if min(angle, 90.0 - angle) > SNAP_DEG:
        return face
    mid = ((face.start[0] + face.end[0]) / 2.0, (face.start[1] + face.end[1]) / 2.0)
    half = face.length / 2.0
    if abs(dx) >= abs(dy):
        sign = 1.0 if dx >= 0 else -1.0
        return replace(
            face, start=(mid[0] - sign * half, mid[1]), end=(mid[0] + sign * half, mid[1])
        )
    sign = 1.0 if dy >= 0 else -1.0
    return replace(face, start=(mid[0], mid[1] - sign * half), end=(mid[0], mid[1] + sign * half))


def square(scan: PlanScan) -> tuple[PlanScan, float]:
    """Turn the whole scan so its walls run along the axes; returns the turn in degrees."""
    turn = -dominant_angle(scan.faces)
    faces = [
        _straighten(replace(face, start=_turn(face.start, turn), end=_turn(face.end, turn)))
        for face in scan.faces
    ]
    floors = [
        replace(floor, points=[_turn(p, turn) for p in floor.points]) for floor in scan.floors
    ]
    openings = [
        replace(item, center=_turn(item.center, turn), direction=_turn(item.direction, turn))
        for item in scan.openings
    ]
    objects = [
        replace(item, center=_turn(item.center, turn), rotation_deg=item.rotation_deg + turn)
        for item in scan.objects
    ]
    sections = [replace(item, point=_turn(item.point, turn)) for item in scan.sections]
    hulls = [replace(hull, points=[_turn(p, turn) for p in hull.points]) for hull in scan.hulls]
    squared = PlanScan(faces, floors, openings, objects, sections, scan.room_labels, hulls)
    return squared, turn
