"""The listing plan as a vector PDF: an all-floors sheet, then one page per level.

Each page is laid out by `print_layout.choose_layout` (sheet, orientation and a standard scale
printed in the title block), and every text size is in paper millimetres, never under 8 pt. The
shipped font is embedded (as a subset) by reportlab.
"""

from __future__ import annotations

import io
from dataclasses import replace

from reportlab.pdfgen.canvas import Canvas

from planroom.floormodel.figures import ModelFigures, model_figures
from planroom.render.context import RenderContext
from planroom.render.draw.pdf import POINTS_PER_MM, Placement, draw_scene
from planroom.render.draw.scene import Box, Scene
from planroom.render.fonts import register_pdf_fonts
from planroom.render.i18n import fixed
from planroom.render.plan.all_floors import overview_extents, overview_scene, overview_title
from planroom.render.plan.annotate import logo_placement, title_info
from planroom.render.plan.builder import plan_bounds, plan_layers, plan_margin
from planroom.render.plan.print_layout import (
    PAGE_MARGIN_MM,
    SHEETS,
    Extent,
    SheetLayout,
    choose_layout,
)
from planroom.render.plan.style import sizes_for_sheet
from planroom.render.plan.svg import plan_options
from planroom.render.plan.title_block import (
    LogoPlacement,
    TitleInfo,
    stacked_band_height,
    title_block,
)

NOTES_SHARE = 0.45
"""The share of the narrower sheet's width the band's notes are assumed to have (logo, north
arrow and scale bar take the rest at most)."""


def print_band_mm(ctx: RenderContext, info: TitleInfo) -> float:
    """Height of the title band on paper for `info` and the scale line, its notes wrapped as on
    the narrowest sheet of the family."""
    sizes = sizes_for_sheet(1.0, ctx.style.font_scale)
    info = replace(info, address=(*info.address, "Scale"))
    narrowest = min(SHEETS.get(ctx.paper, SHEETS["a4"])[0][1]) / POINTS_PER_MM
    notes_width = (narrowest - 2 * PAGE_MARGIN_MM) * NOTES_SHARE
    return stacked_band_height(info, sizes, notes_width)


def scale_line(ctx: RenderContext, layout: SheetLayout) -> str:
    """What the sheet says about its scale: `Scale 1/4" = 1'-0" (Tabloid)` or "not to scale"."""
    scale = layout.scale
    if not scale.true_scale:
        return f"{scale.label} ({layout.sheet})"
    return f"{fixed(ctx.style.language, 'scale')} {scale.label} ({layout.sheet})"


def level_extent(ctx: RenderContext, level_id: str) -> Extent:
    """The level's drawing with its dimension margins, at each scale."""
    bounds = plan_bounds(ctx.model, level_id)
    margin = plan_margin(sizes_for_sheet(1.0, ctx.style.font_scale))
    return lambda d: (bounds.width + 2 * margin * d, bounds.height + 2 * margin * d)


def layout_for(ctx: RenderContext, extent: Extent, band_mm: float) -> SheetLayout:
    return choose_layout(
        extent,
        ctx.paper,
        imperial=plan_options(ctx, dimensions=False).units != "metric",
        band_mm=band_mm,
        not_to_scale=fixed(ctx.style.language, "not_to_scale"),
    )


def page_frame(centre: tuple[float, float], layout: SheetLayout, band_mm: float) -> Box:
    """The printable area of the page in plan millimetres, the drawing centred above the band."""
    d = layout.scale.denominator
    area_w = layout.page_mm[0] - 2 * PAGE_MARGIN_MM
    plan_h = layout.page_mm[1] - 2 * PAGE_MARGIN_MM - band_mm
    return Box(
        centre[0] - area_w * d / 2,
        centre[1] - plan_h * d / 2 - band_mm * d,
        centre[0] + area_w * d / 2,
        centre[1] + plan_h * d / 2,
    )


def print_logo(ctx: RenderContext, d: float) -> LogoPlacement | None:
    """The logo on a printed sheet: in the title band, on the side the style puts it (above the
    plan it could cover the drawing of a plan that fills the sheet)."""
    logo = logo_placement(ctx, d)
    if logo is None or logo.position.startswith("bottom"):
        return logo
    return replace(logo, position=logo.position.replace("top", "bottom"))


