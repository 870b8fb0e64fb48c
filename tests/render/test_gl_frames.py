"""The OpenGL renderer draws the numpy rasteriser's picture, and the setting picks between them."""

from __future__ import annotations

import io
from collections.abc import Iterator

import av
import numpy as np
import pytest
from PIL import Image

from planroom.floormodel.intake import read_scan_upload
from planroom.floormodel.samples import sample_scan_bytes
from planroom.floormodel.schema import FloorModel
from planroom.render.products import video_3d as video
from planroom.render.three_d import views as dollhouse
from planroom.render.three_d.frames import RENDERER_ENV, NumpyFrames, chosen_renderer, open_frames
from planroom.render.three_d.gl import GlFrames, GlUnavailable
from planroom.render.three_d.raster import Viewport
from planroom.render.three_d.scene import build_level_scene, levels_to_draw
from planroom.render.three_d.views import camera_for, frame_scenes
from planroom.render.three_d.yuv import Caption
from tests.render.builders3d import context, small_house

AGREEMENT = 0.99
"""Share of pixels that must match; edges may fall on the other side of a pixel centre."""
TOLERANCE = 2
"""Largest channel difference of a matching pixel: the two round at different steps."""


@pytest.fixture(scope="module")
def gl_frames() -> Iterator[GlFrames]:
    try:
        frames = GlFrames()
    except GlUnavailable as error:
        pytest.skip(f"no OpenGL here ({error}); install Mesa's EGL (libegl1, libgl1-mesa-dri)")
    with frames:
        yield frames


def _agreement(first: Image.Image, second: Image.Image) -> float:
    assert first.size == second.size
    difference = np.abs(np.asarray(first, np.int16) - np.asarray(second, np.int16)).max(axis=2)
    return float((difference <= TOLERANCE).mean())


def _sample(name: str) -> FloorModel:
    return read_scan_upload(sample_scan_bytes(name)).model


@pytest.mark.parametrize("sample", ["apartment", "two_storey_basement"])
def test_video_frames_agree_with_the_numpy_renderer(gl_frames: GlFrames, sample: str) -> None:
    model = _sample(sample)
    scenes = [
        build_level_scene(model, level, furniture=True) for level in levels_to_draw(model, True)
    ]
    framing = frame_scenes(scenes)
    viewport = video.orbit_viewport(framing, 480, 270)
    numpy_frames = NumpyFrames()
    for scene, turn in zip(scenes, (35.0, 160.0, 290.0), strict=False):
        camera = camera_for(framing, framing.base_azimuth_deg + turn, video.ELEVATION_DEG)
        args = (scene, camera, viewport, video.SUPERSAMPLE, dollhouse.BACKGROUND, dollhouse.OUTLINE)
        drawn = gl_frames.render(*args)
        expected = numpy_frames.render(*args)

        assert _agreement(drawn, expected) >= AGREEMENT
        # Not an empty picture agreeing with another: the house covers a good part of it.
        assert (np.asarray(expected).min(axis=2) < 250).mean() > 0.2


def test_dollhouse_stills_agree_with_the_numpy_renderer(gl_frames: GlFrames) -> None:
    model = small_house()
    scenes = [
        build_level_scene(model, level, furniture=True) for level in levels_to_draw(model, True)
    ]
    framing = frame_scenes(scenes)
    camera = camera_for(framing, framing.base_azimuth_deg, dollhouse.ELEVATION_DEG)
    screen, _ = camera.project(framing.corners)
    viewport = Viewport.fit(screen, 600, 450, dollhouse.MARGIN)
    args = (scenes[0], camera, viewport, dollhouse.SUPERSAMPLE)

    drawn = dollhouse.render_view(gl_frames, *args)
    expected = dollhouse.render_view(NumpyFrames(), *args)

    assert drawn.size == (600, 450)
    assert _agreement(drawn, expected) >= AGREEMENT


