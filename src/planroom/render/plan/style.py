"""What a plan builder needs from the style: resolved colours, units, and drawing sizes."""

from __future__ import annotations

from dataclasses import dataclass

from planroom.floormodel.schema import Space
from planroom.render.context import RenderContext
from planroom.render.measure_text import Units
from planroom.render.styles import StyleOptions

# Spaces that no area figure counts as living area; the styles grey them like CubiCasa does.
OUTSIDE_TYPES = frozenset({"garage", "porch", "deck", "balcony", "patio", "open_to_below"})


@dataclass(frozen=True)
class Sizes:
    """Drawing sizes in plan millimetres, chosen per output so text reads at its final size."""

    text: float
    """Height of a room name; every other text size derives from it."""
    line: float
    """Width of a thin line (door leaves, dimension lines); others are multiples."""
    min_text: float = 0.0
    """No text is set smaller than this (a printed sheet's 8 pt); 0 on images."""

    def at_least(self, size: float) -> float:
        """`size`, raised to the smallest text size allowed."""
        return max(size, self.min_text)

    @property
    def small_text(self) -> float:
        return self.text * 0.78

    @property
    def hairline(self) -> float:
        return self.line * 0.6


def sizes_for_image(extent_mm: float, font_scale: float) -> Sizes:
    """Sizes for a plan image whose long side spans `extent_mm` of plan.

    A label should stay readable on a 3000 px image (about 1 % of the long side) without crowding
    small rooms: so the size follows the plan's extent but is clamped to what fits a 1.2 m closet
    at the small end and to a sign-like size at the large end.
    """
    text = min(max(extent_mm * 0.0105, 140.0), 330.0) * font_scale
    line = max(extent_mm / 1100.0, 12.0)
    return Sizes(text=text, line=line)


def sizes_for_print(scale_denominator: float, font_scale: float) -> Sizes:
    """Sizes for a plan printed at 1:`scale_denominator`: 2.2 mm names, 0.25 mm thin lines
    (plans inside reports, CAD symbols; a plan sheet uses `sizes_for_sheet`)."""
    return Sizes(text=2.2 * scale_denominator * font_scale, line=0.25 * scale_denominator)


SHEET_TEXT_MM = 3.7
"""A room name on a printed plan sheet (10.5 pt); dimension text and notes are 0.78 of it."""
MIN_SHEET_TEXT_MM = 8.0 * 25.4 / 72.0 + 0.01
"""8 pt, the smallest text a printed plan sheet may carry (a hair over it, against rounding)."""


def sizes_for_sheet(scale_denominator: float, font_scale: float) -> Sizes:
    """Sizes for the plan sheet printed at 1:`scale_denominator`: 3.7 mm names, 0.25 mm thin
    lines, and nothing under 8 pt however small the style's `font_scale` or a room."""
    text = max(SHEET_TEXT_MM * font_scale, MIN_SHEET_TEXT_MM / 0.78)
    return Sizes(
        text=text * scale_denominator,
        line=0.25 * scale_denominator,
        min_text=MIN_SHEET_TEXT_MM * scale_denominator,
    )


@dataclass(frozen=True)
class Palette:
    background: str
    walls: str
    text: str
    dimensions: str
    openings: str
    fixtures: str
    excluded: str
    room_fill: dict[str, str]

    def fill_for(self, space: Space) -> str:
        """A space's fill: its type's colour, grey for outside spaces, else the default fill."""
        if space.type in self.room_fill:
            return self.room_fill[space.type]
        if space.type in OUTSIDE_TYPES or not space.finished:
            return self.excluded
        return self.room_fill.get("default", self.background)


def palette_for(style: StyleOptions) -> Palette:
    colors = style.colors
    return Palette(
        background=colors.background,
        walls=colors.walls,
        text=colors.text,
        dimensions=colors.dimensions,
        openings=colors.openings,
        fixtures=colors.fixtures,
        excluded=colors.excluded_area,
        room_fill=dict(colors.room_fill),
    )


def plan_units(ctx: RenderContext) -> Units:
    """The units a plan prints: the style's when it sets them, else the company's system.

    A built-in template leaves `units` at its default, and a metric company ordering with the
    default template must not get feet and inches.
    """
    if "units" in ctx.style.model_fields_set:
        return ctx.style.units
    return ctx.measurement_system
