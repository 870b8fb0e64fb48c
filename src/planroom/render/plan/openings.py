"""Door, window and opening symbols drawn into the gaps cut in the walls."""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely.geometry import Polygon

from planroom.floormodel.schema import FloorModel, Opening
from planroom.render.draw.scene import Group, Primitive, Pt, arc_points, polygon, polyline
from planroom.render.geometry import WallAxis, opening_span
from planroom.render.plan.style import Palette, Sizes


def opening_symbols(
    model: FloorModel, level_id: str, palette: Palette, sizes: Sizes, swing_deg: float
) -> Group:
    """Every opening on the level's walls, drawn by kind."""
    group = Group("openings")
    wall_ids = {wall.id for wall in model.walls_on(level_id)}
    for opening in model.openings:
        if opening.wall_id not in wall_ids:
            continue
        group.add(*_symbol(model, opening, palette, sizes, swing_deg))
    return group


def _symbol(
    model: FloorModel, opening: Opening, palette: Palette, sizes: Sizes, swing_deg: float
) -> list[Primitive]:
    wall, axis, start, end = opening_span(model, opening)
    half = wall.thickness / 2.0
    if opening.kind == "window":
        return _window(axis, start, end, half, palette, sizes)
    if opening.kind in ("door", "double_door"):
        return [
            item
            for leaf in door_leaves(model, opening, swing_deg)
            for item in _leaf_symbol(leaf, palette, sizes)
        ]
    if opening.kind == "sliding_door":
        return _sliding(axis, start, end, half, palette, sizes)
    if opening.kind == "garage_door":
        return _garage(axis, start, end, half, opening.swing, palette, sizes)
    return []  # a plain opening is the gap itself


@dataclass(frozen=True)
class Leaf:
    """A hinged leaf: hinge point, width, and the arc from its open tip back to closed."""

    hinge: Pt
    tip: Pt
    width: float
    open_deg: float
    turn: float

    def arc(self) -> list[Pt]:
        return arc_points(self.hinge, self.width, self.open_deg, -self.turn)


def leaf_geometry(
    axis: WallAxis, hinge_at: float, free_at: float, face: float, side: float, swing_deg: float
) -> Leaf:
    """A leaf hinged at `hinge_at` on the wall face `face`, opened `swing_deg` toward `side`.

    The hinge sits on the wall face the door opens toward; closed, the leaf reaches the other jamb.
    """
    hinge = axis.at(hinge_at, face)
    closed = axis.at(free_at, face)
    width = abs(free_at - hinge_at)
    closed_deg = math.degrees(math.atan2(closed[1] - hinge[1], closed[0] - hinge[0]))
    # Turning the closed leaf toward the wall's left is counter-clockwise when the leaf points
    # along the wall, clockwise when it points back toward the wall's start.
    turn = side * (1.0 if free_at > hinge_at else -1.0) * swing_deg
    open_deg = closed_deg + turn
    tip: Pt = (
        hinge[0] + width * math.cos(math.radians(open_deg)),
        hinge[1] + width * math.sin(math.radians(open_deg)),
    )
    return Leaf(hinge=hinge, tip=tip, width=width, open_deg=open_deg, turn=turn)


def door_leaves(model: FloorModel, opening: Opening, swing_deg: float) -> list[Leaf]:
    """The hinged leaves of a door or double door (none otherwise), shared by the 2D plan, the
    CAD drawing and the 3D scene so a door opens the same way in all three."""
    if opening.kind not in ("door", "double_door"):
        return []
    wall, axis, start, end = opening_span(model, opening)
    side = 1.0 if opening.swing != "right" else -1.0
    face = side * wall.thickness / 2.0
    if opening.kind == "double_door":
        middle = (start + end) / 2.0
        return [
            leaf_geometry(axis, start, middle, face, side, swing_deg),
            leaf_geometry(axis, end, middle, face, side, swing_deg),
        ]
    hinge, free = (start, end) if opening.hinge != "end" else (end, start)
    return [leaf_geometry(axis, hinge, free, face, side, swing_deg)]


