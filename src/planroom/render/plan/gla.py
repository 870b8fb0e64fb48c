"""The GLA plan of one level: what counts and what does not, in the colours appraisers know.

Green is living area included in GLA, red is excluded (each with its reason), yellow is finished
living area below grade (reported, never in GLA), purple is an accessory dwelling unit. Regions
come straight from the GLA measurement, walls included as the standard attributes them, and the
walls are drawn as outlines over them so the colours show where each wall's area went.
"""

from __future__ import annotations

from dataclasses import replace

from planroom.floormodel.figures import FigureKey, ModelFigures
from planroom.floormodel.formula import measured_area
from planroom.floormodel.geometry import Region, polygons_of
from planroom.floormodel.gla import GlaLevel
from planroom.floormodel.schema import FloorModel
from planroom.floormodel.units import (
    MM_PER_FOOT,
    SQ_MM_PER_SQ_FOOT,
    SQ_MM_PER_SQ_METRE,
    format_feet_inches,
    round_half_up,
)
from planroom.render.context import RenderContext
from planroom.render.draw.scene import Group, Scene, Shape, polygon
from planroom.render.geometry import polygon_rings
from planroom.render.i18n import fixed, room_name
from planroom.render.measure_text import Units, area_text, reported_area_text
from planroom.render.plan.annotate import address_lines
from planroom.render.plan.builder import plan_bounds, plan_layers
from planroom.render.plan.chains import (
    LevelChains,
    drawn_region,
    footprint,
    level_chains,
    outline_chains,
)
from planroom.render.plan.dimensions import ChainStyle, dimension_chains
from planroom.render.plan.labels import RoomLabel, short_name
from planroom.render.plan.sheet import compose_sheet
from planroom.render.plan.style import Palette, Sizes, sizes_for_image
from planroom.render.plan.svg import plan_options
from planroom.render.plan.title_block import TitleInfo
from planroom.render.report.i18n import reason_text, report_text

INCLUDED = "#b9e0a5"
EXCLUDED = "#f2aaa3"
BELOW_GRADE = "#f6e08a"
ADU = "#cbb6ea"
GLA_PALETTE = Palette(
    background="#ffffff",
    walls="#3a3a3a",
    text="#1a1a1a",
    dimensions="#333333",
    openings="#3a3a3a",
    fixtures="#777777",
    excluded=EXCLUDED,
    room_fill={},
)
LEGEND_KEYS = (
    (INCLUDED, "included_in_gla"),
    (EXCLUDED, "excluded_from_gla"),
    (BELOW_GRADE, "below_grade_living"),
)


def legend(language: str) -> tuple[tuple[str, str], ...]:
    """The plan's colour key in `language` (ADU keeps its acronym)."""
    return (*((colour, report_text(language, key)) for colour, key in LEGEND_KEYS), (ADU, "ADU"))


LEGEND = legend("en")


def gla_length(mm: float, imperial: bool) -> str:
    """Exterior dimensions as ANSI Z765 asks: to 0.1 ft and to the inch (`13.0' (13'0")`)."""
    if imperial:
        return f"{round_half_up(mm / MM_PER_FOOT, 1)}' ({format_feet_inches(mm)})"
    return f"{round_half_up(mm / 1000.0, 2)} m"


def _regions(gla_level: GlaLevel) -> Group:
    measure = gla_level.measure
    group = Group("rooms")
    living = INCLUDED if gla_level.above_grade else BELOW_GRADE
    for region, colour, kind in ((measure.included, living, "included"), (measure.adu, ADU, "adu")):
        for rings in polygon_rings(region):
            group.add(polygon(rings, fill=colour, css_class=f"gla-{kind}"))
    for item in measure.excluded:
        for rings in polygon_rings(item.region):
            group.add(
                polygon(
                    rings,
                    fill=EXCLUDED,
                    css_class="gla-excluded",
                    data=(("reasons", "; ".join(item.reasons)),),
                )
            )
    return group


def _labels(ctx: RenderContext, gla_level: GlaLevel, units: Units) -> dict[str, RoomLabel]:
    """Included rooms say their name; excluded ones add why and how much they leave out.

    An excluded space too small for every reason keeps the first (`Excluded: porch`) before it
    drops its area; a name too long is abbreviated to whole words (BR 2, never `PORC`).
    """
    language = ctx.style.language
    labels: dict[str, RoomLabel] = {}
    for space in ctx.model.spaces_on(gla_level.level.id):
        name = room_name(space, language).upper()
        labels[space.id] = RoomLabel(
            name=name, short_name=short_name(space, language), dimensions=(), area=None
        )
    excluded = fixed(language, "excluded")
    for item in gla_level.measure.excluded:
        reasons = [reason_text(r, language) for r in item.reasons or ("not living area",)]
        for space_id in item.space_ids:
            if space_id not in labels:
                continue
            labels[space_id] = replace(
                labels[space_id],
                area=item_area_text(item.region, units, language),
                reasons=(f"{excluded}: {', '.join(reasons)}",),
                short_reasons=(f"{excluded}: {reasons[0]}",),
            )
    return labels


