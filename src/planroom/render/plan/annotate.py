"""What the title block of a level says, from the order's context and the area figures."""

from __future__ import annotations

from planroom.floormodel.figures import ModelFigures
from planroom.floormodel.schema import Level
from planroom.render.context import RenderContext
from planroom.render.i18n import disclaimer, fixed
from planroom.render.measure_text import Units, reported_area_text
from planroom.render.plan.title_block import LogoPlacement, TitleInfo
from planroom.render.report.i18n import report_text
from planroom.render.styles import LogoOptions


def address_lines(ctx: RenderContext) -> tuple[str, ...]:
    """The style's title (or the street and suite), then the city line."""
    address = ctx.address
    first = ctx.style.title or ", ".join(part for part in (address.street, address.suite) if part)
    region = " ".join(part for part in (address.state, address.postal_code) if part)
    second = ", ".join(part for part in (address.city, region) if part)
    return tuple(line for line in (first, second) if line)


def figure_lines(
    ctx: RenderContext, level: Level, figures: ModelFigures, units: Units
) -> tuple[str, ...]:
    """The level's area figure with its name, its below-grade areas, then the all-levels total.

    A below-grade level never counts toward GLA: its plan states its finished and unfinished
    area (ANSI Z765), never a bare "GLA: 0". Every number is the area engine's, rounded once.
    """
    style = ctx.style
    language = style.language
    figure = style.area_figure
    name = fixed(language, figure)
    lines: list[str] = []
    below = level.grade == "below"
    if not (below and figure == "gla"):
        lines.append(f"{name}: {reported_area_text(figures, figure, level.id, units, language)}")
    if below:
        finished = reported_area_text(figures, "below_grade_finished", level.id, units, language)
        unfinished = reported_area_text(
            figures, "below_grade_unfinished", level.id, units, language
        )
        lines.append(f"{report_text(language, 'below_finished')}: {finished}")
        lines.append(f"{report_text(language, 'below_unfinished')}: {unfinished}")
    if style.show_total_area and len(ctx.model.levels) > 1:
        total = reported_area_text(figures, figure, None, units, language)
        lines.append(f"{name} ({fixed(language, 'all_levels')}): {total}")
    return tuple(lines)


def north_in_plan(ctx: RenderContext) -> float | None:
    """North as an angle in the plan frame, when the model knows it and the style shows it.

    `north_deg` is the compass bearing of the plan's +y axis, so north lies `north_deg` degrees
    counter-clockwise from +y, i.e. at 90 + north_deg from +x.
    """
    bearing = ctx.model.property.north_deg
    if bearing is None or not ctx.style.show_compass:
        return None
    return (90.0 + bearing) % 360.0


def title_info(ctx: RenderContext, level: Level, figures: ModelFigures, units: Units) -> TitleInfo:
    language = ctx.style.language
    return TitleInfo(
        heading=level.name,
        figures=figure_lines(ctx, level, figures, units),
        address=address_lines(ctx),
        disclaimer=disclaimer(ctx.style.disclaimer, language),
        method=figures.method(ctx.style.area_figure),
        north_deg=north_in_plan(ctx),
        scale_bar=ctx.style.show_scale_bar,
        imperial_bar=units != "metric",
        north_letter=fixed(language, "north"),
    )


def logo_placement(ctx: RenderContext, mm_per_paper_mm: float) -> LogoPlacement | None:
    """The company logo whenever the branding has the image, unless the style hides it; placed
    where the style's `logo` says (by default top right, 40 mm wide).

    `mm_per_paper_mm` converts the style's maximum width (paper millimetres) to plan millimetres.
    """
    if not ctx.style.show_logo or not ctx.branding.logo_png:
        return None
    logo = ctx.style.logo or LogoOptions()
    return LogoPlacement(
        png=ctx.branding.logo_png,
        position=logo.position,
        max_width=logo.max_width_mm * mm_per_paper_mm,
    )
