"""RoomPlan objects: fixtures with their footprint, and stairs between stories."""

from __future__ import annotations

import math
from collections.abc import Sequence

from planroom.floormodel.roomplan.plan import PlanScan, Vec
from planroom.floormodel.schema import Finding, Fixture, FixtureCategory, Level, Stair

FIXTURE_CATEGORIES: dict[str, FixtureCategory] = {
    "bathtub": "bathtub",
    "bed": "bed",
    "chair": "chair",
    "dishwasher": "dishwasher",
    "fireplace": "fireplace",
    "oven": "oven",
    "refrigerator": "refrigerator",
    "sink": "sink",
    "sofa": "sofa",
    "storage": "storage",
    "stove": "stove",
    "table": "table",
    "television": "tv",
    "toilet": "toilet",
    "washerDryer": "washer_dryer",
}


def _snapped_rotation(degrees: float) -> float:
    degrees %= 360.0
    nearest = round(degrees / 90.0) * 90.0
    if abs(degrees - nearest) <= 3.0:
        degrees = nearest % 360.0
    return round(degrees, 1)


def fixtures_and_stairs(
    plan: PlanScan, levels: Sequence[Level], shift: Vec, warnings: list[Finding]
) -> tuple[list[Fixture], list[Stair]]:
    level_of = {level.index: level for level in levels}
    fixtures: list[Fixture] = []
    stairs: list[Stair] = []
    for item in sorted(
        plan.objects, key=lambda o: (o.story, round(o.center[1]), round(o.center[0]))
    ):
        level = level_of.get(item.story)
        if level is None:
            warnings.append(
                Finding(
                    code="element_skipped",
                    element=item.label,
                    message=f"{item.label}: its story has no walls; it was skipped",
                )
            )
            continue
        center = (item.center[0] - shift[0], item.center[1] - shift[1])
        rotation = _snapped_rotation(item.rotation_deg)
        if item.category == "stairs":
            stairs.append(
                _stair(item.size, center, rotation, item.height, level, levels, len(stairs))
            )
            continue
        category = FIXTURE_CATEGORIES.get(item.category)
        if category is None:
            warnings.append(
                Finding(
                    code="element_skipped",
                    element=item.label,
                    message=f"{item.label}: unknown object category {item.category!r} skipped",
                )
            )
            continue
        fixtures.append(
            Fixture(
                id=f"f{len(fixtures) + 1}",
                level_id=level.id,
                category=category,
                position=(round(center[0]), round(center[1])),
                size=(max(1, round(item.size[0])), max(1, round(item.size[1]))),
                rotation_deg=rotation,
                height=max(1, round(item.height)),
            )
        )
    return fixtures, stairs


def _stair(
    size: Vec,
    center: Vec,
    rotation: float,
    height: float,
    level: Level,
    levels: Sequence[Level],
    numbered: int,
) -> Stair:
    run, width = size
    direction = rotation if run >= width else rotation + 90.0
    run, width = max(run, width), min(run, width)
    radians = math.radians(direction)
    ux, uy = math.cos(radians), math.sin(radians)
    vx, vy = -uy, ux
    corners = [
        (
            round(center[0] + ux * a * run / 2 + vx * b * width / 2),
            round(center[1] + uy * a * run / 2 + vy * b * width / 2),
        )
        for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    ]
    above = [other for other in levels if other.index > level.index]
    below = [other for other in levels if other.index < level.index]
    if above:
        lower, upper = level, min(above, key=lambda other: other.index)
    elif below:
        lower, upper = max(below, key=lambda other: other.index), level
    else:
        lower, upper = level, level
    return Stair(
        id=f"st{numbered + 1}",
        level_id=lower.id,
        from_level_id=lower.id,
        to_level_id=upper.id,
        footprint=corners,
        direction_deg=round(direction % 360.0, 1),
        treads=max(1, round(height / 185.0)),
    )
