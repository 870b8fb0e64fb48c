"""Dollhouse stills: each level seen from one shared camera, rendered by the software rasterizer.

Each level is seen from above at an angle with its ceiling removed. All levels of a property are
framed with one camera, so their images share scale and placement and can be flipped through like
pages. Rendering happens at twice the size and is box-filtered down for anti-aliasing.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image

from planroom.floormodel.schema import FloorModel, Level
from planroom.render.three_d.floors import PLINTH_MM
from planroom.render.three_d.frames import FrameRenderer, open_frames, pin_blas_threads
from planroom.render.three_d.raster import (
    Camera,
    FloatArray,
    Viewport,
)
from planroom.render.three_d.scene import LevelScene, build_level_scene

DEFAULT_WIDTH = 2400
ASPECT = 3 / 4
"""Height over width of the still images (2400 x 1800)."""
ELEVATION_DEG = 62.0
"""Camera angle above the horizon: steep enough to see into every room."""
PLAN_UP_AZIMUTH_DEG = -90.0
"""Where the camera stands to see the plan as the 2D plans draw it: from the -y side, so plan
+y points up the image and +x to the right (north up when the model's +y is north; the 2D
plans and these views show the same `north_deg` arrow direction)."""
FOV_DEG = 28.0
MARGIN = 0.05
SUPERSAMPLE = 2
OUTLINE = 0.22
BACKGROUND = (1.0, 1.0, 1.0)
JPEG_QUALITY = 90


@dataclass(frozen=True)
class Framing:
    """Where the camera looks from, shared by every level of one property."""

    centre: tuple[float, float, float]
    radius: float
    base_azimuth_deg: float
    corners: FloatArray
    """(8, 3) corners of the box around every level drawn, for fitting the stills."""


def frame_scenes(scenes: list[LevelScene]) -> Framing:
    """One framing for all levels: the union of their plan bounds, up to the highest wall."""
    min_x = min(scene.bounds[0] for scene in scenes)
    min_y = min(scene.bounds[1] for scene in scenes)
    max_x = max(scene.bounds[2] for scene in scenes)
    max_y = max(scene.bounds[3] for scene in scenes)
    top = max(scene.top for scene in scenes)
    xs, ys, zs = (min_x, max_x), (min_y, max_y), (-PLINTH_MM, top)
    corners = np.array([(x, y, z) for x in xs for y in ys for z in zs], dtype=np.float64)
    centre = ((min_x + max_x) / 2, (min_y + max_y) / 2, top * 0.3)
    radius = float(np.linalg.norm(corners - np.asarray(centre), axis=1).max())
    # Always the 2D plan's orientation, whichever side is longer: the dollhouse is read next
    # to the floor plans, and a turned picture makes the customer match rooms by hand.
    return Framing(
        centre=centre,
        radius=radius,
        base_azimuth_deg=PLAN_UP_AZIMUTH_DEG,
        corners=corners,
    )


def camera_for(framing: Framing, azimuth_deg: float, elevation_deg: float) -> Camera:
    """A camera on a sphere around the framing centre, far enough that the whole house fits."""
    distance = framing.radius / math.sin(math.radians(FOV_DEG) / 2) * 1.05
    azimuth, elevation = math.radians(azimuth_deg), math.radians(elevation_deg)
    cx, cy, cz = framing.centre
    eye = (
        cx + distance * math.cos(elevation) * math.cos(azimuth),
        cy + distance * math.cos(elevation) * math.sin(azimuth),
        cz + distance * math.sin(elevation),
    )
    return Camera(eye=eye, target=framing.centre, fov_deg=FOV_DEG)


def render_view(
    frames: FrameRenderer,
    scene: LevelScene,
    camera: Camera,
    viewport: Viewport,
    supersample: float,
) -> Image.Image:
    """One level seen by `camera` at the viewport's size, drawn `supersample` times larger and
    box-filtered down (the anti-aliasing)."""
    return frames.render(scene, camera, viewport, supersample, BACKGROUND, OUTLINE)


def render_level_images(
    model: FloorModel,
    levels: list[Level],
    *,
    width: int = DEFAULT_WIDTH,
    furniture: bool = True,
) -> list[bytes]:
    """A JPEG dollhouse view per level, all framed alike."""
    pin_blas_threads()
    scenes = [build_level_scene(model, level, furniture=furniture) for level in levels]
    if not scenes:
        return []
    framing = frame_scenes(scenes)
    camera = camera_for(framing, framing.base_azimuth_deg, ELEVATION_DEG)
    height = round(width * ASPECT)
    screen, _ = camera.project(framing.corners)
    viewport = Viewport.fit(screen, width, height, MARGIN)
    images: list[bytes] = []
    with open_frames() as frames:
        for scene in scenes:
            image = render_view(frames, scene, camera, viewport, SUPERSAMPLE)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
            images.append(buffer.getvalue())
    return images
