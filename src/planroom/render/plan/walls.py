"""Room fills and wall poché."""

from __future__ import annotations

from collections.abc import Callable

from shapely.geometry.base import BaseGeometry

from planroom.floormodel.schema import FloorModel, Space
from planroom.render.geometry import level_poche, polygon_rings, space_polygon
from planroom.render.plan.style import Palette, Sizes
from planroom.render.scene import Group, Shape, polygon, polyline


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
    for space in model.spaces_on(level_id):
        shape = space_polygon(space)
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
