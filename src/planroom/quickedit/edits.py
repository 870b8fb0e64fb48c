"""The edits the Quick Edit page sends, and what they do to a floor model.

An edit is a list of operations on the model version the page was showing. Room operations
change what a room is (name, type, finished, heated, enclosed, ceiling height); anyone with a
link may make them, and the property edit (type, north; see `boundaries`). Wall, opening and
room-boundary operations change the geometry and are a drafter's. Each
operation says in one sentence what it changed; the sentences are stored with the version.

"Enclosed" is not a field of its own in the floor model: a space type is indoor or outdoor
(`porch`, `deck`, `balcony`, `patio`). Unticking it makes an indoor room a porch; ticking it
makes an outdoor space a room of type `other`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from planroom.core.errors import Forbidden, NotFound
from planroom.floormodel.classification import OUTDOOR_TYPES
from planroom.floormodel.schema import FloorModel, Opening, OpeningKind, Space, SpaceType, Wall
from planroom.floormodel.schema import WallKind as WallKind
from planroom.quickedit.boundaries import (
    AddRoom,
    DeleteRoom,
    PropertyEdit,
    ReshapeRoom,
    apply_boundary,
    apply_property,
)

Mode = Literal["customer", "drafter"]
Coordinate = Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
PointIn = tuple[Coordinate, Coordinate]
MAX_NAME = 80
DEFAULT_THICKNESS = {"exterior": 152, "interior": 114, "party": 200}


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RoomEdit(_Op):
    op: Literal["room"]
    id: str = Field(max_length=200)
    name: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    type: SpaceType | None = None
    finished: bool | None = None
    heated: bool | None = None
    enclosed: bool | None = None
    ceiling_height: int | None = Field(default=None, ge=300, le=20_000)
    """Millimetres; send `clear_ceiling_height` to go back to the level's height."""
    clear_ceiling_height: bool = False


class AddWall(_Op):
    op: Literal["add_wall"]
    level_id: str = Field(max_length=200)
    start: PointIn
    end: PointIn
    kind: WallKind = "interior"
    thickness: int | None = Field(default=None, ge=20, le=1000)


class MoveWall(_Op):
    op: Literal["move_wall"]
    id: str = Field(max_length=200)
    start: PointIn
    end: PointIn


class DeleteWall(_Op):
    op: Literal["delete_wall"]
    id: str = Field(max_length=200)


class AddOpening(_Op):
    op: Literal["add_opening"]
    wall_id: str = Field(max_length=200)
    kind: OpeningKind
    offset: int = Field(ge=0, le=1_000_000)
    width: int = Field(gt=0, le=10_000)
    height: int | None = Field(default=None, gt=0, le=10_000)


class MoveOpening(_Op):
    op: Literal["move_opening"]
    id: str = Field(max_length=200)
    offset: int = Field(ge=0, le=1_000_000)
    width: int | None = Field(default=None, gt=0, le=10_000)


class DeleteOpening(_Op):
    op: Literal["delete_opening"]
    id: str = Field(max_length=200)


Operation = Annotated[
    RoomEdit
    | PropertyEdit
    | AddWall
    | MoveWall
    | DeleteWall
    | AddOpening
    | MoveOpening
    | DeleteOpening
    | AddRoom
    | ReshapeRoom
    | DeleteRoom,
    Field(discriminator="op"),
]
GEOMETRY_OPS = (
    AddWall,
    MoveWall,
    DeleteWall,
    AddOpening,
    MoveOpening,
    DeleteOpening,
    AddRoom,
    ReshapeRoom,
    DeleteRoom,
)


