"""Small builders for hand-made floor models (no generator involved)."""

from __future__ import annotations

from collections.abc import Sequence

from shapely.geometry import Polygon

from planroom.floormodel.schema import (
    FloorModel,
    Level,
    PropertyInfo,
    PropertyType,
    Space,
    SpaceType,
    Wall,
    WallKind,
)

MM_PER_FOOT = 304.8
SQ_MM_PER_SQ_FT = MM_PER_FOOT * MM_PER_FOOT


def ft(feet: float) -> int:
    """Feet to whole millimetres."""
    return round(feet * MM_PER_FOOT)


def sq_ft(area_sq_mm: float) -> float:
    return area_sq_mm / SQ_MM_PER_SQ_FT


def level(level_id: str = "L0", index: int = 0, **fields: object) -> Level:
    return Level(id=level_id, name=f"Level {index}", index=index, **fields)


def rect(x0: int, y0: int, x1: int, y1: int) -> list[tuple[int, int]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def space(
    space_id: str,
    points: Sequence[tuple[int, int]],
    space_type: SpaceType = "living",
    level_id: str = "L0",
    **fields: object,
) -> Space:
    return Space(
        id=space_id,
        level_id=level_id,
        name=space_id.title(),
        type=space_type,
        polygon=list(points),
        **fields,
    )


def wall(
    wall_id: str,
    start: tuple[int, int],
    end: tuple[int, int],
    thickness: int = 152,
    kind: WallKind = "exterior",
    level_id: str = "L0",
) -> Wall:
    return Wall(id=wall_id, level_id=level_id, start=start, end=end, thickness=thickness, kind=kind)


def ring_walls(
    centre_line: Sequence[tuple[int, int]],
    thickness: int = 152,
    kind: WallKind = "exterior",
    level_id: str = "L0",
    prefix: str = "w",
) -> list[Wall]:
    """One wall per edge of a closed centre-line polygon."""
    count = len(centre_line)
    return [
        wall(
            f"{prefix}{index + 1}",
            centre_line[index],
            centre_line[(index + 1) % count],
            thickness,
            kind,
            level_id,
        )
        for index in range(count)
    ]


def inset(points: Sequence[tuple[int, int]], distance: float) -> list[tuple[int, int]]:
    """An orthogonal outline moved inward by `distance` (mitred corners), counter-clockwise."""
    shrunk = Polygon(points).buffer(-distance, join_style="mitre")
    coords = list(shrunk.exterior.coords)[:-1]
    if not Polygon(coords).exterior.is_ccw:
        coords.reverse()
    return [(round(x), round(y)) for x, y in coords]


def house(
    outer: Sequence[tuple[int, int]],
    thickness: int = 152,
    property_type: PropertyType = "detached",
    level_id: str = "L0",
    space_type: SpaceType = "living",
) -> FloorModel:
    """One room inside exterior walls whose outer faces follow `outer`."""
    centre = inset(outer, thickness / 2)
    room = inset(outer, thickness)
    return FloorModel(
        property=PropertyInfo(property_type=property_type),
        levels=[level(level_id)],
        walls=ring_walls(centre, thickness, level_id=level_id),
        spaces=[space("room", room, space_type, level_id)],
    )
