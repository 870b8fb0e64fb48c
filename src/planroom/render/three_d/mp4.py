"""An H.264 MP4 file written on its own thread, so that frames are drawn while others encode.

x264 runs its own threads, but only inside `send_frame`: while the caller draws the next frame,
the encoder would sit idle, and while x264 works the renderer would. A small queue between the
two keeps both cores busy. The output is the same bytes as encoding on the calling thread:
x264's result depends on its settings and thread count, never on when frames arrive.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import av
import numpy as np
from numpy.typing import NDArray

BT709 = 1
"""FFmpeg's code for the ITU-R BT.709 primaries, transfer and matrix (HD video)."""
LIMITED_RANGE = 1
"""FFmpeg's code for "MPEG" (16-235) range, what players expect from H.264."""
QUEUE_FRAMES = 1
"""Frames waiting for the encoder: one is enough for the renderer to draw the next frame while
x264 works on the last (frame times are even), and each waiting frame holds 3 MB at 1080p."""


@dataclass(frozen=True)
class Encoding:
    """The stream's settings: size, frame rate and x264's options."""

    width: int
    height: int
    fps: int
    options: dict[str, str]


def open_stream(path: Path, encoding: Encoding) -> tuple[Any, Any]:
    """The MP4 container (index up front for web playback) and its H.264 yuv420p stream."""
    container = av.open(str(path), mode="w", format="mp4", options={"movflags": "+faststart"})
    stream = container.add_stream("libx264", rate=encoding.fps)
    stream.width, stream.height, stream.pix_fmt = encoding.width, encoding.height, "yuv420p"
    stream.options = dict(encoding.options)
    context = stream.codec_context
    context.color_primaries = context.color_trc = context.colorspace = BT709
    context.color_range = LIMITED_RANGE
    return container, stream


def video_frame(planes: NDArray[np.uint8]) -> av.VideoFrame:
    """A frame of the stream `open_stream` makes, from its Y, U and V planes."""
    frame = av.VideoFrame.from_ndarray(planes, format="yuv420p")
    frame.colorspace, frame.color_range = BT709, LIMITED_RANGE
    return frame


class Mp4Writer:
    """Takes YUV 4:2:0 frames (`write`) and encodes them in order on a background thread.

    Use as a context manager: leaving it normally flushes the encoder and closes the file (and
    raises any error the encoder met); leaving on an error stops the encoder and drops the file.
    """

    def __init__(self, path: Path, encoding: Encoding) -> None:
        self._container, self._stream = open_stream(path, encoding)
        self._frames: queue.Queue[NDArray[np.uint8] | None] = queue.Queue(QUEUE_FRAMES)
        self._error: BaseException | None = None
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="mp4-encoder", daemon=True)
        self._thread.start()

    def __enter__(self) -> Mp4Writer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # A failed drawing has no use for the frames still queued.
        self._stopped = error is not None
        self._frames.put(None)
        self._thread.join()
        if error is None and self._error is not None:
            raise self._error

    def write(self, planes: NDArray[np.uint8]) -> None:
        """Queue one frame (height * 3 / 2, width) of Y, U and V planes; the array is kept
        until encoded, so the caller must not change it afterwards."""
        if self._error is not None:
            raise self._error
        self._frames.put(planes)

    def _run(self) -> None:
        try:
            self._encode_all()
        except BaseException as error:  # handed to the writing thread
            self._error = error
            self._drain()
        finally:
            self._container.close()
            # The encoder's state (tens of MB at 1080p) goes with the last reference to its
            # stream, not with the file: let go of both now rather than when the writer goes.
            del self._container, self._stream

    def _encode_all(self) -> None:
        while (planes := self._frames.get()) is not None:
            if self._stopped:
                continue
            self._mux(video_frame(planes))
        if not self._stopped:
            self._mux(None)

    def _mux(self, frame: av.VideoFrame | None) -> None:
        for packet in self._stream.encode(frame):
            self._container.mux(packet)

    def _drain(self) -> None:
        """Take frames until the end mark, so that a writer blocked on a full queue goes on
        (and then sees the error)."""
        while self._frames.get() is not None:
            pass
