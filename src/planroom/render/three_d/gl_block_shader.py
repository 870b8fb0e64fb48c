"""The video's finishing pass at 1.5x supersampling, one fragment per 2 x 2 block of the frame.

At 1.5x, Pillow's box filter maps every 3 x 3 drawn pixels onto 2 x 2 frame pixels: the block's
left and upper frame pixels take two drawn pixels on their axis, the other ones one. A fragment
per block reads the 21 surface ids the outline of those nine pixels needs and their nine
shades once (11 gathers where four fragments of the per-pixel pass, `FINISH_FS`, make 20), and
writes the block's four luma bytes and its two chroma bytes: the encoder's 4:2:0 planes with no
pass of their own. The sums follow the numpy path (`raster.to_image`, `Image.blend`, the
caption's paste and `yuv.rgb_to_yuv420`), rounding where it rounds.

A cross-fade draws its two levels one after the other into the same surfaces buffer: a `store`
pass keeps the first level's finished RGB bytes (12 a block, in three RGBA targets of a quarter
of the frame each), and a `fade` pass blends the second over them. One level's drawn buffers
(37 MB at 1080p) are so never held twice.

The GLSL is written out here rather than by hand: eleven gathers' worth of components picked by
offset is easier to get right by rule than by eye.
"""

from __future__ import annotations

import functools
from typing import Literal

_COMPONENT = {(0, 1): "x", (1, 1): "y", (1, 0): "z", (0, 0): "w"}
"""textureGather's order: (x0, y1), (x1, y1), (x1, y0), (x0, y0) of the 2 x 2 texels around the
sampled texel corner, x0 and y0 being the lower column and row."""

BlockMode = Literal["level", "store", "fade"]
"""What a block pass makes: `level`, one level's frame as YUV; `store`, the first level of a
cross-fade as its RGB bytes, kept for the next pass; `fade`, the second level blended over
those kept bytes, as YUV. A fade so draws one level at a time into one surfaces buffer."""

_MODES: dict[BlockMode, int] = {"level": 0, "store": 1, "fade": 2}

_HEADER = """
#version 400
const int MODE = %(mode)d;          // 0 level, 1 store, 2 fade (gl_block_shader.BlockMode)
const bool CAPTIONED = %(captioned)s; // the caption laid over (drawn over its box only)
uniform usampler2D surfaces;
uniform sampler2D kept0;            // a fade's first level: its blocks' 12 RGB bytes in three
uniform sampler2D kept1;            // RGBA bytes (`store` writes them, `fade` reads them)
uniform sampler2D kept2;
uniform sampler2D caption;          // RGBA bytes
uniform ivec2 caption_origin;       // the caption's top-left frame pixel
uniform ivec2 caption_size;
uniform vec3 background;            // bytes
uniform float outline;
uniform vec2 big_size;
uniform float weight;
uniform vec3 luma;                  // BT.709 limited-range weights, scaled to bytes
uniform vec3 chroma_u;              // ... for the sum of a 2 x 2 block
uniform vec3 chroma_v;
// YUV: the luma of the block's upper pixels (left, right), of its lower ones, U and V.
// Store: the four pixels' RGB bytes, in order, four to a target.
layout(location = 0) out vec4 plane0;
layout(location = 1) out vec4 plane1;
layout(location = 2) out vec4 plane2;
layout(location = 3) out vec4 plane3;

vec3 unpack(uint bits) {
    if (bits == 0u) return background;
    return vec3(float(bits & 255u), float((bits >> 8u) & 255u), float((bits >> 16u) & 255u));
}

vec3 outlined(uint here, uint left, uint above, uint right, uint below, uint bits) {
    // FINISH_FS's outline: right and lower sides between surfaces, all round on the background.
    bool edge = here != 0u && (left != here || above != here || right == 0u || below == 0u);
    vec3 bytes = unpack(bits);
    return floor((edge ? bytes * (1.0 - outline) : bytes) + 0.5);
}
"""

