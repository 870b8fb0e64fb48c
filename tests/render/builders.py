"""Small hand-made floor models and contexts for the 2D renderer tests."""

from __future__ import annotations

from typing import Any

from planroom.floormodel.schema import (
    Fixture,
    FloorModel,
    Level,
    Opening,
    PropertyInfo,
    Space,
    Stair,
    Wall,
)
from planroom.render.context import Address, Branding, RenderContext
from planroom.render.styles import BUILTIN_TEMPLATES, StyleOptions

EXTERIOR = 152
INTERIOR = 114


def rect(x0: int, y0: int, x1: int, y1: int, inset: int = 57) -> list[tuple[int, int]]:
    """A room rectangle between wall centre lines, shrunk to the walls' inner faces."""
    return [
        (x0 + inset, y0 + inset),
        (x1 - inset, y0 + inset),
        (x1 - inset, y1 - inset),
        (x0 + inset, y1 - inset),
    ]


def wall(
    wall_id: str,
    level: str,
    start: tuple[int, int],
    end: tuple[int, int],
    *,
    exterior: bool = False,
) -> Wall:
    return Wall(
        id=wall_id,
        level_id=level,
        start=start,
        end=end,
        thickness=EXTERIOR if exterior else INTERIOR,
        kind="exterior" if exterior else "interior",
    )


def box_walls(prefix: str, level: str, x0: int, y0: int, x1: int, y1: int) -> list[Wall]:
    """Four exterior walls around a rectangle, counter-clockwise from the bottom one."""
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return [
        wall(f"{prefix}{index}", level, corners[index], corners[(index + 1) % 4], exterior=True)
        for index in range(4)
    ]


def opening(
    opening_id: str, wall_id: str, kind: Any, offset: int, width: int, **extra: Any
) -> Opening:
    height = 1200 if kind == "window" else 2032
    sill = 900 if kind == "window" else 0
    return Opening(
        id=opening_id,
        wall_id=wall_id,
        kind=kind,
        offset=offset,
        width=width,
        height=height,
        sill=sill,
        **extra,
    )


def apartment() -> FloorModel:
    """A 10 x 8 m apartment: bedroom, bath, walk-in closet, L-shaped hall, kitchen, living room."""
    level = "L0"
    walls = [
        *box_walls("e", level, 0, 0, 10000, 8000),
        wall("i1", level, (4000, 0), (4000, 8000)),
        wall("i2", level, (0, 4000), (4000, 4000)),
        wall("i3", level, (2400, 0), (2400, 2600)),
        wall("i4", level, (0, 2600), (2400, 2600)),
        wall("i5", level, (1600, 2600), (1600, 4000)),
        wall("i6", level, (4000, 3500), (6000, 3500)),
    ]
    openings = [
        opening("entry", "e0", "door", 3200, 900, hinge="start", swing="left"),
        opening("bath-win", "e0", "window", 1200, 600),
        opening("kitchen-win", "e1", "window", 1700, 1200),
        opening("balcony-door", "e2", "sliding_door", 2000, 2000),
        opening("living-win", "e2", "window", 5000, 1500),
        opening("bed-win", "e3", "window", 2000, 1500),
        opening("hall-kitchen", "i1", "opening", 1800, 1000),
        opening("bed-door", "i2", "door", 2800, 800, hinge="end", swing="left"),
        opening("bath-door", "i3", "door", 1800, 750, hinge="start", swing="left"),
        opening("closet-door", "i5", "door", 700, 600, hinge="start", swing="left"),
        opening("living-doors", "i6", "double_door", 1000, 1400, swing="left"),
    ]
    spaces = [
        Space(
            id="bed",
            level_id=level,
            name="Bedroom",
            type="bedroom",
            polygon=rect(0, 4000, 4000, 8000),
        ),
        Space(
            id="bath",
            level_id=level,
            name="Bathroom",
            type="bathroom",
            polygon=rect(0, 0, 2400, 2600),
        ),
        Space(
            id="wic",
            level_id=level,
            name="Walk-in Closet",
            type="closet",
            polygon=rect(0, 2600, 1600, 4000),
        ),
        Space(
            id="hall",
            level_id=level,
            name="Hall",
            type="hall",
            polygon=[
                (2457, 57),
                (3943, 57),
                (3943, 3943),
                (1657, 3943),
                (1657, 2657),
                (2457, 2657),
            ],
        ),
        Space(
            id="kitchen",
            level_id=level,
            name="Kitchen",
            type="kitchen",
            polygon=rect(4000, 0, 10000, 3500),
        ),
        Space(
            id="living",
            level_id=level,
            name="Living Room",
            type="living",
            polygon=rect(4000, 3500, 10000, 8000),
        ),
        Space(
            id="balcony",
            level_id=level,
            name="Balcony",
            type="balcony",
            polygon=[(6000, 8076), (10000, 8076), (10000, 9600), (6000, 9600)],
        ),
    ]
    fixtures = [
        Fixture(
            id="wc",
            level_id=level,
            category="toilet",
            position=(400, 1800),
            size=(380, 650),
            rotation_deg=-90,
        ),
        Fixture(
            id="basin",
            level_id=level,
            category="sink",
            position=(1300, 2300),
            size=(600, 450),
            rotation_deg=180,
        ),
        Fixture(
            id="tub", level_id=level, category="bathtub", position=(1200, 450), size=(1700, 750)
        ),
        Fixture(
            id="bed",
            level_id=level,
            category="bed",
            position=(2000, 6600),
            size=(1600, 2000),
            rotation_deg=180,
        ),
        Fixture(
            id="sofa", level_id=level, category="sofa", position=(7000, 4200), size=(2200, 900)
        ),
        Fixture(
            id="stove",
            level_id=level,
            category="stove",
            position=(8500, 3100),
            size=(600, 600),
            rotation_deg=180,
        ),
        Fixture(
            id="fridge",
            level_id=level,
            category="refrigerator",
            position=(9500, 3100),
            size=(700, 650),
            rotation_deg=180,
        ),
    ]
    return FloorModel(
        property=PropertyInfo(property_type="apartment", north_deg=20.0),
        levels=[Level(id=level, name="Apartment", index=0)],
        walls=walls,
        openings=openings,
        spaces=spaces,
        fixtures=fixtures,
    )


