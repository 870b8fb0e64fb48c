"""CPU seconds for the full 2D set (listing plans + GLA package + property data) at full size.

Run from the repository root: `python bench/render.py`. Prints one line per model: the three
sample scans and a generated 60-room plan. `bench/render3d.py` does the same for every other
product (GLB, dollhouse set, video, CAD, Home Report, Snapshot); `make bench` runs both.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from planroom.floormodel.samples import SAMPLE_NAMES, load_sample_model
from planroom.floormodel.schema import FloorModel, Level, Opening, Space, Wall
from planroom.render.context import Address, Branding, RenderContext
from planroom.render.products.gla_package import render_gla_package
from planroom.render.products.listing_floorplans import render_listing_floorplans
from planroom.render.products.property_data import render_property_data
from planroom.render.styles import BUILTIN_TEMPLATES

ROOM_MM = 3600
TYPES = ("bedroom", "bathroom", "kitchen", "living", "hall", "closet", "dining", "laundry")


def grid_model(columns: int = 10, rows: int = 6) -> FloorModel:
    """A one-level plan of `columns` x `rows` rooms, each with a door and outer windows."""
    level = "L0"
    walls: list[Wall] = []
    openings: list[Opening] = []
    width, height = columns * ROOM_MM, rows * ROOM_MM
    for index in range(columns + 1):
        x = index * ROOM_MM
        kind = "exterior" if index in (0, columns) else "interior"
        walls.append(
            Wall(
                id=f"v{index}",
                level_id=level,
                start=(x, 0),
                end=(x, height),
                thickness=152 if kind == "exterior" else 114,
                kind=kind,
            )
        )
    for index in range(rows + 1):
        y = index * ROOM_MM
        kind = "exterior" if index in (0, rows) else "interior"
        walls.append(
            Wall(
                id=f"h{index}",
                level_id=level,
                start=(0, y),
                end=(width, y),
                thickness=152 if kind == "exterior" else 114,
                kind=kind,
            )
        )
    for column in range(columns):
        for row in range(1, rows):
            openings.append(
                Opening(
                    id=f"d{column}-{row}",
                    wall_id=f"h{row}",
                    kind="door",
                    offset=column * ROOM_MM + 900,
                    width=800,
                    height=2032,
                    hinge="start",
                    swing="left",
                )
            )
        openings.append(
            Opening(
                id=f"w{column}",
                wall_id="h0",
                kind="window",
                offset=column * ROOM_MM + ROOM_MM // 2,
                width=1200,
                height=1200,
                sill=900,
            )
        )
    spaces = [
        Space(
            id=f"r{column}-{row}",
            level_id=level,
            name=f"Room {column}-{row}",
            type=TYPES[(column + row) % len(TYPES)],
            polygon=[
                (column * ROOM_MM + 60, row * ROOM_MM + 60),
                ((column + 1) * ROOM_MM - 60, row * ROOM_MM + 60),
                ((column + 1) * ROOM_MM - 60, (row + 1) * ROOM_MM - 60),
                (column * ROOM_MM + 60, (row + 1) * ROOM_MM - 60),
            ],
        )
        for column in range(columns)
        for row in range(rows)
    ]
    return FloorModel(
        levels=[Level(id=level, name="Main Floor", index=0)],
        walls=walls,
        openings=openings,
        spaces=spaces,
    )


def models() -> Iterator[tuple[str, FloorModel]]:
    for name in SAMPLE_NAMES:
        yield name, load_sample_model(name)
    yield "grid-60-rooms", grid_model()


def context(model: FloorModel) -> RenderContext:
    return RenderContext(
        order_id="bench",
        model=model,
        model_version=1,
        address=Address(street="1 Bench Street", city="Springfield", country="United States"),
        style=BUILTIN_TEMPLATES["classic"].options,
        measurement_system="imperial",
        branding=Branding(company_name="Bench"),
        file_stem="1-bench-street",
        image_long_side_px=3000,
    )


def main() -> None:
    header = ("model", "rooms", "levels", "listing s", "gla s", "data s", "total s")
    print(f"{header[0]:<24}{header[1]:>6}{header[2]:>7}" + "".join(f"{h:>10}" for h in header[3:]))
    for name, model in models():
        ctx = context(model)
        timings = []
        for render in (render_listing_floorplans, render_gla_package, render_property_data):
            start = time.process_time()
            render(ctx)
            timings.append(time.process_time() - start)
        print(
            f"{name:<24}{len(model.spaces):>6}{len(model.levels):>7}"
            + "".join(f"{value:>10.2f}" for value in (*timings, sum(timings)))
        )


if __name__ == "__main__":
    main()
