"""Which renderer makes which product, and the values that come with a product's files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from planroom.render.cad import render_cad_files
from planroom.render.context import RenderContext, RenderedFile
from planroom.render.dollhouse import DEFAULT_WIDTH as DOLLHOUSE_WIDTH
from planroom.render.dollhouse import render_floorplans_3d
from planroom.render.gla import gla_formula, render_gla_package
from planroom.render.home_report import render_home_report
from planroom.render.listing import render_listing_floorplans
from planroom.render.property_data import render_property_data
from planroom.render.snapshot import render_snapshot
from planroom.render.video import render_video_3d
from planroom.tours.service import tour_links


@dataclass(frozen=True)
class ProductOutput:
    files: list[RenderedFile]
    values: dict[str, Any] = field(default_factory=dict)
    """Non-file entries of the product's `delivery_assets` object (e.g. `gla_formula_text`)."""


Renderer = Callable[[RenderContext], ProductOutput]


def _files_only(render: Callable[[RenderContext], list[RenderedFile]]) -> Renderer:
    return lambda ctx: ProductOutput(files=render(ctx))


def _gla(ctx: RenderContext) -> ProductOutput:
    return ProductOutput(
        files=render_gla_package(ctx),
        values={"gla_formula_text": gla_formula(ctx)},
    )


def _tour(ctx: RenderContext) -> ProductOutput:
    # the tour is a page served from the delivered model; delivering it publishes its links
    return ProductOutput(files=[], values=tour_links(ctx.public_url, ctx.order_id))


def _floorplans_3d(ctx: RenderContext) -> ProductOutput:
    # the dollhouse views follow the plan image size, capped at the full 2400 px
    width = min(DOLLHOUSE_WIDTH, ctx.image_long_side_px)
    return ProductOutput(files=render_floorplans_3d(ctx, width=width))


RENDERERS: dict[str, Renderer] = {
    "listing_floorplans": _files_only(render_listing_floorplans),
    "gla_package": _gla,
    "home_report": _files_only(render_home_report),
    "snapshot": _files_only(render_snapshot),
    "property_data": _files_only(render_property_data),
    "floorplans_3d": _floorplans_3d,
    "video_3d": _files_only(render_video_3d),
    "cad_files": _files_only(render_cad_files),
    "tour": _tour,
}
