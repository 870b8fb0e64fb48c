"""Dollhouse frames on OpenGL: Mesa's llvmpipe in software where there is no GPU.

The picture is the numpy rasteriser's, drawn by the GL pipeline instead: a first pass writes the
flat shade (with the floor finish traced back to the floor plane) and the surface id of the nearest
triangle per pixel, depth-tested in the same inverse-distance order as the numpy z-buffer; a
second pass, one fragment per frame pixel, outlines every supersampled pixel under it where the
surface changes and averages them with the weights of Pillow's box filter. For the video a third
pass blends the cross-fade, lays the caption over and converts to YUV 4:2:0, so the CPU reads back
the encoder's input and does no per-pixel work at all.

A context belongs to the thread that made it; `GlFrames` is opened for one job and closed after.
"""

from __future__ import annotations

import math
from types import TracebackType
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from planroom.render.three_d.gl_shaders import (
    CAPTION_FS,
    CAPTION_VS,
    CHROMA_FS,
    FINISH_FS,
    QUAD_VS,
    SURFACE_VS,
    surface_fs,
)
from planroom.render.three_d.raster import Camera, FloatArray, Viewport
from planroom.render.three_d.scene import LevelScene
from planroom.render.three_d.texture import _PATTERNS
from planroom.render.three_d.yuv import CHROMA, LUMA, Caption

_MAX_SUPERSAMPLE = 2.0
"""The finishing pass averages up to 2 x 2 drawn pixels per frame pixel."""


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


