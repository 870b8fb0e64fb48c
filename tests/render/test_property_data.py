"""Property data: the numbers equal the area engine's, rooms carry their openings."""

from __future__ import annotations

import json
from dataclasses import replace

from planroom.floormodel.figures import FigureKey, model_figures
from planroom.floormodel.units import whole
from planroom.render.products.property_data import render_property_data
from tests.render.builders import apartment, context, two_storey_house


def _document(ctx: object) -> dict:  # type: ignore[type-arg]
    (file,) = render_property_data(ctx)  # type: ignore[arg-type]
    assert file.slot == "json_urls"
    return json.loads(file.data)  # type: ignore[no-any-return]


def test_area_figures_equal_the_area_engine() -> None:
    ctx = context(two_storey_house())
    document = _document(ctx)
    figures = model_figures(ctx.model).in_unit("sqft")
    cases: tuple[tuple[FigureKey, str], ...] = (
        ("gia", "GIA"),
        ("total", "Total scanned area"),
    )
    for name, label in cases:
        entry = document["area_figures"][name]
        assert entry["name"] == label
        assert entry["unit"] == "sqft"
        levels = [whole(figures.unrounded(name, level.id)) for level in ctx.model.levels]
        # each level rounded once, the total the sum of the rounded levels
        assert entry["value"] == sum(levels)
        assert entry["by_level"]["U"]["value"] == whole(figures.unrounded(name, "U"))
    assert document["area_figures"]["gla"]["name"].startswith("GLA")


def test_rooms_counts_and_openings_per_room() -> None:
    document = _document(context(apartment()))
    rooms = {room["id"]: room for room in document["rooms"]}
    assert len(rooms) == 7
    bath = rooms["bath"]
    # The bathroom has the bath door and one window; the bedroom a door and a window.
    assert (bath["doors"], bath["windows"]) == (1, 1)
    assert (rooms["bed"]["doors"], rooms["bed"]["windows"]) == (1, 1)
    # The living room: double door, balcony slider (doors) and one window.
    assert (rooms["living"]["doors"], rooms["living"]["windows"]) == (2, 1)
    kitchen = rooms["kitchen"]
    assert kitchen["dimensions"]["length"]["text"] == "19'4\""
    assert kitchen["area"]["sq_mm"] == 5886 * 3386
    assert kitchen["ceiling"] == {"sloped": False, "height_mm": 2438}
    assert document["counts"] == {
        "bedrooms": 1,
        "bathrooms_full": 1,
        "bathrooms_half": 0,
        "levels": 1,
    }


def test_address_levels_and_model_version_are_carried_over() -> None:
    ctx = replace(context(two_storey_house()), measurement_system="metric")
    document = _document(ctx)
    assert document["model_version"] == 3
    assert document["address"]["latitude"] == 44.986947
    assert [level["name"] for level in document["levels"]] == ["First Floor", "Second Floor"]
    living = next(room for room in document["rooms"] if room["id"] == "living")
    assert living["area"]["unit"] == "m2"
    assert living["dimensions"]["length"]["unit"] == "m"
