"""Exterior dimension chains: per-segment strings and the overall length, outside the footprint.

Every side is worked out in a frame turned so that the side faces down; the chain is built there
(extension lines, architectural ticks, text on the plan side of the line) and turned back. Text is
then set upright, so it reads from the bottom or from the right, never upside down.

A chain measures one outline (the level's footprint, or the GLA gross area) but keeps clear of
everything drawn: its lines sit outside the extent of all of it, porches and decks included, and a
corner whose extension line would cross something drawn is not dimensioned on that side.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.render.draw.scene import Primitive, Pt, Shape, Text, polyline, upright_angle
from planroom.render.fonts import text_width
from planroom.render.plan.style import Palette, Sizes

# Side name -> rotation (degrees) that turns that side of the plan to face down.
SIDES: dict[str, float] = {"bottom": 0.0, "right": -90.0, "top": 180.0, "left": 90.0}
# Sides that also get the overall length; the opposite sides only repeat it when they have a chain.
OVERALL_SIDES = frozenset({"top", "left"})
# Parts closer than this are one footprint (a porch slab laid against the wall's outer face).
CLOSE_GAP_MM = 60.0
# Jogs smaller than this are scan noise (walls a few millimetres off square), not corners.
CORNER_TOLERANCE_MM = 25.0


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


def polygons_of(geometry: BaseGeometry) -> list[Polygon]:
    """The non-empty polygons of a (multi)polygon or collection."""
    if isinstance(geometry, Polygon):
        return [] if geometry.is_empty else [geometry]
    parts = getattr(geometry, "geoms", [])
    return [part for part in parts if isinstance(part, Polygon) and not part.is_empty]


def footprint(parts: Iterable[BaseGeometry]) -> BaseGeometry:
    """What a chain measures: the parts as one outline, hairline gaps closed, holes filled.

    Square (mitred) buffers keep rectangular corners exact; the simplification drops jogs of a
    few millimetres that would otherwise become breakpoints measuring nothing.
    """
    union = unary_union([part for part in parts if not part.is_empty])
    closed = union.buffer(CLOSE_GAP_MM / 2, join_style="mitre").buffer(
        -CLOSE_GAP_MM / 2, join_style="mitre"
    )
    shells = [
        Polygon(polygon.exterior).simplify(CORNER_TOLERANCE_MM)
        for polygon in polygons_of(closed)
        if polygon.area > CLOSE_GAP_MM**2
    ]
    shells = [shell for shell in shells if isinstance(shell, Polygon) and not shell.is_empty]
    return MultiPolygon(shells) if len(shells) > 1 else (shells[0] if shells else Polygon())


def dimension_chains(
    outline: BaseGeometry, style: ChainStyle, clear: BaseGeometry | None = None
) -> list[Primitive]:
    """Dimension chains on all four sides of `outline`, set outside `clear` as well.

    `clear` is everything else drawn on the level (outdoor spaces, stairs); the chains sit beyond
    it and no extension line crosses it.
    """
    drawn = outline if clear is None or clear.is_empty else unary_union([outline, clear])
    if drawn.is_empty:
        return []
    items: list[Primitive] = []
    pivot = (0.0, 0.0)
    for side, turn in SIDES.items():
        local = affinity.rotate(outline, turn, origin=pivot)
        local_drawn = affinity.rotate(drawn, turn, origin=pivot)
        for item in _side_chains(local, local_drawn, style, overall=side in OVERALL_SIDES):
            items.append(_turn(item, -turn))
    return items


def _visible_from_below(outline: BaseGeometry, drawn: BaseGeometry) -> list[tuple[float, float]]:
    """Outline vertices a surveyor standing below the plan could tape: nothing drawn under them."""
    min_y = float(drawn.bounds[1])
    inner = drawn.buffer(-1.0)
    points: dict[float, float] = {}
    for polygon in polygons_of(outline):
        for x, y in polygon.exterior.coords[:-1]:
            x, y = round(float(x), 1), float(y)
            ray = LineString([(x, y - 0.5), (x, min_y - 10.0)])
            if ray.intersects(inner):
                continue
            points[x] = min(points.get(x, y), y)
    return sorted(points.items())


def _merge_short(breaks: list[tuple[float, float]], style: ChainStyle) -> list[tuple[float, float]]:
    """Drop breakpoints until every segment is long enough to carry its own text."""
    breaks = list(breaks)
    changed = True
    while changed and len(breaks) > 2:
        changed = False
        for index in range(len(breaks) - 1):
            length = breaks[index + 1][0] - breaks[index][0]
            needed = text_width(style.length_text(length), style.text_size) + style.text_size * 0.8
            if length < needed:
                drop = index + 1 if index + 1 < len(breaks) - 1 else index
                if drop == 0:
                    break
                del breaks[drop]
                changed = True
                break
    return breaks


def _side_chains(
    outline: BaseGeometry, drawn: BaseGeometry, style: ChainStyle, *, overall: bool
) -> list[Primitive]:
    breaks = _visible_from_below(outline, drawn)
    if len(breaks) < 2:
        return []
    breaks = _merge_short(breaks, style)
    min_y = float(drawn.bounds[1])
    size = style.text_size
    gap = size * 0.6
    first_line = min_y - size * 2.4
    second_line = first_line - size * 2.0
    has_segments = len(breaks) > 2
    if not has_segments and not overall:
        return []
    items: list[Primitive] = []
    outermost = first_line
    if has_segments:
        items.extend(_chain(breaks, first_line, style))
        if overall:
            items.extend(_chain([breaks[0], breaks[-1]], second_line, style))
            outermost = second_line
    else:
        items.extend(_chain(breaks, first_line, style))
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
        items.append(
            Text(
                pos=((left + right) / 2, line_y + size * 0.75),
                text=style.length_text(right - left),
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
