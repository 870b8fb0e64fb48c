"""Fixtures and furniture as simple lit blocks for the dollhouse view.

A fixture is drawn as one to a few boxes inside its footprint (a bed gets a mattress and pillows,
a sofa a back and arms) so the room reads at a glance. The schema says nothing about which side
is the front, so furniture faces local -y: a bed's headboard and a sofa's back sit at local +y.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from shapely import affinity
from shapely.geometry import Polygon

from planroom.floormodel.geometry import Region
from planroom.floormodel.schema import Fixture
from planroom.render.three_d.solids import Rgb, SoupBuilder, box_triangles, hex_rgb


@dataclass(frozen=True)
class Caster:
    """Something standing on the floor between heights z0 and z1 that casts a shadow."""

    region: Region
    """Convex (a box or a wall piece): its sweep is the hull of its two ends."""
    z0: float
    z1: float

    def sweep(self, dx: float, dy: float) -> Region:
        """The floor shadow for a light whose rays move (dx, dy) in plan per mm of height."""
        low = affinity.translate(self.region, dx * self.z0, dy * self.z0)
        high = affinity.translate(self.region, dx * self.z1, dy * self.z1)
        return low.union(high).convex_hull


@dataclass(frozen=True)
class Block:
    """A box in the fixture's local frame: centre (x, y), size (w, d), heights, colour."""

    x: float
    y: float
    w: float
    d: float
    z0: float
    z1: float
    color: str


DEFAULT_HEIGHTS: dict[str, float] = {
    "toilet": 420,
    "sink": 880,
    "bathtub": 560,
    "shower": 60,
    "stove": 900,
    "oven": 900,
    "refrigerator": 1800,
    "dishwasher": 880,
    "washer_dryer": 880,
    "fireplace": 1100,
    "storage": 1900,
    "bed": 520,
    "sofa": 820,
    "table": 750,
    "chair": 860,
    "tv": 1100,
}

_SOLID_COLORS: dict[str, str] = {
    "toilet": "#fbfbfa",
    "sink": "#f3f2ef",
    "bathtub": "#fbfbfa",
    "shower": "#eef0f1",
    "stove": "#d9d9d9",
    "oven": "#cfcfcf",
    "refrigerator": "#e9e9e9",
    "dishwasher": "#e2e2e2",
    "washer_dryer": "#f4f4f4",
    "fireplace": "#a39a92",
    "storage": "#d8c6aa",
    "tv": "#2f3033",
}


def blocks_for(fixture: Fixture) -> list[Block]:
    """The boxes that draw `fixture`, in its local frame (footprint centred on the origin)."""
    w, d = float(fixture.size[0]), float(fixture.size[1])
    h = float(fixture.height or DEFAULT_HEIGHTS[fixture.category])
    category = fixture.category
    if category == "bed":
        return _bed(w, d, h)
    if category == "sofa":
        return _sofa(w, d, h)
    if category == "table":
        return _table(w, d, h)
    if category == "chair":
        return _chair(w, d, h)
    if category == "stove":
        return [
            Block(0, 0, w, d, 0, h - 20, "#d9d9d9"),
            Block(0, 0, w * 0.9, d * 0.85, h - 20, h, "#35363a"),
        ]
    if category == "bathtub":
        return [
            Block(0, 0, w, d, 0, h, "#fbfbfa"),
            Block(0, 0, w - 120, d - 120, h - 5, h + 1, "#dfe8ee"),
        ]
    if category == "tv":
        return [
            Block(0, 0, w, d, 0, 450, "#8b6d50"),
            Block(0, 0, w * 0.9, 50, 450, h, "#2f3033"),
        ]
    return [Block(0, 0, w, d, 0, h, _SOLID_COLORS.get(category, "#dddddd"))]


def _bed(w: float, d: float, h: float) -> list[Block]:
    pillow_d = min(420.0, d * 0.2)
    pillows = 2 if w >= 1200 else 1
    pillow_w = (w - 120) / pillows - 40
    blocks = [
        Block(0, 0, w, d, 0, h * 0.55, "#9c7b5b"),
        Block(0, -30, w - 40, d - 100, h * 0.55, h, "#f2efe9"),
        Block(0, -d * 0.2, w - 30, d * 0.55, h, h + 30, "#a9b7c2"),
        Block(0, d / 2 - 30, w, 60, 0, h + 420, "#8a6a4c"),
    ]
    for index in range(pillows):
        x = -w / 2 + 60 + pillow_w / 2 + 20 + index * (pillow_w + 40)
        blocks.append(
            Block(x, d / 2 - 80 - pillow_d / 2, pillow_w, pillow_d, h, h + 110, "#ffffff")
        )
    return blocks


def _sofa(w: float, d: float, h: float) -> list[Block]:
    arm = min(180.0, w * 0.12)
    back = min(200.0, d * 0.25)
    seat = 430.0
    fabric, cushion = "#7f8e9c", "#93a2af"
    return [
        Block(0, 0, w, d, 0, seat - 120, fabric),
        Block(0, -back / 2, w - 2 * arm, d - back, seat - 120, seat, cushion),
        Block(0, d / 2 - back / 2, w, back, seat - 120, h, fabric),
        Block(-w / 2 + arm / 2, -back / 2, arm, d - back, seat - 120, seat + 170, fabric),
        Block(w / 2 - arm / 2, -back / 2, arm, d - back, seat - 120, seat + 170, fabric),
    ]


def _table(w: float, d: float, h: float) -> list[Block]:
    leg = 60.0
    blocks = [Block(0, 0, w, d, h - 40, h, "#a27a52")]
    for sx in (-1, 1):
        for sy in (-1, 1):
            x = sx * (w / 2 - leg)
            y = sy * (d / 2 - leg)
            blocks.append(Block(x, y, leg, leg, 0, h - 40, "#8d6744"))
    return blocks


def _chair(w: float, d: float, h: float) -> list[Block]:
    return [
        Block(0, 0, w, d, 0, 450, "#9b7650"),
        Block(0, d / 2 - 25, w, 50, 450, h, "#9b7650"),
    ]


def add_fixture(builder: SoupBuilder, fixture: Fixture) -> list[Caster]:
    """Draw `fixture`; return its blocks as shadow casters."""
    angle = np.radians(fixture.rotation_deg)
    cos_a, sin_a = float(np.cos(angle)), float(np.sin(angle))
    px, py = float(fixture.position[0]), float(fixture.position[1])
    casters: list[Caster] = []
    for index, block in enumerate(blocks_for(fixture)):
        centre = (px + block.x * cos_a - block.y * sin_a, py + block.x * sin_a + block.y * cos_a)
        color: Rgb = hex_rgb(block.color)
        faces = box_triangles(centre, (block.w, block.d), fixture.rotation_deg, block.z0, block.z1)
        for face_index, face in enumerate(faces):
            builder.add(face, color, builder.group(("fixture", fixture.id, index, face_index)))
        casters.append(Caster(_footprint(centre, block, fixture.rotation_deg), block.z0, block.z1))
    return casters


def _footprint(centre: tuple[float, float], block: Block, rotation_deg: float) -> Region:
    half_w, half_d = block.w / 2, block.d / 2
    box = Polygon([(-half_w, -half_d), (half_w, -half_d), (half_w, half_d), (-half_w, half_d)])
    rotated = affinity.rotate(box, rotation_deg, origin=(0, 0))
    return affinity.translate(rotated, centre[0], centre[1])
