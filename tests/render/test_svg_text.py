"""The delivered SVG needs no font: text is drawn as the shipped font's glyph outlines.

Rendered by resvg with no font at all (no system fonts, none handed over) and by headless Chromium,
with no font either (fontconfig handed an empty configuration), it gives the picture of the
delivered PNG. Agreement is judged on images reduced 4:1 (each pixel
the mean of a 4 x 4 block), which evens out the two rasterisers' different anti-aliasing of
hairlines while a missing or substituted word still changes its blocks by far more than the
threshold: a block's grey level may differ by at most 40 of 255, and at most 0.2 % of blocks by
more than 24. Measured: resvg without fonts gives the PNG exactly (0); Chromium differs by at
most 24 with no block over 24. The SVG with text naming the font fails: resvg without fonts
drops every word (blocks off by 190 or more), and even Chromium with DejaVu Sans installed
differs by 52 (it kerns and hints the text its own way).
"""

from __future__ import annotations

import io
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import resvg_py
from PIL import Image

from planroom.render.draw.raster import svg_to_png
from planroom.render.draw.svg import render_svg
from planroom.render.plan.svg import level_scene, render_level_svg
from tests.render.builders import apartment, context, two_storey_house
from tests.tours.cdp import Browser, Page, find_chromium

SVG = "{http://www.w3.org/2000/svg}"
WIDTH_PX = 1000
BLOCK = 4
MAX_BLOCK_DIFF = 40
LOOSE_BLOCK_DIFF = 24
MAX_LOOSE_SHARE = 0.002


def _grey(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as image:
        flat = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return np.asarray(flat.convert("L")).astype(float)


def _blocks(grey: np.ndarray) -> np.ndarray:
    height, width = (grey.shape[0] // BLOCK) * BLOCK, (grey.shape[1] // BLOCK) * BLOCK
    trimmed = grey[:height, :width]
    return trimmed.reshape(height // BLOCK, BLOCK, width // BLOCK, BLOCK).mean(axis=(1, 3))


def agreement(a: bytes, b: bytes) -> tuple[float, float]:
    """The largest block difference, and the share of blocks differing by more than the loose
    threshold, between two renderings of the same size."""
    first, second = _blocks(_grey(a)), _blocks(_grey(b))
    assert first.shape == second.shape
    diff = np.abs(first - second)
    return float(diff.max()), float((diff > LOOSE_BLOCK_DIFF).mean())


def agrees(a: bytes, b: bytes) -> bool:
    worst, loose = agreement(a, b)
    return worst <= MAX_BLOCK_DIFF and loose <= MAX_LOOSE_SHARE


def fontless(svg: str, size: tuple[int, int]) -> bytes:
    """resvg with no fonts of any kind, at the size of the PNG (its long side fixed)."""
    width, height = size
    long_side = {"width": width} if width >= height else {"height": height}
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, **long_side))


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return image.size


CASES = {
    "apartment": (apartment(), "L0"),
    "upper-floor": (two_storey_house(), "U"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_svg_carries_its_glyphs_and_keeps_its_words(case: str) -> None:
    model, level = CASES[case]
    svg = render_level_svg(context(model), level, dimensions=True)
    root = ET.fromstring(svg.encode("utf-8"))  # our own output
    glyphs = root.find(f"{SVG}defs")
    assert glyphs is not None and len(glyphs) > 20
    texts = list(root.iter(f"{SVG}text"))
    assert texts, "the words stay in the document"
    assert all(t.get("fill-opacity") == "0" for t in texts), "only the outlines are seen"
    assert "@font-face" not in svg and "http://" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    ).replace('xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    words = [t.text for t in texts]
    assert "KITCHEN" in words or "BEDROOM" in words


@pytest.mark.parametrize("case", CASES)
def test_resvg_without_any_font_draws_the_png(case: str) -> None:
    model, level = CASES[case]
    ctx = context(model)
    svg = render_level_svg(ctx, level, dimensions=True)
    png = svg_to_png(svg, WIDTH_PX)
    width = _size(png)
    assert agrees(fontless(svg, width), png), agreement(fontless(svg, width), png)
    # the control: the same plan with its text naming the font loses every word without it
    named = render_svg(level_scene(ctx, level, dimensions=True))
    worst, loose = agreement(fontless(named, width), png)
    assert worst > MAX_BLOCK_DIFF and loose > MAX_LOOSE_SHARE


EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    """A Chromium that sees no font at all: fontconfig is handed an empty configuration."""
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium installed (set PLANROOM_TEST_CHROMIUM)")
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "fonts.conf"
        config.write_text(EMPTY_FONTCONFIG.format(cache=Path(folder) / "cache"), encoding="utf-8")
        previous = os.environ.get("FONTCONFIG_FILE")
        os.environ["FONTCONFIG_FILE"] = str(config)
        try:
            browser = Browser.launch(executable)
        finally:
            if previous is None:
                del os.environ["FONTCONFIG_FILE"]
            else:
                os.environ["FONTCONFIG_FILE"] = previous
        try:
            yield browser.new_page()
        finally:
            browser.close()


def chromium_png(page: Page, svg: str, size: tuple[int, int]) -> bytes:
    """Chromium's picture of the SVG as an `<img>` of exactly `size` pixels."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "plan.svg").write_text(svg, encoding="utf-8")
        html = Path(folder) / "index.html"
        html.write_text(
            "<!doctype html><html><body style='margin:0;background:#fff'>"
            f"<img src='plan.svg' style='display:block;width:{size[0]}px;height:{size[1]}px'>"
            "</body></html>",
            encoding="utf-8",
        )
        page.set_viewport(size[0], size[1], mobile=False)
        page.goto(html.as_uri())
        page.wait_for("document.images[0].complete && document.images[0].naturalWidth > 0")
        return page.screenshot(full_page=False)


@pytest.mark.parametrize("case", CASES)
def test_chromium_draws_the_png(page: Page, case: str) -> None:
    model, level = CASES[case]
    svg = render_level_svg(context(model), level, dimensions=True)
    png = svg_to_png(svg, WIDTH_PX)
    shot = chromium_png(page, svg, _size(png))
    assert agrees(shot, png), agreement(shot, png)
    # the control: without a font Chromium drops the words of an SVG that names one
    named = render_svg(level_scene(context(model), level, dimensions=True))
    assert not agrees(chromium_png(page, named, _size(png)), png)
