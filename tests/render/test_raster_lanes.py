"""The raster lanes draw the very bytes the calling thread would, in order, in other processes."""

from __future__ import annotations

import os

import pytest

from planroom.render.draw import raster_lanes
from planroom.render.draw.raster import png_to_jpg, svg_to_png


def _svg(colour: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
        f'<rect x="10" y="10" width="120" height="60" fill="{colour}"/>'
        '<text x="20" y="90" font-size="14">Living Room</text></svg>'
    )


def test_lanes_draw_the_same_pixels_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(raster_lanes.LANES_ENV, "2")
    svgs = [_svg(colour) for colour in ("#ff0000", "#00ff00", "#0000ff")]
    drawn = raster_lanes.rasterize(svgs, 400, jpg_quality=90, background="#ffffff")
    assert raster_lanes._pool is not None, "no lanes were started"
    assert os.getpid() not in (process.pid for process in raster_lanes._pool._processes.values())  # type: ignore[attr-defined]
    for svg, (png, jpg) in zip(svgs, drawn, strict=True):
        expected = svg_to_png(svg, 400)
        assert png == expected
        assert jpg == png_to_jpg(expected, 90, "#ffffff")


def test_no_lanes_draws_in_the_calling_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(raster_lanes.LANES_ENV, "0")
    assert raster_lanes.lane_count() == 0
    (only,) = raster_lanes.rasterize([_svg("#123456")], 300)
    assert only == (svg_to_png(_svg("#123456"), 300), b"")