def test_gl_video_is_h264_and_the_same_bytes_every_time(
    gl_frames: GlFrames, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RENDERER_ENV, "gl")
    ctx = context(small_house(), video_scale=0.05)

    first = video.render_video_3d(ctx)[0].data
    second = video.render_video_3d(ctx)[0].data

    assert first == second
    with av.open(io.BytesIO(first), mode="r") as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, str(stream.codec_context.pix_fmt)) == (
            "h264",
            "yuv420p",
        )


def test_the_setting_forces_either_renderer(
    gl_frames: GlFrames, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RENDERER_ENV, "numpy")
    with open_frames() as frames:
        assert frames.name == "numpy"
    monkeypatch.setenv(RENDERER_ENV, "GL")
    with open_frames() as frames:
        assert frames.name == "gl"
    monkeypatch.delenv(RENDERER_ENV)
    assert chosen_renderer() == "auto"
    with open_frames() as frames:
        assert frames.name == "gl"


def test_an_unknown_setting_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RENDERER_ENV, "vulkan")
    with pytest.raises(ValueError, match=RENDERER_ENV):
        chosen_renderer()


def test_gl_video_frames_agree_with_the_numpy_ones_through_a_fade_and_caption(
    gl_frames: GlFrames,
) -> None:
    # The GL path blends, captions and converts to YUV on the GPU; the numpy one on the CPU.
    model = small_house()
    scenes = [
        build_level_scene(model, level, furniture=True) for level in levels_to_draw(model, True)
    ]
    framing = frame_scenes(scenes)
    viewport = video.orbit_viewport(framing, 480, 270)
    label = video._caption("First floor", 270)
    caption = Caption(label, video.caption_origin(label, 270))
    camera = camera_for(framing, framing.base_azimuth_deg + 70.0, video.ELEVATION_DEG)
    numpy_frames = NumpyFrames()
    for weight in (0.0, 0.4):
        args = (
            (scenes[0], scenes[1]),
            weight,
            camera,
            viewport,
            video.SUPERSAMPLE,
            dollhouse.BACKGROUND,
            dollhouse.OUTLINE,
            caption,
        )
        drawn = gl_frames.video_frame(*args).astype(np.int16)
        expected = numpy_frames.video_frame(*args).astype(np.int16)

        assert drawn.shape == expected.shape == (405, 480)
        luma, chroma = np.abs(drawn - expected)[:270], np.abs(drawn - expected)[270:]
        assert (luma <= TOLERANCE).mean() >= AGREEMENT
        assert (chroma <= TOLERANCE).mean() >= AGREEMENT
        # The caption is there: its dark pill darkens the lower left corner in both.
        (left, top), (width, height) = caption.origin, label.size
        for picture in (drawn, expected):
            assert picture[top : top + height, left : left + width].mean() < 130


def test_3d_products_run_blas_on_one_thread() -> None:
    # OpenBLAS helper threads spin on the 3D code's small matrix products and steal the
    # encoder's CPU; the 3D products pin BLAS to one thread before building anything.
    from threadpoolctl import threadpool_info

    video.encode_video(context(small_house(), video_scale=0.02))

    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas
    assert all(pool["num_threads"] == 1 for pool in blas)


def test_a_large_still_drawn_in_bands_is_the_one_drawn_at_once(
    gl_frames: GlFrames, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stills are drawn in bands of rows to bound memory; the seams must not show.
    from planroom.render.three_d import gl

    model = small_house()
    scene = build_level_scene(model, model.levels[0], furniture=True)
    framing = frame_scenes([scene])
    camera = camera_for(framing, framing.base_azimuth_deg, dollhouse.ELEVATION_DEG)
    screen, _ = camera.project(framing.corners)
    viewport = Viewport.fit(screen, 400, 300, dollhouse.MARGIN)
    args = (scene, camera, viewport, 2.0, dollhouse.BACKGROUND, dollhouse.OUTLINE)

    whole = np.asarray(gl_frames.render(*args), dtype=np.int16)
    monkeypatch.setattr(gl, "_MAX_DRAWN_PIXELS", 800 * 600 // 5)
    banded = np.asarray(gl_frames.render(*args), dtype=np.int16)

    assert banded.shape == whole.shape == (300, 400, 3)
    assert (np.abs(banded - whole).max(axis=2) == 0).mean() > 0.999
