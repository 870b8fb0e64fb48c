"""Procedural floor finishes for the dollhouse: wooden planks, tiles and deck boards.

Drawing planks as geometry would multiply the triangles (and the shadow pieces) by hundreds;
instead, after the visibility pass, every pixel that shows a floor is traced back to the floor
plane and patterned there. Seams are about one pixel wide whatever the zoom, and every plank or
tile gets its own slight tone, so a floor reads as wood or stone without any texture image.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from planroom.render.three_d.raster import (
    ByteArray,
    Camera,
    FloatArray,
    Int32Array,
    IntArray,
    Viewport,
)

Float32Array = NDArray[np.float32]

NONE, WOOD, TILE, DECK = 0, 1, 2, 3
_PIXELS_AT_ONCE = 1 << 20

# Pattern sizes in mm: (strip width across, piece length along, seam shade, tone spread).
_PATTERNS: dict[int, tuple[float, float, float, float]] = {
    WOOD: (185.0, 1450.0, 0.86, 0.09),
    TILE: (450.0, 450.0, 0.90, 0.04),
    DECK: (140.0, 3600.0, 0.78, 0.10),
}


@dataclass(frozen=True)
class FloorTextures:
    """Which triangles carry which finish: `ids` per triangle (-1: plain), `specs` per finish."""

    ids: NDArray[np.int32]
    specs: FloatArray
    """(k, 4): kind, cos and sin of the plank direction, seed."""


def _hash(a: IntArray, b: IntArray, seed: IntArray) -> FloatArray:
    """A repeatable pseudo-random number in 0..1 per (a, b, seed) triple."""
    mixed = (a * 374761393 + b * 668265263 + seed * 2654435) & 0xFFFFFFFF
    mixed = ((mixed ^ (mixed >> 13)) * 1274126177) & 0xFFFFFFFF
    mixed = mixed ^ (mixed >> 16)
    return np.asarray((mixed & 0xFFFF) / 65535.0, dtype=np.float64)


def floor_points(
    pixels: IntArray, width: int, camera: Camera, viewport: Viewport
) -> tuple[Float32Array, Float32Array, Float32Array]:
    """World x, y on the plane z = 0 under flat pixel indices, and the mm one pixel spans there."""
    right, up, forward = camera.basis()
    focal = 1.0 / np.tan(np.radians(camera.fov_deg) / 2.0)
    rows, columns = np.divmod(pixels, width)
    # Single precision is plenty for millimetres across a house and halves the memory traffic.
    per_pixel = np.float32(1.0 / (viewport.scale * focal))
    sx = (columns.astype(np.float32) + np.float32(0.5 - viewport.centre_x)) * per_pixel
    sy = (np.float32(viewport.centre_y - 0.5) - rows.astype(np.float32)) * per_pixel
    direction_z = forward[2] + right[2] * sx + up[2] * sy
    eye = np.asarray(camera.eye)
    reach = -eye[2] / np.minimum(direction_z, -1e-9)
    x = eye[0] + reach * (forward[0] + right[0] * sx + up[0] * sy)
    y = eye[1] + reach * (forward[1] + right[1] * sx + up[1] * sy)
    # Distance along a ray divided by pixels per unit of view angle gives mm per pixel; the floor
    # is seen at a slant, so a pixel covers more of it along the view, hence the slant factor.
    slant = np.maximum(-direction_z, 0.2)
    span = reach / (viewport.scale * focal) / slant
    return x, y, span


def texture_factor(
    kind: IntArray, u: Float32Array, v: Float32Array, seed: IntArray, span: Float32Array
) -> Float32Array:
    """Brightness of the finish at plan coordinates (u along the pieces, v across them)."""
    factor = np.ones(u.shape, dtype=np.float32)
    for pattern, (across, along, seam_shade, spread) in _PATTERNS.items():
        mine = kind == pattern
        if not mine.any():
            continue
        uu, vv, ss, sp = u[mine], v[mine], seed[mine], span[mine]
        row = np.floor(vv / across).astype(np.int64)
        # Rows are staggered, like planks laid from random offcuts.
        shifted = uu + _hash(row, np.zeros_like(row), ss) * along
        piece = np.floor(shifted / along).astype(np.int64)
        tone = 1.0 + spread * (_hash(row, piece, ss) - 0.5)
        seam = np.maximum(np.float32(2.5), np.float32(1.1) * sp)
        on_seam = (np.mod(vv, across) < seam) | (np.mod(shifted, along) < seam)
        factor[mine] = np.where(on_seam, seam_shade, tone)
    return factor


def apply_floor_textures(
    image: ByteArray,
    visible: Int32Array,
    textures: FloorTextures,
    camera: Camera,
    viewport: Viewport,
) -> None:
    """Pattern every floor pixel of `image` (RGBX, drawn with `viewport`) in place."""
    if textures.specs.size == 0:
        return
    height, width = visible.shape
    per_pixel = np.append(textures.ids, -1)[visible].ravel()
    pixels = np.flatnonzero(per_pixel >= 0)
    flat = image.reshape(height * width, 4)
    specs = textures.specs.astype(np.float32)
    # A bounded number of pixels at a time keeps the temporaries small on 17-megapixel stills.
    for start in range(0, pixels.size, _PIXELS_AT_ONCE):
        chunk = pixels[start : start + _PIXELS_AT_ONCE]
        finish = per_pixel[chunk]
        x, y, span = floor_points(chunk, width, camera, viewport)
        cos_a, sin_a = specs[finish, 1], specs[finish, 2]
        u = x * cos_a + y * sin_a
        v = y * cos_a - x * sin_a
        kind = textures.specs[finish, 0].astype(np.int64)
        seed = textures.specs[finish, 3].astype(np.int64)
        factor = texture_factor(kind, u, v, seed, span)
        scaled = flat[chunk, :3] * factor[:, None]
        flat[chunk, :3] = np.clip(scaled + np.float32(0.5), 0, 255).astype(np.uint8)
