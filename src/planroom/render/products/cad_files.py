"""The `cad_files` add-on: one zip of DXF drawings, one per level and one with every level,
and a README naming units, files and layers."""

from __future__ import annotations

import re

from planroom.render.cad.drawing import LAYERS, all_levels_drawing, level_drawing, units_for
from planroom.render.context import RenderContext, RenderedFile
from planroom.render.draw.archive import zip_files
from planroom.render.products.base import Product, ProductOutput


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "level"


def readme(ctx: RenderContext, names: list[tuple[str, str]]) -> str:
    """The README.txt of the zip: units, files and layers."""
    units = units_for(ctx)
    lines = [
        f"CAD drawings for {ctx.address.full_address or ctx.address.street}",
        f"Floor model version {ctx.model_version}.",
        "",
        f"UNITS: {units.name} (DXF $INSUNITS = {units.insunits}). One drawing unit is one "
        f"{units.singular}; everything is drawn at full size (1:1).",
        "Dimension text is written out in that unit, so it reads the same in every viewer.",
        "",
        "FILES",
        *(f"  {name}  {what}" for name, what in names),
        "",
        "Per-level drawings keep the plan's coordinates, so levels line up when overlaid or",
        "referenced. The all-levels drawing lays the levels out from left to right, lowest first.",
        "",
        "LAYERS (US National CAD Standard names)",
        *(f"  {layer.name:<12} {layer.description}" for layer in LAYERS),
        "",
        "Measurements are approximate and were not verified on site.",
        "",
    ]
    return "\n".join(lines)


def render_cad_files(ctx: RenderContext) -> list[RenderedFile]:
    """The `cad_files` product: one zip (`zip_urls`) of DXF drawings and a README."""
    stem = ctx.file_stem
    drawings: list[RenderedFile] = []
    described: list[tuple[str, str]] = []
    for level in ctx.model.levels_in_order():
        name = f"{stem}_{level.index}_{_slug(level.name)}.dxf"
        drawings.append(RenderedFile("dxf", name, "image/vnd.dxf", level_drawing(ctx, level)))
        described.append((name, f"{level.name}"))
    combined = f"{stem}_all-levels.dxf"
    drawings.append(RenderedFile("dxf", combined, "image/vnd.dxf", all_levels_drawing(ctx)))
    described.append((combined, "every level, side by side"))
    notes = RenderedFile("readme", "README.txt", "text/plain", readme(ctx, described).encode())
    archive = zip_files([notes, *drawings])
    return [RenderedFile("zip_urls", f"{stem}-cad.zip", "application/zip", archive)]


def _render(ctx: RenderContext) -> ProductOutput:
    return PRODUCT.output(render_cad_files(ctx))


PRODUCT = Product(
    key="cad_files",
    group="products_3d",
    slots={"zip_urls": []},
    render=_render,
    add_ons=("3d_cad_files",),
)
