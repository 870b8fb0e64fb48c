"""The 3D video: one slow orbit around the dollhouse, showing each level in turn.

The camera circles the property once over the whole video at a fixed distance and height, so the
picture never zooms; the level on show changes with a short cross-fade and its name is captioned.
Geometry is built once; each frame is only a projection and a visibility pass. Frames are encoded
as H.264 (yuv420p, 30 fps) into an MP4 with the index up front for web playback.
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from planroom.render.context import RenderContext, RenderedFile
from planroom.render.fonts import BOLD_FILE
from planroom.render.products.base import Product, ProductOutput
from planroom.render.three_d.floors import PLINTH_MM
from planroom.render.three_d.frames import open_frames, pin_blas_threads
from planroom.render.three_d.mp4 import Encoding, Mp4Writer
from planroom.render.three_d.raster import Viewport
from planroom.render.three_d.scene import build_level_scene, levels_to_draw
from planroom.render.three_d.views import (
    BACKGROUND,
    OUTLINE,
    Framing,
    camera_for,
    frame_scenes,
)
from planroom.render.three_d.yuv import Caption

FPS = 30
FULL_SIZES: dict[str, tuple[int, int]] = {
    "landscape": (1920, 1080),
    "portrait": (1080, 1920),
    "square": (1080, 1080),
}
DURATION_S: dict[str, float] = {"slow": 30.0, "normal": 20.0, "fast": 12.0}
ELEVATION_DEG = 56.0
CROSSFADE_S = 0.6
CAPTION_FILL = (31, 41, 51, 210)
MARGIN = 0.02
SUPERSAMPLE = 1.5
"""Anti-aliasing for frames: nearly as clean as 2x in motion at about half the cost."""
CRF = "20.5"
PRESET = "veryfast"
"""Flat colours and smooth motion compress easily: the faster search costs about 1 % in size
and halves the encoder's share of the time."""
X264_PARAMS = "mbtree=0:bframes=0"
"""Without mbtree: x264's macroblock-tree rate control reads memory it never wrote for frames
whose size is not a multiple of 16 (measured: 480 x 270 and 1080 x 1080 encoded differently from
run to run); without it the same frames always give the same bytes.

Without B-frames: on the 1080p apartment orbit, x264 then takes about 30 % less CPU and holds
57 MB less (six frames in flight instead of eleven). At CRF 20.5 instead of 20 the luma PSNR
against the drawn frames is the same on average (47.7 dB) and better on the worst frame (46.8
against 46.1 dB), for a file 5.6 % larger."""
ENCODER_THREADS = "2"
"""Pinned: x264 output depends on its thread count, and the same model must give the same bytes."""
STREAM_OPTIONS = {
    "crf": CRF,
    "preset": PRESET,
    "threads": ENCODER_THREADS,
    "x264-params": X264_PARAMS,
}


@dataclass(frozen=True)
class VideoPlan:
    """Frame size and count of one video."""

    width: int
    height: int
    frames: int


def plan_video(layout: str, speed: str, scale: float) -> VideoPlan:
    """Even frame size and frame count for a layout, a speed and a scale (1.0 = full)."""
    full_w, full_h = FULL_SIZES[layout]
    width = max(2, 2 * round(full_w * scale / 2))
    height = max(2, 2 * round(full_h * scale / 2))
    frames = max(2, round(DURATION_S[speed] * scale * FPS))
    return VideoPlan(width=width, height=height, frames=frames)


def orbit_viewport(framing: Framing, width: int, height: int) -> Viewport:
    """A viewport that holds the house at every azimuth of the orbit (the same for each frame).

    The house fits inside the vertical cylinder around its plan, and that cylinder looks the same
    from every side, so fitting its projection once keeps the whole orbit in frame.
    """
    camera = camera_for(framing, 0.0, ELEVATION_DEG)
    cx, cy, _ = framing.centre
    corners = framing.corners
    radius = float(np.hypot(corners[:, 0] - cx, corners[:, 1] - cy).max())
    angles = np.linspace(0.0, 2.0 * math.pi, 72, endpoint=False)
    ring = np.stack([cx + radius * np.cos(angles), cy + radius * np.sin(angles)], axis=1)
    top = float(corners[:, 2].max())
    points = np.concatenate(
        [
            np.column_stack([ring, np.full(len(ring), -PLINTH_MM)]),
            np.column_stack([ring, np.full(len(ring), top)]),
        ]
    )
    screen, _ = camera.project(points)
    return Viewport.fit(screen, width, height, MARGIN)


