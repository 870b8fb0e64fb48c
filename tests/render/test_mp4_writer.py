"""The MP4 writer that encodes on its own thread: every frame in order, errors reach the caller."""

from __future__ import annotations

import threading
from pathlib import Path

import av
import numpy as np
import pytest
from numpy.typing import NDArray

from planroom.render.three_d.mp4 import Encoding, Mp4Writer

ENCODING = Encoding(width=32, height=16, fps=30, options={"crf": "20", "threads": "1"})


def _frame(luma: int) -> NDArray[np.uint8]:
    planes = np.full((24, 32), 128, dtype=np.uint8)
    planes[:16] = luma
    return planes


def _write(path: Path, lumas: list[int]) -> None:
    with Mp4Writer(path, ENCODING) as writer:
        for luma in lumas:
            writer.write(_frame(luma))


def test_every_frame_is_encoded_in_order(tmp_path: Path) -> None:
    lumas = [16 + 20 * index for index in range(10)]
    _write(tmp_path / "out.mp4", lumas)

    with av.open(str(tmp_path / "out.mp4")) as container:
        decoded = [frame.to_ndarray(format="yuv420p") for frame in container.decode(video=0)]
    assert len(decoded) == len(lumas)
    means = [float(planes[:16].mean()) for planes in decoded]
    assert means == pytest.approx(lumas, abs=2.0)


def test_the_same_frames_give_the_same_bytes(tmp_path: Path) -> None:
    lumas = [40, 90, 140, 190, 90]
    _write(tmp_path / "a.mp4", lumas)
    _write(tmp_path / "b.mp4", lumas)

    assert (tmp_path / "a.mp4").read_bytes() == (tmp_path / "b.mp4").read_bytes()


def test_an_encoder_error_reaches_the_writer(tmp_path: Path) -> None:
    not_bytes = np.zeros((24, 32), dtype=np.float32)

    # Raised by the write after the encoder failed, or at the end: either way, by the writer.
    writer = Mp4Writer(tmp_path / "out.mp4", ENCODING)
    with pytest.raises(ValueError, match="uint8"), writer:
        for _ in range(20):
            writer.write(not_bytes)  # type: ignore[arg-type]


def test_a_drawing_error_stops_the_encoder(tmp_path: Path) -> None:
    writer = Mp4Writer(tmp_path / "out.mp4", ENCODING)
    with pytest.raises(RuntimeError, match="drawing failed"), writer:
        writer.write(_frame(100))
        raise RuntimeError("drawing failed")

    assert not any(thread.name == "mp4-encoder" for thread in threading.enumerate())
