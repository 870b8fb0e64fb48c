"""Raster work in parallel lanes: SVG to PNG (and JPG) in a small pool of worker processes.

resvg holds Python's global interpreter lock while it draws, so render jobs running on threads
of one process draw one plan at a time however many cores the machine has. The lanes are
processes (started once, on first use, by `spawn`: safe beside threads) that draw the SVGs of a
product side by side and hand back the bytes; the same pixels as drawing them in-process.

`PLANROOM_RASTER_LANES` sets how many (read from the environment only): the default is one per
core up to 4; `0` draws in the calling thread (no processes). A lane process imports the main
module the way `spawn` does (every Planroom entry point guards its `main()`); should the lanes
break (a main module that is not import-safe, a lane killed), the drawing falls back to the
calling thread and the lanes stay off in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from planroom.render.draw.raster import png_to_jpg, svg_to_png

LANES_ENV = "PLANROOM_RASTER_LANES"
MAX_DEFAULT_LANES = 4

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: Executor | None = None
_broken = False


def lane_count() -> int:
    raw = os.environ.get(LANES_ENV, "").strip()
    if raw:
        try:
            return max(0, int(raw))
        except ValueError:
            return 0
    return min(MAX_DEFAULT_LANES, os.cpu_count() or 1)


def _lanes() -> Executor | None:
    global _pool
    count = lane_count()
    if count <= 1 or _broken:
        return None
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=count, mp_context=multiprocessing.get_context("spawn")
            )
        return _pool


def _raster(svg: str, long_side_px: int, jpg_quality: int, background: str) -> tuple[bytes, bytes]:
    png = svg_to_png(svg, long_side_px)
    return png, (png_to_jpg(png, jpg_quality, background) if jpg_quality else b"")


def start_rasterizing(
    svgs: Sequence[str], long_side_px: int, *, jpg_quality: int = 0, background: str = "#ffffff"
) -> Callable[[], list[tuple[bytes, bytes]]]:
    """Start drawing (PNG, JPG) of each SVG in the lanes; the JPG is empty unless `jpg_quality`
    is given. Returns the call that waits for them, in order: the caller does other work (a PDF)
    meanwhile. Without lanes the drawing happens in that call."""
    pool = _lanes() if len(svgs) > 1 else None
    if pool is None:
        return lambda: [_raster(svg, long_side_px, jpg_quality, background) for svg in svgs]
    try:
        futures = [pool.submit(_raster, svg, long_side_px, jpg_quality, background) for svg in svgs]
    except (BrokenProcessPool, RuntimeError):
        _give_up()
        return lambda: [_raster(svg, long_side_px, jpg_quality, background) for svg in svgs]

    def wait() -> list[tuple[bytes, bytes]]:
        try:
            return [future.result() for future in futures]
        except BrokenProcessPool:
            _give_up()
            return [_raster(svg, long_side_px, jpg_quality, background) for svg in svgs]

    return wait


def _give_up() -> None:
    global _broken, _pool
    log.warning("the raster lanes broke; drawing in-process from now on")
    with _lock:
        _broken = True
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


def rasterize(
    svgs: Sequence[str], long_side_px: int, *, jpg_quality: int = 0, background: str = "#ffffff"
) -> list[tuple[bytes, bytes]]:
    """(PNG, JPG) of each SVG, in order, drawn side by side in the lanes."""
    return start_rasterizing(svgs, long_side_px, jpg_quality=jpg_quality, background=background)()
