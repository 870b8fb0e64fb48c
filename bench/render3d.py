"""CPU seconds per 3D, CAD and report product, at full size, for each sample model.

Run from the repository root: `python bench/render3d.py` (add `--no-video` to skip the slowest
product, `--video-scale 0.5` for a quicker look at the video). Prints one line per sample scan
shipped with Planroom, imported the way an order imports it.

`--video-vs-x264` times the full 600-frame 1080p video (wall clock) next to x264 alone encoding
the very same frames with the same settings, and their ratio (goal: at most 3). `--order` runs a
whole plus_3d order with the 3D video (`planroom demo` in a fresh data dir) and prints its wall
time (goal: 30 s) and peak RSS (goal: 500 MB). `--gil-wait` shows how late another thread of
the process wakes while the video renders (the API's threads share a process with the embedded
workers). `--side-by-side` makes two plus_3d orders at once in one process and prints when each
is done and the process's peak RSS. `--sample all` runs the chosen ones for every sample.
`PLANROOM_RENDERER_3D=numpy|gl` picks the renderer.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import numpy as np
from numpy.typing import NDArray

from planroom.floormodel.intake import read_scan_upload
from planroom.floormodel.samples import SAMPLE_NAMES, sample_scan_bytes
from planroom.floormodel.schema import FloorModel
from planroom.render.context import Address, Branding, RenderContext, RenderedFile
from planroom.render.products import video_3d as video
from planroom.render.products.cad_files import render_cad_files
from planroom.render.products.home_report import render_home_report
from planroom.render.products.snapshot import render_snapshot
from planroom.render.products.video_3d import render_video_3d
from planroom.render.styles import BUILTIN_TEMPLATES
from planroom.render.three_d import mp4
from planroom.render.three_d.frames import FrameRenderer
from planroom.render.three_d.glb import render_glb
from planroom.render.three_d.scene import levels_to_draw
from planroom.render.three_d.views import render_level_images


def context(model: FloorModel, video_scale: float) -> RenderContext:
    return RenderContext(
        order_id="bench",
        model=model,
        model_version=1,
        address=Address(street="1 Bench Street", city="Springfield", country="United States"),
        style=BUILTIN_TEMPLATES["classic"].options,
        measurement_system="imperial",
        branding=Branding(company_name="Bench"),
        file_stem="1-bench-street",
        image_long_side_px=3000,
        video_scale=video_scale,
        include_gla=True,
    )


def _dollhouse_set(ctx: RenderContext) -> list[bytes]:
    return render_level_images(ctx.model, levels_to_draw(ctx.model, ctx.include_basement))


def _glb(ctx: RenderContext) -> bytes:
    return render_glb(ctx)


Product = tuple[str, Callable[[RenderContext], bytes | list[bytes] | list[RenderedFile]]]


def products(with_video: bool) -> list[Product]:
    chosen: list[Product] = [
        ("glb", _glb),
        ("dollhouse", _dollhouse_set),
        ("cad", render_cad_files),
        ("home report", render_home_report),
        ("snapshot", render_snapshot),
    ]
    if with_video:
        chosen.insert(2, ("video", render_video_3d))
    return chosen


def _encode_alone(frames: Path, width: int, height: int, count: int) -> tuple[float, float]:
    """Wall and CPU seconds for x264 alone on the YUV frames stored in `frames`, with the
    video's stream, opened as `video_3d.encode_video` opens it."""
    encoding = mp4.Encoding(width=width, height=height, fps=video.FPS, options=video.STREAM_OPTIONS)
    with tempfile.TemporaryDirectory() as folder:
        container, stream = mp4.open_stream(Path(folder) / "alone.mp4", encoding)
        # From the page cache: a copy per frame costs well under a percent of its encoding.
        planes = np.memmap(frames, dtype=np.uint8, mode="r", shape=(count, height * 3 // 2, width))
        start, cpu = time.perf_counter(), time.process_time()
        for index in range(count):
            for packet in stream.encode(mp4.video_frame(np.array(planes[index]))):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
        container.close()
        return time.perf_counter() - start, time.process_time() - cpu


class _Recorder:
    """A frame renderer that also writes each YUV frame it hands out to a file."""

    def __init__(self, inner: FrameRenderer, store: IO[bytes]) -> None:
        self.inner, self.store, self.name = inner, store, inner.name

    def render(self, *args: Any) -> Any:
        return self.inner.render(*args)

    def video_frame(self, *args: Any) -> NDArray[np.uint8]:
        planes = self.inner.video_frame(*args)
        self.store.write(planes.tobytes())
        return planes


def video_vs_x264(sample: str) -> None:
    """The whole 1080p video against x264 alone on the same 600 frames.

    The video is timed as the product renders it; its frames are then drawn once more, untimed,
    into a file for x264 alone (writing 1.8 GB while timing slowed the video by up to a third)."""
    model = read_scan_upload(sample_scan_bytes(sample)).model
    ctx = context(model, 1.0)
    plan = video.plan_video(ctx.video_layout, ctx.video_speed, 1.0)
    chosen = getattr(video, "open_frames")  # noqa: B009 - put back after the run
    with chosen() as frames:
        renderer = frames.name
    start, cpu = time.perf_counter(), time.process_time()
    render_video_3d(ctx)
    whole, whole_cpu = time.perf_counter() - start, time.process_time() - cpu
    with tempfile.NamedTemporaryFile(suffix=".yuv") as store:

        @contextmanager
        def recording() -> Iterator[Any]:
            with chosen() as frames:
                yield _Recorder(frames, store)

        setattr(video, "open_frames", recording)  # noqa: B010
        try:
            render_video_3d(ctx)
        finally:
            setattr(video, "open_frames", chosen)  # noqa: B010
        store.flush()
        alone, alone_cpu = _encode_alone(Path(store.name), plan.width, plan.height, plan.frames)
    print(
        f"video {plan.width}x{plan.height}, {plan.frames} frames, {sample}, renderer {renderer}\n"
        f"  whole video  {whole:7.1f} s wall {whole_cpu:7.1f} s CPU\n"
        f"  x264 alone   {alone:7.1f} s wall {alone_cpu:7.1f} s CPU  (the same frames)\n"
        f"  ratio        {whole / alone:7.2f} wall   {whole_cpu / alone_cpu:7.2f} CPU  (goal <= 3)"
    )


_MEASURED_RUN = """
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as out:
    json.dump({"code": os.waitstatus_to_exitcode(status), "wall": time.perf_counter() - start,
               "cpu": usage.ru_utime + usage.ru_stime, "peak_kb": usage.ru_maxrss}, out)
"""
"""Runs a command and writes its wall time, CPU and peak RSS. A process started straight from
this one would report this one's peak instead of its own when that is higher (a forked child
starts out with its parent's high-water mark), as it is after `--video-vs-x264`."""


def _measured(command: list[str], what: str) -> tuple[dict[str, Any], str]:
    """Run `command` in a fresh data dir (SQLite, local files) under `_MEASURED_RUN`: its wall
    time, CPU and peak RSS, and the last line it printed."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PLANROOM_DATA_DIR": folder}
        for name in ("PLANROOM_DATABASE_URL", "PLANROOM_QUEUE_URL", "PLANROOM_STORAGE_URL"):
            env.pop(name, None)
        report = Path(folder) / "usage.json"
        launcher = [sys.executable, "-c", _MEASURED_RUN, str(report)]
        run = subprocess.run([*launcher, *command], env=env, capture_output=True, check=False)
        usage = json.loads(report.read_text()) if report.exists() else {"code": run.returncode}
    if usage["code"] != 0:
        raise SystemExit(f"{what} failed ({usage['code']}): {run.stderr.decode()[-2000:]}")
    return usage, run.stdout.decode().strip().splitlines()[-1]


def plus_3d_order(sample: str) -> None:
    """A whole plus_3d order with the 3D video, run by `planroom demo` in its own process."""
    usage, last = _measured(
        [
            *(str(Path(sys.executable).parent / "planroom"), "demo", "--json", "--sample", sample),
            *("--package", "plus_3d", "--add-ons", "gla,3d_cad_files,3d_video"),
        ],
        "demo",
    )
    result = json.loads(last)
    print(
        f"plus_3d order with the 3D video, {sample}: status {result['status']}, "
        f"{usage['wall']:.1f} s wall (goal <= 30), {usage['cpu']:.1f} s CPU, "
        f"peak RSS {usage['peak_kb'] / 1024:.0f} MB (goal <= 500)"
    )


_ORDERS_SIDE_BY_SIDE = """
import json, sys, time
import planroom.tasks
from planroom.demo import create_demo_order, demo_company, order_step
from planroom.jobs.consumer import embedded_consumer
from planroom.migrations.run import upgrade
from planroom.runtime import Runtime
from planroom.settings import Settings
runtime = Runtime.from_settings(Settings())
upgrade(runtime.engine)
company, _ = demo_company(runtime)
started = time.monotonic()
add_ons = ["gla", "3d_cad_files", "3d_video"]
ids = [create_demo_order(runtime, company.id, sample=sample, package="plus_3d", add_ons=add_ons)
       for sample in sys.argv[1:]]
done = {}
with embedded_consumer(runtime, runtime.settings.embedded_workers):
    while len(done) < len(ids):
        for order_id in ids:
            step = order_step(runtime, order_id)
            if order_id not in done and step.state in ("done", "failed"):
                done[order_id] = {"state": step.state, "seconds": time.monotonic() - started}
        time.sleep(0.05)
print(json.dumps([done[order_id] for order_id in ids]))
"""
"""Orders made at once in one process, run by its embedded workers, as `planroom serve` runs
them; prints when each was done."""


def orders_side_by_side(samples: list[str]) -> None:
    """plus_3d orders with the video made at the same moment in one process: when each is
    done, and the process's peak RSS (one 3D drawing at a time keeps it one order's)."""
    usage, last = _measured([sys.executable, "-c", _ORDERS_SIDE_BY_SIDE, *samples], "orders")
    results = json.loads(last)
    print(f"{len(samples)} plus_3d orders with the 3D video made at once in one process")
    for sample, result in zip(samples, results, strict=True):
        print(f"  {sample:<22} {result['state']:<6} after {result['seconds']:6.1f} s")
    print(
        f"  all done after {usage['wall']:.1f} s wall, {usage['cpu']:.1f} s CPU, "
        f"peak RSS {usage['peak_kb'] / 1024:.0f} MB (one order alone: goal <= 500)"
    )


def _sleep_overruns(until: Callable[[], bool]) -> NDArray[np.float64]:
    """How much later than asked a 1 ms sleep wakes, in ms, sleep after sleep until `until()`:
    a thread waiting for the GIL wakes late by as long as another thread holds it."""
    late = []
    while not until():
        start = time.perf_counter()
        time.sleep(0.001)
        late.append((time.perf_counter() - start - 0.001) * 1000.0)
    return np.array(late)


def gil_wait(sample: str) -> None:
    """How long another Python thread of the process (the API's, in `planroom serve`) waits
    while the 1080p video renders, next to the same thread in an idle process."""
    ctx = context(read_scan_upload(sample_scan_bytes(sample)).model, 1.0)
    started = time.perf_counter()
    idle = _sleep_overruns(lambda: time.perf_counter() - started > 3.0)
    done: list[bool] = []
    worker = threading.Thread(target=lambda: (render_video_3d(ctx), done.append(True)))
    worker.start()
    busy = _sleep_overruns(lambda: bool(done))
    worker.join()
    print(f"a 1 ms sleep's overrun in another thread, {sample} video (ms)")
    for label, late in (("idle process", idle), ("video rendering", busy)):
        print(
            f"  {label:<16} median {np.median(late):6.2f}  p99 {np.percentile(late, 99):6.2f}"
            f"  max {late.max():6.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-video", action="store_true", help="skip the 3D video")
    parser.add_argument("--video-scale", type=float, default=1.0, help="video size and length")
    parser.add_argument("--video-vs-x264", action="store_true", help="only the video vs x264")
    parser.add_argument("--order", action="store_true", help="only a whole plus_3d order")
    parser.add_argument("--gil-wait", action="store_true", help="only the GIL beside the video")
    parser.add_argument("--side-by-side", action="store_true", help="only two orders at once")
    parser.add_argument("--sample", default="apartment", help="sample for the last four, or all")
    args = parser.parse_args()
    if args.side_by_side:
        orders_side_by_side(["apartment", "house_garage_porch"])
        return
    if args.video_vs_x264 or args.order or args.gil_wait:
        for sample in SAMPLE_NAMES if args.sample == "all" else (args.sample,):
            if args.video_vs_x264:
                video_vs_x264(sample)
            if args.order:
                plus_3d_order(sample)
            if args.gil_wait:
                gil_wait(sample)
        return
    chosen = products(not args.no_video)
    names = [name for name, _ in chosen]
    print(f"{'model':<22}{'levels':>7}" + "".join(f"{name:>13}" for name in names))
    for sample in SAMPLE_NAMES:
        model = read_scan_upload(sample_scan_bytes(sample)).model
        ctx = context(model, args.video_scale)
        timings = []
        for _, render in chosen:
            start = time.process_time()
            render(ctx)
            timings.append(time.process_time() - start)
        print(
            f"{sample:<22}{len(model.levels):>7}"
            + "".join(f"{seconds:>12.2f}s" for seconds in timings)
        )


if __name__ == "__main__":
    main()
