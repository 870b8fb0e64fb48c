"""Reading RoomPlan JSON as apps export it with `JSONEncoder`, trusting nothing.

Every value is checked before it is used: a missing transform, a NaN, a string where a number
belongs or a polygon with two corners is reported with the element it belongs to
(`room 2, wall 4: transform is missing`). Unknown fields are ignored, never rejected, and both
camelCase and snake_case keys are accepted.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from planroom.floormodel.errors import ScanUnreadable

SurfaceKind = Literal["wall", "door", "window", "opening", "floor"]
Matrix = npt.NDArray[np.float64]

MAX_COORDINATE_M = 10_000.0
"""Anything farther from the scan origin than 10 km is not a room."""
MAX_ELEMENTS = 5_000
"""More surfaces or objects than this in one upload is not a house."""

SURFACE_LISTS: dict[str, SurfaceKind] = {
    "walls": "wall",
    "doors": "door",
    "windows": "window",
    "openings": "opening",
    "floors": "floor",
}
CONFIDENCE = {"low": 0.33, "medium": 0.66, "high": 1.0}


@dataclass(frozen=True)
class Curve:
    """A curved wall's arc in the wall's own horizontal plane (local x, local z)."""

    start_angle: float
    end_angle: float
    radius: float
    center: tuple[float, float]


@dataclass(frozen=True)
class Surface:
    kind: SurfaceKind
    label: str
    identifier: str
    parent: str | None
    transform: Matrix | None
    dimensions: tuple[float, float, float] | None
    corners: list[tuple[float, float, float]] | None
    story: int | None
    curve: Curve | None
    is_open: bool | None
    confidence: float


@dataclass(frozen=True)
class SceneObject:
    label: str
    identifier: str
    category: str
    transform: Matrix
    dimensions: tuple[float, float, float]
    story: int | None


@dataclass(frozen=True)
class Section:
    label: str
    kind: str
    center: tuple[float, float, float]
    story: int | None


@dataclass(frozen=True)
class RawRoom:
    """One captured room, every transform already in the shared world frame."""

    label: str
    story: int | None
    surfaces: list[Surface] = field(default_factory=list)
    objects: list[SceneObject] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class RawScan:
    form: Literal["room", "rooms", "structure"]
    rooms: list[RawRoom]
    warnings: list[str]
    top: RawRoom | None = None
    """A `CapturedStructure`'s own level: merged walls, one hull floor per story, and doors,
    windows, objects and sections repeated from its rooms. Never a room itself."""


def _get(data: Mapping[str, object], name: str) -> object:
    """A field by its camelCase name, or its snake_case spelling."""
    if name in data:
        return data[name]
    snake = "".join(f"_{char.lower()}" if char.isupper() else char for char in name)
    return data.get(snake)


def number(value: object, where: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScanUnreadable(f"{what} must be a number, got {_describe(value)}", element=where)
    result = float(value)
    if not math.isfinite(result):
        raise ScanUnreadable(f"{what} is not a finite number ({value})", element=where)
    if abs(result) > MAX_COORDINATE_M:
        raise ScanUnreadable(f"{what} is out of range ({value})", element=where)
    return result


def _describe(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def numbers(value: object, where: str, what: str, count: int) -> list[float]:
    if not isinstance(value, list):
        raise ScanUnreadable(
            f"{what} must be a list of {count} numbers, got {_describe(value)}", element=where
        )
    if len(value) != count:
        raise ScanUnreadable(f"{what} must have {count} numbers, got {len(value)}", element=where)
    return [number(item, where, what) for item in value]


def transform_of(value: object, where: str) -> Matrix:
    """A 4x4 matrix from 16 column-major floats (or four columns of four)."""
    if value is None:
        raise ScanUnreadable("transform is missing", element=where)
    if isinstance(value, list) and len(value) == 4 and all(isinstance(c, list) for c in value):
        flat: object = [item for column in value for item in column]
    else:
        flat = value
    values = numbers(flat, where, "transform", 16)
    matrix = np.array(values, dtype=np.float64).reshape(4, 4).T
    if abs(np.linalg.det(matrix[:3, :3])) < 1e-6:
        raise ScanUnreadable("transform is degenerate (it flattens the element)", element=where)
    return matrix


def _category(value: object, where: str) -> tuple[str, Mapping[str, object]]:
    if isinstance(value, str):
        return value, {}
    if isinstance(value, dict) and len(value) == 1:
        name, payload = next(iter(value.items()))
        return str(name), payload if isinstance(payload, dict) else {}
    raise ScanUnreadable(f"category is not readable ({_describe(value)})", element=where)


def _confidence(value: object) -> float:
    if isinstance(value, str):
        return CONFIDENCE.get(value, 0.66)
    if isinstance(value, dict) and len(value) == 1:
        return CONFIDENCE.get(str(next(iter(value))), 0.66)
    return 0.66


def _story(value: object, where: str) -> int | None:
    if value is None:
        return None
    story = number(value, where, "story")
    if story != int(story) or abs(story) > 100:
        raise ScanUnreadable(f"story must be a whole number, got {value}", element=where)
    return int(story)


def _angle(value: object, where: str) -> float:
    """An angle in radians from a bare number or a Foundation `Measurement<UnitAngle>`."""
    if isinstance(value, dict):
        amount = number(value.get("value"), where, "curve angle")
        unit = value.get("unit")
        symbol = unit.get("symbol") if isinstance(unit, dict) else unit
        return math.radians(amount) if symbol in ("°", "deg", "degrees") else amount
    return number(value, where, "curve angle")


def _curve(value: object, where: str) -> Curve | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ScanUnreadable(f"curve must be an object, got {_describe(value)}", element=where)
    center = numbers(_get(value, "center"), where, "curve center", 2)
    radius = number(_get(value, "radius"), where, "curve radius")
    if radius <= 0:
        raise ScanUnreadable("curve radius must be positive", element=where)
    return Curve(
        start_angle=_angle(_get(value, "startAngle"), where),
        end_angle=_angle(_get(value, "endAngle"), where),
        radius=radius,
        center=(center[0], center[1]),
    )


def _dimensions(value: object, where: str) -> tuple[float, float, float] | None:
    if value is None:
        return None
    dims = numbers(value, where, "dimensions", 3)
    if any(item < 0 for item in dims):
        raise ScanUnreadable("dimensions must not be negative", element=where)
    return dims[0], dims[1], dims[2]


def _corners(value: object, where: str) -> list[tuple[float, float, float]] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise ScanUnreadable(
            f"polygonCorners must be a list, got {_describe(value)}", element=where
        )
    corners = []
    for item in value:
        if isinstance(item, list) and len(item) == 2:
            item = [item[0], 0.0, item[1]]
        point = numbers(item, where, "polygon corner", 3)
        corners.append((point[0], point[1], point[2]))
    return corners


def _identifier(data: Mapping[str, object], fallback: str) -> str:
    value = _get(data, "identifier")
    return str(value) if isinstance(value, str | int) and str(value) else fallback


def _surface(data: object, kind: SurfaceKind, where: str, reference: Matrix | None) -> Surface:
    if not isinstance(data, dict):
        raise ScanUnreadable(f"must be an object, got {_describe(data)}", element=where)
    category, payload = _category(data.get("category", {kind: {}}), where)
    raw_transform = _get(data, "transform")
    transform = None
    if kind != "floor" or raw_transform is not None:
        transform = transform_of(raw_transform, where)
        if reference is not None:
            transform = reference @ transform
    dims = _dimensions(_get(data, "dimensions"), where)
    corners = _corners(_get(data, "polygonCorners"), where)
    if kind in ("wall", "door", "window", "opening") and dims is None:
        raise ScanUnreadable("dimensions are missing", element=where)
    if kind == "floor":
        if corners is None or len(corners) < 3:
            raise ScanUnreadable("floor needs at least 3 polygonCorners", element=where)
        if transform is None:
            transform = reference if reference is not None else np.eye(4)
    parent = _get(data, "parentIdentifier")
    is_open = payload.get("isOpen") if category == "door" else None
    return Surface(
        kind=kind,
        label=where,
        identifier=_identifier(data, where),
        parent=str(parent) if isinstance(parent, str) and parent else None,
        transform=transform,
        dimensions=dims,
        corners=corners,
        story=_story(data.get("story"), where),
        curve=_curve(data.get("curve"), where),
        is_open=is_open if isinstance(is_open, bool) else None,
        confidence=_confidence(data.get("confidence")),
    )


def _object(data: object, where: str, reference: Matrix | None) -> SceneObject:
    if not isinstance(data, dict):
        raise ScanUnreadable(f"must be an object, got {_describe(data)}", element=where)
    category, _ = _category(data.get("category"), where)
    transform = transform_of(_get(data, "transform"), where)
    if reference is not None:
        transform = reference @ transform
    dims = _dimensions(_get(data, "dimensions"), where)
    if dims is None:
        raise ScanUnreadable("dimensions are missing", element=where)
    return SceneObject(
        label=where,
        identifier=_identifier(data, where),
        category=category,
        transform=transform,
        dimensions=dims,
        story=_story(data.get("story"), where),
    )


def _section(data: object, where: str, reference: Matrix | None) -> Section:
    if not isinstance(data, dict):
        raise ScanUnreadable(f"must be an object, got {_describe(data)}", element=where)
    label, _ = _category(data.get("label", "unidentified"), where)
    center = numbers(data.get("center"), where, "section center", 3)
    if reference is not None:
        center = list((reference @ np.array([*center, 1.0]))[:3])
    return Section(
        label=where,
        kind=label,
        center=(float(center[0]), float(center[1]), float(center[2])),
        story=_story(data.get("story"), where),
    )


def _list(data: Mapping[str, object], name: str, where: str) -> list[object]:
    value = _get(data, name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ScanUnreadable(f"{name} must be a list, got {_describe(value)}", element=where)
    if len(value) > MAX_ELEMENTS:
        raise ScanUnreadable(
            f"{name} has {len(value)} entries; at most {MAX_ELEMENTS} are read", element=where
        )
    return value


_SINGULAR = {
    "walls": "wall",
    "doors": "door",
    "windows": "window",
    "openings": "opening",
    "floors": "floor",
    "objects": "object",
    "sections": "section",
}


def read_room(data: Mapping[str, object], label: str) -> RawRoom:
    """One `CapturedRoom`, with its `referenceOriginTransform` applied when it has one."""
    raw_reference = _get(data, "referenceOriginTransform")
    reference = transform_of(raw_reference, label) if raw_reference is not None else None
    surfaces = []
    for list_name, kind in SURFACE_LISTS.items():
        for index, item in enumerate(_list(data, list_name, label)):
            where = f"{label}, {_SINGULAR[list_name]} {index + 1}"
            surfaces.append(_surface(item, kind, where, reference))
    objects = [
        _object(item, f"{label}, object {index + 1}", reference)
        for index, item in enumerate(_list(data, "objects", label))
    ]
    sections = [
        _section(item, f"{label}, section {index + 1}", reference)
        for index, item in enumerate(_list(data, "sections", label))
    ]
    return RawRoom(
        label=label,
        story=_story(data.get("story"), label),
        surfaces=surfaces,
        objects=objects,
        sections=sections,
    )


def _has_geometry(data: Mapping[str, object]) -> bool:
    return any(_get(data, name) for name in (*SURFACE_LISTS, "objects"))


def read_scan(document: object) -> RawScan:
    """Recognise the upload's form and read every room in it."""
    warnings: list[str] = []
    if isinstance(document, list):
        if not document:
            raise ScanUnreadable("the scan is an empty list: it has no rooms")
        rooms = []
        for index, item in enumerate(document):
            if not isinstance(item, dict):
                raise ScanUnreadable(
                    f"must be a CapturedRoom object, got {_describe(item)}",
                    element=f"room {index + 1}",
                )
            rooms.append(read_room(item, f"room {index + 1}"))
        return RawScan("rooms", rooms, warnings)
    if not isinstance(document, dict):
        raise ScanUnreadable(
            f"a RoomPlan scan is a JSON object or a list of rooms, got {_describe(document)}"
        )
    nested = _get(document, "rooms")
    if isinstance(nested, list) and nested:
        rooms = []
        for index, item in enumerate(nested):
            if not isinstance(item, dict):
                raise ScanUnreadable(
                    f"must be a CapturedRoom object, got {_describe(item)}",
                    element=f"room {index + 1}",
                )
            rooms.append(read_room(item, f"room {index + 1}"))
        top = read_room(document, "structure") if _has_geometry(document) else None
        return RawScan("structure", rooms, warnings, top)
    if not _has_geometry(document):
        raise ScanUnreadable("the scan has no walls, floors or objects")
    return RawScan("room", [read_room(document, "room 1")], warnings)


def corner_points(surface: Surface) -> Sequence[tuple[float, float, float]]:
    return surface.corners or []
