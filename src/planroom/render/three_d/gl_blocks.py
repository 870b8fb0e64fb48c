"""Video frames on OpenGL at 1.5x supersampling, finished a 2 x 2 block at a time.

The surfaces pass is `GlFrames.draw_surfaces`; the block pass (`gl_block_shader`) then outlines,
box-filters, captions and converts each block to its four luma and two chroma bytes. A
cross-fade draws its levels one after the other into the same buffers: the first level's block
pass keeps its RGB bytes, and the second's blends over them. On Mesa's software pipeline the
cost of the finishing is its texture reads, and a block reads its 21 ids and 9 shades once
where four per-pixel fragments read 64 and 16; the chroma planes need no pass of their own
either.

The block pass writes the luma of a block's upper pixels to one two-byte target and of its
lower ones to another; each is read straight into every other row of the frame.

Both passes are bounded to the house's convex hull (`gl_outline`), grown by what each reads
around what it makes; the planes are cleared to the background everywhere else.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from planroom.render.three_d.gl_block_shader import BlockMode, block_fs
from planroom.render.three_d.gl_common import (
    Box,
    Rect,
    Shapes,
    background_bytes,
    box_triangles,
    drawn_box_of,
    rows_apart,
    set_uniforms,
    surfaces_texture,
    wait_for_drawing,
)
from planroom.render.three_d.gl_outline import fan, fewer_corners, grown_hull
from planroom.render.three_d.gl_shaders import QUAD_VS
from planroom.render.three_d.raster import Camera, FloatArray, Viewport
from planroom.render.three_d.scene import LevelScene
from planroom.render.three_d.yuv import CHROMA, LUMA, Caption, rgb_to_yuv420

BLOCK_SUPERSAMPLE = 1.5
"""The one factor the block pass draws at: 3 x 3 drawn pixels to 2 x 2 frame pixels."""
_BLOCK_MARGIN = 1.0
"""Blocks around the house's hull that the block pass finishes. A block is drawn where its
centre falls inside the shape, so every block holding a pixel of the hull has its centre within
half a diagonal (0.71) of it."""
_CORNER_SHARE = 0.01
"""The area a corner of that shape may save: its edge between two triangles costs the block
pass about that much again (the 4 x 4 blocks along it are finished twice)."""
_DRAWN_MARGIN = 5.0
"""Drawn pixels around the block pass's shape that the surfaces pass clears: the blocks with
their centres inside read the drawn pixels up to 0.83 of a block beyond their own, so within
3 x 1.18 = 3.6 drawn pixels of the shape."""


def fits_blocks(viewport: Viewport, supersample: float) -> bool:
    """Whether a video frame can be finished by blocks: at 1.5x, and even on both sides
    (4:2:0 chroma needs that anyway)."""
    return supersample == BLOCK_SUPERSAMPLE and viewport.width % 2 == 0 and viewport.height % 2 == 0


def _even(rect: Rect, width: int, height: int) -> Rect:
    """`rect` grown to whole blocks (even edges), within the frame."""
    left, top, right, bottom = rect
    right, bottom = min(width, right + right % 2), min(height, bottom + bottom % 2)
    return (left - left % 2, top - top % 2, right, bottom)


def _drawn_box(rect: Rect, big: Viewport) -> Box:
    """The drawn pixels of frame `rect`'s blocks and the ones around that the outline reads."""
    return drawn_box_of(rect, BLOCK_SUPERSAMPLE, big.width, big.height)


