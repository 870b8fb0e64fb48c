"""Small hand-made floor models for the 3D, CAD and report tests."""

from __future__ import annotations

from typing import Any

from planroom.floormodel.schema import (
    Fixture,
    FixtureCategory,
    FloorModel,
    Level,
    Opening,
    OpeningKind,
    Space,
    SpaceType,
    Stair,
    Wall,
    WallKind,
)
from planroom.render.context import Address, Branding, RenderContext
from planroom.render.styles import StyleOptions

EXTERIOR_MM = 200
INTERIOR_MM = 100


def wall(
    wall_id: str,
    start: tuple[int, int],
    end: tuple[int, int],
    *,
    level: str = "L0",
    kind: WallKind = "interior",
    height: int = 2438,
) -> Wall:
    thickness = EXTERIOR_MM if kind == "exterior" else INTERIOR_MM
    return Wall(
        id=wall_id,
        level_id=level,
        start=start,
        end=end,
        thickness=thickness,
        height=height,
        kind=kind,
    )


def box_walls(prefix: str, x0: int, y0: int, x1: int, y1: int, *, level: str = "L0") -> list[Wall]:
    """Four exterior walls on the centre lines of a rectangle, counter-clockwise from the south."""
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return [
        wall(
            f"{prefix}{index}",
            corners[index],
            corners[(index + 1) % 4],
            level=level,
            kind="exterior",
        )
        for index in range(4)
    ]


def room(
    space_id: str,
    name: str,
    space_type: SpaceType,
    x0: int,
    y0: int,
    x1: int,
    y1: int,
    *,
    level: str = "L0",
) -> Space:
    return Space(
        id=space_id,
        level_id=level,
        name=name,
        type=space_type,
        polygon=[(x0, y0), (x1, y0), (x1, y1), (x0, y1)],
    )


def door(opening_id: str, wall_id: str, offset: int, width: int = 800) -> Opening:
    return Opening(
        id=opening_id,
        wall_id=wall_id,
        kind="door",
        offset=offset,
        width=width,
        height=2032,
        hinge="start",
        swing="left",
    )


def window(
    opening_id: str, wall_id: str, offset: int, width: int = 1200, kind: OpeningKind = "window"
) -> Opening:
    return Opening(
        id=opening_id, wall_id=wall_id, kind=kind, offset=offset, width=width, height=1200, sill=900
    )


def fixture(
    fixture_id: str,
    category: FixtureCategory,
    x: int,
    y: int,
    w: int,
    d: int,
    rotation: float = 0.0,
    *,
    level: str = "L0",
) -> Fixture:
    return Fixture(
        id=fixture_id,
        level_id=level,
        category=category,
        position=(x, y),
        size=(w, d),
        rotation_deg=rotation,
    )


def one_room_model(*, with_door: bool = True, space_type: SpaceType = "living") -> FloorModel:
    """A single 4 m x 3 m room; its south wall has a door when asked."""
    walls = box_walls("w", 0, 0, 4000, 3000)
    openings = [door("d1", "w0", 2000, 900)] if with_door else []
    return FloorModel(
        levels=[Level(id="L0", name="Ground floor", index=0)],
        walls=walls,
        openings=openings,
        spaces=[room("s1", "Living room", space_type, 100, 100, 3900, 2900)],
    )


