"""Dollhouse frames on OpenGL: Mesa's llvmpipe in software where there is no GPU.

The picture is the numpy rasteriser's, drawn by the GL pipeline instead: a first pass writes the
flat shade (with the floor finish traced back to the floor plane) and the surface id of the nearest
triangle per pixel, depth-tested in the same inverse-distance order as the numpy z-buffer; a
second pass, one fragment per frame pixel, outlines every supersampled pixel under it where the
surface changes and averages them with the weights of Pillow's box filter. Video frames at the
video's 1.5x are finished a 2 x 2 block at a time instead (`gl_blocks`): blended, captioned and
converted straight to the encoder's YUV 4:2:0 planes, so the CPU does no per-pixel work at all.
At any other factor a video frame is composed on the CPU from the frames `render` draws.

A context belongs to the thread that made it; `GlFrames` is opened for one job and closed after.
"""

from __future__ import annotations

import math
from types import TracebackType
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from planroom.render.three_d.gl_blocks import BlockVideo, fits_blocks
from planroom.render.three_d.gl_common import (
    Box,
    Rect,
    Shapes,
    background_bytes,
    box_triangles,
    drawn_box_of,
    set_uniforms,
    surfaces_texture,
    wait_for_drawing,
)
from planroom.render.three_d.gl_scene import UploadedScene, clip_matrix
from planroom.render.three_d.gl_shaders import (
    CLEAR_FS,
    CLEAR_VS,
    FINISH_FS,
    QUAD_VS,
    SURFACE_VS,
    surface_fs,
)
from planroom.render.three_d.raster import Camera, FloatArray, Viewport
from planroom.render.three_d.scene import LevelScene
from planroom.render.three_d.yuv import Caption, compose_levels

_MAX_SUPERSAMPLE = 2.0
"""The finishing pass averages up to 2 x 2 drawn pixels per frame pixel."""
_MAX_DRAWN_PIXELS = 2880 * 1620
"""Largest drawn (supersampled) picture in one go: the video frame's. A bigger still is drawn
in bands of rows, so its buffers (8 bytes a drawn pixel and the depth) stay this small."""
_RECT_MARGIN = 3
"""Frame pixels kept around a level's projected box: the finishing pass reads two drawn pixels
beyond the frame pixel it makes, and edges round outwards."""


_NEAREST_MM = 1.0
"""Outline corners nearer the eye than this make `frame_outline` give the whole frame."""


class GlUnavailable(RuntimeError):
    """No OpenGL 3.3 context could be made here (no EGL, no Mesa, no display driver)."""


def _create_context() -> Any:
    try:
        import moderngl
    except ImportError as error:  # pragma: no cover - moderngl is a dependency
        raise GlUnavailable(f"moderngl is not installed: {error}") from error
    try:
        # The stub types `backend` wrongly; the call takes the backend's name.
        create: Any = moderngl.create_standalone_context
        return create(backend="egl", require=330)
    except Exception as error:
        raise GlUnavailable(f"no headless EGL context: {error}") from error


class _Target:
    """The buffers of one frame size: the drawn (supersampled) pass and the finished frame."""

    def __init__(self, gl: Any, big: tuple[int, int], size: tuple[int, int]) -> None:
        self.surfaces = surfaces_texture(gl, big)
        self.depth = gl.depth_renderbuffer(big)
        self.drawn = gl.framebuffer(color_attachments=[self.surfaces], depth_attachment=self.depth)
        self.frame = gl.renderbuffer(size, 4)
        self.finished = gl.framebuffer(color_attachments=[self.frame])

    def release(self) -> None:
        for resource in (self.drawn, self.finished, self.surfaces, self.depth, self.frame):
            resource.release()