@dataclass
class Applied:
    """The edited model and what the edit did."""

    model: FloorModel
    changes: list[str] = field(default_factory=list)
    touched_levels: set[str] = field(default_factory=set)
    """Levels whose walls changed: their rooms are re-outlined from the walls."""
    touched_walls: list[tuple[str, tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    """(level, start, end) of every wall added, moved (old and new place) or deleted."""
    property_changed: bool = False
    """The property type or north changed: the order takes the model's."""


def require_allowed(operations: list[Operation], mode: Mode) -> None:
    """A customer changes rooms only; walls and openings are a drafter's (403)."""
    if mode == "drafter":
        return
    for operation in operations:
        if isinstance(operation, GEOMETRY_OPS):
            raise Forbidden(
                "Walls, openings and room boundaries are changed by a drafter: ask for the "
                "change with a change request (POST /api/integrate/v3/orders/{id}/change-requests)."
            )


def _space(model: FloorModel, space_id: str) -> Space:
    for space in model.spaces:
        if space.id == space_id:
            return space
    raise NotFound(f"The plan has no room {space_id!r}; reload the page to see the current plan.")


def _wall(model: FloorModel, wall_id: str) -> Wall:
    for wall in model.walls:
        if wall.id == wall_id:
            return wall
    raise NotFound(f"The plan has no wall {wall_id!r}; reload the page to see the current plan.")


def _opening(model: FloorModel, opening_id: str) -> Opening:
    for opening in model.openings:
        if opening.id == opening_id:
            return opening
    raise NotFound(
        f"The plan has no opening {opening_id!r}; reload the page to see the current plan."
    )


def _new_id(model: FloorModel, prefix: str) -> str:
    taken = {wall.id for wall in model.walls}
    taken |= {opening.id for opening in model.openings}
    taken |= {space.id for space in model.spaces}
    for number in itertools.count(1):
        candidate = f"{prefix}{number}"
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")


def _metres(value_mm: int) -> str:
    return f"{value_mm / 1000:.2f} m"


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def apply_room(model: FloorModel, edit: RoomEdit) -> tuple[FloorModel, list[str]]:
    space = _space(model, edit.id)
    update: dict[str, object] = {}
    said: list[str] = []
    label = f'Room "{space.name}"'
    if edit.name is not None and edit.name.strip() and edit.name.strip() != space.name:
        update["name"] = edit.name.strip()
        said.append(f'{label} renamed to "{edit.name.strip()}"')
    new_type = edit.type if edit.type is not None else space.type
    if edit.enclosed is not None and edit.enclosed != (new_type not in OUTDOOR_TYPES):
        new_type = "other" if edit.enclosed else "porch"
    if new_type != space.type:
        update["type"] = new_type
        said.append(f"{label}: type {space.type} → {new_type}")
    for name in ("finished", "heated"):
        value = getattr(edit, name)
        if value is not None and value != getattr(space, name):
            update[name] = value
            said.append(f"{label}: {name} {_yes(getattr(space, name))} → {_yes(value)}")
    if edit.clear_ceiling_height and space.ceiling_height is not None:
        update["ceiling_height"] = None
        said.append(f"{label}: ceiling height back to the level's")
    elif edit.ceiling_height is not None and edit.ceiling_height != space.ceiling_height:
        update["ceiling_height"] = edit.ceiling_height
        before = _metres(space.ceiling_height) if space.ceiling_height else "the level's"
        said.append(f"{label}: ceiling height {before} → {_metres(edit.ceiling_height)}")
    if not update:
        return model, []
    edited = space.model_copy(update=update)
    spaces = [edited if item.id == space.id else item for item in model.spaces]
    return model.model_copy(update={"spaces": spaces}), said


def _geometry(model: FloorModel, operation: Operation, applied: Applied) -> FloorModel:
    if isinstance(operation, AddWall):
        if all(level.id != operation.level_id for level in model.levels):
            _missing_level(operation.level_id)
        thickness = operation.thickness or DEFAULT_THICKNESS[operation.kind]
        height = model.level(operation.level_id).ceiling_height
        wall = Wall(
            id=_new_id(model, "qe-w"),
            level_id=operation.level_id,
            start=operation.start,
            end=operation.end,
            thickness=thickness,
            height=height,
            kind=operation.kind,
        )
        applied.changes.append(
            f"Wall {wall.id} added on {model.level(wall.level_id).name} "
            f"from {wall.start} to {wall.end}"
        )
        applied.touched_levels.add(wall.level_id)
        applied.touched_walls.append((wall.level_id, wall.start, wall.end))
        return model.model_copy(update={"walls": [*model.walls, wall]})
    if isinstance(operation, MoveWall):
        wall = _wall(model, operation.id)
        moved = wall.model_copy(update={"start": operation.start, "end": operation.end})
        applied.changes.append(f"Wall {wall.id} moved to {moved.start} - {moved.end}")
        applied.touched_levels.add(wall.level_id)
        applied.touched_walls.append((wall.level_id, wall.start, wall.end))
        applied.touched_walls.append((wall.level_id, moved.start, moved.end))
        walls = [moved if item.id == wall.id else item for item in model.walls]
        return model.model_copy(update={"walls": walls})
    if isinstance(operation, DeleteWall):
        wall = _wall(model, operation.id)
        gone = [opening.id for opening in model.openings_on(wall.id)]
        applied.changes.append(
            f"Wall {wall.id} deleted" + (f" with its openings {', '.join(gone)}" if gone else "")
        )
        applied.touched_levels.add(wall.level_id)
        applied.touched_walls.append((wall.level_id, wall.start, wall.end))
        return model.model_copy(
            update={
                "walls": [item for item in model.walls if item.id != wall.id],
                "openings": [item for item in model.openings if item.wall_id != wall.id],
            }
        )
    if isinstance(operation, AddOpening):
        wall = _wall(model, operation.wall_id)
        is_window = operation.kind == "window"
        opening = Opening(
            id=_new_id(model, "qe-o"),
            wall_id=wall.id,
            kind=operation.kind,
            offset=operation.offset,
            width=operation.width,
            height=operation.height or (1200 if is_window else 2032),
            sill=900 if is_window else 0,
            hinge="start" if operation.kind == "door" else None,
            swing="left" if operation.kind == "door" else None,
        )
        applied.changes.append(
            f"{operation.kind.replace('_', ' ').capitalize()} {opening.id} added on wall "
            f"{wall.id}, {_metres(opening.width)} wide"
        )
        return model.model_copy(update={"openings": [*model.openings, opening]})
    if isinstance(operation, MoveOpening):
        opening = _opening(model, operation.id)
        update: dict[str, object] = {"offset": operation.offset}
        if operation.width is not None:
            update["width"] = operation.width
        moved_opening = opening.model_copy(update=update)
        applied.changes.append(
            f"Opening {opening.id} moved to {_metres(moved_opening.offset)} along its wall, "
            f"{_metres(moved_opening.width)} wide"
        )
        openings = [moved_opening if item.id == opening.id else item for item in model.openings]
        return model.model_copy(update={"openings": openings})
    if isinstance(operation, DeleteOpening):
        opening = _opening(model, operation.id)
        applied.changes.append(f"Opening {opening.id} deleted")
        return model.model_copy(
            update={"openings": [item for item in model.openings if item.id != opening.id]}
        )
    raise AssertionError(f"unhandled operation {operation!r}")


def _missing_level(level_id: str) -> None:
    raise NotFound(f"The plan has no level {level_id!r}; reload the page to see the current plan.")


def apply_operations(model: FloorModel, operations: list[Operation]) -> Applied:
    """Every operation in order on `model`; the caller validates the result."""
    applied = Applied(model=model)
    for operation in operations:
        if isinstance(operation, RoomEdit):
            applied.model, said = apply_room(applied.model, operation)
            applied.changes.extend(said)
        elif isinstance(operation, PropertyEdit):
            applied.model, said = apply_property(applied.model, operation)
            applied.changes.extend(said)
            applied.property_changed = applied.property_changed or bool(said)
        elif isinstance(operation, AddRoom | ReshapeRoom | DeleteRoom):
            applied.model, said = apply_boundary(applied.model, operation)
            applied.changes.extend(said)
        else:
            applied.model = _geometry(applied.model, operation, applied)
    return applied
