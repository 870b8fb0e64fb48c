"""Video frames finished by 2 x 2 blocks: the per-pixel pass's picture, whatever came before."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from planroom.render.products import video_3d as video
from planroom.render.three_d import views as dollhouse
from planroom.render.three_d.frames import NumpyFrames
from planroom.render.three_d.gl import GlFrames, GlUnavailable
from planroom.render.three_d.gl_block_shader import block_fs
from planroom.render.three_d.gl_blocks import fits_blocks
from planroom.render.three_d.raster import Viewport
from planroom.render.three_d.scene import LevelScene, build_level_scene, levels_to_draw
from planroom.render.three_d.views import Framing, camera_for, frame_scenes
from planroom.render.three_d.yuv import Caption
from tests.render.builders3d import small_house

TOLERANCE = 2
"""As in test_gl_frames: the two renderers round at different steps."""


def _open() -> GlFrames:
    try:
        return GlFrames()
    except GlUnavailable as error:
        pytest.skip(f"no OpenGL here ({error}); install Mesa's EGL (libegl1, libgl1-mesa-dri)")


@pytest.fixture(scope="module")
def gl_frames() -> Iterator[GlFrames]:
    with _open() as frames:
        yield frames


@pytest.fixture(scope="module")
def house() -> tuple[list[LevelScene], Framing]:
    model = small_house()
    scenes = [
        build_level_scene(model, level, furniture=True) for level in levels_to_draw(model, True)
    ]
    return scenes, frame_scenes(scenes)


def _args(
    scenes: list[LevelScene],
    framing: Framing,
    size: tuple[int, int],
    turn: float,
    weight: float = 0.0,
    supersample: float = video.SUPERSAMPLE,
    zoom: float = 1.0,
) -> tuple[Any, ...]:
    orbit = video.orbit_viewport(framing, *size)
    viewport = dataclasses.replace(orbit, scale=orbit.scale * zoom)
    label = video._caption("First floor", size[1])
    camera = camera_for(framing, framing.base_azimuth_deg + turn, video.ELEVATION_DEG)
    return (
        (scenes[0], scenes[1]),
        weight,
        camera,
        viewport,
        supersample,
        dollhouse.BACKGROUND,
        dollhouse.OUTLINE,
        Caption(label, video.caption_origin(label, size[1])),
    )


def test_the_video_is_finished_by_blocks_where_it_can_be() -> None:
    assert video.SUPERSAMPLE == 1.5
    assert fits_blocks(Viewport(width=480, height=270, scale=1.0, centre_x=0.0, centre_y=0.0), 1.5)
    assert not fits_blocks(
        Viewport(width=481, height=270, scale=1.0, centre_x=0.0, centre_y=0.0), 1.5
    )
    assert not fits_blocks(
        Viewport(width=480, height=270, scale=1.0, centre_x=0.0, centre_y=0.0), 2.0
    )


def test_every_variant_of_the_block_shader_compiles(gl_frames: GlFrames) -> None:
    from planroom.render.three_d.gl_shaders import QUAD_VS

    variants = [("level", False), ("level", True), ("store", False), ("fade", False)]
    for mode, captioned in [*variants, ("fade", True)]:
        source = block_fs(mode, captioned)
        # Seven id gathers and four shade gathers: one level a pass.
        assert source.count("textureGather(surfaces") == 11
        program = gl_frames._gl.program(vertex_shader=QUAD_VS, fragment_shader=source)
        # Only a fade reads a kept first level; only a captioned pass reads the caption.
        assert ("kept0" in program) == (mode == "fade")
        assert ("caption" in program) == captioned
        program.release()
    with pytest.raises(ValueError, match="no caption"):
        block_fs("store", True)


@pytest.mark.parametrize(("turn", "weight"), [(20.0, 0.0), (140.0, 0.35), (250.0, 0.8)])
def test_block_frames_agree_with_the_numpy_ones(
    gl_frames: GlFrames, house: tuple[list[LevelScene], Framing], turn: float, weight: float
) -> None:
    scenes, framing = house
    args = _args(scenes, framing, (320, 180), turn, weight)

    drawn = gl_frames.video_frame(*args).astype(np.int16)
    expected = NumpyFrames().video_frame(*args).astype(np.int16)

    difference = np.abs(drawn - expected)
    luma, chroma = difference[:180], difference[180:]
    # Closer than the per-pixel pass gets: both round once per step, as the numpy path does.
    assert (luma == 0).mean() >= 0.85
    assert (luma <= TOLERANCE).mean() >= 0.995
    assert (chroma <= TOLERANCE).mean() >= 0.995
    # A picture, not a blank frame agreeing with another.
    assert (expected[:180] < 200).mean() > 0.2


def test_a_frame_is_the_same_whatever_was_drawn_before(
    gl_frames: GlFrames, house: tuple[list[LevelScene], Framing]
) -> None:
    # Buffers are reused from frame to frame; only what a frame covers is cleared, so a pixel
    # the house left at another azimuth (or the other level, in a fade) must not show through.
    # Zoomed in, the house reaches under the caption at some turns and not at the one wanted.
    scenes, framing = house
    size = (320, 180)
    wanted = _args(scenes, framing, size, 75.0, zoom=1.5)
    with _open() as fresh:
        alone = fresh.video_frame(*wanted)

    for turn, weight in ((200.0, 0.5), (310.0, 0.0), (15.0, 0.9)):
        before = _args(scenes, framing, size, turn, weight, zoom=1.5)
        gl_frames.video_frame(*before)
    after = gl_frames.video_frame(*wanted)

    assert np.array_equal(after, alone)


def test_another_supersampling_takes_the_per_pixel_pass(
    gl_frames: GlFrames, house: tuple[list[LevelScene], Framing]
) -> None:
    scenes, framing = house
    args = _args(scenes, framing, (320, 180), 60.0, 0.3, supersample=2.0)

    drawn = gl_frames.video_frame(*args).astype(np.int16)
    expected = NumpyFrames().video_frame(*args).astype(np.int16)

    assert drawn.shape == expected.shape == (270, 320)
    assert (np.abs(drawn - expected) <= TOLERANCE).mean() >= 0.99


def test_the_house_outline_is_the_whole_frame_for_a_camera_inside(
    gl_frames: GlFrames, house: tuple[list[LevelScene], Framing]
) -> None:
    # Points behind the eye project through it, and their hull would bound nothing.
    scenes, framing = house
    viewport = video.orbit_viewport(framing, 320, 180)
    outside = camera_for(framing, 30.0, video.ELEVATION_DEG)
    x, y, z = framing.centre
    inside = dataclasses.replace(outside, eye=(x, y, z), target=(x + 1000.0, y, z))

    corners = gl_frames.frame_outline([scenes[0]], inside, viewport)

    assert np.array_equal(corners, [(0, 0), (320, 0), (320, 180), (0, 180)])
    seen = gl_frames.frame_outline([scenes[0]], outside, viewport)
    assert len(seen) > 4 and seen[:, 0].max() - seen[:, 0].min() < 320