def sheet_annotations(
    ctx: RenderContext, frame: Box, band_mm: float, layout: SheetLayout, info: TitleInfo
) -> Scene:
    """An empty scene over `frame` with the title band (scale line added) at its foot."""
    d = layout.scale.denominator
    sizes = sizes_for_sheet(d, ctx.style.font_scale)
    info = replace(info, address=(*info.address, scale_line(ctx, layout)))
    band = Box(frame.min_x, frame.min_y, frame.max_x, frame.min_y + band_mm * d)
    palette = plan_options(ctx, dimensions=False).palette
    annotations = title_block(band, info, palette, sizes, print_logo(ctx, d), notes_across=True)
    return Scene(frame=frame, background=palette.background, groups=[annotations])


def level_page_scene(
    ctx: RenderContext, level_id: str, *, dimensions: bool, figures: ModelFigures
) -> tuple[Scene, SheetLayout]:
    """One level laid out on its sheet, in plan millimetres."""
    model = ctx.model
    options = plan_options(ctx, dimensions=dimensions)
    info = title_info(ctx, model.level(level_id), figures, options.units)
    band_mm = print_band_mm(ctx, info)
    layout = layout_for(ctx, level_extent(ctx, level_id), band_mm)
    d = layout.scale.denominator
    bounds = plan_bounds(model, level_id)
    centre = ((bounds.min_x + bounds.max_x) / 2, (bounds.min_y + bounds.max_y) / 2)
    frame = page_frame(centre, layout, band_mm)
    layers = plan_layers(model, level_id, sizes_for_sheet(d, ctx.style.font_scale), options)
    sheet = sheet_annotations(ctx, frame, band_mm, layout, info)
    return replace(sheet, groups=[*layers, *sheet.groups]), layout


def all_floors_page_scene(
    ctx: RenderContext, *, dimensions: bool, figures: ModelFigures
) -> tuple[Scene, SheetLayout]:
    """Every level side by side, one above the other or in two columns, on one sheet."""
    band_mm = print_band_mm(ctx, overview_title(ctx, figures))
    # the arrangement printing largest, on the smaller sheet, in the fewest rows
    layout, columns = min(
        ((layout_for(ctx, extent, band_mm), columns) for extent, columns in overview_extents(ctx)),
        key=lambda pair: (
            not pair[0].scale.true_scale,
            pair[0].scale.denominator,
            pair[0].page_pt[0] * pair[0].page_pt[1],
            -pair[1],
        ),
    )
    drawing, _ = overview_scene(
        ctx, columns, layout.scale.denominator, dimensions=dimensions, figures=figures
    )
    centre = (
        (drawing.frame.min_x + drawing.frame.max_x) / 2,
        (drawing.frame.min_y + drawing.frame.max_y) / 2,
    )
    frame = page_frame(centre, layout, band_mm)
    sheet = sheet_annotations(ctx, frame, band_mm, layout, overview_title(ctx, figures))
    return replace(sheet, groups=[*drawing.groups, *sheet.groups]), layout


def render_plan_pdf(
    ctx: RenderContext, *, dimensions: bool, figures: ModelFigures | None = None
) -> bytes:
    """The listing plan PDF: with several levels an all-floors sheet first, then each level."""
    figures = figures or model_figures(ctx.model)
    out = io.BytesIO()
    # The canvas opens every page in its initial font: make that the shipped one, or the PDF
    # names a Helvetica it never embeds.
    regular, _ = register_pdf_fonts()
    canvas = Canvas(
        out, invariant=1, pageCompression=1, initialFontName=regular, initialFontSize=10
    )
    canvas.setTitle(f"Floor plan - {ctx.address.street}")
    canvas.setAuthor(ctx.branding.company_name)
    canvas.setCreator("Planroom")
    pages: list[tuple[Scene, SheetLayout]] = []
    if len(ctx.model.levels) > 1:
        pages.append(all_floors_page_scene(ctx, dimensions=dimensions, figures=figures))
    pages.extend(
        level_page_scene(ctx, level.id, dimensions=dimensions, figures=figures)
        for level in ctx.model.levels_in_order()
    )
    for scene, layout in pages:
        canvas.setPageSize(layout.page_pt)
        factor = POINTS_PER_MM / layout.scale.denominator
        origin = PAGE_MARGIN_MM * POINTS_PER_MM
        draw_scene(canvas, scene, Placement(origin, origin, factor))
        canvas.showPage()
    canvas.save()
    return out.getvalue()
