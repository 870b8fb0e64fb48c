"""The SVG listing plan: structure, variants, labels, and determinism."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image

from planroom.render.draw.raster import svg_to_png
from planroom.render.draw.scene import Text
from planroom.render.plan.svg import level_scene, render_level_svg
from tests.render.builders import apartment, context, two_storey_house

SVG = "{http://www.w3.org/2000/svg}"
GROUPS = ("rooms", "walls", "openings", "stairs", "fixtures", "labels", "dimensions", "annotations")


def _groups(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg.encode("utf-8"))
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g")}


def _texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def test_svg_parses_and_has_every_named_group() -> None:
    svg = render_level_svg(context(apartment()), "L0", dimensions=True)
    groups = _groups(svg)
    for group_id in GROUPS:
        assert group_id in groups, group_id
    assert len(list(groups["walls"])) >= 1
    assert len(list(groups["rooms"])) == len(apartment().spaces)


def test_dimension_variant_differs_only_in_the_dimension_layer() -> None:
    ctx = context(apartment())
    plain = _groups(render_level_svg(ctx, "L0", dimensions=False))
    dimensioned = _groups(render_level_svg(ctx, "L0", dimensions=True))
    assert len(list(plain["dimensions"])) == 0
    lines = [p for p in dimensioned["dimensions"] if p.get("class") == "dimension-line"]
    assert len(lines) >= 2
    # The overall width of the 10 m box (to the exterior faces: 10.152 m) is written on a chain.
    assert "33'4\"" in _texts(dimensioned["dimensions"])
    for group_id in GROUPS:
        if group_id != "dimensions":
            assert ET.tostring(plain[group_id]) == ET.tostring(dimensioned[group_id]), group_id


def test_labels_name_rooms_with_dimensions_and_area() -> None:
    texts = _texts(
        _groups(render_level_svg(context(apartment()), "L0", dimensions=False))["labels"]
    )
    assert "KITCHEN" in texts
    # Kitchen interior: 6000 - 114/2 - 57 ... built as 5886 x 3386 mm -> 19'4" x 11'1".
    assert "19'4\" x 11'1\"" in texts
    assert "215 sq ft" in texts


def test_small_room_gets_an_abbreviation_instead_of_an_overflowing_name() -> None:
    texts = _texts(
        _groups(render_level_svg(context(apartment()), "L0", dimensions=False))["labels"]
    )
    # The 1.5 x 1.3 m walk-in closet cannot hold its full name at any allowed size.
    assert "WIC" in texts
    assert "WALK-IN CLOSET" not in texts


def test_language_and_metric_units_change_the_labels() -> None:
    ctx = context(apartment(), language="de", units="metric")
    groups = _groups(render_level_svg(ctx, "L0", dimensions=True))
    labels = _texts(groups["labels"])
    assert "KÜCHE" in labels
    assert "5,89 x 3,39 m" in labels
    assert any(text.endswith(" m") for text in _texts(groups["dimensions"]))
    assert "Alle Maße sind ca.-Angaben" in _texts(groups["annotations"])


def test_stairs_say_up_below_and_down_above() -> None:
    ctx = context(two_storey_house())
    assert "UP" in _texts(_groups(render_level_svg(ctx, "G", dimensions=False))["stairs"])
    assert "DN" in _texts(_groups(render_level_svg(ctx, "U", dimensions=False))["stairs"])


def test_title_block_names_the_area_figure_and_the_address() -> None:
    ctx = context(two_storey_house(), area_figure="gla")
    annotations = _texts(_groups(render_level_svg(ctx, "G", dimensions=False))["annotations"])
    assert "First Floor" in annotations
    assert "121 North Washington Avenue" in annotations
    assert any(text.startswith("GLA: ") for text in annotations)
    assert "Measurements are approximate" in annotations


def test_north_arrow_only_when_the_model_has_north_and_the_style_shows_it() -> None:
    with_north = _texts(
        _groups(render_level_svg(context(apartment()), "L0", dimensions=False))["annotations"]
    )
    hidden = context(apartment(), show_compass=False)
    without = _texts(_groups(render_level_svg(hidden, "L0", dimensions=False))["annotations"])
    assert "N" in with_north
    assert "N" not in without


def test_furniture_layer_follows_the_style() -> None:
    shown = _groups(
        render_level_svg(context(apartment(), show_furniture=True), "L0", dimensions=False)
    )
    hidden = _groups(
        render_level_svg(context(apartment(), show_furniture=False), "L0", dimensions=False)
    )
    assert len(list(shown["fixtures"])) > len(apartment().fixtures)
    assert len(list(hidden["fixtures"])) == 0


def test_same_model_and_style_give_the_same_svg_and_png_bytes() -> None:
    svg_a = render_level_svg(context(two_storey_house(), "color"), "G", dimensions=True)
    svg_b = render_level_svg(context(two_storey_house(), "color"), "G", dimensions=True)
    assert svg_a == svg_b
    assert svg_to_png(svg_a, 300) == svg_to_png(svg_b, 300)


def test_label_text_really_renders_as_dark_pixels() -> None:
    ctx = context(apartment())
    scene = level_scene(ctx, "L0", dimensions=False)
    label = next(
        t for t in scene.group("labels").items if isinstance(t, Text) and t.text == "KITCHEN"
    )
    long_side = 800
    frame = scene.frame
    px_per_mm = long_side / max(frame.width, frame.height)

    def dark_pixels(svg: str) -> int:
        image = Image.open(io.BytesIO(svg_to_png(svg, long_side))).convert("L")
        half_w = label.size * 2.2 * px_per_mm
        half_h = label.size * 0.6 * px_per_mm
        cx = (label.pos[0] - frame.min_x) * px_per_mm
        cy = (frame.max_y - label.pos[1]) * px_per_mm
        box = image.crop((int(cx - half_w), int(cy - half_h), int(cx + half_w), int(cy + half_h)))
        return sum(box.histogram()[:110])

    with_text = dark_pixels(render_level_svg(ctx, "L0", dimensions=False))
    no_names = context(
        apartment(), show_room_names=False, show_room_dimensions=False, show_room_areas=False
    )
    without_text = dark_pixels(render_level_svg(no_names, "L0", dimensions=False))
    assert with_text > 40
    assert without_text == 0
