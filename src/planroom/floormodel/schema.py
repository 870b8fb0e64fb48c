"""The floor model: the one document every deliverable is drawn from.

Coordinates are integer millimetres in a plan frame (x to the right, y up), so areas are exact
and reproducible. Everything derivable (room dimensions, areas, outlines, counts) is derived by
`planroom.floormodel` functions and never stored here.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID: Final = "planroom.floor-model/1"

Point = tuple[int, int]
"""A plan point in integer millimetres (x right, y up)."""

Polygon = Annotated[list[Point], Field(min_length=3)]
"""A simple polygon, counter-clockwise, without repeating the first point at the end."""

PropertyType = Literal["detached", "attached", "apartment"]
Grade = Literal["above", "below"]
WallKind = Literal["exterior", "interior", "party"]
OpeningKind = Literal["door", "double_door", "sliding_door", "garage_door", "window", "opening"]
SpaceType = Literal[
    "bedroom",
    "bathroom",
    "half_bath",
    "kitchen",
    "living",
    "dining",
    "hall",
    "closet",
    "laundry",
    "utility",
    "garage",
    "porch",
    "deck",
    "balcony",
    "patio",
    "stair",
    "open_to_below",
    "other",
]
FixtureCategory = Literal[
    "toilet",
    "sink",
    "bathtub",
    "shower",
    "stove",
    "oven",
    "refrigerator",
    "dishwasher",
    "washer_dryer",
    "fireplace",
    "storage",
    "bed",
    "sofa",
    "table",
    "chair",
    "tv",
]


class _Element(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PropertyInfo(_Element):
    property_type: PropertyType = "detached"
    north_deg: float | None = Field(
        default=None,
        description="Compass bearing of the plan's +y axis in degrees clockwise from north.",
    )


class Level(_Element):
    id: str
    name: str
    index: int = Field(description="Order from the lowest level (0 is the entry level).")
    elevation: int = Field(default=0, description="Floor elevation in mm above the entry level.")
    grade: Grade = "above"
    ceiling_height: int = Field(default=2438, gt=0, description="Default ceiling height in mm.")


class Wall(_Element):
    id: str
    level_id: str
    start: Point
    end: Point
    thickness: int = Field(gt=0, description="Wall thickness in mm, centred on start-end.")
    height: int = Field(default=2438, gt=0)
    kind: WallKind = "interior"


class Opening(_Element):
    id: str
    wall_id: str
    kind: OpeningKind
    offset: int = Field(
        ge=0, description="Distance in mm along the wall from its start to the opening's centre."
    )
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    sill: int = Field(default=0, ge=0, description="Height of the bottom edge above the floor.")
    hinge: Literal["start", "end"] | None = Field(
        default=None,
        description=(
            "Doors: the opening edge (toward the wall's start or end) that carries the hinge."
        ),
    )
    swing: Literal["left", "right"] | None = Field(
        default=None,
        description="Doors: the side of the wall, looking from start to end, the leaf opens into.",
    )


class SlopedCeiling(_Element):
    """A ceiling whose height varies linearly from one line to a parallel one."""

    low_line: tuple[Point, Point]
    low_height: int = Field(ge=0)
    high_line: tuple[Point, Point]
    high_height: int = Field(gt=0)


class Obstruction(_Element):
    """A beam, duct or soffit hanging below a space's ceiling."""

    footprint: Polygon
    clearance: int = Field(gt=0, description="Height of its underside above the floor in mm.")


class Space(_Element):
    id: str
    level_id: str
    name: str
    type: SpaceType = "other"
    polygon: Polygon
    finished: bool = True
    heated: bool = True
    ceiling_height: int | None = Field(
        default=None, gt=0, description="Flat ceiling height in mm; the level's when absent."
    )
    min_height_under_obstructions: int | None = Field(
        default=None,
        gt=0,
        description="Lowest clearance under beams or ducts, when their footprints are unknown "
        "(the whole space is then judged by it); prefer `obstructions`.",
    )
    obstructions: list[Obstruction] = Field(
        default=[],
        description="Beams and ducts with their footprints: only the floor under one lower than "
        "6 ft 4 in is taken out of GLA.",
    )
    sloped_ceiling: SlopedCeiling | None = None
    adu: bool = Field(default=False, description="Part of an accessory dwelling unit.")


class Stair(_Element):
    id: str
    level_id: str = Field(description="The level the footprint is drawn on (the lower one).")
    from_level_id: str
    to_level_id: str
    footprint: Polygon
    direction_deg: float = Field(
        description="Walking direction going up, degrees counter-clockwise from +x."
    )
    treads: int | None = Field(default=None, gt=0)


class Fixture(_Element):
    id: str
    level_id: str
    category: FixtureCategory
    position: Point = Field(description="Centre of the footprint.")
    size: tuple[int, int] = Field(description="Footprint width (local x) and depth (local y).")
    rotation_deg: float = 0.0
    height: int | None = Field(default=None, gt=0)


FindingCode = Literal[
    "side_closed",
    "room_closed",
    "overlap_divided",
    "room_recovered",
    "room_left_out",
    "name_guessed",
    "property_type_guessed",
    "low_confidence",
    "element_skipped",
    "model_check",
]


class Finding(_Element):
    """Something the automatic import noticed and decided on its own; advisory, never blocking."""

    code: FindingCode
    message: str
    element: str | None = Field(default=None, description="The element it concerns, if one.")


class Source(_Element):
    kind: Literal["roomplan", "planroom", "manual", "redraw", "generated"] = "manual"
    note: str | None = None
    findings: list[Finding] = Field(
        default=[],
        description="What the import of the scan noticed: sides closed, overlaps divided, rooms "
        "recovered, names guessed. Shown to drafters and in the property data.",
    )


class FloorModel(_Element):
    """A whole property: levels and everything drawn on them."""

    schema_id: Literal["planroom.floor-model/1"] = Field(default=SCHEMA_ID, alias="schema")
    property: PropertyInfo = PropertyInfo()
    levels: list[Level]
    walls: list[Wall] = []
    openings: list[Opening] = []
    spaces: list[Space] = []
    stairs: list[Stair] = []
    fixtures: list[Fixture] = []
    source: Source = Source()

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def level(self, level_id: str) -> Level:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(level_id)

    def levels_in_order(self) -> list[Level]:
        return sorted(self.levels, key=lambda level: level.index)

    def walls_on(self, level_id: str) -> list[Wall]:
        return [wall for wall in self.walls if wall.level_id == level_id]

    def spaces_on(self, level_id: str) -> list[Space]:
        return [space for space in self.spaces if space.level_id == level_id]

    def openings_on(self, wall_id: str) -> list[Opening]:
        return [opening for opening in self.openings if opening.wall_id == wall_id]

    def stairs_on(self, level_id: str) -> list[Stair]:
        return [stair for stair in self.stairs if stair.level_id == level_id]

    def fixtures_on(self, level_id: str) -> list[Fixture]:
        return [fixture for fixture in self.fixtures if fixture.level_id == level_id]

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict[str, object]:
    """The published JSON Schema of the floor model."""
    schema = FloorModel.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    return schema
