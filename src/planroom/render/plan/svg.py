"""The listing floor plan of one level as SVG (the source of the PNG and JPG as well).

Groups carry the semantic ids `rooms`, `walls`, `openings`, `stairs`, `fixtures`, `labels`,
`dimensions` and `annotations`; the variant without dimensions is the same document with an empty
`dimensions` group, so both variants line up exactly.
"""

from __future__ import annotations

from planroom.floormodel.figures import ModelFigures, model_figures
from planroom.render.context import RenderContext
from planroom.render.draw.scene import Scene
from planroom.render.draw.svg import NOMINAL_LONG_SIDE_PX, render_svg
from planroom.render.plan.annotate import logo_placement, title_info
from planroom.render.plan.builder import PlanOptions, plan_bounds, plan_layers
from planroom.render.plan.labels import LabelOptions
from planroom.render.plan.sheet import compose_sheet
from planroom.render.plan.style import Sizes, palette_for, plan_units, sizes_for_image


def plan_options(ctx: RenderContext, *, dimensions: bool) -> PlanOptions:
    """The drawing options a listing plan takes from the order's style."""
    style = ctx.style
    units = plan_units(ctx)
    return PlanOptions(
        palette=palette_for(style),
        units=units,
        language=style.language,
        labels=LabelOptions(
            units=units,
            language=style.language,
            names=style.show_room_names,
            dimensions=style.show_room_dimensions,
            areas=style.show_room_areas,
        ),
        furniture=style.show_furniture,
        dimensions=dimensions,
        swing_deg=style.door_swing_angle,
    )


def image_sizes(ctx: RenderContext, level_id: str) -> Sizes:
    """Drawing sizes for an image of the level, from the extent of the plan."""
    bounds = plan_bounds(ctx.model, level_id)
    return sizes_for_image(max(bounds.width, bounds.height), ctx.style.font_scale)


def level_scene(
    ctx: RenderContext, level_id: str, *, dimensions: bool, figures: ModelFigures | None = None
) -> Scene:
    """The listing plan of a level as a scene (shared by the SVG and raster outputs)."""
    model = ctx.model
    level = model.level(level_id)
    sizes = image_sizes(ctx, level_id)
    options = plan_options(ctx, dimensions=dimensions)
    layers = plan_layers(model, level_id, sizes, options)
    bounds = plan_bounds(model, level_id)
    info = title_info(ctx, level, figures or model_figures(model), options.units)
    # The style gives the logo's width in paper millimetres; on an image take the plan's long
    # side as a 400 mm wide sheet, roughly a printed listing sheet.
    mm_per_paper_mm = max(bounds.width, bounds.height) / 400.0
    logo = logo_placement(ctx, mm_per_paper_mm)
    return compose_sheet(layers, bounds, sizes, options.palette, info, logo)


def render_level_svg(
    ctx: RenderContext, level_id: str, *, dimensions: bool, figures: ModelFigures | None = None
) -> str:
    """The SVG plan of one level, its text as glyph outlines so it needs no font to look right;
    `figures` lets a caller rendering many files compute them once."""
    scene = level_scene(ctx, level_id, dimensions=dimensions, figures=figures)
    level = ctx.model.level(level_id)
    title = f"{level.name} - {ctx.address.street}".strip(" -")
    return render_svg(scene, title=title, outline_text=True)


__all__ = ["NOMINAL_LONG_SIDE_PX", "level_scene", "plan_options", "render_level_svg"]
