"""Hypothesis strategies: random but plausible houses drafted on a grid of rooms."""

from __future__ import annotations

from hypothesis import strategies as st

from planroom.floormodel.generator.layout import LevelSpec, OpeningSpec, RoomSpec, draft, rectangle
from planroom.floormodel.schema import FloorModel, PropertyType, SpaceType

ROOM_TYPES: list[SpaceType] = [
    "living",
    "bedroom",
    "kitchen",
    "bathroom",
    "hall",
    "closet",
    "garage",
    "porch",
    "utility",
    "dining",
]


@st.composite
def grid_models(draw: st.DrawFn) -> FloorModel:
    """One or two levels of 1-3 x 1-3 rooms with random sizes, kinds, flags and doors."""
    columns = draw(st.lists(st.integers(15, 60), min_size=1, max_size=3))
    rows = draw(st.lists(st.integers(15, 60), min_size=1, max_size=3))
    xs = [0]
    for width in columns:
        xs.append(xs[-1] + width * 100)
    ys = [0]
    for depth in rows:
        ys.append(ys[-1] + depth * 100)
    level_count = draw(st.integers(1, 2))
    levels = []
    for index in range(level_count):
        rooms = []
        openings = []
        kinds: dict[tuple[int, int], str] = {}
        for row in range(len(rows)):
            for column in range(len(columns)):
                kind = draw(st.sampled_from(ROOM_TYPES))
                name = f"r{index}-{row}-{column}"
                rooms.append(
                    RoomSpec(
                        name,
                        kind,
                        rectangle(xs[column], ys[row], xs[column + 1], ys[row + 1]),
                        finished=draw(st.booleans()) if kind == "utility" else kind != "garage",
                        heated=kind not in ("garage", "porch"),
                    )
                )
                neighbours = []
                if column > 0:
                    neighbours.append((f"r{index}-{row}-{column - 1}", kinds[(row, column - 1)]))
                if row > 0:
                    neighbours.append((f"r{index}-{row - 1}-{column}", kinds[(row - 1, column)]))
                kinds[(row, column)] = kind
                for other, other_kind in neighbours:
                    # Two porches side by side have no wall between them to put a door in.
                    if "porch" not in (kind, other_kind) and draw(st.booleans()):
                        openings.append(OpeningSpec((name, other)))
        levels.append(
            LevelSpec(
                f"L{index}",
                f"Level {index}",
                index,
                tuple(rooms),
                tuple(openings),
                elevation=index * 2700,
                grade=draw(st.sampled_from(["above", "above", "below"])) if index == 0 else "above",
                ceiling_height=draw(st.sampled_from([1800, 2100, 2438, 2700])),
            )
        )
    property_type: PropertyType = draw(st.sampled_from(["detached", "attached", "apartment"]))
    return draft(levels, property_type=property_type)
