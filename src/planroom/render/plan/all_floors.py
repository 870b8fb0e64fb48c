"""The all-floors sheet: every level of the model on one page, at one scale.

Levels go in level order (lowest first), in reading order across a grid of one row, one column,
or two columns, whichever prints at the largest scale; each carries its name and area under it.
Gaps, dimension margins and captions are paper sizes, so the whole arrangement is a function of
the scale, as `print_layout` needs.
"""

from __future__ import annotations

import math
from dataclasses import replace

from planroom.floormodel.figures import ModelFigures
from planroom.render.context import RenderContext
from planroom.render.draw.scene import Box, Circle, Group, Image, Primitive, Scene, Shape, Text
from planroom.render.i18n import disclaimer, fixed
from planroom.render.measure_text import reported_area_text
from planroom.render.plan.annotate import address_lines, figure_lines, north_in_plan
from planroom.render.plan.builder import plan_bounds, plan_layers, plan_margin
from planroom.render.plan.print_layout import Extent
from planroom.render.plan.style import sizes_for_sheet
from planroom.render.plan.svg import plan_options
from planroom.render.plan.title_block import TitleInfo
from planroom.render.report.i18n import report_text

CAPTION_LINES = 2.9
"""Height of a level's caption (name and area) in room-name heights."""


def _moved(item: Primitive, dx: float, dy: float) -> Primitive:
    if isinstance(item, Shape):
        rings = tuple(tuple((x + dx, y + dy) for x, y in ring) for ring in item.rings)
        return replace(item, rings=rings)
    if isinstance(item, Circle):
        return replace(item, centre=(item.centre[0] + dx, item.centre[1] + dy))
    if isinstance(item, Text | Image):
        return replace(item, pos=(item.pos[0] + dx, item.pos[1] + dy))
    return item


def _cells(
    sizes: list[tuple[float, float]], columns: int
) -> tuple[float, float, list[tuple[float, float, float, float]]]:
    """Total width and height of a grid of blocks, and each block's cell (x0, y0, x1, y1)."""
    rows = math.ceil(len(sizes) / columns)
    widths = [
        max((w for i, (w, _) in enumerate(sizes) if i % columns == c), default=0.0)
        for c in range(columns)
    ]
    heights = [
        max((h for i, (_, h) in enumerate(sizes) if i // columns == r), default=0.0)
        for r in range(rows)
    ]
    total_w, total_h = sum(widths), sum(heights)
    cells = []
    for index in range(len(sizes)):
        column, row = index % columns, index // columns
        x0 = sum(widths[:column])
        top = total_h - sum(heights[:row])
        cells.append((x0, top - heights[row], x0 + widths[column], top))
    return total_w, total_h, cells


def _blocks(ctx: RenderContext, d: float) -> list[tuple[float, float]]:
    """Each level's block at 1:d: its drawing, dimension margins and caption."""
    sizes = sizes_for_sheet(1.0, ctx.style.font_scale)
    margin, caption = plan_margin(sizes), sizes.text * CAPTION_LINES
    blocks = []
    for level in ctx.model.levels_in_order():
        bounds = plan_bounds(ctx.model, level.id)
        blocks.append((bounds.width + 2 * margin * d, bounds.height + (2 * margin + caption) * d))
    return blocks


def overview_extents(ctx: RenderContext) -> list[tuple[Extent, int]]:
    """Each arrangement's extent as a function of the scale, with its number of columns: one row,
    one column, and two columns when there are three levels or more."""
    count = len(ctx.model.levels)

    def extent_for(columns: int) -> Extent:
        def extent(d: float) -> tuple[float, float]:
            width, height, _ = _cells(_blocks(ctx, d), columns)
            return width, height

        return extent

    return [(extent_for(c), c) for c in sorted({count, 1, *((2,) if count >= 3 else ())})]


def overview_title(ctx: RenderContext, figures: ModelFigures) -> TitleInfo:
    """The all-floors title: the all-levels figures, with below-grade totals when any."""
    style = ctx.style
    language = style.language
    units = plan_options(ctx, dimensions=False).units
    name = fixed(language, style.area_figure)
    lines = [f"{name}: {reported_area_text(figures, style.area_figure, None, units, language)}"]
    if any(level.grade == "below" for level in ctx.model.levels):
        for key, text in (
            ("below_grade_finished", "below_finished"),
            ("below_grade_unfinished", "below_unfinished"),
        ):
            value = reported_area_text(figures, key, None, units, language)  # type: ignore[arg-type]
            lines.append(f"{report_text(language, text)}: {value}")
    heading = fixed(language, "all_levels")
    return TitleInfo(
        heading=heading[:1].upper() + heading[1:],
        figures=tuple(lines),
        address=address_lines(ctx),
        disclaimer=disclaimer(style.disclaimer, language),
        method=figures.method(style.area_figure),
        north_deg=north_in_plan(ctx),
        scale_bar=style.show_scale_bar,
        imperial_bar=units != "metric",
        north_letter=fixed(language, "north"),
    )


def overview_scene(
    ctx: RenderContext, columns: int, d: float, *, dimensions: bool, figures: ModelFigures
) -> tuple[Scene, TitleInfo]:
    """Every level's layers moved into its cell, with its caption; and the sheet's title."""
    model = ctx.model
    sizes = sizes_for_sheet(d, ctx.style.font_scale)
    options = plan_options(ctx, dimensions=dimensions)
    caption = sizes.text * CAPTION_LINES
    width, height, cells = _cells(_blocks(ctx, d), columns)
    groups: dict[str, Group] = {}
    captions = Group("captions")
    for level, (x0, y0, x1, y1) in zip(model.levels_in_order(), cells, strict=True):
        bounds = plan_bounds(model, level.id)
        centre_x, centre_y = (x0 + x1) / 2, (y0 + caption + y1) / 2
        dx = centre_x - (bounds.min_x + bounds.max_x) / 2
        dy = centre_y - (bounds.min_y + bounds.max_y) / 2
        for layer in plan_layers(model, level.id, sizes, options):
            group = groups.setdefault(layer.id, Group(layer.id))
            group.add(*(_moved(item, dx, dy) for item in layer.items))
        area = figure_lines(ctx, level, figures, options.units)[:1]
        lines = [
            (level.name, sizes.text * 1.1, True),
            *((a, sizes.text * 0.9, False) for a in area),
        ]
        y = y0 + caption - sizes.text * 0.9
        for text, size, bold in lines:
            captions.add(
                Text(pos=(centre_x, y), text=text, size=size, fill=options.palette.text, bold=bold)
            )
            y -= size * 1.35
    scene = Scene(
        frame=Box(0.0, 0.0, width, height),
        background=options.palette.background,
        groups=[*groups.values(), captions],
    )
    return scene, overview_title(ctx, figures)