def _caption(text: str, frame_height: int) -> Image.Image:
    """The level name in white on a dark translucent pill, sized to the frame.

    Drawn four times larger and shrunk, because Pillow's shapes have no anti-aliasing.
    """
    zoom = 4
    size = max(8, round(frame_height * 0.028)) * zoom
    font = ImageFont.truetype(str(BOLD_FILE), size)
    left, top, right, bottom = (round(edge) for edge in font.getbbox(text))
    pad_x, pad_y = round(size * 0.85), round(size * 0.5)
    width, height = right - left + 2 * pad_x, bottom - top + 2 * pad_y
    label = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(label)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=height // 2, fill=CAPTION_FILL)
    draw.text((pad_x - left, pad_y - top), text, font=font, fill=(255, 255, 255, 255))
    return label.resize((width // zoom, height // zoom), Image.Resampling.LANCZOS)


def caption_origin(caption: Image.Image, frame_height: int) -> tuple[int, int]:
    """Where a caption sits: the lower left corner, a margin in from the edges."""
    margin = round(frame_height * 0.04)
    return margin, frame_height - caption.height - margin


def fade_schedule(level_count: int, frames: int) -> list[tuple[int, int, float]]:
    """For each frame: the level shown, the level it fades to (or itself), and the fade weight.

    Each level holds an equal share of the video; around each change the two levels blend.
    """
    per_level = frames / level_count
    fade = max(1, round(CROSSFADE_S * FPS * min(1.0, per_level / (FPS * 4))))
    schedule: list[tuple[int, int, float]] = []
    for frame in range(frames):
        level = min(level_count - 1, int(frame / per_level))
        boundary = (level + 1) * per_level
        until_boundary = boundary - frame
        if level + 1 < level_count and until_boundary <= fade / 2:
            weight = 0.5 - until_boundary / fade
            schedule.append((level, level + 1, weight))
            continue
        since = frame - level * per_level
        if level > 0 and since < fade / 2:
            schedule.append((level - 1, level, 0.5 + since / fade))
            continue
        schedule.append((level, level, 0.0))
    return schedule


def encode_video(ctx: RenderContext) -> bytes:
    """The MP4 bytes of the orbit video for `ctx`."""
    pin_blas_threads()
    levels = levels_to_draw(ctx.model, ctx.include_basement)
    furniture = ctx.furniture_set != "none"
    scenes = [build_level_scene(ctx.model, level, furniture=furniture) for level in levels]
    if not scenes:
        raise ValueError("the model has no level to show")
    plan = plan_video(ctx.video_layout, ctx.video_speed, ctx.video_scale)
    framing = frame_scenes(scenes)
    viewport = orbit_viewport(framing, plan.width, plan.height)
    labels = [_caption(level.name, plan.height) for level in levels]
    captions = [Caption(label, caption_origin(label, plan.height)) for label in labels]
    schedule = fade_schedule(len(scenes), plan.frames)
    encoding = Encoding(width=plan.width, height=plan.height, fps=FPS, options=STREAM_OPTIONS)
    with tempfile.TemporaryDirectory() as folder:
        # The MP4 muxer moves the index to the front by re-reading its output, which needs a
        # real file: an in-memory buffer fails at close.
        path = Path(folder) / "video.mp4"
        with open_frames() as frames, Mp4Writer(path, encoding) as writer:
            for index, (first, second, weight) in enumerate(schedule):
                azimuth = framing.base_azimuth_deg + 360.0 * index / plan.frames
                camera = camera_for(framing, azimuth, ELEVATION_DEG)
                shown = (scenes[first], scenes[second] if second != first else None)
                # One caption at a time: blending two names would ghost the text.
                caption = captions[second if weight >= 0.5 else first]
                writer.write(
                    frames.video_frame(
                        shown, weight, camera, viewport, SUPERSAMPLE, BACKGROUND, OUTLINE, caption
                    )
                )
        return path.read_bytes()


def render_video_3d(ctx: RenderContext) -> list[RenderedFile]:
    """The `video_3d` product: one MP4 in `video_urls`."""
    return [
        RenderedFile(
            slot="video_urls",
            name=f"{ctx.file_stem}-3d-video-{ctx.video_layout}.mp4",
            content_type="video/mp4",
            data=encode_video(ctx),
        )
    ]


def _render(ctx: RenderContext) -> ProductOutput:
    return PRODUCT.output(render_video_3d(ctx))


PRODUCT = Product(
    key="video_3d",
    group="products_3d",
    slots={"video_urls": []},
    render=_render,
    draws_3d=True,
    add_ons=("3d_video",),
)
