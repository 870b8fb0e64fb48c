"""Stairs: outline, treads, walking line with an arrow, and UP on the lower level / DN above."""

from __future__ import annotations

from shapely import affinity
from shapely.geometry import LineString, Polygon

from planroom.floormodel.schema import FloorModel, Stair
from planroom.render.draw.scene import Group, Primitive, Pt, Text, polygon, polyline, rect_ring
from planroom.render.fonts import text_width
from planroom.render.i18n import fixed
from planroom.render.plan.style import Palette, Sizes

DEFAULT_TREAD_RUN_MM = 250.0


def stair_symbols(
    model: FloorModel, level_id: str, palette: Palette, sizes: Sizes, language: str
) -> Group:
    """Stairs that start on this level (UP) and stairs that arrive on it (DN)."""
    group = Group("stairs")
    for stair in model.stairs:
        if stair.level_id == level_id or stair.from_level_id == level_id:
            group.add(*_stair(stair, palette, sizes, fixed(language, "up"), going_up=True))
        elif stair.to_level_id == level_id:
            group.add(*_stair(stair, palette, sizes, fixed(language, "down"), going_up=False))
    return group


def _stair(
    stair: Stair, palette: Palette, sizes: Sizes, word: str, *, going_up: bool
) -> list[Primitive]:
    footprint = Polygon(stair.footprint)
    pivot = footprint.centroid
    # Work in a frame where walking up is +x, then turn everything back.
    local = affinity.rotate(footprint, -stair.direction_deg, origin=pivot)
    min_x, min_y, max_x, max_y = (float(v) for v in local.bounds)
    run_length = max_x - min_x
    treads = stair.treads or max(2, round(run_length / DEFAULT_TREAD_RUN_MM))
    run = run_length / treads

    def back(points: list[Pt]) -> list[Pt]:
        line = affinity.rotate(LineString(points), stair.direction_deg, origin=pivot)
        return [(float(x), float(y)) for x, y in line.coords]

    stroke = {"stroke": palette.openings, "width": sizes.hairline}
    items: list[Primitive] = [
        polygon(
            [[(float(x), float(y)) for x, y in footprint.exterior.coords[:-1]]],
            fill=palette.background,
            **stroke,
        )
    ]
    for index in range(1, treads):
        x = min_x + index * run
        cut = local.intersection(LineString([(x, min_y - 1), (x, max_y + 1)]))
        if isinstance(cut, LineString) and not cut.is_empty:
            items.append(
                polyline(back([(float(px), float(py)) for px, py in cut.coords]), **stroke)
            )
    middle = (min_y + max_y) / 2.0
    word_size = sizes.at_least(min(sizes.small_text * 0.85, (max_y - min_y) * 0.32))
    word_half = text_width(word, word_size, bold=True) / 2.0 + word_size * 0.3
    # The word sits at the stair's foot (UP) or head (DN); the walking line starts beyond it.
    foot, top = (min_x, max_x) if going_up else (max_x, min_x)
    direction = 1.0 if going_up else -1.0
    word_at = foot + direction * max(run * 0.6, word_size * 0.9)
    tail = word_at + direction * word_size * 0.9
    head = top - direction * run * 0.3
    arrow = min(run * 0.9, (max_y - min_y) * 0.3)
    wing = arrow * 0.45
    items.append(
        polyline(back([(tail, middle), (head, middle)]), **stroke, css_class="walking-line")
    )
    items.append(
        polygon(
            [
                back(
                    [
                        (head, middle),
                        (head - direction * arrow, middle + wing),
                        (head - direction * arrow, middle - wing),
                    ]
                )
            ],
            fill=palette.openings,
        )
    )
    (cx, cy), _ = back([(word_at, middle), (word_at, middle)])
    items.append(
        polygon(
            [rect_ring(cx - word_half, cy - word_size * 0.6, cx + word_half, cy + word_size * 0.6)],
            fill=palette.background,
        )
    )
    items.append(Text(pos=(cx, cy), text=word, size=word_size, fill=palette.text, bold=True))
    return items
