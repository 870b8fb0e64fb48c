"""The plan's title block: level, area figure, address, compass, scale bar, logo, disclaimer.

It is laid out in a band under the plan, in plan millimetres like everything else, with text sizes
derived from the plan's text size and shrunk to fit its column when the plan is narrow.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image as PILImage

from planroom.render.draw.scene import (
    Box,
    Circle,
    Group,
    Image,
    Primitive,
    Pt,
    Text,
    polygon,
    polyline,
    rect_ring,
)
from planroom.render.fonts import text_width
from planroom.render.plan.style import Palette, Sizes

MM_PER_FOOT = 304.8


@dataclass(frozen=True)
class TitleInfo:
    """What the title block says; built once per level and shared by the SVG and the PDF."""

    heading: str
    """The level name."""
    figures: tuple[str, ...]
    """Area lines, e.g. `GIA 1,234 sq ft`, then the total over all levels."""
    address: tuple[str, ...]
    disclaimer: str
    north_deg: float | None
    """Direction of north in the plan frame, degrees counter-clockwise from +x; None: no arrow."""
    scale_bar: bool
    imperial_bar: bool
    north_letter: str = "N"
    method: str = ""
    """How the figures were measured (standard, property type), printed over the disclaimer."""


@dataclass(frozen=True)
class LogoPlacement:
    png: bytes
    position: str
    max_width: float
    """In plan millimetres."""


def band_height(sizes: Sizes) -> float:
    """Height of the title band under the plan."""
    return sizes.text * 6.2


def logo_size(logo: LogoPlacement, max_height: float) -> tuple[float, float]:
    """The logo's drawn size: as wide as allowed, no taller than `max_height`, aspect kept."""
    with PILImage.open(io.BytesIO(logo.png)) as image:
        pixel_w, pixel_h = image.size
    aspect = pixel_h / pixel_w if pixel_w else 1.0
    width = logo.max_width
    if width * aspect > max_height:
        width = max_height / aspect
    return width, width * aspect


def scale_bar_length(plan_width: float, imperial: bool) -> tuple[float, str, int]:
    """A round bar length no longer than a quarter of the plan: (mm, label, blocks)."""
    if imperial:
        choices = [(5, 5), (10, 5), (20, 4), (50, 5), (100, 4)]
        for feet, blocks in reversed(choices):
            if feet * MM_PER_FOOT <= plan_width * 0.25:
                return feet * MM_PER_FOOT, f"{feet} ft", blocks
        return 5 * MM_PER_FOOT, "5 ft", 5
    metric = [(1, 4), (2, 4), (5, 5), (10, 5), (20, 4)]
    for metres, blocks in reversed(metric):
        if metres * 1000 <= plan_width * 0.25:
            return metres * 1000.0, f"{metres} m", blocks
    return 1000.0, "1 m", 4


def _fit(text: str, size: float, width: float, *, bold: bool, least: float = 0.0) -> float:
    """`size`, reduced until `text` fits in `width`, never under `least`."""
    needed = text_width(text, size, bold=bold)
    return max(size if needed <= width or needed == 0 else size * width / needed, least)


def title_block(
    band: Box,
    info: TitleInfo,
    palette: Palette,
    sizes: Sizes,
    logo: LogoPlacement | None,
    *,
    notes_across: bool = False,
) -> Group:
    """The annotations group: everything in `band` plus a logo placed in its corner.

    The notes (measuring method, disclaimer) close the address column, or with `notes_across`
    run under both text columns (a printed sheet, whose band `stacked_band_height` sizes)."""
    group = Group("annotations")
    pad = sizes.text * 0.6
    left, right = band.min_x + pad, band.max_x - pad
    group.add(
        polyline(
            ((band.min_x, band.max_y), (band.max_x, band.max_y)),
            stroke=palette.dimensions,
            width=sizes.hairline,
        )
    )
    if logo and logo.position.startswith("bottom"):
        width, height = logo_size(logo, band.height - 2 * pad)
        x = left if logo.position == "bottom-left" else right - width
        group.add(
            Image(pos=(x, band.max_y - pad - height), width=width, height=height, png=logo.png)
        )
        if logo.position == "bottom-left":
            left += width + pad
        else:
            right -= width + pad
    tools_width = _tools(group, band, info, palette, sizes, right)
    right -= tools_width
    column = (right - left) * 0.52
    heading_size = _fit(info.heading, sizes.text * 1.35, column, bold=True, least=sizes.min_text)
    y = band.max_y - pad - heading_size * 0.6
    group.add(
        Text(
            pos=(left, y),
            text=info.heading,
            size=heading_size,
            fill=palette.text,
            bold=True,
            anchor="start",
        )
    )
    y -= heading_size * 0.7
    for line in info.figures:
        size = _fit(line, sizes.text * 0.95, column, bold=False, least=sizes.min_text)
        y -= size * 0.75
        group.add(Text(pos=(left, y), text=line, size=size, fill=palette.text, anchor="start"))
        y -= size * 0.65
    address_x = left + column + pad
    address_width = right - address_x - pad
    y = band.max_y - pad - sizes.text * 0.6
    for index, line in enumerate(info.address):
        size = _fit(
            line,
            sizes.text * (0.95 if index == 0 else 0.8),
            address_width,
            bold=index == 0,
            least=sizes.min_text,
        )
        group.add(
            Text(
                pos=(address_x, y),
                text=line,
                size=size,
                fill=palette.text,
                bold=index == 0,
                anchor="start",
            )
        )
        y -= size * 1.35
    notes_x, notes_width = (left, right - left) if notes_across else (address_x, address_width)
    y = band.min_y + pad
    for text, size in reversed(_notes(info, sizes, notes_width)):
        y += size * 0.5
        group.add(
            Text(pos=(notes_x, y), text=text, size=size, fill=palette.dimensions, anchor="start")
        )
        y += size * 0.8
    return group


