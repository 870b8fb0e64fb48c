"""Lays a level's layers out on an image sheet: plan, optional legend row, title band, logo."""

from __future__ import annotations

from collections.abc import Sequence

from planroom.render.draw.scene import Box, Group, Image, Scene, Text, polygon, rect_ring
from planroom.render.fonts import text_width
from planroom.render.plan.builder import plan_margin
from planroom.render.plan.style import Palette, Sizes
from planroom.render.plan.title_block import (
    LogoPlacement,
    TitleInfo,
    band_height,
    logo_size,
    title_block,
)

LEGEND_ID = "legend"


def compose_sheet(
    layers: list[Group],
    bounds: Box,
    sizes: Sizes,
    palette: Palette,
    title: TitleInfo | None,
    logo: LogoPlacement | None,
    legend: Sequence[tuple[str, str]] = (),
) -> Scene:
    """A scene with the plan centred above the title band; `legend` is (colour, text) swatches.

    With no `title` there is no band (a report page that prints the level's name and figures
    itself); the legend then closes the sheet."""
    margin = plan_margin(sizes)
    plan_area = bounds.grow(margin)
    if legend and sizes.min_text:
        # On paper the legend keeps its size (never under 8 pt): a narrow plan widens the sheet.
        extra = (legend_width(legend, sizes) + sizes.text * 1.2 - plan_area.width) / 2
        if extra > 0:
            plan_area = Box(
                plan_area.min_x - extra, plan_area.min_y, plan_area.max_x + extra, plan_area.max_y
            )
    top_strip = 0.0
    logo_items: list[Image] = []
    if logo and logo.position.startswith("top"):
        width, height = logo_size(logo, sizes.text * 4)
        top_strip = height + sizes.text * 0.6
        y = plan_area.max_y + sizes.text * 0.2
        x = (
            plan_area.min_x + sizes.text * 0.6
            if logo.position == "top-left"
            else plan_area.max_x - sizes.text * 0.6 - width
        )
        logo_items.append(Image(pos=(x, y), width=width, height=height, png=logo.png))
    legend_height = sizes.text * 2.0 if legend else 0.0
    band = band_height(sizes) if title is not None else 0.0
    frame = Box(
        plan_area.min_x,
        plan_area.min_y - legend_height - band,
        plan_area.max_x,
        plan_area.max_y + top_strip,
    )
    band_box = Box(frame.min_x, frame.min_y, frame.max_x, frame.min_y + band)
    annotations = (
        title_block(band_box, title, palette, sizes, logo)
        if title is not None
        else Group("annotations")
    )
    annotations.add(*logo_items)
    groups = list(layers)
    if legend:
        groups.append(
            legend_row(
                legend,
                Box(frame.min_x, band_box.max_y, frame.max_x, band_box.max_y + legend_height),
                palette,
                sizes,
            )
        )
    groups.append(annotations)
    return Scene(frame=frame, background=palette.background, groups=groups)


def legend_width(entries: Sequence[tuple[str, str]], sizes: Sizes) -> float:
    """The legend row's width at its natural size."""
    size = sizes.small_text
    widths = [size * 1.1 + size * 0.4 + text_width(text, size) for _, text in entries]
    return sum(widths) + size * 1.2 * (len(entries) - 1)


def legend_row(
    entries: Sequence[tuple[str, str]], box: Box, palette: Palette, sizes: Sizes
) -> Group:
    """Colour swatches with their meaning, centred in one row (shrunk to fit a narrow sheet)."""
    group = Group(LEGEND_ID)
    size = sizes.small_text
    swatch = size * 1.1
    gap = size * 1.2
    widths = [swatch + size * 0.4 + text_width(text, size) for _, text in entries]
    total = sum(widths) + gap * (len(entries) - 1)
    available = box.width - sizes.text * 1.2
    scale = min(1.0, available / total) if total else 1.0
    size, swatch, gap = size * scale, swatch * scale, gap * scale
    x = box.min_x + (box.width - total * scale) / 2
    y = (box.min_y + box.max_y) / 2
    for (colour, text), width in zip(entries, widths, strict=True):
        group.add(
            polygon(
                [rect_ring(x, y - swatch / 2, x + swatch, y + swatch / 2)],
                fill=colour,
                stroke=palette.text,
                width=sizes.hairline,
            )
        )
        group.add(
            Text(
                pos=(x + swatch + size * 0.4, y),
                text=text,
                size=size,
                fill=palette.text,
                anchor="start",
            )
        )
        x += width * scale + gap
    return group
