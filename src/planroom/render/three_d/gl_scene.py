"""A level's triangles on the GPU for the OpenGL frames (`gl.py`), and the camera's matrix."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from planroom.render.three_d.gl_outline import hull_points
from planroom.render.three_d.raster import Camera, FloatArray, Viewport
from planroom.render.three_d.scene import LevelScene
from planroom.render.three_d.texture import _PATTERNS


class UploadedScene:
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
        self.hull: FloatArray = hull_points(flat_world)
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