def _notes(info: TitleInfo, sizes: Sizes, width: float) -> list[tuple[str, float]]:
    return [
        *(_wrap(info.method, sizes.small_text * 0.85, width, sizes.min_text)),
        *(_wrap(info.disclaimer, sizes.small_text * 0.85, width, sizes.min_text)),
    ]


def stacked_band_height(info: TitleInfo, sizes: Sizes, notes_width: float) -> float:
    """The band's height when the notes run across under the two columns (`notes_across`),
    their lines wrapped at `notes_width`: the taller column, then the notes."""
    pad = sizes.text * 0.6
    heading = sizes.text * 1.35
    figures = heading * 1.3 + sum(sizes.text * 0.95 * 1.4 for _ in info.figures)
    address = sizes.text * 0.6 + sum(
        sizes.text * (0.95 if index == 0 else 0.8) * 1.35 for index in range(len(info.address))
    )
    notes = sum(size * 1.3 for _, size in _notes(info, sizes, notes_width))
    return pad + max(figures, address) + sizes.text * 0.3 + notes + pad


def _wrap(text: str, size: float, width: float, least: float) -> list[tuple[str, float]]:
    """`text` as lines that fit `width`: shrunk first, then broken at spaces once at `least`."""
    if not text:
        return []
    fitted = _fit(text, size, width, bold=False, least=least)
    if text_width(text, fitted) <= width or " " not in text:
        return [(text, fitted)]
    lines: list[str] = []
    for word in text.split(" "):
        if lines and text_width(f"{lines[-1]} {word}", least) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return [(line, least) for line in lines]


def _tools(
    group: Group, band: Box, info: TitleInfo, palette: Palette, sizes: Sizes, right: float
) -> float:
    """North arrow and scale bar at the band's right end; returns the width they take."""
    used = 0.0
    pad = sizes.text * 0.6
    if info.north_deg is not None:
        radius = min(band.height * 0.32, sizes.text * 1.6)
        centre = (right - radius, band.min_y + band.height * 0.5)
        group.add(*north_arrow(centre, radius, info.north_deg, info.north_letter, palette, sizes))
        used += radius * 2 + pad * 2
    if info.scale_bar:
        length, label, blocks = scale_bar_length(band.width, info.imperial_bar)
        # The length is written centred under the bar's end: leave room for half of it.
        label_half = text_width(label, sizes.at_least(sizes.small_text * 0.85)) / 2
        x1 = right - used - label_half
        x0 = x1 - length
        y = band.min_y + band.height * 0.45
        group.add(*scale_bar((x0, y), length, label, blocks, palette, sizes))
        used += length + label_half + pad * 2
    return used


def north_arrow(
    centre: Pt, radius: float, north_deg: float, letter: str, palette: Palette, sizes: Sizes
) -> list[Primitive]:
    """A circle with a half-filled arrow pointing north and the letter beyond its tip.

    The filled half (class `north-arrow`, its first point the tip) records the angle it points
    at, counter-clockwise from +x in the plan frame, as `data-north`.
    """
    angle = math.radians(north_deg)
    ux, uy = math.cos(angle), math.sin(angle)
    px, py = -uy, ux
    cx, cy = centre
    tip = (cx + ux * radius * 0.8, cy + uy * radius * 0.8)
    tail = (cx - ux * radius * 0.8, cy - uy * radius * 0.8)
    side = radius * 0.32
    left = (cx + px * side - ux * radius * 0.45, cy + py * side - uy * radius * 0.45)
    right = (cx - px * side - ux * radius * 0.45, cy - py * side - uy * radius * 0.45)
    letter_at = (cx + ux * radius * 1.32, cy + uy * radius * 1.32)
    return [
        Circle(centre=centre, radius=radius, stroke=palette.dimensions, width=sizes.hairline),
        polygon(
            [(tip, left, tail)],
            fill=palette.text,
            stroke=palette.text,
            width=sizes.hairline,
            css_class="north-arrow",
            data=(("north", f"{north_deg:.1f}"),),
        ),
        polygon(
            [(tip, tail, right)], fill=palette.background, stroke=palette.text, width=sizes.hairline
        ),
        Text(pos=letter_at, text=letter, size=radius * 0.5, fill=palette.text, bold=True),
    ]


def scale_bar(
    origin: Pt, length: float, label: str, blocks: int, palette: Palette, sizes: Sizes
) -> list[Primitive]:
    """Alternating filled blocks with `0` and the length written under the ends."""
    x0, y = origin
    height = sizes.text * 0.35
    step = length / blocks
    items: list[Primitive] = []
    for index in range(blocks):
        fill = palette.text if index % 2 == 0 else palette.background
        a = x0 + index * step
        items.append(
            polygon(
                [rect_ring(a, y, a + step, y + height)],
                fill=fill,
                stroke=palette.text,
                width=sizes.hairline,
            )
        )
    size = sizes.at_least(sizes.small_text * 0.85)
    text_y = y - size * 1.06
    items.append(Text(pos=(x0, text_y), text="0", size=size, fill=palette.text))
    items.append(Text(pos=(x0 + length, text_y), text=label, size=size, fill=palette.text))
    return items
