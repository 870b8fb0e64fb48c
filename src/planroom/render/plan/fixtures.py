"""Fixtures and furniture as simple line symbols sized to their footprint.

Symbols are drawn in the fixture's own frame (width along x, depth along y, back edge at -y) and
then rotated and moved into place, so any rotation stays square to the fixture.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from planroom.floormodel.schema import Fixture, FloorModel
from planroom.render.draw.scene import Group, Primitive, Pt, Ring, polygon, polyline, rect_ring
from planroom.render.plan.style import Palette, Sizes

Stroke = tuple[Ring, bool]
"""A ring in the fixture frame and whether it is closed."""
Draw = Callable[[float, float], list[Stroke]]


def _closed(ring: Ring) -> Stroke:
    return (ring, True)


def _line(start: Pt, end: Pt) -> Stroke:
    return ((start, end), False)


def _rect(x0: float, y0: float, x1: float, y1: float) -> Stroke:
    return _closed(rect_ring(x0, y0, x1, y1))


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> Stroke:
    ring = tuple(
        (cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
        for a in range(0, 360, 12)
    )
    return _closed(ring)


def _circle(cx: float, cy: float, r: float) -> Stroke:
    return _ellipse(cx, cy, r, r)


def _toilet(w: float, d: float) -> list[Stroke]:
    tank = _rect(-w / 2, -d / 2, w / 2, -d / 2 + d * 0.28)
    return [tank, _ellipse(0, d * 0.12, w * 0.38, d * 0.36)]


def _sink(w: float, d: float) -> list[Stroke]:
    return [
        _rect(-w / 2, -d / 2, w / 2, d / 2),
        _ellipse(0, d * 0.05, w * 0.34, d * 0.3),
        _circle(0, d * 0.05, min(w, d) * 0.04),
    ]


def _bathtub(w: float, d: float) -> list[Stroke]:
    inset = min(w, d) * 0.1
    return [
        _rect(-w / 2, -d / 2, w / 2, d / 2),
        _rect(-w / 2 + inset, -d / 2 + inset, w / 2 - inset, d / 2 - inset),
        _circle(-w / 2 + inset * 2.2, 0, min(w, d) * 0.05),
    ]


def _shower(w: float, d: float) -> list[Stroke]:
    return [
        _rect(-w / 2, -d / 2, w / 2, d / 2),
        _line((-w / 2, -d / 2), (w / 2, d / 2)),
        _line((-w / 2, d / 2), (w / 2, -d / 2)),
        _circle(0, 0, min(w, d) * 0.06),
    ]


def _stove(w: float, d: float) -> list[Stroke]:
    r = min(w, d) * 0.14
    burners = [_circle(x * w * 0.22, y * d * 0.22, r) for x in (-1, 1) for y in (-1, 1)]
    return [_rect(-w / 2, -d / 2, w / 2, d / 2), *burners]


def _boxed_line(w: float, d: float) -> list[Stroke]:
    return [
        _rect(-w / 2, -d / 2, w / 2, d / 2),
        _line((-w / 2, -d / 2 + d * 0.2), (w / 2, -d / 2 + d * 0.2)),
    ]


def _crossed(w: float, d: float) -> list[Stroke]:
    return [
        _rect(-w / 2, -d / 2, w / 2, d / 2),
        _line((-w / 2, -d / 2), (w / 2, d / 2)),
        _line((-w / 2, d / 2), (w / 2, -d / 2)),
    ]


def _diagonal(w: float, d: float) -> list[Stroke]:
    return [_rect(-w / 2, -d / 2, w / 2, d / 2), _line((-w / 2, -d / 2), (w / 2, d / 2))]


def _washer(w: float, d: float) -> list[Stroke]:
    return [_rect(-w / 2, -d / 2, w / 2, d / 2), _circle(0, d * 0.05, min(w, d) * 0.32)]


def _fireplace(w: float, d: float) -> list[Stroke]:
    firebox = ((-w * 0.3, -d / 2), (w * 0.3, -d / 2), (w * 0.2, d * 0.15), (-w * 0.2, d * 0.15))
    return [_rect(-w / 2, -d / 2, w / 2, d / 2), _closed(firebox)]


def _bed(w: float, d: float) -> list[Stroke]:
    pillow_d = d * 0.13
    pillows = (
        [_rect(-w * 0.42, -d / 2 + d * 0.04, -w * 0.04, -d / 2 + d * 0.04 + pillow_d),
         _rect(w * 0.04, -d / 2 + d * 0.04, w * 0.42, -d / 2 + d * 0.04 + pillow_d)]
        if w > 1200
        else [_rect(-w * 0.4, -d / 2 + d * 0.04, w * 0.4, -d / 2 + d * 0.04 + pillow_d)]
    )  # fmt: skip
    fold = _line((-w / 2, -d / 2 + d * 0.3), (w / 2, -d / 2 + d * 0.3))
    return [_rect(-w / 2, -d / 2, w / 2, d / 2), *pillows, fold]


def _sofa(w: float, d: float) -> list[Stroke]:
    arm = min(w * 0.12, d * 0.3)
    back = d * 0.28
    return [
        _rect(-w / 2, -d / 2, w / 2, d / 2),
        _rect(-w / 2 + arm, -d / 2 + back, w / 2 - arm, d / 2),
        _line((0.0, -d / 2 + back), (0.0, d / 2)),
    ]


def _table(w: float, d: float) -> list[Stroke]:
    return [_rect(-w / 2, -d / 2, w / 2, d / 2)]


def _chair(w: float, d: float) -> list[Stroke]:
    return [_rect(-w / 2, -d / 2, w / 2, d / 2), _rect(-w / 2, -d / 2, w / 2, -d / 2 + d * 0.2)]


SYMBOLS: dict[str, Draw] = {
    "toilet": _toilet,
    "sink": _sink,
    "bathtub": _bathtub,
    "shower": _shower,
    "stove": _stove,
    "oven": _boxed_line,
    "refrigerator": _diagonal,
    "dishwasher": _crossed,
    "washer_dryer": _washer,
    "fireplace": _fireplace,
    "storage": _diagonal,
    "bed": _bed,
    "sofa": _sofa,
    "table": _table,
    "chair": _chair,
    "tv": _table,
}


def _place(fixture: Fixture, point: Pt) -> Pt:
    angle = math.radians(fixture.rotation_deg)
    x, y = point
    return (
        fixture.position[0] + x * math.cos(angle) - y * math.sin(angle),
        fixture.position[1] + x * math.sin(angle) + y * math.cos(angle),
    )


def fixture_symbols(model: FloorModel, level_id: str, palette: Palette, sizes: Sizes) -> Group:
    """Every fixture on the level as its symbol, sized to its footprint."""
    group = Group("fixtures")
    for fixture in model.fixtures_on(level_id):
        width, depth = float(fixture.size[0]), float(fixture.size[1])
        for points, closed in SYMBOLS[fixture.category](width, depth):
            placed = tuple(_place(fixture, p) for p in points)
            group.add(_symbol_shape(placed, closed, palette, sizes, fixture.category))
    return group


def _symbol_shape(
    ring: Ring, closed: bool, palette: Palette, sizes: Sizes, category: str
) -> Primitive:
    if closed:
        return polygon(
            [ring],
            fill=palette.background,
            stroke=palette.fixtures,
            width=sizes.hairline,
            css_class=f"fixture fixture-{category}",
        )
    return polyline(ring, stroke=palette.fixtures, width=sizes.hairline)
