"""What the OpenGL frames' passes share: pixel boxes, uniforms, and waiting for the pipeline."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import math
from collections.abc import Callable
from typing import Any

Rect = tuple[int, int, int, int]
"""Left, top, right, bottom (exclusive) in pixels, rows top-down."""
Box = tuple[int, int, int, int]
"""Left, top, width, height in pixels, as GL's viewport and scissor take them."""


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
def _gl_finish() -> Callable[[], None] | None:
    """`glFinish` called through ctypes, which lets go of the GIL while it waits.

    moderngl holds the GIL for every call, a read too; on a software pipeline a read first waits
    for the frame to be drawn, and the MP4 encoder's thread would wait that long for the GIL.
    Finishing the frame here first leaves the read only its copy. None where EGL does not say.
    """
    name = ctypes.util.find_library("EGL")
    if name is None:
        return None
    lookup = ctypes.CDLL(name).eglGetProcAddress
    lookup.restype, lookup.argtypes = ctypes.c_void_p, [ctypes.c_char_p]
    address = lookup(b"glFinish")
    return ctypes.CFUNCTYPE(None)(address) if address else None


def wait_for_drawing() -> None:
    """Let the pipeline finish the frame without holding the GIL (see `_gl_finish`)."""
    finish = _gl_finish()
    if finish is not None:
        finish()


def set_uniforms(program: Any, **values: Any) -> None:
    """Set uniforms; ones the compiler dropped as unused are skipped."""
    for name, value in values.items():
        if name in program:
            program[name].value = value
