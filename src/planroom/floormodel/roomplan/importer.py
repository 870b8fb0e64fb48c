"""A RoomPlan scan into a floor model: stories, walls, rooms, openings, fixtures and stairs."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from planroom.floormodel.attribution import side_contacts
from planroom.floormodel.classification import OUTDOOR_TYPES
from planroom.floormodel.errors import ScanUnreadable
from planroom.floormodel.geometry import polygon_of, union, wall_footprint
from planroom.floormodel.roomplan.merging import merge_continuing_walls
from planroom.floormodel.roomplan.objects import fixtures_and_stairs
from planroom.floormodel.roomplan.openings import (
    PlacedOpening,
    host_wall,
    merge_duplicates,
    place,
    swing,
)
from planroom.floormodel.roomplan.plan import PlanScan, Vec, project, square, to_whole_mm
from planroom.floormodel.roomplan.property_kind import guess_property_type
from planroom.floormodel.roomplan.spaces import story_spaces
from planroom.floormodel.roomplan.story import StoryGeometry, story_geometry
from planroom.floormodel.roomplan.walls_draft import WallThickness
from planroom.floormodel.roomplan.wire import RawScan, read_scan
from planroom.floormodel.schema import (
    Finding,
    FloorModel,
    Level,
    Opening,
    PropertyInfo,
    Source,
    Space,
    Wall,
)

LEVEL_NAMES = {
    -2: "Lower Basement",
    -1: "Basement",
    0: "First Floor",
    1: "Second Floor",
    2: "Third Floor",
    3: "Fourth Floor",
}


@dataclass(frozen=True)
class ImportOptions:
    """Assumptions for what a scan does not measure. The defaults follow the floor-model spec."""

    exterior_wall_mm: int = 152
    interior_wall_mm: int = 114
    weld_mm: float = 50.0


@dataclass(frozen=True)
class ImportResult:
    model: FloorModel
    form: str
    turned_deg: float
    warnings: list[Finding] = field(default_factory=list)


def _levels(stories: Sequence[StoryGeometry]) -> list[Level]:
    base = next((story for story in stories if story.number >= 0), stories[0])
    levels = []
    for story in stories:
        elevation = round((story.elevation - base.elevation) / 10.0) * 10
        levels.append(
            Level(
                id=f"L{story.number}",
                name=LEVEL_NAMES.get(story.number, f"Level {story.number + 1}"),
                index=story.number,
                elevation=elevation,
                grade="below" if story.number < 0 else "above",
                ceiling_height=max(1, round(story.ceiling / 10.0) * 10),
            )
        )
    return levels


def _shift(stories: Sequence[StoryGeometry]) -> Vec:
    """Move the plan so everything drawn lies at non-negative coordinates."""
    regions = [outline for story in stories for outline in story.outlines]
    for story in stories:
        for draft in story.walls:
            regions.append(
                wall_footprint(
                    Wall(
                        id="probe",
                        level_id="probe",
                        start=to_whole_mm(draft.start, (0, 0)),
                        end=to_whole_mm(draft.end, (0, 0)),
                        thickness=max(1, round(draft.thickness)),
                    )
                )
            )
    bounds = union(regions).bounds
    return (math.floor(bounds[0]), math.floor(bounds[1]))


def import_roomplan(document: object, options: ImportOptions | None = None) -> ImportResult:
    """Turn a parsed RoomPlan JSON document into a floor model.

    Raises `ScanUnreadable` naming the element when the scan cannot be read.
    """
    options = options or ImportOptions()
    raw = read_scan(document)
    warnings = [Finding(code="element_skipped", message=text) for text in raw.warnings]
    plan, turned = square(project(raw))
    numbers = sorted({face.story for face in plan.faces} | {floor.story for floor in plan.floors})
    thickness = WallThickness(options.exterior_wall_mm, options.interior_wall_mm)
    stories = [
        story
        for number in numbers
        if (story := story_geometry(plan, number, thickness, options.weld_mm, warnings)) is not None
    ]
    if not any(story.outlines for story in stories):
        why = [finding.message for finding in warnings if finding.code == "room_left_out"]
        raise ScanUnreadable(
            "no room could be formed: "
            + ("; ".join(why) if why else "the scan has no floors and its walls do not close")
        )
    shift = _shift(stories)
    levels = _levels(stories)
    walls: list[Wall] = []
    spaces: list[Space] = []
    for story, level in zip(stories, levels, strict=True):
        walls.extend(_walls(story, level, shift, len(walls)))
    fixtures, stairs = fixtures_and_stairs(plan, levels, shift, warnings)
    openings = _openings(plan, levels, walls, shift, warnings)
    for story, level in zip(stories, levels, strict=True):
        spaces.extend(
            story_spaces(
                story.outlines,
                story.number,
                level,
                shift,
                walls,
                openings,
                plan,
                stairs,
                len(spaces),
                story.outdoor,
                warnings,
            )
        )
    walls = _outdoor_walls_are_exterior(walls, spaces, options)
    walls, openings = merge_continuing_walls(walls, openings)
    openings = [
        swing(opening, wall, level_walls, level_spaces, fixtures, stairs)
        for opening in openings
        for wall in [next(w for w in walls if w.id == opening.wall_id)]
        for level_walls in [[w for w in walls if w.level_id == wall.level_id]]
        for level_spaces in [[s for s in spaces if s.level_id == wall.level_id]]
    ]
    warnings.extend(_confidence(raw))
    property_type, guessed = guess_property_type(levels, spaces, stairs, openings)
    warnings.append(guessed)
    model = FloorModel(
        property=PropertyInfo(property_type=property_type),
        levels=levels,
        walls=walls,
        openings=openings,
        spaces=spaces,
        stairs=stairs,
        fixtures=fixtures,
        source=Source(
            kind="roomplan",
            note=f"RoomPlan {raw.form}; turned {turned:.1f} degrees",
            findings=warnings,
        ),
    )
    return ImportResult(model=model, form=raw.form, turned_deg=turned, warnings=warnings)


LOW_CONFIDENCE = 0.5
LOW_CONFIDENCE_SHARE = 0.25


def _confidence(raw: RawScan) -> list[Finding]:
    """A finding when RoomPlan itself was unsure of many of the walls."""
    walls = [s for room in raw.rooms for s in room.surfaces if s.kind == "wall"]
    unsure = [wall for wall in walls if wall.confidence < LOW_CONFIDENCE]
    if not walls or len(unsure) < LOW_CONFIDENCE_SHARE * len(walls):
        return []
    return [
        Finding(
            code="low_confidence",
            message=f"RoomPlan reported low confidence for {len(unsure)} of {len(walls)} "
            "walls; check the plan against the property",
        )
    ]


def _outdoor_walls_are_exterior(
    walls: Sequence[Wall], spaces: Sequence[Space], options: ImportOptions
) -> list[Wall]:
    """A wall between a room and a porch was scanned from both sides, but it is an outside wall."""
    shapes = {space.id: polygon_of(space.polygon) for space in spaces}
    kinds = {space.id: space.type for space in spaces}
    contacts = side_contacts(walls, shapes) if shapes else {}
    result = []
    for wall in walls:
        beside = {kinds[contact.space_id] in OUTDOOR_TYPES for contact in contacts.get(wall.id, [])}
        if wall.kind == "interior" and True in beside:
            wall = wall.model_copy(
                update={"kind": "exterior", "thickness": options.exterior_wall_mm}
            )
        result.append(wall)
    return result


def _walls(story: StoryGeometry, level: Level, shift: Vec, numbered: int) -> list[Wall]:
    drafts = sorted(
        story.walls,
        key=lambda d: (round(min(d.start[1], d.end[1])), round(min(d.start[0], d.end[0]))),
    )
    walls: list[Wall] = []
    for draft in drafts:
        start, end = to_whole_mm(draft.start, shift), to_whole_mm(draft.end, shift)
        if start == end:
            continue
        walls.append(
            Wall(
                id=f"w{numbered + len(walls) + 1}",
                level_id=level.id,
                start=start,
                end=end,
                thickness=max(1, round(draft.thickness)),
                height=max(1, round(draft.height)),
                kind="exterior" if draft.kind == "exterior" else "interior",
            )
        )
    return walls


def _openings(
    plan: PlanScan,
    levels: Sequence[Level],
    walls: Sequence[Wall],
    shift: Vec,
    warnings: list[Finding],
) -> list[Opening]:
    level_of = {level.index: level for level in levels}
    placed: list[PlacedOpening] = []
    for item in plan.openings:
        level = level_of.get(item.story)
        if level is None:
            warnings.append(
                Finding(
                    code="element_skipped",
                    element=item.label,
                    message=f"{item.label}: its story has no walls; it was skipped",
                )
            )
            continue
        center = (item.center[0] - shift[0], item.center[1] - shift[1])
        on_level = [wall for wall in walls if wall.level_id == level.id]
        found = host_wall(center, on_level)
        if found is None:
            warnings.append(
                Finding(
                    code="element_skipped",
                    element=item.label,
                    message=f"{item.label}: no wall near it; it was skipped",
                )
            )
            continue
        sill = item.bottom - _floor_height(plan, item.story)
        placed.append(place(found[0], item.kind, center, item.width, item.height, sill, item.label))
    openings: list[Opening] = []
    for index, merged in enumerate(merge_duplicates(placed)):
        openings.append(
            Opening(
                id=f"o{index + 1}",
                wall_id=merged.wall_id,
                kind=merged.kind,
                offset=max(0, round(merged.offset)),
                width=max(1, round(merged.width)),
                height=max(1, round(merged.height)),
                sill=max(0, round(merged.sill)) if merged.kind == "window" else 0,
            )
        )
    return openings


def _floor_height(plan: PlanScan, story: int) -> float:
    floors = [floor.elevation for floor in plan.floors if floor.story == story]
    if floors:
        return statistics.median(floors)
    bottoms = [face.bottom for face in plan.faces if face.story == story]
    return statistics.median(bottoms) if bottoms else 0.0