class GlFrames:
    """Draws dollhouse frames with OpenGL; use as a context manager on one thread."""

    name = "gl"

    def __init__(self) -> None:
        self._gl = _create_context()
        gl = self._gl
        self._surfaces = tuple(
            gl.program(vertex_shader=SURFACE_VS, fragment_shader=surface_fs(textured))
            for textured in (False, True)
        )
        self._finish = gl.program(vertex_shader=QUAD_VS, fragment_shader=FINISH_FS)
        self._clear = gl.program(vertex_shader=CLEAR_VS, fragment_shader=CLEAR_FS)
        self._clear_shapes = Shapes(gl)
        # One triangle that covers the whole viewport.
        quad = np.array([-1.0, -1.0, 3.0, -1.0, -1.0, 3.0], dtype=np.float32)
        self._quad_vbo = gl.buffer(quad.tobytes())
        self._finish_quad = gl.vertex_array(self._finish, [(self._quad_vbo, "2f", "corner")])
        self._scenes: dict[int, tuple[LevelScene, UploadedScene]] = {}
        self._targets: dict[tuple[int, int, int, int], _Target] = {}
        self._blocks = BlockVideo(self, gl)

    def __enter__(self) -> GlFrames:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def render(
        self,
        scene: LevelScene,
        camera: Camera,
        viewport: Viewport,
        supersample: float,
        background: tuple[float, float, float],
        outline: float,
    ) -> Image.Image:
        """The frame at the viewport's size: drawn `supersample` times larger, box-filtered."""
        # Made current for the call: another renderer on this thread may have been used since.
        with self._gl:
            return self._render(scene, camera, viewport, supersample, background, outline)

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
        """A video frame as YUV 4:2:0 bytes (see `_video_frame`)."""
        with self._gl:
            return self._video_frame(
                scenes, weight, camera, viewport, supersample, background, outline, caption
            )

    def close(self) -> None:
        with self._gl:
            self._release_all()
        self._gl.release()

    def _release_all(self) -> None:
        self._blocks.release()
        self._clear_shapes.release()
        for _, uploaded in self._scenes.values():
            uploaded.release()
        for target in self._targets.values():
            target.release()
        resources = (self._finish_quad, self._quad_vbo, *self._surfaces, self._finish, self._clear)
        for resource in resources:
            resource.release()
        self._scenes.clear()
        self._targets.clear()

    def _uploaded(self, scene: LevelScene) -> UploadedScene:
        # Keyed by identity and holding the scene, so the id cannot be reused while cached.
        entry = self._scenes.get(id(scene))
        if entry is None:
            entry = (scene, UploadedScene(self._gl, self._surfaces, scene))
            self._scenes[id(scene)] = entry
        return entry[1]

    def _target(self, big: tuple[int, int], size: tuple[int, int]) -> _Target:
        key = (*big, *size)
        target = self._targets.get(key)
        if target is None:
            target = _Target(self._gl, big, size)
            self._targets[key] = target
        return target

    def _draw(
        self,
        scene: LevelScene,
        camera: Camera,
        viewport: Viewport,
        supersample: float,
        background: tuple[float, float, float],
        outline: float,
        rect: Rect,
    ) -> _Target:
        """Draw one level into the finished frame of the viewport's target.

        Only `rect` (frame pixels holding the level) is cleared, drawn and finished: most of a
        frame is background, and on a software pipeline every pixel costs. The rest of the
        frame is cleared to the background.
        """
        import moderngl

        if supersample > _MAX_SUPERSAMPLE:
            raise ValueError(f"supersampling above {_MAX_SUPERSAMPLE} is not supported")
        gl = self._gl
        big = viewport.supersampled(supersample)
        width, height, factor = big.width, big.height, big.width / viewport.width
        size = (viewport.width, viewport.height)
        target = self._target((width, height), size)

        drawn_box = drawn_box_of(rect, factor, width, height)
        clear = box_triangles([drawn_box], (width, height))
        self.draw_surfaces(scene, camera, big, target.drawn, clear, drawn_box)
        left, top, right_edge, bottom = rect

        finished = target.finished
        # The background as the finishing pass writes it (see FINISH_FS).
        finished.clear(*(v / 255.0 for v in background_bytes(background)), 1.0)
        finished.use()
        gl.viewport = (0, 0, *size)
        finished.scissor = (left, top, right_edge - left, bottom - top)
        target.surfaces.use(0)
        set_uniforms(
            self._finish,
            surfaces=0,
            # The background as bytes, rounded as the numpy shading rounds it.
            background=background_bytes(background),
            outline=float(outline),
            scale=(width / size[0], height / size[1]),
            big_size=(float(width), float(height)),
        )
        self._finish_quad.render(moderngl.TRIANGLES)
        finished.scissor = None
        return target

    def draw_surfaces(
        self,
        scene: LevelScene,
        camera: Camera,
        big: Viewport,
        framebuffer: Any,
        clear: FloatArray,
        drawn_box: Box,
    ) -> None:
        """The first pass: clear what `clear` covers of `framebuffer` (surface ids, shades,
        depth; triangles in normalised device coordinates), then draw the level's triangles as
        seen in `big` (the drawn viewport) within `drawn_box` (x, y, width, height in drawn
        pixels). Returns once they are drawn."""
        import moderngl

        gl = self._gl
        uploaded = self._uploaded(scene)
        framebuffer.use()
        gl.viewport = (0, 0, big.width, big.height)
        # Drawn rather than cleared: a clear of part of a buffer is a draw on Mesa's software
        # pipeline anyway, one per box, and this way one draw covers any shape.
        gl.enable(moderngl.DEPTH_TEST)
        gl.depth_func = "1"
        self._clear_shapes.render(self._clear, clear)
        gl.disable(moderngl.DEPTH_TEST)
        framebuffer.scissor = drawn_box
        if uploaded.vaos:
            focal = 1.0 / math.tan(math.radians(camera.fov_deg) / 2.0)
            matrix = clip_matrix(camera, big, uploaded.origin, uploaded.corners)
            for program in self._surfaces:
                program["clip_from_model"].write(matrix.T.astype(np.float32).tobytes())
                set_uniforms(
                    program,
                    plan_origin=(float(uploaded.origin[0]), float(uploaded.origin[1])),
                    eye_height=float(camera.eye[2]),
                    per_pixel=1.0 / (big.scale * focal),
                )
            gl.enable(moderngl.DEPTH_TEST | moderngl.CULL_FACE)
            gl.depth_func = "<"
            # Rows run top-down (the y flip in `clip_matrix`), which mirrors the winding.
            gl.front_face = "cw"
            uploaded.order_for(np.asarray(camera.eye, dtype=np.float64))
            uploaded.render()
            gl.disable(moderngl.DEPTH_TEST | moderngl.CULL_FACE)
        framebuffer.scissor = None
        # The next pass reads these surfaces, and Mesa would wait for them inside its draw
        # call, holding the GIL (about 11 ms a 1080p video frame): the API's threads in the
        # same process waited up to 25 ms for it (p99). Waited for here, the GIL is let go.
        wait_for_drawing()

    def frame_outline(
        self, scenes: list[LevelScene], camera: Camera, viewport: Viewport
    ) -> FloatArray:
        """Frame pixels (n, 2) whose convex hull holds every pixel `scenes` can cover: their
        hull points projected (`gl_outline`), or the frame's corners where one is not in front of
        the camera (a projection through the eye is not convex)."""
        hulls = [self._uploaded(scene).hull for scene in scenes if len(scene.soup)]
        if not hulls:
            return np.zeros((0, 2))
        screen, distance = camera.project(np.concatenate(hulls))
        if float(distance.min()) <= _NEAREST_MM:
            width, height = viewport.width, viewport.height
            return np.array([(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)])
        pixels: FloatArray = viewport.to_pixels(screen)
        return pixels

    def frame_rect(self, scenes: list[LevelScene], camera: Camera, viewport: Viewport) -> Rect:
        """The frame pixels that can show any of `scenes`: their boxes' corners projected."""
        boxes = [self._uploaded(scene).corners for scene in scenes if len(scene.soup)]
        if not boxes:
            return (0, 0, 0, 0)
        screen, _ = camera.project(np.concatenate(boxes))
        pixels = viewport.to_pixels(screen)
        low = np.floor(pixels.min(axis=0)).astype(int) - _RECT_MARGIN
        high = np.ceil(pixels.max(axis=0)).astype(int) + _RECT_MARGIN
        left, top = max(0, int(low[0])), max(0, int(low[1]))
        right, bottom = min(viewport.width, int(high[0])), min(viewport.height, int(high[1]))
        return (left, top, max(left, right), max(top, bottom))

    def _render(
        self,
        scene: LevelScene,
        camera: Camera,
        viewport: Viewport,
        supersample: float,
        background: tuple[float, float, float],
        outline: float,
    ) -> Image.Image:
        """The frame at the viewport's size: drawn `supersample` times larger, box-filtered.

        A large still at a whole-number `supersample` is drawn in bands of rows, each with a row
        more above and below so that the outline sees its neighbours across the seam.
        """
        width, height = viewport.width, viewport.height
        args = (supersample, background, outline)
        drawn = round(width * supersample) * round(height * supersample)
        if drawn <= _MAX_DRAWN_PIXELS or supersample != round(supersample):
            rect = self.frame_rect([scene], camera, viewport)
            target = self._draw(scene, camera, viewport, *args, rect)
            return self._read_rgb(target, width, height)
        bands = math.ceil(drawn / _MAX_DRAWN_PIXELS)
        rows = math.ceil(height / bands)
        picture = Image.new("RGB", (width, height))
        for top in range(0, height, rows):
            # Every band is the same size (one set of buffers), the last one reaching past.
            band = Viewport(
                width=width,
                height=rows + 2,
                scale=viewport.scale,
                centre_x=viewport.centre_x,
                centre_y=viewport.centre_y - (top - 1),
            )
            rect = self.frame_rect([scene], camera, band)
            strip = self._read_rgb(self._draw(scene, camera, band, *args, rect), width, rows + 2)
            picture.paste(strip.crop((0, 1, width, 1 + min(rows, height - top))), (0, top))
        return picture

    def _read_rgb(self, target: _Target, width: int, height: int) -> Image.Image:
        wait_for_drawing()
        data = target.finished.read(components=3, alignment=1)
        return Image.frombytes("RGB", (width, height), data)

    def _video_frame(
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
        """A video frame as YUV 4:2:0 bytes (height * 3 / 2, width): the second level (if any)
        blended over the first by `weight`, the caption laid over. Finished by blocks on the GPU
        where the frame allows (`gl_blocks`), else composed on the CPU from two `render`s."""
        if fits_blocks(viewport, supersample):
            return self._blocks.frame(
                scenes, weight, camera, viewport, background, outline, caption
            )
        args = (camera, viewport, supersample, background, outline)
        return compose_levels(lambda scene: self._render(scene, *args), scenes, weight, caption)
