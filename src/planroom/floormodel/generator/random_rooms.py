"""Furnishing a random room: the objects RoomPlan would find in a room of each type."""

from __future__ import annotations

import random

from shapely.geometry import box

from planroom.floormodel.generator.layout import XY, FixtureSpec
from planroom.floormodel.geometry import polygon_of
from planroom.floormodel.schema import FixtureCategory, SpaceType

Item = tuple[FixtureCategory, int, int, int, str]
"""Category, width, depth, height (mm), and where: "wall" (against a wall) or "middle"."""

TABLE_SET: list[Item] = [
    ("table", 1400, 850, 750, "middle"),
    ("chair", 450, 450, 900, "middle"),
    ("chair", 450, 450, 900, "middle"),
]


def _items(rng: random.Random, space_type: SpaceType, area_m2: float) -> list[Item]:
    if space_type == "bedroom":
        bed: Item = (
            ("bed", 1600, 2000, 600, "wall") if area_m2 >= 9 else ("bed", 900, 1900, 600, "wall")
        )
        extra: list[Item] = [("storage", 1200, 550, 1900, "wall")] if rng.random() < 0.5 else []
        return [bed, *extra]
    if space_type == "bathroom":
        items: list[Item] = [("toilet", 400, 700, 800, "wall"), ("sink", 600, 480, 850, "wall")]
        if area_m2 >= 4.2 and rng.random() < 0.8:
            items.insert(0, ("bathtub", 1600, 750, 550, "wall"))
        return items
    if space_type == "kitchen":
        items = [
            ("stove", 760, 650, 900, "wall"),
            ("refrigerator", 900, 750, 1800, "wall"),
            ("dishwasher", 600, 600, 850, "wall"),
            ("sink", 800, 600, 900, "wall"),
        ]
        if area_m2 >= 12 and rng.random() < 0.5:
            items += TABLE_SET
        return items
    if space_type == "laundry":
        washer: list[Item] = [("washer_dryer", 700, 700, 900, "wall")]
        return washer + ([("sink", 600, 500, 900, "wall")] if rng.random() < 0.4 else [])
    if space_type == "living":
        items = [("sofa", 2100, 900, 850, "wall"), ("tv", 1200, 300, 700, "wall")]
        if area_m2 >= 20 and rng.random() < 0.4:
            items += TABLE_SET
        return items
    if space_type == "dining":
        return list(TABLE_SET)
    if space_type in ("closet", "utility") and rng.random() < 0.5:
        return [("storage", 900, 450, 1800, "wall")]
    return []


def fixtures_for(
    rng: random.Random, space_type: SpaceType, outline: tuple[XY, ...], wall_half: int
) -> tuple[FixtureSpec, ...]:
    """Objects placed inside the floor of a room drawn on wall centre lines, none overlapping."""
    shape = polygon_of(outline)
    inside = shape.buffer(-(wall_half + 60), join_style="mitre")
    floor_box = shape.buffer(-wall_half, join_style="mitre").bounds
    x0, y0, x1, y1 = (float(v) for v in floor_box)
    placed: list[object] = []
    specs: list[FixtureSpec] = []
    for category, width, depth, height, where in _items(rng, space_type, float(shape.area) / 1e6):
        for _ in range(30):
            rotation = rng.choice((0.0, 90.0, 180.0, 270.0))
            along, across = (width, depth) if rotation in (0.0, 180.0) else (depth, width)
            if where == "middle":
                cx = rng.uniform(x0 + along / 2 + 300, x1 - along / 2 - 300)
                cy = rng.uniform(y0 + across / 2 + 300, y1 - across / 2 - 300)
            else:
                # Against the wall the object's back faces: rotation 0 backs onto the south wall.
                side = {0.0: "s", 90.0: "e", 180.0: "n", 270.0: "w"}[rotation]
                cx = rng.uniform(x0 + along / 2 + 80, x1 - along / 2 - 80)
                cy = rng.uniform(y0 + across / 2 + 80, y1 - across / 2 - 80)
                if side == "s":
                    cy = y0 + across / 2 + 90
                elif side == "n":
                    cy = y1 - across / 2 - 90
                elif side == "e":
                    cx = x1 - along / 2 - 90
                else:
                    cx = x0 + along / 2 + 90
            if x1 - x0 < along + 200 or y1 - y0 < across + 200:
                break
            foot = box(cx - along / 2, cy - across / 2, cx + along / 2, cy + across / 2)
            if not inside.contains(foot) or any(foot.intersects(other) for other in placed):
                continue
            placed.append(foot.buffer(150))
            specs.append(
                FixtureSpec(
                    category,
                    (round((cx - x0) / (x1 - x0), 4), round((cy - y0) / (y1 - y0), 4)),
                    (width, depth),
                    height,
                    rotation,
                )
            )
            break
    return tuple(specs)
