"""Which renderer draws the 3D frames: OpenGL where a context can be made, numpy otherwise.

`PLANROOM_RENDERER_3D` picks one: `auto` (the default: OpenGL, falling back to numpy when no
headless EGL context can be created), `gl` (fail rather than fall back) or `numpy`. Both draw the
same picture; a given renderer always gives the same bytes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from planroom.render.three_d.raster import Camera, Viewport, shade, to_image
from planroom.render.three_d.scene import LevelScene
from planroom.render.three_d.yuv import Caption, compose_levels

RENDERER_ENV = "PLANROOM_RENDERER_3D"
CHOICES = ("auto", "gl", "numpy")
_log = logging.getLogger(__name__)


class FrameRenderer(Protocol):
    """Draws one level seen by a camera as an RGB image at the viewport's size."""

    name: str

    def render(
        self,
        scene: LevelScene,
        camera: Camera,
        viewport: Viewport,
        supersample: float,
        background: tuple[float, float, float],
        outline: float,
    ) -> Image.Image: ...

    def video_frame(
        self,
        scenes: tuple[LevelScene, LevelScene | None],
        weight: float,
        camera: Camera,
        viewport: Viewport,
        supersample: float,
        background: tuple[float, float, float],
        outline: float,
        caption: Caption,
    ) -> NDArray[np.uint8]:
        """A video frame as YUV 4:2:0 bytes: the second level (if any) blended over the first
        by `weight`, the caption laid over."""
        ...


class NumpyFrames:
    """The numpy rasteriser: no system graphics library needed."""

    name = "numpy"

    def render(
        self,
        scene: LevelScene,
        camera: Camera,
        viewport: Viewport,
        supersample: float,
        background: tuple[float, float, float],
        outline: float,
    ) -> Image.Image:
        from planroom.render.three_d.raster import rasterize
        from planroom.render.three_d.texture import apply_floor_textures

        big = viewport.supersampled(supersample)
        screen, distance = camera.project(scene.soup.vertices)
        visible = rasterize(big.to_pixels(screen), distance, big.width, big.height)
        image = shade(visible, scene.soup, background, outline)
        apply_floor_textures(image, visible, scene.textures, camera, big)
        return to_image(image, (viewport.width, viewport.height))

    def video_frame(
        self,
        scenes: tuple[LevelScene, LevelScene | None],
        weight: float,
        camera: Camera,
        viewport: Viewport,
        supersample: float,
        background: tuple[float, float, float],
        outline: float,
        caption: Caption,
    ) -> NDArray[np.uint8]:
        args = (camera, viewport, supersample, background, outline)
        return compose_levels(lambda scene: self.render(scene, *args), scenes, weight, caption)


def chosen_renderer() -> str:
    """The setting, checked: one of `CHOICES`."""
    value = os.environ.get(RENDERER_ENV, "auto").strip().lower() or "auto"
    if value not in CHOICES:
        raise ValueError(f"{RENDERER_ENV}={value!r}: use one of {', '.join(CHOICES)}")
    return value


@functools.cache
def pin_blas_threads() -> None:
    """One BLAS thread per process: the 3D code's matrix products are small, and OpenBLAS's
    spinning helper threads cost more CPU than they save (and steal it from the encoder)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


_M_MMAP_THRESHOLD = -3
"""glibc's `mallopt` parameter: blocks at least this large get their own mapping."""
MAPPED_BLOCK_BYTES = 1 << 18
"""Fixed from the first renderer on: glibc's threshold otherwise grows to the largest block
freed (up to 32 MB), so frame-sized arrays come from the heap, where freed ones stay resident
between the holes of live ones. Measured on a plus_3d order with the video: peak resident size
548 MB before, 500 MB with this (and the encoder's one-frame queue); its CPU time stayed within
the noise (a mapping and its page faults per frame-sized array are small beside drawing it)."""


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name) if name else None


def _malloc_trim() -> Callable[[int], int] | None:
    trim: Callable[[int], int] | None = getattr(_libc(), "malloc_trim", None)
    return trim


@functools.cache
def map_large_blocks() -> None:
    """Give large blocks their own mappings, returned to the system when freed (glibc's
    `mallopt`; a no-op elsewhere). See `MAPPED_BLOCK_BYTES`."""
    mallopt: Callable[[int, int], int] | None = getattr(_libc(), "mallopt", None)
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, MAPPED_BLOCK_BYTES)


def return_free_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc's `malloc_trim`; a no-op
    elsewhere).

    A render job frees tens of megabytes of buffers (the stills' bands, the video's frame
    buffers) that glibc keeps for reuse; the next job's peak then sits on top of them. Done
    when a renderer opens and closes, it keeps a worker's resident size near what is in use.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@contextmanager
def open_frames(choice: str | None = None) -> Iterator[FrameRenderer]:
    """A renderer for one job, on the calling thread; OpenGL resources are freed on exit."""
    choice = choice or chosen_renderer()
    pin_blas_threads()
    map_large_blocks()
    return_free_memory()
    try:
        yield from _open(choice)
    finally:
        return_free_memory()


def _open(choice: str) -> Iterator[FrameRenderer]:
    if choice == "numpy":
        yield NumpyFrames()
        return
    from planroom.render.three_d.gl import GlFrames, GlUnavailable

    try:
        frames = GlFrames()
    except GlUnavailable as error:
        if choice == "gl":
            raise
        _log.warning("3D frames fall back to the numpy rasteriser: %s", error)
        yield NumpyFrames()
        return
    with frames:
        yield frames
