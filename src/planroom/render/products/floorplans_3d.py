"""The `floorplans_3d` product: a "dollhouse" view of each level, and the order's GLB model."""

from __future__ import annotations

from planroom.render.context import RenderContext, RenderedFile
from planroom.render.products.base import Product, ProductOutput
from planroom.render.three_d.glb import render_glb
from planroom.render.three_d.scene import levels_to_draw
from planroom.render.three_d.views import DEFAULT_WIDTH, render_level_images


def render_floorplans_3d(ctx: RenderContext, *, width: int = DEFAULT_WIDTH) -> list[RenderedFile]:
    """The `floorplans_3d` product: a JPEG per level (`jpg_urls`) and the GLB (`glb_urls`).

    Levels come in index order; below-grade levels only when the order includes the basement.
    """
    levels = levels_to_draw(ctx.model, ctx.include_basement)
    furniture = ctx.furniture_set != "none"
    files = [
        RenderedFile(
            slot="jpg_urls",
            name=f"0_{ctx.file_stem}_{level.index}_3d.jpg",
            content_type="image/jpeg",
            data=data,
        )
        for level, data in zip(
            levels,
            render_level_images(ctx.model, levels, width=width, furniture=furniture),
            strict=True,
        )
    ]
    files.append(
        RenderedFile(
            slot="glb_urls",
            name=f"{ctx.file_stem}-3d.glb",
            content_type="model/gltf-binary",
            data=render_glb(ctx),
        )
    )
    return files


def _render(ctx: RenderContext) -> ProductOutput:
    # the dollhouse views follow the plan image size, capped at the full 2400 px
    width = min(DEFAULT_WIDTH, ctx.image_long_side_px)
    return PRODUCT.output(render_floorplans_3d(ctx, width=width))


PRODUCT = Product(
    key="floorplans_3d",
    group="products_3d",
    slots={"jpg_urls": [], "glb_urls": []},
    render=_render,
    draws_3d=True,
    packages=("plus_3d",),
)
