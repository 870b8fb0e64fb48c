"""The 3D video plays in a real headless Chromium: it decodes, runs, and shows the house."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from planroom.render.products.video_3d import render_video_3d
from tests.render.builders3d import context, small_house
from tests.tours.cdp import CHROMIUM_ENV, Browser, find_chromium

PORT = int(os.environ.get("PLANROOM_TEST_VIDEO_PORT", "18150"))
PAGE = """<!doctype html><meta charset="utf-8">
<video id="v" src="video.mp4" muted playsinline preload="auto"></video>
<canvas id="c"></canvas>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("video-site")
    # A tenth of full size and length: 192 x 108, two seconds at 30 fps.
    (folder / "video.mp4").write_bytes(
        render_video_3d(context(small_house(), video_scale=0.1))[0].data
    )
    (folder / "index.html").write_text(PAGE)
    server = ThreadingHTTPServer(("127.0.0.1", PORT), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = find_chromium()
    if path is None:
        pytest.skip(
            "Chromium not found: install it (apt-get install chromium) or set "
            f"{CHROMIUM_ENV}=/path/to/chromium to play the video in a browser"
        )
    launched = Browser.launch(path)
    yield launched
    launched.close()


def test_chromium_plays_the_video_and_shows_the_house(browser: Browser, site: str) -> None:
    page = browser.new_page()
    try:
        page.goto(site)
        page.wait_for("document.getElementById('v').readyState >= 2")
        size = page.evaluate("[v.videoWidth, v.videoHeight, v.duration, v.error]")
        assert size[:2] == [192, 108]
        assert size[2] == pytest.approx(2.0, abs=0.1)
        assert size[3] is None
        # It plays: time moves on and frames are decoded.
        page.evaluate("v.play()")
        page.wait_for("v.currentTime > 0.3", timeout=20.0)
        # A decoded frame shows the house: dark and coloured pixels, not a blank picture.
        drawn = page.evaluate(
            """(() => {
                c.width = v.videoWidth; c.height = v.videoHeight;
                const g = c.getContext('2d');
                g.drawImage(v, 0, 0);
                const d = g.getImageData(0, 0, c.width, c.height).data;
                let dark = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) dark++;
                return [dark / (d.length / 4), v.getVideoPlaybackQuality().totalVideoFrames];
            })()"""
        )
        assert drawn[0] > 0.1
        assert drawn[1] > 0
    finally:
        browser.close_page(page)