class _UploadedScene:
    """A level's triangles on the GPU, uploaded once: every vertex carries its face's data."""

    def __init__(self, gl: Any, programs: tuple[Any, Any], scene: LevelScene) -> None:
        soup = scene.soup
        count = len(soup)
        self.count = count
        self.vbo: Any = None
        self.ibo: Any = None
        self.vaos: list[Any] = []
        self.plain = count
        flat_world = soup.vertices.reshape(-1, 3)
        if count:
            lo, hi = flat_world.min(axis=0), flat_world.max(axis=0)
        else:
            lo, hi = np.zeros(3), np.ones(3)
        # Vertices relative to the centre keep single precision to a hundredth of a millimetre.
        self.origin: FloatArray = (lo + hi) / 2.0
        self.corners: FloatArray = np.array(
            [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
        )
        if not count:
            return
        finishes = np.zeros((count, 4), dtype=np.float32)
        patterns = np.zeros((count, 4), dtype=np.float32)
        ids = scene.textures.ids
        if ids.size and scene.textures.specs.size:
            textured = ids >= 0
            specs = scene.textures.specs[ids[textured]]
            finishes[textured] = specs
            table = np.zeros((4, 4), dtype=np.float32)
            for kind, values in _PATTERNS.items():
                table[kind] = values
            kinds = specs[:, 0].astype(np.int64)
            known = (kinds >= 1) & (kinds <= 3)
            finishes[np.flatnonzero(textured)[~known], 0] = 0.0
            patterns[textured] = table[np.clip(kinds, 0, 3)]
        packed = np.empty(
            count * 3,
            dtype=[
                ("position", np.float32, 3),
                ("group", np.int32),
                ("colour", np.float32, 3),
                ("finish", np.float32, 4),
                ("pattern", np.float32, 4),
            ],
        )
        packed["position"] = flat_world - self.origin
        packed["group"] = np.repeat(soup.groups.astype(np.int32), 3)
        packed["colour"] = np.repeat(soup.colors, 3, axis=0)
        packed["finish"] = np.repeat(finishes, 3, axis=0)
        packed["pattern"] = np.repeat(patterns, 3, axis=0)
        self.vbo = gl.buffer(packed.tobytes())
        # Plain triangles first, textured floors after (drawn by the second program).
        finished = finishes[:, 0] > 0.5
        self.groups = [np.flatnonzero(~finished), np.flatnonzero(finished)]
        self.plain = len(self.groups[0])
        self.centroids: FloatArray = soup.vertices.mean(axis=1)
        self.ibo = gl.buffer(reserve=count * 3 * 4)
        self.vaos = [
            gl.vertex_array(
                program,
                [(self.vbo, "3f 1i 3f 4f 4f", "position", "group", "colour", "finish", "pattern")],
                index_buffer=self.ibo,
                index_element_size=4,
                skip_errors=True,
            )
            for program in programs
        ]

    def order_for(self, eye: FloatArray) -> None:
        """Draw the triangles nearest the eye first: the depth test then rejects the hidden
        ones before they are shaded. The picture is the same in any order (strict depth test,
        ties kept by the first drawn, as the numpy z-buffer keeps the lowest index) only up to
        exact ties, which are as rare as in the numpy z-buffer."""
        distance = ((self.centroids - eye) ** 2).sum(axis=1)
        order = np.concatenate(
            [group[np.argsort(distance[group], kind="stable")] for group in self.groups]
        ).astype(np.uint32)
        indices = (order[:, None] * 3 + np.arange(3, dtype=np.uint32)).reshape(-1)
        self.ibo.write(indices.tobytes())

    def render(self) -> None:
        """Draw both ranges of the index buffer, each with its program."""
        import moderngl

        plain, textured = self.vaos
        if self.plain:
            plain.render(moderngl.TRIANGLES, vertices=self.plain * 3, first=0)
        if self.count > self.plain:
            textured.render(
                moderngl.TRIANGLES, vertices=(self.count - self.plain) * 3, first=self.plain * 3
            )

    def release(self) -> None:
        for resource in (*self.vaos, self.vbo, self.ibo):
            if resource is not None:
                resource.release()


def clip_matrix(
    camera: Camera, viewport: Viewport, origin: FloatArray, corners: FloatArray
) -> FloatArray:
    """The 4 x 4 matrix from model coordinates (world minus `origin`) to GL clip space.

    x and y land where `Viewport.to_pixels` puts them, with image row 0 at GL's row 0 (so a read
    gives rows top-down); depth runs linearly in inverse view distance across the distances of
    `corners`, the order the numpy z-buffer keeps.
    """
    right, up, forward = camera.basis()
    focal = 1.0 / math.tan(math.radians(camera.fov_deg) / 2.0)
    width, height = viewport.width, viewport.height
    eye = np.asarray(camera.eye, dtype=np.float64) - origin
    distances = (corners - np.asarray(camera.eye)) @ forward
    near = 1.0 / max(float(distances.min()), 1.0)
    far = 1.0 / max(float(distances.max()), 2.0)
    if near <= far:
        far = near / 2.0
    depth_a = 2.0 * near / (near - far) - 1.0
    depth_b = -2.0 / (near - far)
    kx = 2.0 * viewport.scale * focal / width
    ky = -2.0 * viewport.scale * focal / height
    ax = 2.0 * viewport.centre_x / width - 1.0
    ay = 2.0 * viewport.centre_y / height - 1.0
    rows = np.array(
        [
            np.append(kx * right + ax * forward, 0.0),
            np.append(ky * up + ay * forward, 0.0),
            np.append(depth_a * forward, depth_b),
            np.append(forward, 0.0),
        ]
    )
    # Translate by -eye first: every row above is a linear form in (point - eye).
    translate = np.eye(4)
    translate[:3, 3] = -eye
    matrix: FloatArray = rows @ translate
    return matrix


def _set(program: Any, **values: Any) -> None:
    """Set uniforms; ones the compiler dropped as unused are skipped."""
    for name, value in values.items():
        if name in program:
            program[name].value = value


class _Target:
    """The buffers of one frame size: the drawn (supersampled) pass and the finished frame."""

    def __init__(self, gl: Any, big: tuple[int, int], size: tuple[int, int]) -> None:
        # Per drawn pixel: the surface id and the packed shade (gl_shaders.SURFACE_FS).
        self.surfaces = gl.texture(big, 2, dtype="u4")
        self.surfaces.filter = (gl.NEAREST, gl.NEAREST)
        self.surfaces.repeat_x = self.surfaces.repeat_y = False
        self.depth = gl.depth_renderbuffer(big)
        self.drawn = gl.framebuffer(color_attachments=[self.surfaces], depth_attachment=self.depth)
        self.frame = gl.texture(size, 4)
        # Linear filtering averages a 2 x 2 block for the chroma planes.
        self.frame.filter = (gl.LINEAR, gl.LINEAR)
        self.frame.repeat_x = self.frame.repeat_y = False
        self.finished = gl.framebuffer(color_attachments=[self.frame])
        half = (size[0] // 2, size[1] // 2)
        self.planes = [gl.renderbuffer(half, 1), gl.renderbuffer(half, 1)]
        self.chroma = gl.framebuffer(color_attachments=self.planes)

    def release(self) -> None:
        for resource in (
            *(self.drawn, self.finished, self.chroma, self.surfaces, self.depth, self.frame),
            *self.planes,
        ):
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
        self._yuv = gl.program(vertex_shader=QUAD_VS, fragment_shader=CHROMA_FS)
        # One triangle that covers the whole viewport.
        quad = np.array([-1.0, -1.0, 3.0, -1.0, -1.0, 3.0], dtype=np.float32)
        self._quad_vbo = gl.buffer(quad.tobytes())
        self._finish_quad = gl.vertex_array(self._finish, [(self._quad_vbo, "2f", "corner")])
        self._yuv_quad = gl.vertex_array(self._yuv, [(self._quad_vbo, "2f", "corner")])
        self._label = gl.program(vertex_shader=CAPTION_VS, fragment_shader=CAPTION_FS)
        square = np.array([0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0], dtype=np.float32)
        self._square_vbo = gl.buffer(square.tobytes())
        self._label_quad = gl.vertex_array(self._label, [(self._square_vbo, "2f", "corner")])
        self._scenes: dict[int, tuple[LevelScene, _UploadedScene]] = {}
        self._captions: dict[int, tuple[Image.Image, Any]] = {}
        self._targets: dict[tuple[int, int, int, int], _Target] = {}

    def __enter__(self) -> GlFrames:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        for _, uploaded in self._scenes.values():
            uploaded.release()
        for _, texture in self._captions.values():
            texture.release()
        for target in self._targets.values():
            target.release()
        for resource in (self._finish_quad, self._yuv_quad, self._label_quad):
            resource.release()
        for buffer in (self._quad_vbo, self._square_vbo):
            buffer.release()
        for program in (*self._surfaces, self._finish, self._yuv, self._label):
            program.release()
        self._scenes.clear()
        self._captions.clear()
        self._targets.clear()
        self._gl.release()

    def _uploaded(self, scene: LevelScene) -> _UploadedScene:
        # Keyed by identity and holding the scene, so the id cannot be reused while cached.
        entry = self._scenes.get(id(scene))
        if entry is None:
            entry = (scene, _UploadedScene(self._gl, self._surfaces, scene))
            self._scenes[id(scene)] = entry
        return entry[1]

    def _caption(self, image: Image.Image) -> Any:
        """The caption as a texture of (Y, U, V) bytes and alpha, made once per image."""
        entry = self._captions.get(id(image))
        if entry is None:
            rgba = np.asarray(image.convert("RGBA"))
            rgb = rgba[..., :3].reshape(-1, 3).astype(np.float32)
            planes = np.empty(rgba.shape, dtype=np.float32)
            planes[..., 0] = (rgb @ LUMA + 16.0).reshape(rgba.shape[:2])
            for channel, weights in ((1, CHROMA[:, 0]), (2, CHROMA[:, 1])):
                planes[..., channel] = (rgb @ (4.0 * weights) + 128.0).reshape(rgba.shape[:2])
            planes[..., 3] = rgba[..., 3]
            data = np.clip(planes + 0.5, 0, 255).astype(np.uint8)
            texture = self._gl.texture(image.size, 4, data.tobytes())
            texture.filter = (self._gl.NEAREST, self._gl.NEAREST)
            entry = (image, texture)
            self._captions[id(image)] = entry
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
        *,
        yuv: bool = False,
        alpha: float = 1.0,
    ) -> _Target:
        """Draw one level into the finished frame of the viewport's target, as RGB or as
        (Y, U, V) bytes per pixel; an `alpha` under one blends it over the frame there."""
        import moderngl

        if supersample > _MAX_SUPERSAMPLE:
            raise ValueError(f"supersampling above {_MAX_SUPERSAMPLE} is not supported")
        gl = self._gl
        width = round(viewport.width * supersample)
        height = round(viewport.height * supersample)
        factor = width / viewport.width
        big = Viewport(
            width=width,
            height=height,
            scale=viewport.scale * factor,
            centre_x=viewport.centre_x * factor,
            centre_y=viewport.centre_y * factor,
        )
        size = (viewport.width, viewport.height)
        target = self._target((width, height), size)
        uploaded = self._uploaded(scene)

        target.drawn.clear(0.0, 0.0, 0.0, 0.0, depth=1.0)
        target.drawn.use()
        gl.viewport = (0, 0, width, height)
        if uploaded.vaos:
            right, up, forward = camera.basis()
            focal = 1.0 / math.tan(math.radians(camera.fov_deg) / 2.0)
            matrix = clip_matrix(camera, big, uploaded.origin, uploaded.corners)
            for program in self._surfaces:
                program["clip_from_model"].write(matrix.T.astype(np.float32).tobytes())
                _set(
                    program,
                    eye=tuple(float(v) for v in camera.eye),
                    right=tuple(float(v) for v in right),
                    up=tuple(float(v) for v in up),
                    forward=tuple(float(v) for v in forward),
                    per_pixel=1.0 / (big.scale * focal),
                    centre=(big.centre_x, big.centre_y),
                )
            gl.enable(moderngl.DEPTH_TEST | moderngl.CULL_FACE)
            gl.depth_func = "<"
            # Rows run top-down (the y flip in `clip_matrix`), which mirrors the winding.
            gl.front_face = "cw"
            uploaded.order_for(np.asarray(camera.eye, dtype=np.float64))
            uploaded.render()
            gl.disable(moderngl.DEPTH_TEST | moderngl.CULL_FACE)

        target.finished.use()
        gl.viewport = (0, 0, *size)
        target.surfaces.use(0)
        _set(
            self._finish,
            surfaces=0,
            # The background as bytes, rounded as the numpy shading rounds it.
            background=tuple(float(math.floor(v * 255.0 + 0.5)) for v in background),
            outline=float(outline),
            scale=(width / size[0], height / size[1]),
            big_size=(float(width), float(height)),
            yuv=yuv,
            luma=tuple(float(v) for v in LUMA),
            chroma_u=tuple(4.0 * float(v) for v in CHROMA[:, 0]),
            chroma_v=tuple(4.0 * float(v) for v in CHROMA[:, 1]),
            alpha=float(alpha),
        )
        if alpha < 1.0:
            gl.enable(moderngl.BLEND)
            gl.blend_func = moderngl.SRC_ALPHA, moderngl.ONE_MINUS_SRC_ALPHA
        self._finish_quad.render(moderngl.TRIANGLES)
        gl.disable(moderngl.BLEND)
        return target

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
        target = self._draw(scene, camera, viewport, supersample, background, outline)
        size = (viewport.width, viewport.height)
        data = target.finished.read(components=3, alignment=1)
        return Image.frombytes("RGB", size, data)

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
        """A video frame as YUV 4:2:0 bytes (height * 3 / 2, width), composed on the GPU:
        the second level (if any) blended over the first by `weight`, the caption laid over.

        Luma and chroma are linear in the colour, so blending them is blending the colours.
        """
        import moderngl

        first, second = scenes
        args = (camera, viewport, supersample, background, outline)
        target = self._draw(first, *args, yuv=True)
        if second is not None and weight > 0:
            self._draw(second, *args, yuv=True, alpha=float(weight))
        gl = self._gl
        width, height = viewport.width, viewport.height
        self._lay_caption(caption, width, height)
        out = np.empty((height * 3 // 2, width), dtype=np.uint8)
        pixels = np.frombuffer(target.finished.read(components=4, alignment=1), np.uint8)
        out[:height] = pixels.reshape(height, width, 4)[..., 0]
        target.chroma.use()
        gl.viewport = (0, 0, width // 2, height // 2)
        target.frame.use(0)
        _set(self._yuv, frame=0, size=(float(width), float(height)))
        self._yuv_quad.render(moderngl.TRIANGLES)
        planes = out[height:].reshape(-1)
        quarter = (width // 2) * (height // 2)
        for index, plane in enumerate((planes[:quarter], planes[quarter:])):
            data = target.chroma.read(components=1, alignment=1, attachment=index)
            plane[:] = np.frombuffer(data, dtype=np.uint8)
        return out

    def _lay_caption(self, caption: Caption, width: int, height: int) -> None:
        """Blend the caption over the finished frame (the frame's framebuffer is bound)."""
        import moderngl

        gl = self._gl
        left, top = caption.origin
        right, bottom = left + caption.image.width, top + caption.image.height
        # Rows run top-down in GL's row order here too: image row 0 is GL row 0.
        rect = (
            2.0 * left / width - 1.0,
            2.0 * top / height - 1.0,
            2.0 * right / width - 1.0,
            2.0 * bottom / height - 1.0,
        )
        self._caption(caption.image).use(1)
        _set(self._label, caption=1, origin=caption.origin, rect=rect)
        gl.enable(moderngl.BLEND)
        gl.blend_func = moderngl.SRC_ALPHA, moderngl.ONE_MINUS_SRC_ALPHA
        self._label_quad.render(moderngl.TRIANGLE_STRIP)
        gl.disable(moderngl.BLEND)
