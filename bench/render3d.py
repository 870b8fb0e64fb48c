"""CPU seconds per 3D, CAD and report product, at full size, for each sample model.

Run from the repository root: `python bench/render3d.py` (add `--no-video` to skip the slowest
product, `--video-scale 0.5` for a quicker look at the video). Prints one line per sample scan
shipped with Planroom, imported the way an order imports it.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from planroom.floormodel.intake import read_scan_upload
from planroom.floormodel.samples import SAMPLE_NAMES, sample_scan_bytes
from planroom.floormodel.schema import FloorModel
from planroom.render.context import Address, Branding, RenderContext, RenderedFile
from planroom.render.products.cad_files import render_cad_files
from planroom.render.products.home_report import render_home_report
from planroom.render.products.snapshot import render_snapshot
from planroom.render.products.video_3d import render_video_3d
from planroom.render.styles import BUILTIN_TEMPLATES
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-video", action="store_true", help="skip the 3D video")
    parser.add_argument("--video-scale", type=float, default=1.0, help="video size and length")
    args = parser.parse_args()
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
