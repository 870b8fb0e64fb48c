"""RoomPlan JSON built by hand in the shapes real phone exports take (see the module tests).

Coordinates are plan metres: plan (x, y) is RoomPlan world (x, -z). Numbers go through float32
as a phone writes them; nothing has a top-level identifier.
"""

from __future__ import annotations

import math

import numpy as np

XY = tuple[float, float]


def f32(value: float) -> float:
    return float(np.float32(value))


def _matrix(columns: list[list[float]], origin: list[float]) -> list[float]:
    flat = [*columns[0], 0.0, *columns[1], 0.0, *columns[2], 0.0, *origin, 0.99999994]
    return [f32(value) for value in flat]


def wall(start: XY, end: XY, height: float = 2.5) -> dict[str, object]:
    length = math.dist(start, end)
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    # local x along the wall (world x, -z), local y up, local z the wall's normal
    along, up = [ux, 0.0, -uy], [0.0, 1.0, 0.0]
    normal = [-along[2], 0.0, along[0]]
    mid = [(start[0] + end[0]) / 2.0, height / 2.0 - 1.2, -(start[1] + end[1]) / 2.0]
    return {
        "category": {"wall": {}},
        "completedEdges": [{"top": {}}, {"left": {}}],
        "confidence": {"high": {}},
        "curve": None,
        "dimensions": [f32(length), f32(height), 0.0],
        "transform": _matrix([along, up, normal], mid),
        "story": 0,
    }


def door(at: XY, along: XY, width: float = 0.8) -> dict[str, object]:
    length = math.hypot(*along)
    ux, uy = along[0] / length, along[1] / length
    return {
        "category": {"door": {"isOpen": False}},
        "confidence": {"high": {}},
        "dimensions": [f32(width), 2.0, 0.0],
        "transform": _matrix(
            [[ux, 0.0, -uy], [0.0, 1.0, 0.0], [-uy, 0.0, -ux]], [at[0], -0.2, -at[1]]
        ),
        "story": 0,
    }


def floor(corners: list[XY], story: int = 0) -> dict[str, object]:
    # local (x, y, 0) -> world (x, 0, -y): the plan point itself; up is the third column
    return {
        "category": {"floor": {}},
        "completedEdges": [],
        "confidence": {"high": {}},
        "dimensions": [f32(9.9), f32(6.1), 0.0],  # as in real exports: not the polygon's extent
        "polygonCorners": [[f32(x), f32(y), 1.1920929e-07] for x, y in corners],
        "transform": _matrix([[1.0, 0.0, 0.0], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0]], [0, -1.2, 0]),
        "story": story,
    }


def obj(category: str, at: XY, size: tuple[float, float, float]) -> dict[str, object]:
    return {
        "category": {category: {}},
        "attributes": {},
        "confidence": {"high": {}},
        "dimensions": [f32(v) for v in size],
        "transform": _matrix(
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [at[0], -0.8, -at[1]]
        ),
        "story": 0,
    }


def section(label: str, at: XY) -> dict[str, object]:
    return {"label": label, "center": [f32(at[0]), 0.0, f32(-at[1])], "story": 0}


def room(**lists: list[dict[str, object]]) -> dict[str, object]:
    captured: dict[str, object] = {
        "coreModel": "UExBTlJPT00=",
        "version": 2,
        "story": 0,
        **{name: [] for name in ("doors", "floors", "objects", "openings", "sections")},
        **{name: [] for name in ("walls", "windows")},
    }
    captured.update(lists)
    return captured


def rectangle(x0: float, y0: float, x1: float, y1: float) -> list[XY]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
