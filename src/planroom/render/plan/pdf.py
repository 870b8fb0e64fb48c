"""The listing plan as a vector PDF: one page per level, at a true scale when the plan fits.

Scales are tried from the largest down (1:50, 1:100, 1:200 for metric companies; 1/4" and 1/8"
= 1'-0" for imperial ones); a plan too big for the page at the smallest is fitted and marked
"not to scale". The page is A4 or Letter (`ctx.paper`), turned to suit the plan's shape.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.pdfgen.canvas import Canvas

from planroom.floormodel.figures import ModelFigures, model_figures
from planroom.render.context import RenderContext
from planroom.render.draw.pdf import POINTS_PER_MM, Placement, draw_scene
from planroom.render.draw.scene import Box, Scene
from planroom.render.i18n import fixed
from planroom.render.plan.annotate import logo_placement, title_info
from planroom.render.plan.builder import plan_bounds, plan_layers, plan_margin
from planroom.render.plan.style import sizes_for_print
from planroom.render.plan.svg import plan_options
from planroom.render.plan.title_block import title_block

PAGE_MARGIN_MM = 12.0
TITLE_BAND_MM = 24.0
METRIC_SCALES: tuple[tuple[float, str], ...] = ((50.0, "1:50"), (100.0, "1:100"), (200.0, "1:200"))
IMPERIAL_SCALES: tuple[tuple[float, str], ...] = ((48.0, '1/4" = 1\'-0"'), (96.0, '1/8" = 1\'-0"'))


@dataclass(frozen=True)
class PrintScale:
    denominator: float
    label: str
    """`1:100`, `1/4" = 1'-0"`, or the style language's "not to scale"."""
    true_scale: bool


def choose_scale(
    content: Box, area_w_mm: float, area_h_mm: float, imperial: bool, not_to_scale: str
) -> PrintScale:
    """The largest standard scale at which the plan and its dimension chains fit the area."""
    candidates = IMPERIAL_SCALES if imperial else METRIC_SCALES
    for denominator, label in candidates:
        margin = plan_margin(sizes_for_print(denominator, 1.0))
        if (content.width + 2 * margin) / denominator <= area_w_mm and (
            content.height + 2 * margin
        ) / denominator <= area_h_mm:
            return PrintScale(denominator, label, True)
    # Margins grow with the denominator: solve (extent + 2 * m * d) / d <= area for d.
    per_unit = plan_margin(sizes_for_print(1.0, 1.0))
    needed = max(
        content.width / max(area_w_mm - 2 * per_unit, 1.0),
        content.height / max(area_h_mm - 2 * per_unit, 1.0),
    )
    return PrintScale(needed * 1.01, not_to_scale, False)


def _page_size(ctx: RenderContext, content: Box) -> tuple[float, float]:
    base = A4 if ctx.paper == "a4" else LETTER
    turned = landscape(base) if content.width > content.height else portrait(base)
    return float(turned[0]), float(turned[1])


def level_page_scene(
    ctx: RenderContext,
    level_id: str,
    *,
    dimensions: bool,
    figures: ModelFigures,
    page_mm: tuple[float, float],
) -> tuple[Scene, PrintScale]:
    """One level laid out on the printable area of a page, in plan millimetres."""
    model = ctx.model
    level = model.level(level_id)
    area_w = page_mm[0] - 2 * PAGE_MARGIN_MM
    area_h = page_mm[1] - 2 * PAGE_MARGIN_MM
    plan_h = area_h - TITLE_BAND_MM
    bounds = plan_bounds(model, level_id)
    options = plan_options(ctx, dimensions=dimensions)
    scale = choose_scale(
        bounds, area_w, plan_h, options.units != "metric", fixed(ctx.style.language, "not_to_scale")
    )
    d = scale.denominator
    sizes = sizes_for_print(d, ctx.style.font_scale)
    layers = plan_layers(model, level_id, sizes, options)
    centre_x = (bounds.min_x + bounds.max_x) / 2
    centre_y = (bounds.min_y + bounds.max_y) / 2
    band_top = centre_y - plan_h * d / 2
    frame = Box(
        centre_x - area_w * d / 2,
        band_top - TITLE_BAND_MM * d,
        centre_x + area_w * d / 2,
        centre_y + plan_h * d / 2,
    )
    info = title_info(ctx, level, figures, options.units)
    scale_line = (
        f"{fixed(ctx.style.language, 'scale')} {scale.label}" if scale.true_scale else scale.label
    )
    info = replace(info, address=(*info.address, scale_line))
    band = Box(frame.min_x, frame.min_y, frame.max_x, band_top)
    annotations = title_block(band, info, options.palette, sizes, logo_placement(ctx, d))
    return Scene(
        frame=frame, background=options.palette.background, groups=[*layers, annotations]
    ), scale


def render_plan_pdf(
    ctx: RenderContext, *, dimensions: bool, figures: ModelFigures | None = None
) -> bytes:
    """The listing plan PDF: one page per level in level order."""
    figures = figures or model_figures(ctx.model)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, pageCompression=1)
    canvas.setTitle(f"Floor plan - {ctx.address.street}")
    canvas.setAuthor(ctx.branding.company_name)
    canvas.setCreator("Planroom")
    for level in ctx.model.levels_in_order():
        content = plan_bounds(ctx.model, level.id)
        width_pt, height_pt = _page_size(ctx, content)
        canvas.setPageSize((width_pt, height_pt))
        page_mm = (width_pt / POINTS_PER_MM, height_pt / POINTS_PER_MM)
        scene, scale = level_page_scene(
            ctx, level.id, dimensions=dimensions, figures=figures, page_mm=page_mm
        )
        factor = POINTS_PER_MM / scale.denominator
        draw_scene(
            canvas,
            scene,
            Placement(PAGE_MARGIN_MM * POINTS_PER_MM, PAGE_MARGIN_MM * POINTS_PER_MM, factor),
        )
        canvas.showPage()
    canvas.save()
    return out.getvalue()
