"""The page's first paint, drawn on the server: the plan of the level the page opens on (the same
SVG the script draws, so nothing moves when it takes over) and the list of every room with its
area. The page is readable before, and without, its script."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from planroom.floormodel.classification import OUTDOOR_TYPES

PAD_MM = 600


@dataclass(frozen=True)
class RoomShape:
    id: str
    path: str
    classes: str
    name: str
    area: str
    closed: bool
    x: float
    y: float


@dataclass(frozen=True)
class WallLine:
    id: str
    x1: int
    y1: int
    x2: int
    y2: int
    thickness: int
    classes: str


@dataclass(frozen=True)
class OpeningLine:
    id: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    classes: str


@dataclass(frozen=True)
class LevelPlan:
    level_id: str
    view_box: str
    font_size: float
    rooms: list[RoomShape]
    walls: list[WallLine]
    openings: list[OpeningLine]


def first_level(model: dict[str, Any]) -> str:
    """The level the page opens on: the ground floor (index 0), else the lowest."""
    levels = sorted(model["levels"], key=lambda level: level["index"])
    ground = [level for level in levels if level["index"] == 0]
    return str((ground or levels)[0]["id"])


def centroid(points: list[list[int]]) -> tuple[float, float]:
    area = cx = cy = 0.0
    for index, (x0, y0) in enumerate(points):
        x1, y1 = points[(index + 1) % len(points)]
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1:
        return float(points[0][0]), float(points[0][1])
    return cx / (3 * area), cy / (3 * area)


def _along(wall: dict[str, Any], distance: float) -> tuple[float, float]:
    (x0, y0), (x1, y1) = wall["start"], wall["end"]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    return x0 + (x1 - x0) / length * distance, y0 + (y1 - y0) / length * distance


def level_plan(state: dict[str, Any], level_id: str) -> LevelPlan:
    """One level drawn as the script draws it (y flipped: the plan's y goes up)."""
    model = state["model"]
    areas = {room["id"]: room["area"]["text"] for room in state["rooms"]}
    closed = {room["id"] for room in state["rooms"] if room["closed"]}
    spaces = [space for space in model["spaces"] if space["level_id"] == level_id]
    walls = [wall for wall in model["walls"] if wall["level_id"] == level_id]
    xs = [p for wall in walls for p in (wall["start"][0], wall["end"][0])]
    ys = [p for wall in walls for p in (wall["start"][1], wall["end"][1])]
    xs += [point[0] for space in spaces for point in space["polygon"]]
    ys += [point[1] for space in spaces for point in space["polygon"]]
    if xs:
        x0, y0, x1, y1 = min(xs) - PAD_MM, min(ys) - PAD_MM, max(xs) + PAD_MM, max(ys) + PAD_MM
    else:
        x0, y0, x1, y1 = 0, 0, 10_000, 10_000
    rooms = []
    for space in spaces:
        classes = ["room", "finished" if space["finished"] else "unfinished"]
        if space["type"] in OUTDOOR_TYPES:
            classes.append("outdoor")
        cx, cy = centroid(space["polygon"])
        rooms.append(
            RoomShape(
                id=space["id"],
                path="M" + " L".join(f"{x} {-y}" for x, y in space["polygon"]) + " Z",
                classes=" ".join(classes),
                name=space["name"],
                area=areas.get(space["id"], "") + ("" if space["finished"] else " · unfinished"),
                closed=space["id"] in closed,
                x=round(cx, 1),
                y=round(-cy, 1),
            )
        )
    by_id = {wall["id"]: wall for wall in walls}
    openings = []
    for opening in model["openings"]:
        wall = by_id.get(opening["wall_id"])
        if wall is None:
            continue
        a = _along(wall, opening["offset"] - opening["width"] / 2)
        b = _along(wall, opening["offset"] + opening["width"] / 2)
        openings.append(
            OpeningLine(
                id=opening["id"],
                x1=round(a[0], 1),
                y1=round(-a[1], 1),
                x2=round(b[0], 1),
                y2=round(-b[1], 1),
                width=wall["thickness"] * 0.7,
                classes=f"opening {opening['kind']}",
            )
        )
    return LevelPlan(
        level_id=level_id,
        view_box=f"{x0} {-y1} {x1 - x0} {y1 - y0}",
        font_size=round(max(x1 - x0, y1 - y0) / 45, 1),
        rooms=rooms,
        walls=[
            WallLine(
                id=wall["id"],
                x1=wall["start"][0],
                y1=-wall["start"][1],
                x2=wall["end"][0],
                y2=-wall["end"][1],
                thickness=wall["thickness"],
                classes=f"wall {wall['kind']}",
            )
            for wall in walls
        ],
        openings=openings,
    )


def room_list(state: dict[str, Any]) -> list[dict[str, Any]]:
    """Every level's rooms with their areas, in level order, for the list beside the plan."""
    model = state["model"]
    areas = {room["id"]: room["area"]["text"] for room in state["rooms"]}
    levels = sorted(model["levels"], key=lambda level: level["index"])
    return [
        {
            "id": level["id"],
            "name": level["name"],
            "rooms": [
                {
                    "id": space["id"],
                    "name": space["name"],
                    "area": areas.get(space["id"], ""),
                    "finished": space["finished"],
                }
                for space in model["spaces"]
                if space["level_id"] == level["id"]
            ],
        }
        for level in levels
    ]
