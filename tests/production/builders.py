"""A small floor model whose partition wall a drafter can move: two rooms in an 8 by 6 m box."""

from __future__ import annotations

import copy
from typing import Any

EXTERIOR = 152
INTERIOR = 114


def _wall(ident: str, start: tuple[int, int], end: tuple[int, int], kind: str) -> dict[str, Any]:
    return {
        "id": ident,
        "level_id": "l0",
        "start": list(start),
        "end": list(end),
        "thickness": EXTERIOR if kind == "exterior" else INTERIOR,
        "height": 2438,
        "kind": kind,
    }


def _room(ident: str, name: str, kind: str, x0: int, y0: int, x1: int, y1: int) -> dict[str, Any]:
    return {
        "id": ident,
        "level_id": "l0",
        "name": name,
        "type": kind,
        "polygon": [[x0, y0], [x1, y0], [x1, y1], [x0, y1]],
    }


def two_room_model(partition_x: int = 4000) -> dict[str, Any]:
    """Living room and bedroom side by side; the partition wall stands at `partition_x` mm."""
    half_ext, half_int = EXTERIOR // 2, INTERIOR // 2
    return {
        "schema": "planroom.floor-model/1",
        "property": {"property_type": "apartment"},
        "levels": [{"id": "l0", "name": "Floor 1", "index": 0}],
        "walls": [
            _wall("w1", (0, 0), (8000, 0), "exterior"),
            _wall("w2", (8000, 0), (8000, 6000), "exterior"),
            _wall("w3", (8000, 6000), (0, 6000), "exterior"),
            _wall("w4", (0, 6000), (0, 0), "exterior"),
            _wall("w5", (partition_x, 0), (partition_x, 6000), "interior"),
        ],
        "openings": [
            {
                "id": "o1",
                "wall_id": "w1",
                "kind": "door",
                "offset": 1500,
                "width": 900,
                "height": 2032,
                "hinge": "start",
                "swing": "left",
            },
            {
                "id": "o2",
                "wall_id": "w5",
                "kind": "door",
                "offset": 3000,
                "width": 820,
                "height": 2032,
                "hinge": "start",
                "swing": "right",
            },
            {
                "id": "o3",
                "wall_id": "w3",
                "kind": "window",
                "offset": 2000,
                "width": 1200,
                "height": 1200,
                "sill": 900,
            },
        ],
        "spaces": [
            _room(
                "s1",
                "Living Room",
                "living",
                half_ext,
                half_ext,
                partition_x - half_int,
                6000 - half_ext,
            ),
            _room(
                "s2",
                "Bedroom",
                "bedroom",
                partition_x + half_int,
                half_ext,
                8000 - half_ext,
                6000 - half_ext,
            ),
        ],
    }


def with_wall(model: dict[str, Any], wall_id: str, **changes: Any) -> dict[str, Any]:
    changed = copy.deepcopy(model)
    for wall in changed["walls"]:
        if wall["id"] == wall_id:
            wall.update(changes)
    return changed
