"""Renders the example images under `docs/images/` from the shipped sample scans.

Run from the repository root after a change to the renderers: `python docs/make_images.py`
(`plans` or `reports` renders only those). Images are small palette PNGs so they can live in the
repository. The Home Report's cover is its first PDF page rasterised by poppler's `pdftoppm`.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import av
from PIL import Image

from planroom.floormodel.figures import model_figures
from planroom.floormodel.generator.realistic import generate_realistic
from planroom.floormodel.intake import read_scan_upload
from planroom.floormodel.samples import SAMPLE_NAMES, load_sample_model
from planroom.floormodel.schema import FloorModel
from planroom.render.context import Address, Branding, RenderContext
from planroom.render.draw.raster import svg_to_png
from planroom.render.plan.svg import render_level_svg
from planroom.render.products.gla_package import gla_plan_png
from planroom.render.products.home_report import home_report_pdf
from planroom.render.products.snapshot import render_snapshot
from planroom.render.products.video_3d import encode_video
from planroom.render.styles import BUILTIN_TEMPLATES
from planroom.render.three_d.scene import levels_to_draw
from planroom.render.three_d.views import render_level_images

OUT = Path(__file__).parent / "images"
LONG_SIDE_PX = 900
# realistic captures (walls left out, floors overlapping, a room left out of the structure)
# imported as an upload would be
CAPTURES = (("structure", 5), ("sequential", 17))
# the level shown per sample: the two-storey house shows its ground floor
LEVEL_INDEX = {"apartment": 0, "house_garage_porch": 0, "two_storey_basement": 0}


def small_png(png: bytes, method: Image.Quantize = Image.Quantize.FASTOCTREE) -> bytes:
    image = (
        Image.open(io.BytesIO(png))
        .convert("RGB")
        .quantize(colors=256, method=method, dither=Image.Dither.NONE)
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def context(sample: str, style: str) -> RenderContext:
    return model_context(load_sample_model(sample), style)


def model_context(model: FloorModel, style: str) -> RenderContext:
    return RenderContext(
        order_id="docs",
        model=model,
        model_version=1,
        address=Address(
            street="121 North Washington Avenue",
            city="Minneapolis",
            country="United States",
            full_address="121 North Washington Avenue, Minneapolis, Minnesota 55411",
        ),
        style=BUILTIN_TEMPLATES[style].options,
        measurement_system="imperial",
        branding=Branding(company_name="Planroom"),
    )


REPORT_SAMPLE = "two_storey_basement"
COVER_DPI = 72
"""The cover at 72 dpi: one pixel per point, a Letter page 612 x 792."""


def pdf_page_png(pdf: bytes, page: int, dpi: int) -> bytes:
    """One page of `pdf` as a PNG (poppler's pdftoppm)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
             str(source), str(Path(folder) / "page")],
            check=True,
        )  # fmt: skip
        return (Path(folder) / "page.png").read_bytes()


def reports() -> None:
    """The Snapshot's image and the Home Report's cover, for the two-storey sample."""
    OUT.mkdir(parents=True, exist_ok=True)
    ctx = context(REPORT_SAMPLE, "classic")
    snapshot = next(f for f in render_snapshot(ctx) if f.content_type == "image/png")
    path = OUT / "snapshot-two-storey.png"
    image = Image.open(io.BytesIO(snapshot.data))
    image.thumbnail((LONG_SIDE_PX, LONG_SIDE_PX))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    # median cut keeps the tiles' pale panels apart from the white page
    path.write_bytes(small_png(buffer.getvalue(), Image.Quantize.MEDIANCUT))
    print(f"{path} {path.stat().st_size // 1024} KB")
    path = OUT / "home-report-cover.png"
    cover = pdf_page_png(home_report_pdf(ctx), 1, COVER_DPI)
    path.write_bytes(small_png(cover, Image.Quantize.MEDIANCUT))
    print(f"{path} {path.stat().st_size // 1024} KB")


def three_d() -> None:
    """The house's dollhouse image and a frame of its video, as the customer gets them."""
    OUT.mkdir(parents=True, exist_ok=True)
    ctx = replace(context("house_garage_porch", "classic"), video_scale=0.5)
    level = levels_to_draw(ctx.model, ctx.include_basement)[0]
    still = render_level_images(ctx.model, [level], width=1200, furniture=True)[0]
    path = OUT / "dollhouse-house-garage-porch.jpg"
    path.write_bytes(still)
    print(f"{path} {path.stat().st_size // 1024} KB")
    with av.open(io.BytesIO(encode_video(ctx))) as container:
        # a quarter turn in: the entry side and the garage in view
        frames = list(container.decode(video=0))
        frame = frames[len(frames) // 4].to_image()
    buffer = io.BytesIO()
    frame.save(buffer, format="PNG")
    path = OUT / "video-frame-first-floor.png"
    path.write_bytes(small_png(buffer.getvalue()))
    print(f"{path} {path.stat().st_size // 1024} KB")


def main(parts: list[str]) -> None:
    if not parts or "plans" in parts:
        plans()
    if not parts or "reports" in parts:
        reports()
    if not parts or "three_d" in parts:
        three_d()


def plans() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLE_NAMES:
        for style in BUILTIN_TEMPLATES:
            ctx = context(sample, style)
            level = next(lv for lv in ctx.model.levels if lv.index == LEVEL_INDEX[sample])
            svg = render_level_svg(ctx, level.id, dimensions=True)
            path = OUT / f"plan-{style}-{sample.replace('_', '-')}.png"
            path.write_bytes(small_png(svg_to_png(svg, LONG_SIDE_PX)))
            print(f"{path} {path.stat().st_size // 1024} KB")
        ctx = context(sample, "classic")
        figures = model_figures(ctx.model)
        for gla_level in figures.gla.levels[:1]:
            path = OUT / f"gla-{sample.replace('_', '-')}.png"
            path.write_bytes(small_png(gla_plan_png(ctx, figures, gla_level, LONG_SIDE_PX)))
            print(f"{path} {path.stat().st_size // 1024} KB")

    for kind, seed in CAPTURES:
        capture = generate_realistic(kind, seed)
        ctx = model_context(read_scan_upload(capture.scan_bytes()).model, "classic")
        svg = render_level_svg(ctx, ctx.model.levels_in_order()[0].id, dimensions=True)
        path = OUT / f"capture-{kind}-{seed}.png"
        path.write_bytes(small_png(svg_to_png(svg, LONG_SIDE_PX)))
        print(f"{path} {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
