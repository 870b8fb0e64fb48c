"""Reading generated RoomPlan JSON back in world metres, for the generator's own tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from shapely.geometry import LineString, Polygon


def matrix(values: list[float]) -> np.ndarray:
    return np.array(values, dtype=float).reshape(4, 4).T


@dataclass
class Room:
    index: int
    story: int
    raw: dict[str, Any]
    walls: list[tuple[str, LineString, float]]
    """identifier, plan line (world x, z), height."""
    floors: list[Polygon]


def captured_rooms(scan: Any) -> list[dict[str, Any]]:
    if isinstance(scan, list):
        return scan
    if "rooms" in scan:
        return list(scan["rooms"])
    return [scan]


def _reference(item: dict[str, Any]) -> np.ndarray:
    if "referenceOriginTransform" in item:
        return matrix(item["referenceOriginTransform"])
    return np.eye(4)


def wall_lines(item: dict[str, Any]) -> list[tuple[str, LineString, float]]:
    reference = _reference(item)
    lines = []
    for wall in item.get("walls", []):
        m = reference @ matrix(wall["transform"])
        center, axis, length = m[:3, 3], m[:3, 0], wall["dimensions"][0]
        a, b = center - axis * length / 2, center + axis * length / 2
        line = LineString([(a[0], a[2]), (b[0], b[2])])
        lines.append((wall["identifier"], line, float(wall["dimensions"][1])))
    return lines


def floor_polygons(item: dict[str, Any]) -> list[Polygon]:
    reference = _reference(item)
    shapes = []
    for floor in item.get("floors", []):
        m = reference @ matrix(floor["transform"])
        points = [m @ np.array([*corner, 1.0]) for corner in floor["polygonCorners"]]
        shapes.append(Polygon([(p[0], p[2]) for p in points]))
    return shapes


def rooms_of(scan: Any) -> list[Room]:
    return [
        Room(index, int(item.get("story", 0)), item, wall_lines(item), floor_polygons(item))
        for index, item in enumerate(captured_rooms(scan))
    ]


def numbers(value: Any) -> list[float]:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, list):
        return [n for item in value for n in numbers(item)]
    if isinstance(value, dict):
        return [n for key, item in value.items() if key != "coreModel" for n in numbers(item)]
    return []


def surfaces(scan: Any) -> list[dict[str, Any]]:
    """Every wall, door, window, opening, floor and object, in rooms and at a structure's top."""
    items = [scan] if isinstance(scan, dict) else list(scan)
    if isinstance(scan, dict) and "rooms" in scan:
        items += scan["rooms"]
    keys = ("walls", "doors", "windows", "openings", "floors", "objects")
    return [s for item in items for key in keys for s in item.get(key, [])]