def door_sectors(model: FloorModel, level_id: str, swing_deg: float) -> list[Polygon]:
    """The floor each door leaf sweeps, so labels can keep clear of it."""
    wall_ids = {wall.id for wall in model.walls_on(level_id)}
    return [
        Polygon([leaf.hinge, *leaf.arc()])
        for opening in model.openings
        if opening.wall_id in wall_ids
        for leaf in door_leaves(model, opening, swing_deg)
    ]


def _leaf_symbol(leaf: Leaf, palette: Palette, sizes: Sizes) -> list[Primitive]:
    leaf_thickness = max(sizes.line * 2.2, 30.0)
    return [
        polyline(leaf.arc(), stroke=palette.openings, width=sizes.hairline, css_class="door-swing"),
        polyline(
            (leaf.hinge, leaf.tip),
            stroke=palette.openings,
            width=leaf_thickness,
            css_class="door-leaf",
        ),
    ]


def _window(
    axis: WallAxis, start: float, end: float, half: float, palette: Palette, sizes: Sizes
) -> list[Primitive]:
    """Frame along both wall faces (filled with the background) and a double glazing line."""
    frame = polygon(
        [(axis.at(start, half), axis.at(end, half), axis.at(end, -half), axis.at(start, -half))],
        fill=palette.background,
        stroke=palette.openings,
        width=sizes.hairline,
        css_class="window",
    )
    pane = half / 3.0
    glazing = [
        polyline(
            (axis.at(start, offset), axis.at(end, offset)),
            stroke=palette.openings,
            width=sizes.hairline,
            css_class="glazing",
        )
        for offset in (pane, -pane)
    ]
    return [frame, *glazing]


def _sliding(
    axis: WallAxis, start: float, end: float, half: float, palette: Palette, sizes: Sizes
) -> list[Primitive]:
    """Two overlapping panels inside the wall thickness, one on each track."""
    panel = (end - start) * 0.55
    depth = half * 0.45
    items: list[Primitive] = [
        polyline(
            (axis.at(start, half), axis.at(start, -half)),
            stroke=palette.openings,
            width=sizes.hairline,
        ),
        polyline(
            (axis.at(end, half), axis.at(end, -half)), stroke=palette.openings, width=sizes.hairline
        ),
    ]
    for a, b, offset in ((start, start + panel, depth / 2), (end - panel, end, -depth / 2)):
        items.append(
            polygon(
                [
                    (
                        axis.at(a, offset + depth / 2),
                        axis.at(b, offset + depth / 2),
                        axis.at(b, offset - depth / 2),
                        axis.at(a, offset - depth / 2),
                    )
                ],
                fill=palette.background,
                stroke=palette.openings,
                width=sizes.hairline,
                css_class="sliding-panel",
            )
        )
    return items


def _garage(
    axis: WallAxis,
    start: float,
    end: float,
    half: float,
    swing: str | None,
    palette: Palette,
    sizes: Sizes,
) -> list[Primitive]:
    """A thin door panel in the gap and the dashed overhead door outline inside the garage."""
    inside = 1.0 if swing != "right" else -1.0
    panel = polygon(
        [
            (
                axis.at(start, half * 0.25),
                axis.at(end, half * 0.25),
                axis.at(end, -half * 0.25),
                axis.at(start, -half * 0.25),
            )
        ],
        fill=palette.background,
        stroke=palette.openings,
        width=sizes.hairline,
        css_class="garage-door",
    )
    reach = half + min(600.0, (end - start) * 0.2)
    dash = (sizes.line * 6, sizes.line * 4)
    track = polyline(
        (
            axis.at(start, inside * half),
            axis.at(start, inside * reach),
            axis.at(end, inside * reach),
            axis.at(end, inside * half),
        ),
        stroke=palette.openings,
        width=sizes.hairline,
        dash=dash,
    )
    return [panel, track]
