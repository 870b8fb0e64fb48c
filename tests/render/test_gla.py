"""The GLA package: a plan per level, the report, and the JSON from the GLA engine."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

from PIL import Image
from pypdf import PdfReader

from planroom.floormodel.figures import model_figures
from planroom.floormodel.gla import compute_gla
from planroom.floormodel.gla_output import gla_document
from planroom.render.draw.svg import render_svg
from planroom.render.plan.gla import EXCLUDED, INCLUDED, gla_length, gla_level_scene
from planroom.render.products.gla_package import render_gla_package
from tests.render.builders import context, two_storey_house


def test_package_has_an_image_per_level_a_report_and_the_engine_json() -> None:
    ctx = context(two_storey_house(), long_side=300)
    files = render_gla_package(ctx)
    images = [f for f in files if f.slot == "image_urls"]
    assert [f.name for f in images] == [
        "0_121-north-washington-avenue_0_gla.png",
        "0_121-north-washington-avenue_1_gla.png",
    ]
    for image in images:
        with Image.open(io.BytesIO(image.data)) as png:
            assert max(png.size) == 300
    (json_file,) = [f for f in files if f.slot == "json_urls"]
    assert json.loads(json_file.data) == json.loads(
        json.dumps(gla_document(model_figures(ctx.model), "sqft"))
    )


def test_report_names_the_standard_exclusions_and_site_disclaimer() -> None:
    files = render_gla_package(context(two_storey_house(), long_side=300))
    (report,) = [f for f in files if f.slot == "report_urls"]
    reader = PdfReader(io.BytesIO(report.data))
    # A summary page, then one page per level.
    assert len(reader.pages) >= 3
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for phrase in (
        "ANSI Z765-2021",
        "detached",
        "Exterior wall thickness",
        "not verified on site",
        "garage",
    ):
        assert phrase in text, phrase


def test_gla_plan_colours_included_and_excluded_regions_and_says_why() -> None:
    ctx = context(two_storey_house())
    report = compute_gla(ctx.model)
    svg = render_svg(gla_level_scene(ctx, model_figures(ctx.model), report.levels[0]))
    root = ET.fromstring(svg.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    fills = [p.get("fill") for p in root.iter(f"{ns}path") if p.get("class", "").startswith("gla-")]
    assert INCLUDED in fills
    assert EXCLUDED in fills
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert any(text and "garage" in text for text in texts)
    assert "Included in GLA" in texts
    assert any(text and text.startswith("GLA: ") for text in texts)


def test_gla_dimensions_are_written_to_a_tenth_of_a_foot_and_the_inch() -> None:
    assert gla_length(12.96 * 304.8, imperial=True) == "13.0' (13'0\")"
    assert gla_length(3760, imperial=False) == "3.76 m"