def _blocks(rect: Rect) -> Box:
    """The scissor box of frame `rect` (even edges) in blocks."""
    left, top, right, bottom = rect
    return (left // 2, top // 2, (right - left) // 2, (bottom - top) // 2)


def _empty(rect: Rect) -> bool:
    return rect[2] <= rect[0] or rect[3] <= rect[1]


class _Target:
    """The buffers of one frame size: the drawn surfaces and their depth, the block pass's four
    planes, and (made at the first cross-fade) the three that keep a fade's first level."""

    def __init__(self, gl: Any, big: tuple[int, int], size: tuple[int, int]) -> None:
        self._gl = gl
        self.depth = gl.depth_renderbuffer(big)
        self.surfaces = surfaces_texture(gl, big)
        self.drawn = gl.framebuffer(color_attachments=[self.surfaces], depth_attachment=self.depth)
        self.half = (size[0] // 2, size[1] // 2)
        self.luma = [gl.renderbuffer(self.half, 2), gl.renderbuffer(self.half, 2)]
        self.chroma = [gl.renderbuffer(self.half, 1), gl.renderbuffer(self.half, 1)]
        self.planes = gl.framebuffer(color_attachments=[*self.luma, *self.chroma])
        # Cleared one by one: each plane has its own background value.
        self.clears = [
            gl.framebuffer(color_attachments=self.luma),
            *(gl.framebuffer(color_attachments=[plane]) for plane in self.chroma),
        ]
        self._kept: list[Any] = []
        self._keeping: Any = None

    def kept(self) -> tuple[list[Any], Any]:
        """The textures that keep a fade's first level, and their framebuffer."""
        if self._keeping is None:
            self._kept = [self._gl.texture(self.half, 4) for _ in range(3)]
            for texture in self._kept:
                texture.filter = (self._gl.NEAREST, self._gl.NEAREST)
            self._keeping = self._gl.framebuffer(color_attachments=self._kept)
        return self._kept, self._keeping

    def release(self) -> None:
        for resource in (self.drawn, *self.clears, self.planes, self.surfaces, self.depth):
            resource.release()
        for plane in (*self.luma, *self.chroma, *self._kept):
            plane.release()
        if self._keeping is not None:
            self._keeping.release()


class SurfacePass(Protocol):
    """What the block pass needs of `GlFrames`: its surfaces pass and where the levels fall."""

    def draw_surfaces(
        self,
        scene: LevelScene,
        camera: Camera,
        big: Viewport,
        framebuffer: Any,
        clear: FloatArray,
        drawn_box: Box,
    ) -> None: ...

    def frame_outline(
        self, scenes: list[LevelScene], camera: Camera, viewport: Viewport
    ) -> FloatArray: ...


class BlockVideo:
    """Video frames finished by blocks (see the module); made and used by one `GlFrames`."""

    def __init__(self, frames: SurfacePass, gl: Any) -> None:
        self._frames, self._gl = frames, gl
        self._programs: dict[tuple[BlockMode, bool], Any] = {}
        self._shapes = Shapes(gl)
        self._targets: dict[tuple[int, int], _Target] = {}
        self._captions: dict[int, tuple[Image.Image, Any]] = {}

    def release(self) -> None:
        self._shapes.release()
        for program in self._programs.values():
            program.release()
        for target in self._targets.values():
            target.release()
        for _, texture in self._captions.values():
            texture.release()
        self._programs.clear()
        self._targets.clear()
        self._captions.clear()

    def frame(
        self,
        scenes: tuple[LevelScene, LevelScene | None],
        weight: float,
        camera: Camera,
        viewport: Viewport,
        background: tuple[float, float, float],
        outline: float,
        caption: Caption,
    ) -> NDArray[np.uint8]:
        """A video frame as YUV 4:2:0 bytes (height * 3 / 2, width), as `GlFrames.video_frame`."""
        first, second = scenes
        fading = second is not None and weight > 0
        shown = [first, second] if second is not None and fading else [first]
        width, height = viewport.width, viewport.height
        big = viewport.supersampled(BLOCK_SUPERSAMPLE)
        target = self._target(big, (width, height))
        corners = self._frames.frame_outline(shown, camera, viewport)
        (left, top), (label_w, label_h) = caption.origin, caption.image.size
        label = _even(
            (max(0, left), max(0, top), min(width, left + label_w), min(height, top + label_h)),
            width,
            height,
        )
        # Every drawn pixel the passes read must be cleared: around the house and the caption.
        drawn, blocks = (big.width, big.height), (width // 2, height // 2)
        shape = grown_hull(corners / 2.0, _BLOCK_MARGIN)
        if shape is not None:
            shape = fewer_corners(shape, _CORNER_SHARE)
        house = None if shape is None else grown_hull(shape * 3.0, _DRAWN_MARGIN)
        clear = [fan(house, drawn)] if house is not None else []
        if not _empty(label):
            clear.append(box_triangles([_drawn_box(label, big)], drawn))
        cleared = np.concatenate(clear) if clear else np.zeros((0, 2))
        house_blocks = fan(shape, blocks) if shape is not None else np.zeros((0, 2))
        label_blocks = box_triangles([_blocks(label)], blocks) if not _empty(label) else None
        common = {
            "surfaces": 0,
            "kept0": 1,
            "kept1": 2,
            "kept2": 3,
            "caption": 4,
            "background": background_bytes(background),
            "outline": float(outline),
            "big_size": (float(big.width), float(big.height)),
            "weight": float(weight),
            "luma": tuple(float(v) for v in LUMA),
            "chroma_u": tuple(float(v) for v in CHROMA[:, 0]),
            "chroma_v": tuple(float(v) for v in CHROMA[:, 1]),
        }
        if fading:
            # The first level's finished bytes are kept for every block the fade pass makes.
            self._frames.draw_surfaces(first, camera, big, target.drawn, cleared, (0, 0, *drawn))
            kept, keeping = target.kept()
            self._finish_into(keeping, target, width, height)
            program = self._program("store", False)
            set_uniforms(program, **common)
            pieces = [house_blocks] if label_blocks is None else [house_blocks, label_blocks]
            self._shapes.render(program, np.concatenate(pieces))
            for unit, texture in enumerate(kept, start=1):
                texture.use(unit)
        self._frames.draw_surfaces(shown[-1], camera, big, target.drawn, cleared, (0, 0, *drawn))

        luma_bg, u_bg, v_bg = _background_yuv(background)
        for clear, value in zip(target.clears, (luma_bg, u_bg, v_bg), strict=True):
            clear.clear(value, value, 0.0, 1.0)
        self._finish_into(target.planes, target, width, height)
        mode: BlockMode = "fade" if fading else "level"
        if len(house_blocks):
            program = self._program(mode, False)
            set_uniforms(program, **common)
            self._shapes.render(program, house_blocks)
        if label_blocks is not None:
            # Drawn over the house's blocks under it: this program lays the caption on them.
            program = self._program(mode, True)
            self._caption(caption.image).use(4)
            set_uniforms(
                program, **common, caption_origin=caption.origin, caption_size=(label_w, label_h)
            )
            self._shapes.render(program, label_blocks)
        wait_for_drawing()
        return self._read(target, width, height)

    def _finish_into(self, framebuffer: Any, target: _Target, width: int, height: int) -> None:
        """Make `framebuffer` the block pass's target, one fragment a block, reading the
        surfaces just drawn."""
        framebuffer.use()
        self._gl.viewport = (0, 0, width // 2, height // 2)
        target.surfaces.use(0)

    def _read(self, target: _Target, width: int, height: int) -> NDArray[np.uint8]:
        out = np.empty((height * 3 // 2, width), dtype=np.uint8)
        # Upper pixels of each block are the even rows, lower ones the odd: with a block row
        # two frame rows apart, each read lands on its own rows.
        with rows_apart(width):
            for index in (0, 1):
                target.planes.read_into(
                    out, components=2, attachment=index, alignment=1, write_offset=index * width
                )
        quarter = (width // 2) * (height // 2)
        for index in (0, 1):
            target.planes.read_into(
                out,
                components=1,
                attachment=2 + index,
                alignment=1,
                write_offset=width * height + index * quarter,
            )
        return out

    def _target(self, big: Viewport, size: tuple[int, int]) -> _Target:
        target = self._targets.get(size)
        if target is None:
            target = _Target(self._gl, (big.width, big.height), size)
            self._targets[size] = target
        return target

    def _program(self, mode: BlockMode, captioned: bool) -> Any:
        program = self._programs.get((mode, captioned))
        if program is None:
            program = self._gl.program(
                vertex_shader=QUAD_VS, fragment_shader=block_fs(mode, captioned)
            )
            self._programs[(mode, captioned)] = program
        return program

    def _caption(self, image: Image.Image) -> Any:
        """The caption's RGBA bytes as a texture, made once per image (held, so the id stays)."""
        entry = self._captions.get(id(image))
        if entry is None:
            texture = self._gl.texture(image.size, 4, image.convert("RGBA").tobytes())
            texture.filter = (self._gl.NEAREST, self._gl.NEAREST)
            entry = (image, texture)
            self._captions[id(image)] = entry
        return entry[1]


def _background_yuv(background: tuple[float, float, float]) -> tuple[float, float, float]:
    """The background's Y, U and V bytes, as `yuv.rgb_to_yuv420` makes them, scaled to 0-1."""
    block = np.full((2, 2, 3), background_bytes(background), dtype=np.uint8)
    planes = rgb_to_yuv420(block).reshape(-1)  # four Y bytes, then U, then V
    luma, u, v = (float(planes[index]) / 255.0 for index in (0, 4, 5))
    return luma, u, v
