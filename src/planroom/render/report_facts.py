"""The facts the Home Report and the Snapshot print, read from the property data document.

Both reports take every number (room dimensions, areas, ceiling heights, area figures, counts)
from `property_document`, the same dictionary the `property_data` JSON is written from, so a
report and the data file can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from planroom.floormodel.schema import FloorModel, Level
from planroom.render.context import RenderContext
from planroom.render.measure_text import length_text
from planroom.render.plan.annotate import address_lines
from planroom.render.property_data import property_document


@dataclass(frozen=True)
class Figure:
    """A named area figure, e.g. ("GIA", "1,646 sq ft")."""

    name: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class ScheduleRow:
    level: str
    room: str
    dimensions: str
    area: str
    ceiling: str


@dataclass(frozen=True)
class LevelFigures:
    level: Level
    figures: tuple[str, ...]
    """The level's value of each figure in `ReportFacts.figures`, in the same order."""
    rooms: int


@dataclass(frozen=True)
class ReportFacts:
    address: tuple[str, ...]
    figures: tuple[Figure, ...]
    levels: tuple[LevelFigures, ...]
    schedule: tuple[ScheduleRow, ...]
    bedrooms: int
    bathrooms_full: int
    bathrooms_half: int
    level_count: int
    property_type: str

    @property
    def bathrooms(self) -> str:
        """`2`, or `2 + 1 half` when there are half bathrooms."""
        if self.bathrooms_half:
            return f"{self.bathrooms_full} + {self.bathrooms_half} half"
        return str(self.bathrooms_full)


def area_value(entry: dict[str, Any]) -> str:
    """An area entry of the property data as text: `1,646 sq ft` or `152.9 m²`."""
    if entry["unit"] == "sqft":
        return f"{int(entry['value']):,} sq ft"
    return f"{float(entry['value']):,.1f} m²"


def _ceiling(room: dict[str, Any], ctx: RenderContext) -> str:
    ceiling = room["ceiling"]
    system = ctx.measurement_system
    if ceiling["sloped"]:
        low, high = length_text(ceiling["low_mm"], system), length_text(ceiling["high_mm"], system)
        return f"{low} to {high}"
    return length_text(ceiling["height_mm"], system)


def _figure_names(ctx: RenderContext) -> tuple[str, ...]:
    # GLA appears only when the order bought the GLA add-on.
    return ("gia", "gla", "total") if ctx.include_gla else ("gia", "total")


def report_facts(ctx: RenderContext) -> ReportFacts:
    """Everything both reports print, from the property data document."""
    document = property_document(ctx)
    figures_doc = cast(dict[str, dict[str, Any]], document["area_figures"])
    names = _figure_names(ctx)
    counts = cast(dict[str, int], document["counts"])
    rooms = cast(list[dict[str, Any]], document["rooms"])
    figures = tuple(
        Figure(name=str(figures_doc[key]["name"]), value=area_value(figures_doc[key]))
        for key in names
    )
    levels = tuple(
        LevelFigures(
            level=level,
            figures=tuple(area_value(figures_doc[key]["by_level"][level.id]) for key in names),
            rooms=sum(1 for room in rooms if room["level_id"] == level.id),
        )
        for level in ctx.model.levels_in_order()
    )
    schedule = tuple(
        ScheduleRow(
            level=str(room["level_name"]),
            room=str(room["name"]),
            dimensions=(
                f"{room['dimensions']['length']['text']} x {room['dimensions']['width']['text']}"
            ),
            area=area_value(room["area"]),
            ceiling=_ceiling(room, ctx),
        )
        for room in rooms
    )
    return ReportFacts(
        address=address_lines(ctx),
        figures=figures,
        levels=levels,
        schedule=schedule,
        bedrooms=counts["bedrooms"],
        bathrooms_full=counts["bathrooms_full"],
        bathrooms_half=counts["bathrooms_half"],
        level_count=counts["levels"],
        property_type=str(document["property_type"]),
    )


def main_level(model: FloorModel) -> Level:
    """The level a cover shows: the entry level (index 0) when there is one, else the lowest
    level above grade, else the lowest level."""
    ordered = model.levels_in_order()
    for level in ordered:
        if level.index == 0:
            return level
    above = [level for level in ordered if level.grade == "above"]
    return (above or ordered)[0]


METHOD_BY_SOURCE = {
    "roomplan": "measured with a LiDAR scan of the property (Apple RoomPlan) and drafted into a "
    "floor model",
    "redraw": "redrawn from an existing floor plan supplied with the order",
    "planroom": "drawn from a Planroom floor model supplied with the order",
    "manual": "drafted by hand into a floor model",
    "generated": "generated as a floor model",
}


def method_text(ctx: RenderContext) -> list[str]:
    """How the figures were made: source, definitions, rounding."""
    source = METHOD_BY_SOURCE.get(ctx.model.source.kind, METHOD_BY_SOURCE["manual"])
    lines = [
        f"The property was {source} (floor model version {ctx.model_version}). Every figure in "
        "this report is computed from that model.",
        "GIA (gross internal area): finished, enclosed indoor space measured to the inside face "
        "of the exterior walls, interior walls included, where the ceiling is at least 5 ft "
        "(1.52 m). Garages, porches, decks, balconies, patios and unfinished rooms are excluded.",
    ]
    if ctx.include_gla:
        lines.append(
            "GLA (gross living area) follows ANSI Z765-2021: finished, heated, above-grade space "
            "measured to the outside face of the exterior walls, with a ceiling of at least 7 ft."
        )
    lines += [
        "Total scanned area: everything scanned, exterior walls and outdoor spaces included.",
        "Room dimensions are interior, along each room's main axes (overall extents for L-shaped "
        "rooms). Areas are computed from unrounded geometry and rounded half up: whole square "
        "feet, or square metres to one decimal.",
    ]
    return lines
