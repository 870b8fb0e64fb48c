"""Exterior dimension chains drawn: per-segment strings and the overall length, outside the
footprint.

The chains themselves (which corners, which lengths) come from `chains.LevelChains`, computed once
from the model and shared with the GLA plan and the DXF; here they are drawn in the frame where
their side faces down (extension lines, architectural ticks, text on the plan side of the line)
and turned back. Text is then set upright, so it reads from the bottom or from the right, never
upside down. A segment too short for its text keeps its ticks and goes without it: a length is
never printed for a span it does not measure.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from planroom.render.draw.scene import Primitive, Pt, Shape, Text, polyline, upright_angle
from planroom.render.fonts import text_width
from planroom.render.plan.chains import (
    MIN_LABELLED_MM,
    LevelChains,
    SideChain,
    footprint,
    polygons_of,
)
from planroom.render.plan.style import Palette, Sizes

__all__ = ["ChainStyle", "chain_depth", "dimension_chains", "footprint", "polygons_of"]


@dataclass(frozen=True)
class ChainStyle:
    palette: Palette
    sizes: Sizes
    length_text: Callable[[float], str]

    @property
    def text_size(self) -> float:
        return self.sizes.small_text


def chain_depth(sizes: Sizes) -> float:
    """How far the outermost chain sits from the footprint; the frame leaves this much room."""
    return sizes.small_text * 5.2


def dimension_chains(chains: LevelChains, style: ChainStyle) -> list[Primitive]:
    """The drawn chains of every side of `chains`."""
    items: list[Primitive] = []
    for chain in chains.sides:
        for item in _side_chains(chain, style):
            items.append(_turn(item, -chain.turn))
    return items


def _side_chains(chain: SideChain, style: ChainStyle) -> list[Primitive]:
    breaks = list(chain.breaks)
    size = style.text_size
    gap = size * 0.6
    first_line = chain.outside - size * 2.4
    second_line = first_line - size * 2.0
    items: list[Primitive] = []
    outermost = first_line
    items.extend(_chain(breaks, first_line, style))
    if chain.has_segments and chain.overall:
        items.extend(_chain([breaks[0], breaks[-1]], second_line, style))
        outermost = second_line
    ext = {"stroke": style.palette.dimensions, "width": style.sizes.hairline}
    last = len(breaks) - 1
    for index, (x, y) in enumerate(breaks):
        # Inner breaks stop just past the segment chain; the ends run on to the overall line.
        reach = outermost if index in (0, last) else first_line
        items.append(
            polyline(((x, y - gap), (x, reach - size * 0.5)), **ext, css_class="extension-line")
        )
    return items


def _chain(breaks: list[tuple[float, float]], line_y: float, style: ChainStyle) -> list[Primitive]:
    colour = style.palette.dimensions
    size = style.text_size
    xs = [x for x, _ in breaks]
    items: list[Primitive] = [
        polyline(
            ((xs[0], line_y), (xs[-1], line_y)),
            stroke=colour,
            width=style.sizes.hairline,
            css_class="dimension-line",
        )
    ]
    tick = size * 0.32
    for x in xs:
        items.append(
            polyline(
                ((x - tick, line_y - tick), (x + tick, line_y + tick)),
                stroke=colour,
                width=style.sizes.line * 1.6,
                css_class="tick",
            )
        )
    for left, right in itertools.pairwise(xs):
        text = style.length_text(right - left)
        fits = text_width(text, size) + size * 0.4 <= right - left
        if right - left < MIN_LABELLED_MM or not fits:
            continue
        items.append(
            Text(
                pos=((left + right) / 2, line_y + size * 0.75),
                text=text,
                size=size,
                fill=colour,
            )
        )
    return items


def _rotate(point: Pt, degrees: float) -> Pt:
    radians = math.radians(degrees)
    cos_a, sin_a = math.cos(radians), math.sin(radians)
    return (point[0] * cos_a - point[1] * sin_a, point[0] * sin_a + point[1] * cos_a)


def _turn(item: Primitive, degrees: float) -> Primitive:
    """Turn a chain primitive back into the plan frame about the origin."""
    if isinstance(item, Text):
        return Text(
            pos=_rotate(item.pos, degrees),
            text=item.text,
            size=item.size,
            fill=item.fill,
            bold=item.bold,
            anchor=item.anchor,
            angle_deg=upright_angle(item.angle_deg + degrees),
        )
    if isinstance(item, Shape):
        rings = tuple(tuple(_rotate(p, degrees) for p in ring) for ring in item.rings)
        return replace(item, rings=rings)
    return item
