"""Room fills and wall poché."""

from __future__ import annotations

from collections.abc import Callable

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.floormodel.schema import FloorModel, Space
from planroom.render.draw.scene import Group, Shape, polygon, polyline
from planroom.render.geometry import (
    CUT_OVERSHOOT_MM,
    WallAxis,
    largest_polygon,
    level_poche,
    opening_span,
    polygon_rings,
    space_polygon,
)
from planroom.render.plan.style import Palette, Sizes


def room_fills(
    model: FloorModel,
    level_id: str,
    palette: Palette,
    sizes: Sizes,
    fill_for: Callable[[Space], str] | None = None,
) -> Group:
    """One filled path per space, tagged with its id and type so a page can find a room."""
    group = Group("rooms")
    choose = fill_for or palette.fill_for
    sills = door_sills(model, level_id)
    for space in model.spaces_on(level_id):
        shape = space_polygon(space)
        own = [sill for sill in sills.get(space.id, []) if not sill.is_empty]
        if own:
            grown = unary_union([shape, *own])
            # Only a sill that joins the room onto one outline; a stray piece is left off.
            if isinstance(grown, Polygon):
                shape = grown
        for rings in polygon_rings(shape):
            group.add(
                polygon(
                    rings,
                    fill=choose(space),
                    css_class=f"room room-{space.type}",
                    data=(("space-id", space.id), ("space-type", space.type)),
                )
            )
        if space.type == "open_to_below":
            group.add(*_void_cross(shape, palette, sizes))
    return group


# How far a door's half-gap may reach past the wall face to find the room's floor polygon.
SILL_REACH_MM = 30.0


def door_sills(model: FloorModel, level_id: str) -> dict[str, list[Polygon]]:
    """The halves of every door and opening gap, per space id of the room on that side.

    The wall cut-out of a door is otherwise left in the background colour, a white notch in a
    coloured room; each room's fill runs on to the wall's centre line instead. Windows keep their
    frame, and a gap half with no room beside it (the outside) stays as it is.
    """
    shapes = {space.id: space_polygon(space) for space in model.spaces_on(level_id)}
    wall_ids = {wall.id for wall in model.walls_on(level_id)}
    sills: dict[str, list[Polygon]] = {}
    for opening in model.openings:
        if opening.wall_id not in wall_ids or opening.kind == "window":
            continue
        wall, axis, start, end = opening_span(model, opening)
        face = wall.thickness / 2.0 + CUT_OVERSHOOT_MM
        for side in (1.0, -1.0):
            half = _band(axis, start, end, side * face)
            reach = _band(axis, start, end, side * (face + SILL_REACH_MM))
            touching = sorted(
                (float(reach.intersection(shape).area), space_id)
                for space_id, shape in shapes.items()
                if reach.intersects(shape)
            )
            if not touching or touching[-1][0] <= 0.0:
                continue
            owner = touching[-1][1]
            # Bridge the few millimetres a scanned room may stop short of the wall face.
            bridge = reach.intersection(shapes[owner].buffer(SILL_REACH_MM, join_style="mitre"))
            sill = largest_polygon(half.union(bridge))
            if sill is not None:
                sills.setdefault(owner, []).append(sill)
    return sills


def _band(axis: WallAxis, start: float, end: float, offset: float) -> Polygon:
    """The strip of a gap from the wall's centre line to `offset` (left positive)."""
    return Polygon(
        (axis.at(start, 0.0), axis.at(end, 0.0), axis.at(end, offset), axis.at(start, offset))
    )


def _void_cross(shape: BaseGeometry, palette: Palette, sizes: Sizes) -> list[Shape]:
    """The diagonal cross architects draw over a floor opening."""
    min_x, min_y, max_x, max_y = (float(v) for v in shape.bounds)
    dash = (sizes.line * 8, sizes.line * 5)
    style = {"stroke": palette.dimensions, "width": sizes.hairline, "dash": dash}
    return [
        polyline(((min_x, min_y), (max_x, max_y)), **style),
        polyline(((min_x, max_y), (max_x, min_y)), **style),
    ]


def wall_poche(model: FloorModel, level_id: str, colour: str) -> tuple[Group, BaseGeometry]:
    """The walls as filled polygons (openings cut out); returns the region too for label fitting."""
    region = level_poche(model, level_id)
    group = Group("walls")
    for rings in polygon_rings(region):
        group.add(polygon(rings, fill=colour, css_class="wall"))
    return group, region
