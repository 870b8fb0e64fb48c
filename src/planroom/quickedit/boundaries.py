"""Edits of what the plan is as a whole and of room boundaries.

`property` sets the property type (detached / attached / apartment) and the north direction;
anyone with a link may make it. `add_room`, `reshape_room` and `delete_room` change a room's
boundary (the polygon its area is measured on) and are a drafter's, like walls and openings.
The page snaps the points it sends to wall faces, wall ends and other rooms' corners; the server
takes the points as sent and checks the result like any other saved model (rooms may not overlap,
polygons must be simple).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from shapely.geometry import Polygon as ShapelyPolygon

from planroom.core.errors import BadRequest, NotFound
from planroom.floormodel.schema import FloorModel, PropertyInfo, PropertyType, Space, SpaceType

Coordinate = Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
PointIn = tuple[Coordinate, Coordinate]
MAX_POINTS = 400


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PropertyEdit(_Op):
    op: Literal["property"]
    property_type: PropertyType | None = None
    north_deg: float | None = Field(default=None, ge=0, lt=360)
    """Compass bearing of the plan's up direction, degrees clockwise from north."""
    clear_north: bool = False


class AddRoom(_Op):
    op: Literal["add_room"]
    level_id: str = Field(max_length=200)
    polygon: list[PointIn] = Field(min_length=3, max_length=MAX_POINTS)
    name: str = Field(default="Room", min_length=1, max_length=80)
    type: SpaceType = "other"


class ReshapeRoom(_Op):
    op: Literal["reshape_room"]
    id: str = Field(max_length=200)
    polygon: list[PointIn] = Field(min_length=3, max_length=MAX_POINTS)


class DeleteRoom(_Op):
    op: Literal["delete_room"]
    id: str = Field(max_length=200)


def _area_m2(points: list[tuple[int, int]]) -> float:
    return float(ShapelyPolygon(points).area) / 1e6


def _outline(points: list[PointIn], what: str) -> list[tuple[int, int]]:
    """The points as a ring without repeats; a clear 400 when they enclose nothing."""
    ring: list[tuple[int, int]] = []
    for x, y in points:
        if not ring or ring[-1] != (x, y):
            ring.append((x, y))
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    shape = ShapelyPolygon(ring) if len(ring) >= 3 else None
    if shape is None or not shape.is_valid or shape.area < 0.25e6:
        raise BadRequest(
            f"The boundary of {what} must enclose at least 0.25 m² without crossing itself."
        )
    return ring


def _find(model: FloorModel, space_id: str) -> Space:
    for space in model.spaces:
        if space.id == space_id:
            return space
    raise NotFound(f"The plan has no room {space_id!r}; reload the page to see the current plan.")


def apply_property(model: FloorModel, edit: PropertyEdit) -> tuple[FloorModel, list[str]]:
    info = model.property
    said: list[str] = []
    property_type, north = info.property_type, info.north_deg
    if edit.property_type is not None and edit.property_type != info.property_type:
        property_type = edit.property_type
        said.append(f"Property type {info.property_type} → {property_type}")
    if edit.clear_north and info.north_deg is not None:
        north = None
        said.append("North direction cleared")
    elif edit.north_deg is not None and edit.north_deg != info.north_deg:
        north = round(edit.north_deg, 1)
        before = f"{info.north_deg:g}°" if info.north_deg is not None else "unset"
        said.append(f"North direction {before} → {north:g}°")
    if not said:
        return model, []
    updated = PropertyInfo(property_type=property_type, north_deg=north)
    return model.model_copy(update={"property": updated}), said


def _new_room_id(model: FloorModel) -> str:
    taken = {space.id for space in model.spaces}
    taken |= {wall.id for wall in model.walls} | {item.id for item in model.openings}
    number = 1
    while f"qe-r{number}" in taken:
        number += 1
    return f"qe-r{number}"


def apply_boundary(
    model: FloorModel, edit: AddRoom | ReshapeRoom | DeleteRoom
) -> tuple[FloorModel, list[str]]:
    if isinstance(edit, AddRoom):
        if all(level.id != edit.level_id for level in model.levels):
            raise NotFound(
                f"The plan has no level {edit.level_id!r}; reload the page to see the current plan."
            )
        ring = _outline(edit.polygon, f'the new room "{edit.name}"')
        space = Space(
            id=_new_room_id(model),
            level_id=edit.level_id,
            name=edit.name.strip() or "Room",
            type=edit.type,
            polygon=ring,
        )
        said = (
            f'Room "{space.name}" ({space.id}) added on {model.level(space.level_id).name}, '
            f"{_area_m2(ring):.2f} m²"
        )
        return model.model_copy(update={"spaces": [*model.spaces, space]}), [said]
    space = _find(model, edit.id)
    if isinstance(edit, DeleteRoom):
        spaces = [item for item in model.spaces if item.id != space.id]
        return model.model_copy(update={"spaces": spaces}), [f'Room "{space.name}" deleted']
    ring = _outline(edit.polygon, f'room "{space.name}"')
    if ring == list(space.polygon):
        return model, []
    before = _area_m2(list(space.polygon))
    reshaped = space.model_copy(update={"polygon": ring})
    spaces = [reshaped if item.id == space.id else item for item in model.spaces]
    said = f'Room "{space.name}" boundary moved: {before:.2f} m² → {_area_m2(ring):.2f} m²'
    return model.model_copy(update={"spaces": spaces}), [said]
