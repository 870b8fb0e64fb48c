"""The facts the Home Report and the Snapshot print, read from the property data document.

Both reports take every number (room dimensions, areas, ceiling heights, area figures, counts)
from `property_document`, the same dictionary the `property_data` JSON is written from, so a
report and the data file can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from planroom.floormodel.areas import FIGURE_LABELS
from planroom.floormodel.schema import FloorModel, Level
from planroom.floormodel.units import SQ_MM_PER_SQ_FOOT
from planroom.render.context import RenderContext
from planroom.render.i18n import fixed, room_name
from planroom.render.measure_text import area_text, length_text
from planroom.render.plan.annotate import address_lines
from planroom.render.property import property_document
from planroom.render.report.i18n import report_text


@dataclass(frozen=True)
class Figure:
    """A named area figure, e.g. ("GIA", "1,646 sq ft")."""

    name: str
    value: str
    note: str = ""
    key: str = ""
    """`gia`, `gla` or `total` (the name is translated, the key is not)."""


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
    language: str = "en"
    method: str = ""
    """How the headline figure was measured (standard, property type, faces measured to)."""

    @property
    def headline(self) -> Figure:
        return self.figures[0]

    @property
    def bathrooms(self) -> str:
        """`2`, or `2 + 1 half` when there are half bathrooms."""
        if self.bathrooms_half:
            return report_text(
                self.language,
                "bathrooms_with_half",
                full=self.bathrooms_full,
                half=self.bathrooms_half,
            )
        return str(self.bathrooms_full)


def area_value(entry: dict[str, Any], language: str = "en") -> str:
    """An area entry of the property data as text: `1,646 sq ft` or `152.9 m²` (`152,9 m²`).

    The document's rounded value goes back through `area_text`, which rounds it to itself, so
    the digits are the data file's and only the separators follow the language.
    """
    if entry["unit"] == "sqft":
        return area_text(float(entry["value"]) * SQ_MM_PER_SQ_FOOT, "imperial", language)
    return area_text(float(entry["value"]) * 1_000_000.0, "metric", language)


def _length(entry: dict[str, Any], language: str) -> str:
    """A length of the property data in the report's language, with the digits of its `text`.

    Feet and inches have no decimal separator, so they print as the data file has them; metres
    go back through `length_text` from the document's rounded value, which rounds to itself.
    """
    if entry["unit"] == "m":
        return length_text(float(entry["value"]) * 1000.0, "metric", language)
    return str(entry["text"])


def _ceiling(room: dict[str, Any], ctx: RenderContext, language: str) -> str:
    ceiling = room["ceiling"]
    system = ctx.measurement_system
    if ceiling["sloped"]:
        low = length_text(ceiling["low_mm"], system, language)
        high = length_text(ceiling["high_mm"], system, language)
        return report_text(language, "ceiling_range", low=low, high=high)
    return length_text(ceiling["height_mm"], system, language)


BELOW_GRADE_KEYS = ("below_grade_finished", "below_grade_unfinished")


def headline_key(ctx: RenderContext) -> str:
    """The one figure a report leads with: GLA when the order bought it, else the style's."""
    if ctx.include_gla:
        return "gla"
    return "total" if ctx.style.area_figure == "total" else "gia"


def _figure_names(ctx: RenderContext) -> tuple[str, ...]:
    """The headline first, then the other figures; GLA only with the GLA add-on, below-grade
    areas whenever a level is below grade."""
    keys = ["gia", "gla"] if ctx.include_gla else ["gia"]
    if any(level.grade == "below" for level in ctx.model.levels):
        keys += list(BELOW_GRADE_KEYS)
    keys.append("total")
    headline = headline_key(ctx)
    return (headline, *[key for key in keys if key != headline])


def _room_name(room: dict[str, Any], ctx: RenderContext, language: str) -> str:
    """The room's name as the data file has it; a type's default name is translated as on the
    plans (English keeps the drafter's spelling, so it matches the data file to the letter)."""
    if language == "en":
        return str(room["name"])
    space = next(space for space in ctx.model.spaces if space.id == room["id"])
    return room_name(space, language)


def _figure_name(key: str, language: str) -> str:
    """GIA and the total are named in the report's language; GLA keeps its standard's name."""
    if key == "gia":
        return fixed(language, "gia")
    if key == "total":
        return report_text(language, "total_scanned")
    if key == "below_grade_finished":
        return report_text(language, "below_finished")
    if key == "below_grade_unfinished":
        return report_text(language, "below_unfinished")
    return FIGURE_LABELS["gla"]


def _level_value(entry: dict[str, Any], key: str, level: Level, language: str) -> str:
    """A level's figure; a below-grade level's GLA says it is not GLA rather than print 0."""
    if key == "gla" and level.grade == "below":
        return f"\u2013 ({report_text(language, 'not_gla')})"
    return area_value(entry, language)


def report_facts(ctx: RenderContext) -> ReportFacts:
    """Everything both reports print, from the property data document."""
    document = property_document(ctx)
    language = ctx.style.language
    figures_doc = cast(dict[str, dict[str, Any]], document["area_figures"])
    names = _figure_names(ctx)
    counts = cast(dict[str, int], document["counts"])
    rooms = cast(list[dict[str, Any]], document["rooms"])
    figures = tuple(
        Figure(
            name=_figure_name(key, language),
            value=area_value(figures_doc[key], language),
            key=key,
        )
        for key in names
    )
    levels = tuple(
        LevelFigures(
            level=level,
            figures=tuple(
                _level_value(figures_doc[key]["by_level"][level.id], key, level, language)
                for key in names
            ),
            rooms=sum(1 for room in rooms if room["level_id"] == level.id),
        )
        for level in ctx.model.levels_in_order()
    )
    schedule = tuple(
        ScheduleRow(
            level=str(room["level_name"]),
            room=_room_name(room, ctx, language),
            dimensions=(
                f"{_length(room['dimensions']['length'], language)} x "
                f"{_length(room['dimensions']['width'], language)}"
            ),
            area=area_value(room["area"], language),
            ceiling=_ceiling(room, ctx, language),
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
        language=language,
        method=str(figures_doc[names[0]]["method"]),
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


SOURCES = frozenset({"roomplan", "redraw", "planroom", "manual", "generated"})


def method_text(ctx: RenderContext) -> list[str]:
    """How the figures were made: source, definitions, rounding."""
    language = ctx.style.language
    kind = ctx.model.source.kind if ctx.model.source.kind in SOURCES else "manual"
    source = report_text(language, f"source_{kind}")
    lines = [
        report_text(language, "method_intro", source=source, version=ctx.model_version),
        report_text(language, "method_gia"),
    ]
    if ctx.include_gla:
        lines.append(report_text(language, "method_gla"))
    lines += [report_text(language, "method_total"), report_text(language, "method_rounding")]
    return lines
