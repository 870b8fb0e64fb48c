"""Dollhouse frames on OpenGL: Mesa's llvmpipe in software where there is no GPU.

The picture is the numpy rasteriser's, drawn by the GL pipeline instead: a first pass writes the
index and surface id of the nearest triangle per pixel (a visibility buffer, depth-tested in the
same inverse-distance order), and a second pass, one fragment per output pixel, shades every
supersampled pixel under it (flat colour, the soft outline where the surface changes, the floor
finish traced back to the floor plane) and averages them with the weights of Pillow's box filter.
Only the final frame is read back, so the CPU does no per-pixel work at all.

A context belongs to the thread that made it; `GlFrames` is opened for one job and closed after.
"""

from __future__ import annotations

import math
from types import TracebackType
from typing import Any

import numpy as np
from PIL import Image

from planroom.render.three_d.raster import Camera, FloatArray, Viewport
from planroom.render.three_d.scene import LevelScene
from planroom.render.three_d.texture import _PATTERNS

_MAX_SUPERSAMPLE = 2.0
"""The reduce pass takes one bilinear sample per pixel, exact up to twice the size."""

_SURFACE_VS = """
#version 330
uniform mat4 clip_from_model;
in vec3 position;
in int group;
in vec3 colour;
in vec4 finish;      // kind, cos and sin of the plank direction, seed
in vec4 pattern;     // across, along, seam shade, tone spread (texture3d._PATTERNS)
flat out int v_group;
flat out vec3 v_colour;
flat out vec4 v_finish;
flat out vec4 v_pattern;
void main() {
    gl_Position = clip_from_model * vec4(position, 1.0);
    v_group = group;
    v_colour = colour;
    v_finish = finish;
    v_pattern = pattern;
}
"""

_SURFACE_FS = """
#version 330
// Floor plane tracing (texture3d.floor_points), world millimetres.
uniform vec3 eye;
uniform vec3 right;
uniform vec3 up;
uniform vec3 forward;
uniform float per_pixel;     // 1 / (viewport scale * focal) of the drawn viewport
uniform vec2 centre;         // viewport centre, pixels
flat in int v_group;
flat in vec3 v_colour;
flat in vec4 v_finish;
flat in vec4 v_pattern;
layout(location = 0) out vec4 shade;
layout(location = 1) out int surface;

float hash(int a, int b, int seed) {
    // texture3d._hash: the same 32-bit arithmetic, so planks get the same tones.
    uint mixed = uint(a) * 374761393u + uint(b) * 668265263u + uint(seed) * 2654435u;
    mixed = (mixed ^ (mixed >> 13u)) * 1274126177u;
    mixed = mixed ^ (mixed >> 16u);
    return float(mixed & 0xFFFFu) / 65535.0;
}

float finish_factor(vec2 p) {
    float sx = (p.x - centre.x) * per_pixel;
    float sy = (centre.y - p.y) * per_pixel;
    float direction_z = forward.z + right.z * sx + up.z * sy;
    float reach = -eye.z / min(direction_z, -1e-9);
    float x = eye.x + reach * (forward.x + right.x * sx + up.x * sy);
    float y = eye.y + reach * (forward.y + right.y * sx + up.y * sy);
    float span = reach * per_pixel / max(-direction_z, 0.2);
    float u = x * v_finish.y + y * v_finish.z;
    float v = y * v_finish.y - x * v_finish.z;
    int seed = int(v_finish.w);
    float across = v_pattern.x;
    float along = v_pattern.y;
    int row = int(floor(v / across));
    float shifted = u + hash(row, 0, seed) * along;
    int piece = int(floor(shifted / along));
    float tone = 1.0 + v_pattern.w * (hash(row, piece, seed) - 0.5);
    float seam = max(2.5, 1.1 * span);
    bool on_seam = mod(v, across) < seam || mod(shifted, along) < seam;
    return on_seam ? v_pattern.z : tone;
}

void main() {
    vec3 bytes = floor(v_colour * 255.0 + 0.5);
    if (v_finish.x > 0.5) {
        bytes = clamp(floor(bytes * finish_factor(gl_FragCoord.xy) + 0.5), 0.0, 255.0);
    }
    shade = vec4(bytes / 255.0, 1.0);
    // Shifted by one so that the cleared buffer (zero) reads as the background group.
    surface = v_group + 1;
}
"""

_QUAD_VS = """
#version 330
in vec2 corner;
void main() { gl_Position = vec4(corner, 0.0, 1.0); }
"""

_OUTLINE_FS = """
#version 400
uniform sampler2D shades;
uniform isampler2D surfaces;
uniform float outline;
uniform vec2 size;
out vec4 colour;

void main() {
    // raster3d.shade(): a line on the right or lower side between two surfaces, and on the
    // surface side against the background, so silhouettes close all round. Two gathers read the
    // four neighbours; at the border the texture clamps, so a pixel meets itself and draws none.
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec4 before = textureGather(surfaces, vec2(p) / size);         // left, here, above, -
    ivec4 after = textureGather(surfaces, (vec2(p) + 1.0) / size);  // below, -, right, here
    int here = before.y;
    bool edge = here != 0
        && (before.x != here || before.z != here || after.z == 0 || after.x == 0);
    vec3 bytes = texelFetch(shades, p, 0).rgb * 255.0;
    colour = vec4(floor((edge ? bytes * (1.0 - outline) : bytes) + 0.5) / 255.0, 1.0);
}
"""

