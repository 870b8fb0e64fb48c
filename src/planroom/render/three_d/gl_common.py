"""What the OpenGL frames' passes share: pixel boxes, uniforms, and waiting for the pipeline."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from planroom.render.three_d.raster import FloatArray

Rect = tuple[int, int, int, int]
"""Left, top, right, bottom (exclusive) in pixels, rows top-down."""
Box = tuple[int, int, int, int]
"""Left, top, width, height in pixels, as GL's viewport and scissor take them."""
_SHAPE_BYTES = 1 << 14
"""The least vertex store a `Shapes` makes: a grown hull has some tens of corners."""


def drawn_box_of(rect: Rect, factor: float, width: int, height: int) -> Box:
    """The drawn pixels under frame `rect` at `factor` times its size, and the two beyond it
    that the finishing pass reads, within the drawn `width` x `height`."""
    left, top, right, bottom = rect
    low_x, low_y = max(0, math.floor(left * factor) - 2), max(0, math.floor(top * factor) - 2)
    high_x = min(width, math.ceil(right * factor) + 2)
    high_y = min(height, math.ceil(bottom * factor) + 2)
    return (low_x, low_y, high_x - low_x, high_y - low_y)


def background_bytes(background: tuple[float, float, float]) -> tuple[float, float, float]:
    """The background colour as bytes, rounded as the numpy shading rounds it."""
    red, green, blue = (float(math.floor(v * 255.0 + 0.5)) for v in background)
    return red, green, blue


def surfaces_texture(gl: Any, size: tuple[int, int]) -> Any:
    """The surfaces pass's target: per drawn pixel the surface id and the packed shade
    (`gl_shaders.SURFACE_FS`), read texel by texel (no filtering, clamped at the edges)."""
    texture = gl.texture(size, 2, dtype="u4")
    texture.filter = (gl.NEAREST, gl.NEAREST)
    texture.repeat_x = texture.repeat_y = False
    return texture


@functools.cache
def _gl_function(name: bytes, *argtypes: Any) -> Any:
    """A GL function of the current context through EGL's lookup, or None where EGL does not
    say (moderngl does not wrap every call)."""
    library = ctypes.util.find_library("EGL")
    if library is None:
        return None
    lookup = ctypes.CDLL(library).eglGetProcAddress
    lookup.restype, lookup.argtypes = ctypes.c_void_p, [ctypes.c_char_p]
    address = lookup(name)
    return ctypes.CFUNCTYPE(None, *argtypes)(address) if address else None


_PACK_ROW_LENGTH = 0x0D02


@contextmanager
def rows_apart(row_length: int) -> Iterator[None]:
    """Reads within the block write their rows `row_length` pixels apart instead of one row's
    width (GL_PACK_ROW_LENGTH, which moderngl does not set), so a read fills every other row
    of a larger image."""
    store = _gl_function(b"glPixelStorei", ctypes.c_uint, ctypes.c_int)
    if store is None:  # the context was made through EGL: it always says
        raise RuntimeError("EGL does not give glPixelStorei")
    store(_PACK_ROW_LENGTH, row_length)
    try:
        yield
    finally:
        store(_PACK_ROW_LENGTH, 0)


def wait_for_drawing() -> None:
    """Let the pipeline finish what it was given, through `glFinish` called by ctypes, which
    lets go of the GIL while it waits (moderngl holds it for every call, and on a software
    pipeline a draw or a read first waits for what it depends on to be drawn)."""
    finish = _gl_function(b"glFinish")
    if finish is not None:
        finish()


def set_uniforms(program: Any, **values: Any) -> None:
    """Set uniforms; ones the compiler dropped as unused are skipped."""
    for name, value in values.items():
        if name in program:
            program[name].value = value


class Shapes:
    """Triangles in normalised device coordinates, rewritten for every draw: one vertex buffer,
    with a vertex array for each program that draws from it (their input is `vec2 corner`)."""

    def __init__(self, gl: Any) -> None:
        self._gl = gl
        self._buffer: Any = None
        self._capacity = 0
        self._arrays: dict[int, tuple[Any, Any]] = {}

    def render(self, program: Any, triangles: FloatArray) -> None:
        """Draw `triangles` (3 n, 2) with `program`."""
        import moderngl

        if not len(triangles):
            return
        data = np.ascontiguousarray(triangles, dtype=np.float32).tobytes()
        if len(data) > self._capacity:
            self.release()
            self._capacity = max(len(data), _SHAPE_BYTES)
            self._buffer = self._gl.buffer(reserve=self._capacity)
        # A fresh store: the pipeline may still be reading the last draw's vertices.
        self._buffer.orphan(self._capacity)
        self._buffer.write(data)
        entry = self._arrays.get(id(program))
        if entry is None:
            array = self._gl.vertex_array(program, [(self._buffer, "2f", "corner")])
            entry = (program, array)
            self._arrays[id(program)] = entry
        entry[1].render(moderngl.TRIANGLES, vertices=len(triangles))

    def release(self) -> None:
        for _, array in self._arrays.values():
            array.release()
        if self._buffer is not None:
            self._buffer.release()
        self._arrays.clear()
        self._buffer, self._capacity = None, 0


def box_triangles(boxes: list[Box], size: tuple[int, int]) -> FloatArray:
    """Boxes (x, y, width, height) of a `size` target as two triangles each, in normalised
    device coordinates."""
    scale = 2.0 / np.asarray(size, dtype=np.float64)
    corners = []
    for left, top, width, height in boxes:
        x0, y0 = left * scale[0] - 1.0, top * scale[1] - 1.0
        x1, y1 = (left + width) * scale[0] - 1.0, (top + height) * scale[1] - 1.0
        corners += [(x0, y0), (x1, y0), (x0, y1), (x1, y0), (x1, y1), (x0, y1)]
    return np.asarray(corners, dtype=np.float64).reshape(-1, 2)
