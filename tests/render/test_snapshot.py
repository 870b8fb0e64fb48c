"""The Snapshot: one summary page as PDF and as PNG, with plan, figures and counts."""

from __future__ import annotations

import io
import json

import numpy as np
import pypdf
from PIL import Image

from planroom.render.products.property_data import render_property_data
from planroom.render.products.snapshot import render_snapshot
from tests.render.builders3d import basement_house, context, small_house

LONG_SIDE = 800


def test_one_pdf_page_and_one_png() -> None:
    files = render_snapshot(context(small_house(), image_long_side_px=LONG_SIDE))

    assert [(f.slot, f.content_type) for f in files] == [
        ("pdf_urls", "application/pdf"),
        ("image_urls", "image/png"),
    ]
    assert len(pypdf.PdfReader(io.BytesIO(files[0].data)).pages) == 1
    with Image.open(io.BytesIO(files[1].data)) as image:
        # A landscape sheet, like the PDF page.
        assert image.width == LONG_SIDE
        assert image.height < image.width


def test_page_shows_the_figures_and_counts_of_the_property_data() -> None:
    ctx = context(basement_house(), measurement_system="metric", include_gla=True)
    document = json.loads(render_property_data(ctx)[0].data)

    page = pypdf.PdfReader(io.BytesIO(render_snapshot(ctx)[0].data)).pages[0]
    text = "\n".join(line.strip() for line in page.extract_text().splitlines())

    assert "121 North Washington Avenue" in text
    for key in ("gia", "gla", "total"):
        figure = document["area_figures"][key]
        assert f"{figure['value']} m²" in text
        assert figure["name"] in text
    assert f"{document['counts']['bedrooms']}\nBedrooms" in text
    for level in document["levels"]:
        assert level["name"] in text


def test_the_png_draws_the_plans_on_the_left_and_figures_on_the_right() -> None:
    files = render_snapshot(context(small_house(), image_long_side_px=LONG_SIDE))
    pixels = np.asarray(Image.open(io.BytesIO(files[1].data)).convert("L"))
    height, width = pixels.shape
    body = pixels[height // 4 : height * 3 // 4]

    # Walls are near-black on the plan side; the figure side has only text and pale tiles.
    plans, figures = body[:, : width * 6 // 10], body[:, width * 2 // 3 :]
    assert (plans < 60).mean() > 0.02
    assert (figures < 60).mean() < (plans < 60).mean()
    assert ((figures > 230) & (figures < 250)).mean() > 0.1  # the tiles' panel colour


def test_same_model_gives_the_same_bytes() -> None:
    ctx = context(small_house(), image_long_side_px=LONG_SIDE)

    first, second = render_snapshot(ctx), render_snapshot(ctx)

    assert [f.data for f in first] == [f.data for f in second]
