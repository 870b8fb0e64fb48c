"""A small software rasteriser for flat-shaded triangles: no GPU, no system graphics library.

Triangles are projected by a pinhole camera and resolved with a z-buffer into a *visibility
buffer* (the index of the nearest triangle per pixel). Colours are flat per triangle, so shading
is a table look-up afterwards, and a soft outline is drawn where the visible surface changes.

The work is vectorised with numpy: small triangles are rasterised in batches that share a padded
bounding-box grid and are merged into the z-buffer with `np.minimum.at`; large triangles are
rasterised one by one into a slice of the buffer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
Int32Array = NDArray[np.int32]
ByteArray = NDArray[np.uint8]

_TRI_BITS = 24
"""Low bits of a z-buffer key hold the triangle index; the depth sits above them."""
_TRI_MASK = (1 << _TRI_BITS) - 1
_DEPTH_STEPS = (1 << 38) - 1
_EMPTY_KEY = np.iinfo(np.int64).max
BACKGROUND_GROUP = -1
"""Surface id of the empty background; give it to faces that must not be outlined."""
_FRAGMENT_BUDGET = 1 << 21
"""Fragments expanded at once: bounds memory on large supersampled images."""


@dataclass(frozen=True)
class TriangleSoup:
    """Triangles in world millimetres (z up) with a flat colour and a surface id each.

    `groups` names the surface a triangle belongs to (a wall face, one room's floor); the outline
    is drawn only where the visible group changes, so triangulation edges never show.
    """

    vertices: FloatArray
    """(n, 3, 3): three corners per triangle, counter-clockwise seen from the front."""
    colors: FloatArray
    """(n, 3): shaded RGB in 0..1."""
    groups: IntArray
    """(n,): surface id."""

    @staticmethod
    def empty() -> TriangleSoup:
        return TriangleSoup(
            vertices=np.zeros((0, 3, 3)),
            colors=np.zeros((0, 3)),
            groups=np.zeros(0, dtype=np.int64),
        )

    def __len__(self) -> int:
        return int(self.vertices.shape[0])


@dataclass(frozen=True)
class Camera:
    """A pinhole camera looking from `eye` at `target`, world z up."""

    eye: tuple[float, float, float]
    target: tuple[float, float, float]
    fov_deg: float = 30.0

    def basis(self) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Right, up and forward unit vectors of the camera in world coordinates."""
        forward = np.asarray(self.target, dtype=np.float64) - np.asarray(self.eye, np.float64)
        forward /= np.linalg.norm(forward)
        right = np.cross(forward, np.array([0.0, 0.0, 1.0]))
        right /= np.linalg.norm(right)
        up = np.cross(right, forward)
        return right, up, forward

    def project(self, points: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Points (..., 3) to normalised screen coordinates (..., 2) (y up) and view distance."""
        right, up, forward = self.basis()
        rel = points - np.asarray(self.eye, dtype=np.float64)
        distance = rel @ forward
        focal = 1.0 / math.tan(math.radians(self.fov_deg) / 2.0)
        safe = np.maximum(distance, 1e-6)
        screen = np.stack([(rel @ right) * focal / safe, (rel @ up) * focal / safe], axis=-1)
        return screen, distance


@dataclass(frozen=True)
class Viewport:
    """Maps normalised screen coordinates to pixels: `px = centre + scale * screen` (y down)."""

    width: int
    height: int
    scale: float
    centre_x: float
    centre_y: float

    @staticmethod
    def fit(screen_points: FloatArray, width: int, height: int, margin: float) -> Viewport:
        """The viewport that fits `screen_points` (n, 2) into the image with a `margin` fraction."""
        lo = screen_points.min(axis=0)
        hi = screen_points.max(axis=0)
        span = np.maximum(hi - lo, 1e-9)
        usable_w = width * (1.0 - 2.0 * margin)
        usable_h = height * (1.0 - 2.0 * margin)
        scale = float(min(usable_w / span[0], usable_h / span[1]))
        mid = (lo + hi) / 2.0
        return Viewport(
            width=width,
            height=height,
            scale=scale,
            centre_x=width / 2.0 - scale * float(mid[0]),
            centre_y=height / 2.0 + scale * float(mid[1]),
        )

    def supersampled(self, factor: float) -> Viewport:
        """This viewport drawn `factor` times larger (rounded to whole pixels)."""
        width = round(self.width * factor)
        height = round(self.height * factor)
        exact = width / self.width
        return Viewport(
            width=width,
            height=height,
            scale=self.scale * exact,
            centre_x=self.centre_x * exact,
            centre_y=self.centre_y * exact,
        )

    def to_pixels(self, screen: FloatArray) -> FloatArray:
        out = np.empty_like(screen)
        out[..., 0] = self.centre_x + self.scale * screen[..., 0]
        out[..., 1] = self.centre_y - self.scale * screen[..., 1]
        return out


class _Setup:
    """Per-triangle barycentric edge equations, row ranges and depth plane in pixel space."""

    def __init__(self, xy: FloatArray, inv_depth: FloatArray, width: int, height: int) -> None:
        x0, y0 = xy[:, 0, 0], xy[:, 0, 1]
        x1, y1 = xy[:, 1, 0], xy[:, 1, 1]
        x2, y2 = xy[:, 2, 0], xy[:, 2, 1]
        # Twice the signed area; negative means counter-clockwise on screen (y points down),
        # which is a front face for triangles that run counter-clockwise seen from the front.
        area2 = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
        front = area2 < -1e-9
        self.min_y = np.maximum(np.ceil(xy[:, :, 1].min(axis=1) - 0.5), 0).astype(np.int64)
        self.max_y = np.minimum(np.floor(xy[:, :, 1].max(axis=1) - 0.5), height - 1).astype(
            np.int64
        )
        on_screen = (xy[:, :, 0].max(axis=1) >= 0) & (xy[:, :, 0].min(axis=1) <= width)
        self.visible = front & on_screen & (self.max_y >= self.min_y)
        inv = np.where(front, 1.0 / np.where(front, area2, -1.0), 0.0)
        # Barycentric weight of vertex i = a_i * x + b_i * y + c_i (edge opposite vertex i).
        self.a = np.stack([(y1 - y2), (y2 - y0), (y0 - y1)], axis=1) * inv[:, None]
        self.b = np.stack([(x2 - x1), (x0 - x2), (x1 - x0)], axis=1) * inv[:, None]
        self.c = (
            np.stack([(x1 * y2 - x2 * y1), (x2 * y0 - x0 * y2), (x0 * y1 - x1 * y0)], axis=1)
            * inv[:, None]
        )
        # Inverse view distance is affine in screen space: inv = p * x + q * y + r.
        self.p = (self.a * inv_depth).sum(axis=1)
        self.q = (self.b * inv_depth).sum(axis=1)
        self.r = (self.c * inv_depth).sum(axis=1)


def _row_spans(
    setup: _Setup, tris: IntArray, width: int
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Every pixel row each triangle touches: (triangle, y, first x, pixel count)."""
    rows_per_tri = setup.max_y[tris] - setup.min_y[tris] + 1
    row_tri = np.repeat(tris, rows_per_tri)
    first_row = np.cumsum(rows_per_tri) - rows_per_tri
    y = setup.min_y[row_tri] + (np.arange(row_tri.size) - np.repeat(first_row, rows_per_tri))
    centre_y = y + 0.5
    lo = np.full(row_tri.size, -np.inf)
    hi = np.full(row_tri.size, np.inf)
    for edge in range(3):
        # Inside means a * x + k >= 0 along the row; each edge bounds x from one side.
        a = setup.a[row_tri, edge]
        k = setup.b[row_tri, edge] * centre_y + setup.c[row_tri, edge]
        with np.errstate(divide="ignore", invalid="ignore"):
            bound = -k / a
        lo = np.where(a > 1e-12, np.maximum(lo, bound - 1e-7), lo)
        hi = np.where(a < -1e-12, np.minimum(hi, bound + 1e-7), hi)
        flat_outside = (np.abs(a) <= 1e-12) & (k < -1e-9)
        hi = np.where(flat_outside, -np.inf, hi)
    first_x = np.maximum(np.ceil(lo - 0.5), 0)
    last_x = np.minimum(np.floor(hi - 0.5), width - 1)
    count = np.maximum(last_x - first_x + 1, 0)
    keep = count > 0
    return (
        row_tri[keep],
        y[keep].astype(np.int64),
        first_x[keep].astype(np.int64),
        count[keep].astype(np.int64),
    )


def rasterize(
    pixels: FloatArray,
    distance: FloatArray,
    width: int,
    height: int,
) -> Int32Array:
    """Resolve triangles (n, 3, 2 pixel positions; n, 3 view distances) into a visibility buffer.

    Returns an (height, width) array of triangle indices, -1 where nothing was drawn. Back faces
    and triangles behind the camera are culled.
    """
    count = pixels.shape[0]
    if count >= _TRI_MASK:
        raise ValueError("too many triangles for one frame")
    zbuffer = np.full(width * height, _EMPTY_KEY, dtype=np.int64)
    in_front = (distance > 1e-3).all(axis=1) if count else np.zeros(0, dtype=bool)
    if count and in_front.any():
        inv_depth = 1.0 / np.maximum(distance, 1e-3)
        near = float(inv_depth[in_front].max())
        far = float(inv_depth[in_front].min())
        setup = _Setup(pixels, inv_depth, width, height)
        tris = np.nonzero(setup.visible & in_front)[0]
        row_tri, y, first_x, span = _row_spans(setup, tris, width)
        # Depth key per fragment = (near - inv) * scale, linear along each row.
        scale = _DEPTH_STEPS / max(near - far, 1e-12)
        start_inv = setup.p[row_tri] * (first_x + 0.5) + setup.q[row_tri] * (y + 0.5)
        start_key = (near - start_inv - setup.r[row_tri]) * scale
        step_key = -setup.p[row_tri] * scale
        base_pixel = y * width + first_x
        _resolve(zbuffer, row_tri, base_pixel, start_key, step_key, span)
    empty = zbuffer == _EMPTY_KEY
    zbuffer &= _TRI_MASK
    # Triangle indices fit in 32 bits; the smaller array halves the memory of every later pass.
    result = zbuffer.astype(np.int32).reshape(height, width)
    result.reshape(-1)[empty] = -1
    return result


def _resolve(
    zbuffer: IntArray,
    row_tri: IntArray,
    base_pixel: IntArray,
    start_key: FloatArray,
    step_key: FloatArray,
    span: IntArray,
) -> None:
    """Expand row spans into fragments, a bounded number at a time, and keep the nearest."""
    ends = np.cumsum(span)
    starts = ends - span
    position = 0
    while position < span.size:
        limit = starts[position] + _FRAGMENT_BUDGET
        stop = max(position + 1, int(np.searchsorted(ends, limit, side="right")))
        rows = slice(position, stop)
        counts = span[rows]
        total = int(counts.sum())
        # Per-row values are spread over the row's fragments with `repeat` (a straight copy),
        # which is much cheaper than gathering them through a row index.
        offset = np.arange(total, dtype=np.int64)
        offset -= np.repeat(starts[rows] - starts[position], counts)
        depth = np.repeat(step_key[rows], counts)
        depth *= offset
        depth += np.repeat(start_key[rows], counts)
        np.clip(depth, 0, _DEPTH_STEPS, out=depth)
        key = depth.astype(np.int64)
        key <<= _TRI_BITS
        key |= np.repeat(row_tri[rows], counts)
        pixel = np.repeat(base_pixel[rows], counts)
        pixel += offset
        np.minimum.at(zbuffer, pixel, key)
        position = stop


def shade(
    visible: Int32Array,
    soup: TriangleSoup,
    background: tuple[float, float, float],
    outline_strength: float,
) -> ByteArray:
    """Colour a visibility buffer as RGBX bytes (height, width, 4).

    Pixels on a boundary between visible surfaces are darkened by `outline_strength`, which
    draws a soft one-pixel outline around every wall, floor and piece of furniture.
    """
    count = len(soup)
    palette = np.vstack([soup.colors, np.asarray(background, dtype=np.float64)[None, :]])
    # One packed colour per index: normal shades first, outlined shades after them.
    shades = np.concatenate([palette, palette * (1.0 - outline_strength)])
    rgb = np.clip(shades * 255.0 + 0.5, 0, 255).astype(np.uint32)
    table = rgb[:, 0] | (rgb[:, 1] << 8) | (rgb[:, 2] << 16) | np.uint32(0xFF000000)
    index = visible.astype(np.int32)
    index[index < 0] = count
    if outline_strength > 0:
        group = np.append(soup.groups, BACKGROUND_GROUP).astype(np.int32)[index]
        edge = np.zeros(visible.shape, dtype=bool)
        across = group[:, 1:] != group[:, :-1]
        down = group[1:, :] != group[:-1, :]
        # A line between two surfaces is one pixel wide, on the right or lower side; against
        # the background it always falls on the surface, so silhouettes are closed all round.
        edge[:, 1:] |= across
        edge[:, :-1] |= across & (group[:, 1:] == BACKGROUND_GROUP)
        edge[1:, :] |= down
        edge[:-1, :] |= down & (group[1:, :] == BACKGROUND_GROUP)
        # Surfaces in the background group (ground shade) blend into it without a line.
        edge &= group != BACKGROUND_GROUP
        np.add(index, count + 1, out=index, where=edge)
    packed = table[index]
    return packed.view(np.uint8).reshape(*visible.shape, 4)


def to_image(rgbx: ByteArray, size: tuple[int, int]) -> Image.Image:
    """RGBX bytes as an RGB Pillow image, box-filtered down to `size` (the anti-aliasing)."""
    height, width = rgbx.shape[:2]
    image = Image.frombytes("RGB", (width, height), np.ascontiguousarray(rgbx).data, "raw", "RGBX")
    if (width, height) == size:
        return image
    if width % size[0] == 0 and width // size[0] == height // size[1]:
        return image.reduce(width // size[0])
    return image.resize(size, Image.Resampling.BOX)
