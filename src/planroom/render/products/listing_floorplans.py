"""The `listing_floorplans` product: every level as SVG, PNG and JPG, one PDF, and a zip of all.

Each file exists twice: without dimension lines (slots `jpg_urls`, `png_urls`, ...) and with them
(the same slots suffixed `_dim`). Names follow the original's pattern, `0_<address slug>_<floor>`,
so a customer's scripts that sort or match on them keep working.
"""

from __future__ import annotations

from planroom.floormodel.figures import model_figures
from planroom.render.context import RenderContext, RenderedFile
from planroom.render.draw.archive import zip_files
from planroom.render.draw.raster_lanes import start_rasterizing
from planroom.render.plan.pdf import render_plan_pdf
from planroom.render.plan.svg import render_level_svg
from planroom.render.products.base import Product, ProductOutput

JPG_QUALITY = 90


def _suffix(dimensions: bool) -> str:
    return "_dim" if dimensions else ""


def render_listing_floorplans(ctx: RenderContext) -> list[RenderedFile]:
    """Every file of the 2D floor plan product, in slot order, levels in level order."""
    figures = model_figures(ctx.model)
    stem = ctx.file_stem
    background = ctx.style.colors.background
    files: list[RenderedFile] = []
    levels = ctx.model.levels_in_order()
    variants = (False, True)
    drawn = {
        dimensions: [
            render_level_svg(ctx, level.id, dimensions=dimensions, figures=figures)
            for level in levels
        ]
        for dimensions in variants
    }
    # every image of both variants drawn side by side while the PDFs are made here
    waiting = start_rasterizing(
        [svg for dimensions in variants for svg in drawn[dimensions]],
        ctx.image_long_side_px,
        jpg_quality=JPG_QUALITY,
        background=background,
    )
    pdfs = {
        dimensions: render_plan_pdf(ctx, dimensions=dimensions, figures=figures)
        for dimensions in variants
    }
    rasters = iter(waiting())
    for dimensions in variants:
        suffix = _suffix(dimensions)
        svgs: list[RenderedFile] = []
        pngs: list[RenderedFile] = []
        jpgs: list[RenderedFile] = []
        for level, svg in zip(levels, drawn[dimensions], strict=True):
            png, jpg = next(rasters)
            base = f"0_{stem}_{level.index}{suffix}"
            svgs.append(
                RenderedFile(
                    f"svg_urls{suffix}", f"{base}.svg", "image/svg+xml", svg.encode("utf-8")
                )
            )
            pngs.append(RenderedFile(f"png_urls{suffix}", f"{base}.png", "image/png", png))
            jpgs.append(RenderedFile(f"jpg_urls{suffix}", f"{base}.jpg", "image/jpeg", jpg))
        pdf_name = f"{stem}-merged{'-dim' if dimensions else ''}.pdf"
        pdf = RenderedFile(f"pdf_urls{suffix}", pdf_name, "application/pdf", pdfs[dimensions])
        bundle = [*jpgs, *pngs, *svgs, pdf]
        archive = RenderedFile(
            f"zip_urls{suffix}",
            f"{stem}-floorplans{'-dim' if dimensions else ''}.zip",
            "application/zip",
            zip_files(bundle),
        )
        files.extend([*bundle, archive])
    return files


def _render(ctx: RenderContext) -> ProductOutput:
    return PRODUCT.output(render_listing_floorplans(ctx))


PRODUCT = Product(
    key="listing_floorplans",
    group="products_2d",
    slots={
        f"{kind}_urls{suffix}": []
        for suffix in ("", "_dim")
        for kind in ("jpg", "png", "svg", "pdf", "zip")
    },
    render=_render,
    packages=("base", "plus", "plus_3d"),
    styled=True,
    pdf_slots=("pdf_urls_dim",),
)