def level_figure_lines(
    figures: ModelFigures, gla_level: GlaLevel, units: Units, language: str
) -> tuple[str, ...]:
    """The level's GLA (or its below-grade areas), its ADU and exclusions, from the engine."""
    level_id = gla_level.level.id

    def text(key: FigureKey) -> str:
        return reported_area_text(figures, key, level_id, units, language)

    table = figures.in_unit("sqft").level(level_id).values
    if gla_level.above_grade:
        lines = [f"GLA: {text('gla')}"]
        if table["adu_gla"] > 0:
            lines.append(f"ADU GLA: {text('adu_gla')}")
        if table["excluded"] > 0:
            lines.append(f"{fixed(language, 'excluded')}: {text('excluded')}")
    else:
        lines = [
            f"{report_text(language, 'below_finished')}: {text('below_grade_finished')} "
            f"({report_text(language, 'not_gla')})",
            f"{report_text(language, 'below_unfinished')}: {text('below_grade_unfinished')}",
        ]
    return tuple(lines)


def item_area_text(region: Region, units: Units, language: str) -> str:
    """An excluded area as its equation measures it (the figure the GLA JSON prints)."""
    if units == "metric":
        return area_text(measured_area(region, "m2") * SQ_MM_PER_SQ_METRE, units, language)
    return area_text(measured_area(region, "sqft") * SQ_MM_PER_SQ_FOOT, units, language)


def gla_chains(model: FloorModel, figures: ModelFigures, gla_level: GlaLevel) -> LevelChains:
    """The chains of the GLA plan: a detached house's measured outline is its outside face,
    so the very chains of the listing plan and the DXF; an apartment (inside face) or an
    attached house (party-wall centre lines) is dimensioned along what it is measured to."""
    level_id = gla_level.level.id
    if figures.property_type == "detached":
        return level_chains(model, level_id)
    gross = footprint(polygons_of(gla_level.measure.gross))
    inside = figures.property_type == "apartment"
    return outline_chains(gross, drawn_region(model, level_id), inside_faces=inside)


def gla_level_scene(
    ctx: RenderContext,
    figures: ModelFigures,
    gla_level: GlaLevel,
    sizes: Sizes | None = None,
    *,
    title_band: bool = True,
) -> Scene:
    """The GLA plan of one level as a scene; `sizes` for print (image sizes by default), and
    without `title_band` for a report page that prints the level's name and figures itself."""
    model = ctx.model
    level_id = gla_level.level.id
    bounds = plan_bounds(model, level_id)
    if sizes is None:
        sizes = sizes_for_image(max(bounds.width, bounds.height), ctx.style.font_scale)
    base = plan_options(ctx, dimensions=False)
    units = base.units
    language = base.language
    options = replace(
        base,
        palette=GLA_PALETTE,
        furniture=False,
        label_overrides=_labels(ctx, gla_level, units),
    )
    layers = plan_layers(model, level_id, sizes, options)
    layers[0] = _regions(gla_level)
    walls = layers[1]
    walls.items = [
        replace(item, fill=None, stroke=GLA_PALETTE.walls, width=sizes.hairline * 1.4)
        for item in walls.items
        if isinstance(item, Shape)
    ]
    chains = gla_chains(model, figures, gla_level)
    if chains.sides:
        # ANSI Z765 dimensions the house's exterior; a porch or deck is drawn (and the chains
        # keep clear of it) but not measured.
        imperial = units != "metric"
        style = ChainStyle(GLA_PALETTE, sizes, lambda mm: gla_length(mm, imperial))
        layers[-1].add(*dimension_chains(chains, style))
    info = TitleInfo(
        heading=gla_level.level.name,
        figures=level_figure_lines(figures, gla_level, units, language),
        address=address_lines(ctx),
        disclaimer=report_text(language, "plan_not_verified"),
        north_deg=None,
        scale_bar=True,
        imperial_bar=units != "metric",
        method=figures.method("gla"),
    )
    return compose_sheet(
        layers,
        bounds,
        sizes,
        GLA_PALETTE,
        info if title_band else None,
        None,
        legend=legend(language),
    )
