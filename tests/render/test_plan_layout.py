"""Where the plan puts things: dimension chains outside everything, labels clear of symbols."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.floormodel.figures import model_figures
from planroom.floormodel.gla import compute_gla
from planroom.floormodel.samples import SAMPLE_NAMES, load_sample_model
from planroom.floormodel.schema import FloorModel, Space
from planroom.render.draw.scene import Group, Shape, Text
from planroom.render.fonts import text_width
from planroom.render.geometry import level_poche, space_polygon, wall_body
from planroom.render.plan.builder import drawn_region, label_obstacles
from planroom.render.plan.gla import gla_level_scene
from planroom.render.plan.labels import (
    RoomLabel,
    fit_label,
    label_centre,
    short_name,
    wrap_at_commas,
)
from planroom.render.plan.style import Sizes
from planroom.render.plan.svg import level_scene, plan_options
from tests.render.builders import apartment, context


def _text_box(text: Text) -> Polygon:
    """The box a line of text covers (horizontal or turned a quarter)."""
    width = text_width(text.text, text.size, bold=text.bold)
    half_w, half_h = width / 2, text.size * 0.5
    if abs(abs(text.angle_deg) - 90.0) < 1.0:
        half_w, half_h = half_h, half_w
    x, y = text.pos
    return box(x - half_w, y - half_h, x + half_w, y + half_h)


def _built(model: FloorModel, level_id: str) -> BaseGeometry:
    walls = model.walls_on(level_id)
    return unary_union(
        [wall_body(wall, walls) for wall in walls]
        + [space_polygon(space) for space in model.spaces_on(level_id)]
    )


def _shapes(group: Group, css_class: str) -> list[Shape]:
    return [item for item in group.items if isinstance(item, Shape) and item.css_class == css_class]


def _level_cases() -> list[tuple[str, str]]:
    return [(name, level.id) for name in SAMPLE_NAMES for level in load_sample_model(name).levels]


@pytest.mark.parametrize(("sample", "level_id"), _level_cases())
def test_dimension_chains_lie_outside_everything_drawn(sample: str, level_id: str) -> None:
    model = load_sample_model(sample)
    scene = level_scene(context(model), level_id, dimensions=True)
    dimensions = scene.group("dimensions")
    everything = _built(model, level_id)
    min_x, min_y, max_x, max_y = everything.bounds
    extent = box(min_x, min_y, max_x, max_y)
    lines = _shapes(dimensions, "dimension-line") + _shapes(dimensions, "tick")
    assert lines
    for line in lines:
        assert not LineString(line.rings[0]).intersects(extent.buffer(-1.0)), line
    texts = [item for item in dimensions.items if isinstance(item, Text)]
    assert texts
    for text in texts:
        assert not _text_box(text).intersects(extent), text.text
    # Extension lines run from a corner out to the chain through open ground only: never across
    # a room, a porch, or a label.
    rooms = unary_union([space_polygon(space) for space in model.spaces_on(level_id)])
    labels = unary_union([_text_box(t) for t in scene.group("labels").items if isinstance(t, Text)])
    for extension in _shapes(dimensions, "extension-line"):
        ray = LineString(extension.rings[0])
        assert not ray.intersects(rooms.buffer(-1.0)), extension
        assert not ray.intersects(labels), extension


def test_a_porch_detached_from_the_wall_is_still_kept_clear_of_the_chains() -> None:
    # The sample's porch slab stops 21 mm short of the wall face; the chains used to run
    # through it because only the biggest piece of the footprint was looked at.
    model = load_sample_model("house_garage_porch")
    porch = next(space for space in model.spaces if space.type == "porch")
    scene = level_scene(context(model), porch.level_id, dimensions=True)
    top = max(y for _, y in porch.polygon)
    chain_ys = [
        point[1]
        for line in _shapes(scene.group("dimensions"), "dimension-line")
        for point in line.rings[0]
        if abs(line.rings[0][0][1] - line.rings[0][-1][1]) < 1.0  # horizontal chains
    ]
    above = [y for y in chain_ys if y > top]
    assert above, "the top chains sit above the porch"
    assert not [y for y in chain_ys if top - 2500 < y <= top]


def test_gla_chains_measure_the_house_and_clear_the_porch() -> None:
    model = load_sample_model("house_garage_porch")
    ctx = context(model)
    report = compute_gla(model)
    scene = gla_level_scene(ctx, model_figures(model), report.levels[0])
    dimensions = scene.group("dimensions")
    drawn = drawn_region(model, report.levels[0].level.id)
    min_x, min_y, max_x, max_y = drawn.bounds
    extent = box(min_x, min_y, max_x, max_y)
    for line in _shapes(dimensions, "dimension-line"):
        assert not LineString(line.rings[0]).intersects(extent.buffer(-1.0))
    texts = [t.text for t in dimensions.items if isinstance(t, Text)]
    # The overall width of the house, to a tenth of a foot and to the inch.
    assert "59.5' (59'6\")" in texts


def test_excluded_spaces_say_why_and_how_much_and_are_never_cut_short() -> None:
    model = load_sample_model("house_garage_porch")
    ctx = context(model)
    report = compute_gla(model)
    scene = gla_level_scene(ctx, model_figures(model), report.levels[0])
    texts = [t for t in scene.group("labels").items if isinstance(t, Text)]
    words = [t.text for t in texts]
    assert "PORCH" in words
    assert "PORC" not in words
    porch = Polygon(next(s for s in model.spaces if s.type == "porch").polygon)
    in_porch = [t.text for t in texts if porch.contains(_text_box(t))]
    assert in_porch[0] == "PORCH"
    assert any(text.startswith("Excluded: porch") for text in in_porch)
    assert any(text.endswith("sq ft") for text in in_porch)
    garage = Polygon(next(s for s in model.spaces if s.type == "garage").polygon)
    in_garage = [t.text for t in texts if garage.contains(_text_box(t))]
    assert any(text.startswith("Excluded: garage") for text in in_garage)


def _tiny_sizes() -> Sizes:
    return Sizes(text=200.0, line=12.0)


def test_a_small_excluded_space_shrinks_then_drops_lines_keeping_the_first_reason() -> None:
    label = RoomLabel(
        name="PORCH",
        short_name="PORCH",
        dimensions=(),
        area="82 sq ft",
        reasons=("Excluded: porch, unfinished, not heated",),
        short_reasons=("Excluded: porch",),
    )
    # Wide enough for "Excluded: porch" but not for the full list of reasons on one line.
    room = box(0, 0, 2200, 1400)
    fitted = fit_label(room, label, _tiny_sizes())
    assert fitted is not None
    lines = [line.text for line in fitted[1]]
    assert lines[0] == "PORCH"
    assert any(line.startswith("Excluded: porch") for line in lines)
    assert "Excluded: porch, unfinished, not heated" not in lines
    # A sliver keeps the whole word, never "PORC".
    sliver = fit_label(box(0, 0, 1000, 330), label, _tiny_sizes())
    assert sliver is not None
    assert [line.text for line in sliver[1]] == ["PORCH"]


def test_long_reasons_wrap_at_a_comma() -> None:
    assert wrap_at_commas("Excluded: porch, unfinished, not heated") == [
        "Excluded: porch,",
        "unfinished, not heated",
    ]
    assert wrap_at_commas("Excluded: porch") == ["Excluded: porch"]


@pytest.mark.parametrize(
    ("space_type", "name", "expected"),
    [
        ("closet", "Closet", "CL"),
        ("closet", "Walk-in Closet", "WIC"),
        ("laundry", "Laundry", "W/D"),
        ("bedroom", "Bedroom 2", "BR 2"),
        ("porch", "Porch", "PORCH"),
        ("other", "Mud Room", "MUD"),
        ("living", "Family Room", "LR"),
    ],
)
def test_abbreviations_are_known_forms_or_whole_words(
    space_type: str, name: str, expected: str
) -> None:
    space = Space.model_validate(
        {
            "id": "s",
            "level_id": "L",
            "name": name,
            "type": space_type,
            "polygon": [(0, 0), (1, 0), (1, 1)],
        }
    )
    assert short_name(space, "en") == expected


def test_a_rectangular_room_gets_its_label_in_the_middle() -> None:
    # Every point on a long rectangle's centre line is equally far from the walls.
    assert label_centre(box(0, 0, 4000, 1900)) == pytest.approx((2000, 950), abs=1.0)


@pytest.mark.parametrize(("sample", "level_id"), _level_cases())
def test_labels_keep_off_walls_door_swings_and_stairs(sample: str, level_id: str) -> None:
    model = load_sample_model(sample)
    ctx = context(model)
    options = plan_options(ctx, dimensions=False)
    obstacles = label_obstacles(model, level_id, options)
    poche = level_poche(model, level_id)
    labels = [t for t in level_scene(ctx, level_id, dimensions=False).group("labels").items]
    assert labels
    for text in labels:
        assert isinstance(text, Text)
        area = _text_box(text)
        assert not area.intersects(poche), text.text
        assert not area.intersects(obstacles), text.text


def test_every_room_of_the_samples_is_labelled() -> None:
    for name in SAMPLE_NAMES:
        model = load_sample_model(name)
        for level in model.levels:
            scene = level_scene(context(model), level.id, dimensions=False)
            texts = [t for t in scene.group("labels").items if isinstance(t, Text)]
            for space in model.spaces_on(level.id):
                shape = space_polygon(space)
                assert any(shape.contains(_text_box(t)) for t in texts), (name, space.name)


def test_stairs_draw_both_runs_with_up_and_down_on_the_sample() -> None:
    model = load_sample_model("two_storey_basement")
    ctx = context(model)
    words = {
        level.id: [
            t.text
            for t in level_scene(ctx, level.id, dimensions=False).group("stairs").items
            if isinstance(t, Text)
        ]
        for level in model.levels
    }
    # Basement: the run up; first floor: the run arriving (DN) and the next one up; top: DN.
    assert sorted(words["L-1"]) == ["UP"]
    assert sorted(words["L0"]) == ["DN", "UP"]
    assert sorted(words["L1"]) == ["DN"]


def test_room_fills_run_into_door_gaps_so_colour_plans_have_no_white_notches() -> None:
    ctx = context(apartment(), "color")
    scene = level_scene(ctx, "L0", dimensions=False)
    paths = {
        dict(item.data)["space-id"]: Polygon(item.rings[0], item.rings[1:])
        for item in scene.group("rooms").items
        if isinstance(item, Shape) and item.data
    }
    # The bedroom door sits in wall i2 (y = 4000) at x = 2400..3200 and opens into the bedroom.
    assert paths["bed"].contains(box(2500, 4001, 3100, 4050))
    assert paths["hall"].contains(box(2500, 3950, 3100, 3999))
    # One path per space still, so a page can find every room.
    assert len(paths) == len(apartment().spaces)