def two_storey_house() -> FloorModel:
    """A house with a garage and a stair up to a second floor with an open-to-below void."""
    ground, upper = "G", "U"
    walls = [
        *box_walls("g", ground, 0, 0, 9000, 7000),
        *[
            w.model_copy(update={"id": f"gar{i}"})
            for i, w in enumerate(box_walls("x", ground, 9000, 0, 15000, 6000))
            if i != 3
        ],
        wall("gi1", ground, (5500, 0), (5500, 7000)),
        *box_walls("u", upper, 0, 0, 9000, 7000),
        wall("ui1", upper, (4500, 0), (4500, 7000)),
        wall("ui2", upper, (4500, 3000), (9000, 3000)),
    ]
    openings = [
        opening("front", "g0", "door", 2500, 950, hinge="end", swing="left"),
        opening("g-win", "g2", "window", 5000, 1800),
        opening("k-win", "g2", "window", 1800, 1200),
        opening("lk", "gi1", "opening", 4500, 1500),
        opening("garage-door", "gar0", "garage_door", 3000, 4800, swing="left"),
        opening("garage-entry", "g1", "door", 1500, 800, hinge="start", swing="right"),
        opening("u-win", "u2", "window", 2000, 1500),
        opening("bed2-door", "ui1", "door", 1500, 800, hinge="start", swing="right"),
        opening("bath-door", "ui2", "door", 1200, 750, hinge="start", swing="left"),
    ]
    spaces = [
        Space(
            id="living",
            level_id=ground,
            name="Living Room",
            type="living",
            polygon=rect(0, 0, 5500, 7000),
        ),
        Space(
            id="kitchen",
            level_id=ground,
            name="Kitchen",
            type="kitchen",
            polygon=rect(5500, 0, 9000, 7000),
        ),
        Space(
            id="garage",
            level_id=ground,
            name="Garage",
            type="garage",
            polygon=rect(9000, 0, 15000, 6000),
            finished=False,
            heated=False,
        ),
        Space(
            id="bed1",
            level_id=upper,
            name="Bedroom",
            type="bedroom",
            polygon=rect(0, 0, 4500, 7000),
        ),
        Space(
            id="bath",
            level_id=upper,
            name="Bathroom",
            type="bathroom",
            polygon=rect(4500, 0, 9000, 3000),
        ),
        Space(
            id="landing",
            level_id=upper,
            name="Hall",
            type="hall",
            polygon=rect(4500, 3000, 9000, 7000),
        ),
    ]
    stairs = [
        Stair(
            id="st",
            level_id=ground,
            from_level_id=ground,
            to_level_id=upper,
            footprint=[(7800, 3200), (8900, 3200), (8900, 6900), (7800, 6900)],
            direction_deg=90.0,
            treads=14,
        )
    ]
    return FloorModel(
        property=PropertyInfo(property_type="detached"),
        levels=[
            Level(id=ground, name="First Floor", index=0),
            Level(id=upper, name="Second Floor", index=1, elevation=2800),
        ],
        walls=walls,
        openings=openings,
        spaces=spaces,
        stairs=stairs,
    )


def context(
    model: FloorModel, template: str = "classic", long_side: int = 400, **style: Any
) -> RenderContext:
    """A render context for `model` with a built-in template, optionally overriding options."""
    options = BUILTIN_TEMPLATES[template].options
    if style:
        options = StyleOptions.model_validate({**options.model_dump(exclude_unset=True), **style})
    return RenderContext(
        order_id="order-1",
        model=model,
        model_version=3,
        address=Address(
            street="121 North Washington Avenue",
            city="Minneapolis",
            country="United States",
            state="MN",
            postal_code="55411",
            latitude=44.986947,
            longitude=-93.275918,
        ),
        style=options,
        measurement_system="imperial",
        branding=Branding(company_name="Planroom Test"),
        file_stem="121-north-washington-avenue",
        image_long_side_px=long_side,
    )