_REDUCE_FS = """
#version 330
uniform sampler2D picture;
uniform vec2 scale;
uniform vec2 big_size;
out vec4 colour;
void main() {
    // Pillow's BOX resize: output pixel i averages the source pixels whose centres fall in
    // [i * scale, (i + 1) * scale). For scales up to 2 that is one or two pixels per axis, and
    // one bilinear sample placed between (or on) them takes exactly that average.
    vec2 i = floor(gl_FragCoord.xy);
    vec2 lo = floor(i * scale + 0.5);
    vec2 hi = min(floor((i + 1.0) * scale + 0.5), big_size);
    colour = texture(picture, (lo + hi) * 0.5 / big_size);
}
"""


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

    def __init__(self, gl: Any, program: Any, scene: LevelScene) -> None:
        soup = scene.soup
        count = len(soup)
        self.count = count
        self.vbo: Any = None
        self.vao: Any = None
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
        self.vao = gl.vertex_array(
            program,
            [(self.vbo, "3f 1i 3f 4f 4f", "position", "group", "colour", "finish", "pattern")],
            skip_errors=True,
        )

    def release(self) -> None:
        for resource in (self.vao, self.vbo):
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


class GlFrames:
    """Draws dollhouse frames with OpenGL; use as a context manager on one thread."""

    name = "gl"

    def __init__(self) -> None:
        self._gl = _create_context()
        gl = self._gl
        self._surface = gl.program(vertex_shader=_SURFACE_VS, fragment_shader=_SURFACE_FS)
        self._outline = gl.program(vertex_shader=_QUAD_VS, fragment_shader=_OUTLINE_FS)
        self._reduce = gl.program(vertex_shader=_QUAD_VS, fragment_shader=_REDUCE_FS)
        # One triangle that covers the whole viewport.
        quad = np.array([-1.0, -1.0, 3.0, -1.0, -1.0, 3.0], dtype=np.float32)
        self._quad_vbo = gl.buffer(quad.tobytes())
        self._outline_quad = gl.vertex_array(self._outline, [(self._quad_vbo, "2f", "corner")])
        self._reduce_quad = gl.vertex_array(self._reduce, [(self._quad_vbo, "2f", "corner")])
        self._scenes: dict[int, tuple[LevelScene, _UploadedScene]] = {}
        self._targets: dict[tuple[int, int, int, int], tuple[Any, ...]] = {}

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
        for target in self._targets.values():
            for resource in target:
                resource.release()
        self._scenes.clear()
        self._targets.clear()
        self._gl.release()

    def _uploaded(self, scene: LevelScene) -> _UploadedScene:
        # Keyed by identity and holding the scene, so the id cannot be reused while cached.
        entry = self._scenes.get(id(scene))
        if entry is None:
            entry = (scene, _UploadedScene(self._gl, self._surface, scene))
            self._scenes[id(scene)] = entry
        return entry[1]

    def _target(self, big: tuple[int, int], size: tuple[int, int]) -> tuple[Any, ...]:
        key = (*big, *size)
        target = self._targets.get(key)
        if target is None:
            gl = self._gl
            shades = gl.texture(big, 4)
            surfaces = gl.texture(big, 1, dtype="i4")
            depth = gl.depth_renderbuffer(big)
            drawn = gl.framebuffer(color_attachments=[shades, surfaces], depth_attachment=depth)
            # Cleared apart: a clear sets every attachment from the same four numbers, and the
            # surface ids must start at zero (the background) whatever its colour.
            shades_only = gl.framebuffer(color_attachments=[shades])
            surfaces_only = gl.framebuffer(color_attachments=[surfaces], depth_attachment=depth)
            picture = gl.texture(big, 4)
            outlined = gl.framebuffer(color_attachments=[picture])
            frame = gl.renderbuffer(size, 4)
            reduced = gl.framebuffer(color_attachments=[frame])
            for texture in (shades, surfaces):
                texture.filter = (gl.NEAREST, gl.NEAREST)
                texture.repeat_x = texture.repeat_y = False
            # Linear filtering is what averages two supersampled pixels in the reduce pass.
            picture.filter = (gl.LINEAR, gl.LINEAR)
            target = (
                *(shades, surfaces, depth, drawn, picture, outlined, frame, reduced),
                *(shades_only, surfaces_only),
            )
            self._targets[key] = target
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
        shades, surfaces, _, drawn, picture, outlined, _, reduced, shades_only, surfaces_only = (
            target
        )
        uploaded = self._uploaded(scene)

        shades_only.clear(*background, 1.0)
        surfaces_only.clear(0.0, 0.0, 0.0, 0.0, depth=1.0)
        drawn.use()
        gl.viewport = (0, 0, width, height)
        if uploaded.vao is not None:
            right, up, forward = camera.basis()
            focal = 1.0 / math.tan(math.radians(camera.fov_deg) / 2.0)
            program = self._surface
            matrix = clip_matrix(camera, big, uploaded.origin, uploaded.corners)
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
            uploaded.vao.render(moderngl.TRIANGLES)
            gl.disable(moderngl.DEPTH_TEST | moderngl.CULL_FACE)

        outlined.use()
        shades.use(0)
        surfaces.use(1)
        _set(
            self._outline,
            shades=0,
            surfaces=1,
            outline=float(outline),
            size=(float(width), float(height)),
        )
        self._outline_quad.render(moderngl.TRIANGLES)

        reduced.use()
        gl.viewport = (0, 0, *size)
        picture.use(0)
        _set(
            self._reduce,
            picture=0,
            scale=(width / size[0], height / size[1]),
            big_size=(float(width), float(height)),
        )
        self._reduce_quad.render(moderngl.TRIANGLES)
        data = reduced.read(components=3, alignment=1)
        return Image.frombytes("RGB", size, data)
