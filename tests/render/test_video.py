"""The 3D video: H.264 in MP4, the layout's frame size, the speed's length, web-ready."""

from __future__ import annotations

import io
import os

import av
import numpy as np
import pytest

from planroom.render.products.video_3d import (
    FPS,
    fade_schedule,
    plan_video,
    render_video_3d,
)
from planroom.render.three_d.yuv import rgb_to_yuv420
from tests.render.builders3d import context, one_room_model, small_house

SCALE = 0.05
"""1/20 of full size and length: 96 x 54 pixels, one second at normal speed."""


def _probe(data: bytes) -> tuple[str, str, int, int, int, float]:
    with av.open(io.BytesIO(data), mode="r") as container:
        stream = container.streams.video[0]
        codec, pix_fmt = stream.codec_context.name, str(stream.codec_context.pix_fmt)
        frames = len(list(container.decode(video=0)))
        assert stream.average_rate is not None
        return codec, pix_fmt, stream.width, stream.height, frames, float(stream.average_rate)


def test_landscape_video_is_h264_yuv420p_at_30_fps() -> None:
    files = render_video_3d(context(small_house(), video_scale=SCALE))

    assert [(f.slot, f.content_type) for f in files] == [("video_urls", "video/mp4")]
    codec, pix_fmt, width, height, frames, rate = _probe(files[0].data)
    assert (codec, pix_fmt) == ("h264", "yuv420p")
    assert (width, height) == (96, 54)
    # About 20 s at normal speed, scaled like the frame.
    assert frames == round(20 * SCALE * FPS)
    assert rate == pytest.approx(30.0)


@pytest.mark.parametrize(("layout", "size"), [("portrait", (54, 96)), ("square", (54, 54))])
def test_layout_decides_the_frame_shape(layout: str, size: tuple[int, int]) -> None:
    files = render_video_3d(context(one_room_model(), video_scale=SCALE, video_layout=layout))

    _, _, width, height, _, _ = _probe(files[0].data)
    assert (width, height) == size


def test_speed_decides_the_length() -> None:
    assert plan_video("landscape", "slow", 1.0).frames == 30 * FPS
    assert plan_video("landscape", "normal", 1.0).frames == 20 * FPS
    assert plan_video("landscape", "fast", 1.0).frames == 12 * FPS


def test_frame_size_stays_even_at_any_scale() -> None:
    for scale in (0.123, 0.337, 0.5, 1.0):
        plan = plan_video("portrait", "normal", scale)
        assert plan.width % 2 == 0 and plan.height % 2 == 0
    assert (
        plan_video("portrait", "normal", 1.0).width,
        plan_video("portrait", "normal", 1.0).height,
    ) == (1080, 1920)


def test_index_comes_before_the_media_for_web_playback() -> None:
    data = render_video_3d(context(one_room_model(), video_scale=SCALE))[0].data

    assert 0 < data.find(b"moov") < data.find(b"mdat")


def test_each_level_is_shown_in_turn() -> None:
    schedule = fade_schedule(3, 90)

    shown = [first if weight < 0.5 else second for first, second, weight in schedule]
    assert shown[0] == 0 and shown[-1] == 2
    assert shown == sorted(shown)
    assert set(shown) == {0, 1, 2}


def test_same_model_gives_the_same_bytes() -> None:
    ctx = context(one_room_model(), video_scale=SCALE)

    first = render_video_3d(ctx)[0].data
    # Churn the heap: an encoder that reads memory it never wrote shows up as different bytes.
    churn = [os.urandom(50_000 + 997 * index) for index in range(200)]
    second = render_video_3d(ctx)[0].data
    del churn

    assert first == second


def test_colours_convert_to_bt709_limited_range() -> None:
    # BT.709: Y = 16 + 219 (0.2126 R + 0.7152 G + 0.0722 B); Cb, Cr = 128 + 224 (...) on 0..1.
    frame = np.zeros((2, 6, 3), dtype=np.uint8)
    frame[:, 0:2] = (255, 255, 255)
    frame[:, 4:6] = (255, 0, 0)

    yuv = rgb_to_yuv420(frame)

    assert list(yuv[0, [0, 2, 4]]) == [235, 16, 63]  # white, black, red
    cb, cr = yuv[2, :3], yuv[2, 3:6]
    assert list(cb) == [128, 128, 102]
    assert list(cr) == [128, 128, 240]
