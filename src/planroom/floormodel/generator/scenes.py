"""The scenes the generator knows: from one rectangular room to a two-storey house."""

from __future__ import annotations

import math
from collections.abc import Callable

from planroom.floormodel.generator.layout import (
    Arc,
    FixtureSpec,
    LevelSpec,
    OpeningSpec,
    RoomSpec,
    Scene,
    StairSpec,
    draft,
    rectangle,
)

WINDOW = {"kind": "window", "width": 1200, "height": 1200, "sill": 900}
SMALL_WINDOW = {"kind": "window", "width": 600, "height": 600, "sill": 1500}

SOFA = FixtureSpec("sofa", (0.5, 0.2), (2100, 900), 850)
TV = FixtureSpec("tv", (0.5, 0.92), (1200, 300), 700)
BED = FixtureSpec("bed", (0.5, 0.6), (1600, 2000), 600)
TOILET = FixtureSpec("toilet", (0.8, 0.2), (400, 700), 800)
SINK = FixtureSpec("sink", (0.25, 0.2), (600, 500), 850)
BATHTUB = FixtureSpec("bathtub", (0.5, 0.8), (1500, 750), 550)
STOVE = FixtureSpec("stove", (0.3, 0.15), (760, 650), 900)
FRIDGE = FixtureSpec("refrigerator", (0.85, 0.15), (900, 750), 1800)
KITCHEN_SINK = FixtureSpec("sink", (0.55, 0.15), (800, 600), 900)
DISHWASHER = FixtureSpec("dishwasher", (0.7, 0.15), (600, 600), 850)
TABLE = FixtureSpec("table", (0.5, 0.5), (1600, 900), 750)
CHAIR_A = FixtureSpec("chair", (0.5, 0.25), (450, 450), 900)
CHAIR_B = FixtureSpec("chair", (0.5, 0.75), (450, 450), 900, 180.0)
SHELF = FixtureSpec("storage", (0.5, 0.12), (1800, 450), 1800)
WASHER = FixtureSpec("washer_dryer", (0.5, 0.2), (700, 700), 900)


def _window(
    rooms: tuple[str, ...], facing: str, at: float = 0.5, small: bool = False
) -> OpeningSpec:
    params = SMALL_WINDOW if small else WINDOW
    return OpeningSpec(rooms=rooms, facing=facing, at=at, **params)  # type: ignore[arg-type]


def _one_room(
    name: str,
    outline: tuple[tuple[int, int], ...],
    fixtures: tuple[FixtureSpec, ...],
    openings: tuple[OpeningSpec, ...],
    arcs: tuple[Arc, ...] = (),
) -> Scene:
    room = RoomSpec("Living Room", "living", outline, fixtures=fixtures)
    level = LevelSpec("L0", "First Floor", 0, (room,), openings=openings)
    return Scene(name, draft([level]), arcs=arcs)


def rectangle_room() -> Scene:
    return _one_room(
        "rectangle",
        rectangle(0, 0, 5000, 4000),
        (SOFA, TV),
        (
            OpeningSpec(("Living Room",), facing="south", at=0.25),
            _window(("Living Room",), "north"),
            _window(("Living Room",), "east"),
        ),
    )


def l_shape() -> Scene:
    return _one_room(
        "l_shape",
        ((0, 0), (6000, 0), (6000, 3000), (3500, 3000), (3500, 5500), (0, 5500)),
        (SOFA,),
        (
            OpeningSpec(("Living Room",), facing="west", at=0.3),
            _window(("Living Room",), "south", 0.7),
            _window(("Living Room",), "north"),
        ),
    )