def small_house() -> FloorModel:
    """Two storeys: living, kitchen, bedroom and bath below; two bedrooms and a bath above."""
    ground = [
        *box_walls("g", 0, 0, 10000, 8000),
        wall("gi1", (6000, 0), (6000, 8000)),
        wall("gi2", (6000, 4500), (10000, 4500)),
        wall("gi3", (0, 5000), (3500, 5000)),
    ]
    upper = [
        *box_walls("u", 0, 0, 10000, 8000, level="L1"),
        wall("ui1", (5000, 0), (5000, 8000), level="L1"),
        wall("ui2", (5000, 5000), (10000, 5000), level="L1"),
    ]
    openings = [
        door("o1", "g0", 1500, 900),
        window("o2", "g0", 4200, 1600),
        window("o3", "g1", 2200),
        door("o4", "gi1", 2200),
        door("o5", "gi1", 6200),
        window("o6", "g2", 2000, 1000),
        window("o7", "g3", 2000, 1400),
        door("o8", "gi3", 2600),
        window("o9", "g2", 7800),
        door("o10", "ui1", 2000),
        door("o11", "ui1", 6500),
        window("o12", "u0", 2500, 1400),
        window("o13", "u0", 7500, 1400),
        window("o14", "u2", 2500),
        window("o15", "u2", 7500, 1000),
    ]
    spaces = [
        room("s1", "Living room", "living", 100, 100, 5950, 4950),
        room("s2", "Kitchen", "kitchen", 100, 5050, 5950, 7900),
        room("s3", "Bedroom", "bedroom", 6050, 100, 9900, 4450),
        room("s4", "Bathroom", "bathroom", 6050, 4550, 9900, 7900),
        room("s5", "Bedroom 2", "bedroom", 100, 100, 4950, 7900, level="L1"),
        room("s6", "Primary bedroom", "bedroom", 5050, 100, 9900, 4950, level="L1"),
        room("s7", "Bathroom 2", "bathroom", 5050, 5050, 9900, 7900, level="L1"),
    ]
    fixtures = [
        fixture("f1", "sofa", 2800, 1000, 2200, 900, 180.0),
        fixture("f2", "table", 4300, 3300, 1400, 900),
        fixture("f3", "bed", 8000, 2600, 1600, 2000, 0.0),
        fixture("f4", "toilet", 9500, 7300, 400, 650, 270.0),
        fixture("f5", "bathtub", 7000, 7450, 1700, 750),
        fixture("f6", "sink", 8400, 7650, 600, 450),
        fixture("f7", "stove", 2000, 7600, 600, 600),
        fixture("f8", "refrigerator", 900, 7550, 700, 650),
        fixture("f9", "bed", 2500, 5500, 1400, 2000, level="L1"),
        fixture("f10", "bed", 7500, 2500, 1800, 2100, level="L1"),
        fixture("f11", "toilet", 9500, 7300, 400, 650, 270.0, level="L1"),
        fixture("f12", "shower", 5600, 7350, 900, 900, level="L1"),
    ]
    stairs = [
        Stair(
            id="st1",
            level_id="L0",
            from_level_id="L0",
            to_level_id="L1",
            footprint=[(4900, 5100), (5900, 5100), (5900, 7850), (4900, 7850)],
            direction_deg=90.0,
            treads=14,
        ),
    ]
    return FloorModel(
        levels=[
            Level(id="L0", name="Ground floor", index=0),
            Level(id="L1", name="First floor", index=1, elevation=2740),
        ],
        walls=ground + upper,
        openings=openings,
        spaces=spaces,
        fixtures=fixtures,
        stairs=stairs,
    )


def basement_house() -> FloorModel:
    """`small_house` with a below-grade level under it."""
    house = small_house()
    basement = Level(id="B1", name="Basement", index=-1, elevation=-2600, grade="below")
    walls = box_walls("b", 0, 0, 10000, 8000, level="B1")
    spaces = [room("sb", "Recreation room", "other", 100, 100, 9900, 7900, level="B1")]
    return house.model_copy(
        update={
            "levels": [basement, *house.levels],
            "walls": [*walls, *house.walls],
            "spaces": [*spaces, *house.spaces],
        }
    )


def context(model: FloorModel, **overrides: Any) -> RenderContext:
    """A render context for `model` with a fixed address; `overrides` set any other field."""
    fields: dict[str, Any] = {
        "order_id": "order-1",
        "model": model,
        "model_version": 3,
        "address": Address(
            street="121 North Washington Avenue",
            city="Minneapolis",
            country="United States",
            state="Minnesota",
            postal_code="55411",
            full_address="121 North Washington Avenue, Minneapolis, Minnesota 55411, United States",
        ),
        "style": StyleOptions(),
        "measurement_system": "imperial",
        "branding": Branding(company_name="Northlight Photo"),
        "file_stem": "121-north-washington-avenue",
    }
    fields.update(overrides)
    return RenderContext(**fields)
