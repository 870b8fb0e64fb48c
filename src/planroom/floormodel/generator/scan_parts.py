"""Floors and objects of a synthetic scan: the floor polygon, fixtures and stairs."""

from __future__ import annotations

import math

import numpy as np
from shapely.geometry import Point

from planroom.floormodel.generator.scan_frame import ScanWriter, rounded
from planroom.floormodel.geometry import polygon_of
from planroom.floormodel.schema import Level, Space

OBJECT_CATEGORIES = {
    "tv": "television",
    "washer_dryer": "washerDryer",
}
UNSCANNED_FIXTURES = frozenset({"shower"})
"""Fixtures RoomPlan has no category for."""
DEVICE_HEIGHT_M = 1.35
"""RoomPlan's world origin is where the phone started, roughly at chest height."""


def floor_surface(writer: ScanWriter, space: Space, floor: float, story: int) -> dict[str, object]:
    centroid = polygon_of(space.polygon).centroid
    center = (float(centroid.x), float(centroid.y))
    matrix = writer.frame(center, floor, 0.0)
    inverse = np.linalg.inv(matrix)
    corners = []
    for x, y in space.polygon:
        noisy = (
            x + writer.jitter(writer.noise.corner_mm),
            y + writer.jitter(writer.noise.corner_mm),
        )
        local = inverse @ np.append(writer.world(noisy, floor), 1.0)
        corners.append([rounded(local[0]), 0.0, rounded(local[2])])
    length = max(p[0] for p in space.polygon) - min(p[0] for p in space.polygon)
    depth = max(p[1] for p in space.polygon) - min(p[1] for p in space.polygon)
    return writer.surface(
        {"floor": {}}, matrix, [length / 1000.0, 0.0, depth / 1000.0], story, corners=corners
    )


def object_surfaces(
    writer: ScanWriter, level: Level, space: Space, floor: float
) -> list[dict[str, object]]:
    shape = polygon_of(space.polygon)
    items = []
    for fixture in writer.model.fixtures_on(level.id):
        if fixture.category in UNSCANNED_FIXTURES or not shape.contains(Point(fixture.position)):
            continue
        height = fixture.height or 900
        matrix = writer.frame(
            fixture.position, floor + height / 2.0, math.radians(fixture.rotation_deg)
        )
        category = OBJECT_CATEGORIES.get(fixture.category, fixture.category)
        item = writer.surface(
            {category: {}},
            matrix,
            [fixture.size[0] / 1000.0, height / 1000.0, fixture.size[1] / 1000.0],
            level.index,
        )
        for key in ("parentIdentifier", "completedEdges", "curve", "polygonCorners"):
            item.pop(key)
        item["attributes"] = {}
        items.append(item)
    for stair in writer.model.stairs_on(level.id):
        footprint = polygon_of(stair.footprint)
        if not shape.contains(footprint.centroid):
            continue
        upper = writer.model.level(stair.to_level_id)
        rise = max(1, upper.elevation - level.elevation)
        direction = math.radians(stair.direction_deg)
        ux, uy = math.cos(direction), math.sin(direction)
        run = (
            max(
                abs((x - footprint.centroid.x) * ux + (y - footprint.centroid.y) * uy)
                for x, y in stair.footprint
            )
            * 2
        )
        width = (
            max(
                abs(-(x - footprint.centroid.x) * uy + (y - footprint.centroid.y) * ux)
                for x, y in stair.footprint
            )
            * 2
        )
        center = (float(footprint.centroid.x), float(footprint.centroid.y))
        matrix = writer.frame(center, floor + rise / 2.0, direction)
        item = writer.surface(
            {"stairs": {}}, matrix, [run / 1000.0, rise / 1000.0, width / 1000.0], level.index
        )
        for key in ("parentIdentifier", "completedEdges", "curve", "polygonCorners"):
            item.pop(key)
        items.append(item)
    return items