def apartment() -> Scene:
    rooms = (
        RoomSpec("Living Room", "living", rectangle(0, 0, 6000, 4500), fixtures=(SOFA, TV)),
        RoomSpec(
            "Kitchen",
            "kitchen",
            rectangle(6000, 0, 10000, 4500),
            fixtures=(STOVE, KITCHEN_SINK, DISHWASHER, FRIDGE),
        ),
        RoomSpec("Hall", "hall", rectangle(0, 4500, 10000, 5700)),
        RoomSpec("Bedroom 1", "bedroom", rectangle(0, 5700, 4000, 9000), fixtures=(BED,)),
        RoomSpec("Closet", "closet", rectangle(4000, 5700, 5000, 9000)),
        RoomSpec(
            "Bathroom",
            "bathroom",
            rectangle(5000, 5700, 6500, 9000),
            fixtures=(TOILET, SINK, FixtureSpec("bathtub", (0.5, 0.75), (700, 1500), 550)),
        ),
        RoomSpec("Bedroom 2", "bedroom", rectangle(6500, 5700, 10000, 9000), fixtures=(BED,)),
    )
    openings = (
        OpeningSpec(("Hall",), facing="west", width=914),
        OpeningSpec(("Living Room", "Hall"), at=0.6),
        OpeningSpec(("Kitchen", "Hall"), kind="opening", width=1200),
        OpeningSpec(("Bedroom 1", "Hall"), at=0.7),
        OpeningSpec(("Closet", "Bedroom 1"), at=0.3, width=610),
        OpeningSpec(("Bathroom", "Hall"), width=711),
        OpeningSpec(("Bedroom 2", "Hall"), at=0.3),
        _window(("Living Room",), "south", 0.3),
        _window(("Living Room",), "south", 0.7),
        _window(("Kitchen",), "south"),
        _window(("Bedroom 1",), "north"),
        _window(("Bathroom",), "north", small=True),
        _window(("Bedroom 2",), "north"),
    )
    level = LevelSpec("L0", "First Floor", 0, rooms, openings)
    return Scene("apartment", draft([level], property_type="apartment"))


def house_garage_porch() -> Scene:
    rooms = (
        RoomSpec("Living Room", "living", rectangle(0, 0, 6000, 5000), fixtures=(SOFA, TV)),
        RoomSpec(
            "Kitchen",
            "kitchen",
            rectangle(6000, 0, 12000, 5000),
            fixtures=(STOVE, KITCHEN_SINK, DISHWASHER, FRIDGE),
        ),
        RoomSpec("Bedroom 1", "bedroom", rectangle(0, 5000, 4500, 9000), fixtures=(BED,)),
        RoomSpec("Hall", "hall", rectangle(4500, 5000, 6000, 9000)),
        RoomSpec(
            "Bathroom",
            "bathroom",
            rectangle(6000, 5000, 8500, 9000),
            fixtures=(TOILET, SINK, BATHTUB),
        ),
        RoomSpec("Bedroom 2", "bedroom", rectangle(8500, 5000, 12000, 9000), fixtures=(BED,)),
        RoomSpec(
            "Garage",
            "garage",
            rectangle(12000, 0, 18000, 6500),
            finished=False,
            heated=False,
            fixtures=(SHELF,),
        ),
        RoomSpec("Porch", "porch", rectangle(1500, -2000, 5500, 0), finished=False, heated=False),
    )
    openings = (
        OpeningSpec(("Living Room", "Porch"), width=914),
        OpeningSpec(("Living Room", "Hall"), at=0.5),
        OpeningSpec(("Living Room", "Kitchen"), kind="opening", width=1500, at=0.4),
        OpeningSpec(("Bedroom 1", "Hall"), at=0.5),
        OpeningSpec(("Bathroom", "Hall"), at=0.5, width=762),
        OpeningSpec(("Bedroom 2", "Kitchen"), at=0.5),
        OpeningSpec(("Kitchen", "Garage"), at=0.5),
        OpeningSpec(("Garage",), facing="south", kind="garage_door", width=4800, height=2134),
        _window(("Living Room",), "west"),
        _window(("Kitchen",), "south"),
        _window(("Bedroom 1",), "north"),
        _window(("Bedroom 1",), "west"),
        _window(("Bathroom",), "north", small=True),
        _window(("Bedroom 2",), "north"),
    )
    level = LevelSpec("L0", "First Floor", 0, rooms, openings)
    return Scene("house_garage_porch", draft([level]))