_MAIN = """
vec3 laid(vec3 rgb, ivec2 pixel) {
    if (!CAPTIONED) return rgb;
    ivec2 at = pixel - caption_origin;
    bool inside = all(greaterThanEqual(at, ivec2(0))) && all(lessThan(at, caption_size));
    vec4 label = texelFetch(caption, clamp(at, ivec2(0), caption_size - 1), 0);
    float alpha = inside ? label.a : 0.0;
    return floor(mix(rgb, label.rgb * 255.0, alpha) + 0.5);
}

void kept(ivec2 block, out vec3 a00, out vec3 a10, out vec3 a01, out vec3 a11) {
    vec4 k0 = floor(texelFetch(kept0, block, 0) * 255.0 + 0.5);
    vec4 k1 = floor(texelFetch(kept1, block, 0) * 255.0 + 0.5);
    vec4 k2 = floor(texelFetch(kept2, block, 0) * 255.0 + 0.5);
    a00 = k0.rgb;
    a10 = vec3(k0.a, k1.rg);
    a01 = vec3(k1.ba, k2.r);
    a11 = k2.gba;
}

void main() {
    ivec2 block = ivec2(gl_FragCoord.xy);
    vec3 a00, a10, a01, a11;
    level(vec2(block * 3), a00, a10, a01, a11);
    if (MODE == 1) {
        plane0 = vec4(a00, a10.r) / 255.0;
        plane1 = vec4(a10.gb, a01.rg) / 255.0;
        plane2 = vec4(a01.b, a11) / 255.0;
        plane3 = vec4(0.0);
        return;
    }
    if (MODE == 2) {
        vec3 b00 = a00, b10 = a10, b01 = a01, b11 = a11;
        kept(block, a00, a10, a01, a11);
        a00 = floor(mix(a00, b00, weight) + 0.5);
        a10 = floor(mix(a10, b10, weight) + 0.5);
        a01 = floor(mix(a01, b01, weight) + 0.5);
        a11 = floor(mix(a11, b11, weight) + 0.5);
    }
    ivec2 pixel = block * 2;
    a00 = laid(a00, pixel);
    a10 = laid(a10, pixel + ivec2(1, 0));
    a01 = laid(a01, pixel + ivec2(0, 1));
    a11 = laid(a11, pixel + ivec2(1, 1));
    plane0 = vec4(dot(a00, luma) + 16.0, dot(a10, luma) + 16.0, 0.0, 255.0) / 255.0;
    plane1 = vec4(dot(a01, luma) + 16.0, dot(a11, luma) + 16.0, 0.0, 255.0) / 255.0;
    vec3 sum = a00 + a10 + a01 + a11;
    plane2 = vec4(dot(sum, chroma_u) + 128.0, 0.0, 0.0, 255.0) / 255.0;
    plane3 = vec4(dot(sum, chroma_v) + 128.0, 0.0, 0.0, 255.0) / 255.0;
}
"""


_ID_GATHERS = ((0, 0), (-2, 0), (0, -2), (-1, 2), (1, 2), (2, -1), (2, 1))
"""The id gathers' 2 x 2 texels, by their lower corner's offset from the block's first drawn
pixel: the fewest that hold the 21 ids the outline reads (the 3 x 3 pixels and the one beyond
each on every side; the 5 x 5 square's corners are not read). Seven, where a grid takes nine."""


def _id_cells() -> dict[tuple[int, int], tuple[int, str]]:
    """For each id the outline reads, by offset: the first gather holding it, and where."""
    cells: dict[tuple[int, int], tuple[int, str]] = {}
    for index, (x, y) in enumerate(_ID_GATHERS):
        for (sx, sy), component in _COMPONENT.items():
            cells.setdefault((x + sx, y + sy), (index, component))
    return cells


def _level_function() -> str:
    """`level(origin, ...)`: the four frame pixels of the block, from the drawn surfaces."""
    lines = ["void level(vec2 origin, out vec3 f00, out vec3 f10, out vec3 f01, out vec3 f11) {"]
    # A gather at a texel corner reads the four texels around it: at origin + (x + 1, y + 1)
    # for the texels from origin + (x, y).
    for index, (x, y) in enumerate(_ID_GATHERS):
        lines.append(
            f"    uvec4 id{index} = textureGather(surfaces, "
            f"(origin + vec2({x + 1}.0, {y + 1}.0)) / big_size, 0);"
        )
    # Shade gathers at origin + (1 + 2i, 1 + 2j): columns origin + 2i and origin + 2i + 1.
    for i in range(2):
        for j in range(2):
            lines.append(
                f"    uvec4 sh{i}{j} = textureGather(surfaces, "
                f"(origin + vec2({1 + 2 * i}.0, {1 + 2 * j}.0)) / big_size, 1);"
            )
    cells = _id_cells()

    def ident(dx: int, dy: int) -> str:
        index, component = cells[(dx, dy)]
        return f"id{index}.{component}"

    def shade(dx: int, dy: int) -> str:
        (i, sx), (j, sy) = divmod(dx, 2), divmod(dy, 2)
        return f"sh{i}{j}.{_COMPONENT[(sx, sy)]}"

    for dx in range(3):
        for dy in range(3):
            neighbours = ", ".join(
                ident(x, y) for x, y in ((dx, dy), (dx - 1, dy), (dx, dy - 1), (dx + 1, dy))
            )
            lines.append(
                f"    vec3 p{dx}{dy} = outlined({neighbours}, {ident(dx, dy + 1)}, "
                f"{shade(dx, dy)});"
            )
    # Pillow's box filter, rounded to bytes as `to_image` rounds.
    lines += [
        "    f00 = floor((p00 + p10 + p01 + p11) / 4.0 + 0.5);",
        "    f10 = floor((p20 + p21) / 2.0 + 0.5);",
        "    f01 = floor((p02 + p12) / 2.0 + 0.5);",
        "    f11 = p22;",
        "}",
    ]
    return "\n".join(lines) + "\n"


@functools.cache
def block_fs(mode: BlockMode, captioned: bool) -> str:
    """The block pass's fragment shader for `mode`, with or without the caption (which a
    `store` pass never lays: it goes over the blended picture)."""
    if mode == "store" and captioned:
        raise ValueError("a store pass keeps the level as drawn: it lays no caption")
    header = _HEADER % {"mode": _MODES[mode], "captioned": "true" if captioned else "false"}
    return header + _level_function() + _MAIN