def two_storey_basement() -> Scene:
    basement = LevelSpec(
        "L-1",
        "Basement",
        -1,
        (
            RoomSpec("Family Room", "living", rectangle(0, 0, 6500, 8000), fixtures=(SOFA, TV)),
            RoomSpec(
                "Utility",
                "utility",
                rectangle(6500, 0, 10000, 4500),
                finished=False,
                heated=False,
                fixtures=(SHELF,),
            ),
            RoomSpec("Hall", "hall", rectangle(6500, 4500, 10000, 8000)),
        ),
        openings=(
            OpeningSpec(("Family Room", "Hall"), at=0.5),
            OpeningSpec(("Utility", "Hall"), at=0.3),
            _window(("Family Room",), "west", small=True),
        ),
        elevation=-2740,
        grade="below",
        ceiling_height=2286,
    )
    main = LevelSpec(
        "L0",
        "First Floor",
        0,
        (
            RoomSpec("Living Room", "living", rectangle(0, 0, 6000, 4500), fixtures=(SOFA, TV)),
            RoomSpec(
                "Kitchen",
                "kitchen",
                rectangle(6000, 0, 10000, 4500),
                fixtures=(STOVE, KITCHEN_SINK, FRIDGE),
            ),
            RoomSpec(
                "Dining Room",
                "dining",
                rectangle(0, 4500, 4000, 8000),
                fixtures=(TABLE, CHAIR_A, CHAIR_B),
            ),
            RoomSpec(
                "Half Bath", "half_bath", rectangle(4000, 4500, 5500, 6000), fixtures=(TOILET, SINK)
            ),
            RoomSpec("Closet", "closet", rectangle(4000, 6000, 5500, 8000)),
            RoomSpec("Hall", "hall", rectangle(5500, 4500, 10000, 8000)),
        ),
        openings=(
            OpeningSpec(("Hall",), facing="east", width=914),
            OpeningSpec(("Living Room", "Hall"), kind="opening", width=1200, at=0.6),
            OpeningSpec(("Kitchen", "Hall"), at=0.5),
            OpeningSpec(("Dining Room", "Living Room"), kind="opening", width=1500),
            OpeningSpec(("Half Bath", "Hall"), at=0.5, width=711),
            OpeningSpec(("Closet", "Hall"), at=0.5, width=610),
            _window(("Living Room",), "south"),
            _window(("Kitchen",), "south"),
            _window(("Dining Room",), "west"),
            _window(("Dining Room",), "north"),
        ),
    )
    upper = LevelSpec(
        "L1",
        "Second Floor",
        1,
        (
            RoomSpec("Bedroom 1", "bedroom", rectangle(0, 0, 5000, 4500), fixtures=(BED,)),
            RoomSpec("Bedroom 2", "bedroom", rectangle(5000, 0, 10000, 4500), fixtures=(BED,)),
            RoomSpec("Bedroom 3", "bedroom", rectangle(0, 4500, 4000, 8000), fixtures=(BED,)),
            RoomSpec(
                "Bathroom",
                "bathroom",
                rectangle(4000, 4500, 6500, 8000),
                fixtures=(TOILET, SINK, BATHTUB),
            ),
            RoomSpec("Hall", "hall", rectangle(6500, 4500, 10000, 8000)),
        ),
        openings=(
            OpeningSpec(("Bedroom 1", "Bathroom"), at=0.5),
            OpeningSpec(("Bedroom 2", "Hall"), at=0.5),
            OpeningSpec(("Bedroom 3", "Bathroom"), at=0.7),
            OpeningSpec(("Bathroom", "Hall"), at=0.3, width=762),
            _window(("Bedroom 1",), "south"),
            _window(("Bedroom 2",), "south"),
            _window(("Bedroom 3",), "north"),
            _window(("Bathroom",), "north", small=True),
        ),
        elevation=2740,
    )
    stairs = (
        StairSpec("L-1", "L0", (8400, 4900, 9400, 7700), 90.0),
        StairSpec("L0", "L1", (7000, 4900, 8000, 7700), 90.0),
    )
    model = draft([basement, main, upper], stairs=stairs)
    return Scene("two_storey_basement", model)


def curved_wall() -> Scene:
    """A living room whose east wall is a bay bowing out along a circular arc."""
    width, depth, bulge = 6000, 5000, 1200
    # The circle through (width, 0) and (width, depth) that bows `bulge` mm to the east.
    half = depth / 2.0
    radius = (half * half + bulge * bulge) / (2.0 * bulge)
    center = (width + bulge - radius, half)
    start = math.atan2(-half, width - center[0])
    end = math.atan2(half, width - center[0])
    steps = 8
    arc = [
        (
            round(center[0] + radius * math.cos(start + (end - start) * i / steps)),
            round(center[1] + radius * math.sin(start + (end - start) * i / steps)),
        )
        for i in range(1, steps)
    ]
    outline = ((0, 0), (width, 0), *arc, (width, depth), (0, depth))
    return _one_room(
        "curved_wall",
        outline,
        (SOFA,),
        (
            OpeningSpec(("Living Room",), facing="west", at=0.5),
            _window(("Living Room",), "south"),
            _window(("Living Room",), "north"),
        ),
        arcs=(Arc("L0", center, radius),),
    )


SCENES: dict[str, Callable[[], Scene]] = {
    "rectangle": rectangle_room,
    "l_shape": l_shape,
    "apartment": apartment,
    "house_garage_porch": house_garage_porch,
    "two_storey_basement": two_storey_basement,
    "curved_wall": curved_wall,
}
