"""One story of a scan: each captured room's outline, its walls, and the walls nobody captured.

Rooms come from their own floors (the best geometry a capture has), or for iOS 16 captures from
their walls, closed where the capture stopped early. Overlaps between rooms captured one after
another are divided, rooms a structure left out are rebuilt from its merged walls, sides with no
wall are closed or left open to a neighbour, and then faces become walls with a thickness.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace

from shapely.geometry import LineString, Point, Polygon

from planroom.floormodel.geometry import Region, polygons_of, union
from planroom.floormodel.roomplan.closing import NOTICE_MM, close_from_walls
from planroom.floormodel.roomplan.coverage import point_along, uncovered
from planroom.floormodel.roomplan.open_sides import PORCH_WALLED_SHARE, close_open_sides
from planroom.floormodel.roomplan.overlaps import resolve_overlaps
from planroom.floormodel.roomplan.plan import PlanFace, PlanScan
from planroom.floormodel.roomplan.recovery import recover_rooms
from planroom.floormodel.roomplan.rooms import (
    cluster_faces,
    floor_outline,
    loop_outline,
    straighten_outline,
)
from planroom.floormodel.roomplan.walls import SidedFace, build_walls, side_of
from planroom.floormodel.roomplan.walls_draft import DraftWall, WallThickness
from planroom.floormodel.schema import Finding

REPEATED_FACE_MM = 50.0
"""A structure's merged wall this close to a room's own face repeats it; farther, it is the
other face of that wall (seen first from a room the structure left out)."""
MIN_PIECE_MM = 300.0
CLEARANCE_MM = 20.0
"""Rooms are trimmed back from wall bodies that reach more than this into them."""


@dataclass
class StoryGeometry:
    number: int
    outlines: list[Region]
    walls: list[DraftWall]
    elevation: float
    ceiling: float
    outdoor: list[bool] = field(default_factory=list)


def _own_outline(
    plan: PlanScan, label: str, story: int, faces: list[PlanFace], warnings: list[Finding]
) -> Region | None:
    floors = [floor for floor in plan.floors if floor.room == label and floor.story == story]
    outlines = []
    for floor in floors:
        outline = floor_outline(floor)
        if outline is None:
            warnings.append(
                Finding(
                    code="element_skipped",
                    element=floor.label,
                    message=f"{floor.label}: the floor outline is degenerate and was skipped",
                )
            )
        else:
            outlines.append(outline)
    if outlines:
        return max(polygons_of(union(outlines)), key=lambda piece: piece.area)
    own = [face for face in faces if face.room == label]
    if not own:
        return None
    outline = loop_outline(own)
    if outline is not None:
        return outline
    closed = close_from_walls(own)
    if closed is None:
        walls = len([face for face in own if face.length >= MIN_PIECE_MM])
        warnings.append(
            Finding(
                code="room_left_out",
                element=label,
                message=f"{label}: it has {walls} wall{'s' if walls != 1 else ''} and no "
                "floor, which is not enough to tell where the room is; it was left out",
            )
        )
        return None
    if closed.closed_mm > NOTICE_MM:
        warnings.append(
            Finding(
                code="room_closed",
                element=label,
                message=f"{label}: its walls do not close (the capture stopped early); a side "
                f"of {closed.closed_mm / 1000:.1f} m was closed where no wall was captured",
            )
        )
    elif closed.extended_mm > NOTICE_MM:
        warnings.append(
            Finding(
                code="room_closed",
                element=label,
                message=f"{label}: its walls stop short of their corners by up to "
                f"{closed.extended_mm / 1000:.1f} m; they were carried to the corners",
            )
        )
    return closed.region


def _unrepeated(top: list[PlanFace], own: list[PlanFace]) -> list[PlanFace]:
    """The pieces of a structure's merged walls that no room's own face already gives."""
    kept: list[PlanFace] = []
    for face in top:
        if face.curved:
            if not any(other.curved for other in own):
                kept.append(face)
            continue
        pieces = uncovered(face.start, face.end, own, REPEATED_FACE_MM, MIN_PIECE_MM)
        for number, (low, high) in enumerate(pieces):
            kept.append(
                replace(
                    face,
                    id=f"{face.id}~{number}",
                    start=point_along(face.start, face.end, low),
                    end=point_along(face.start, face.end, high),
                )
            )
    return kept


def _markers(
    plan: PlanScan, story: int, outlines: list[Region]
) -> list[tuple[tuple[float, float], str]]:
    """Section and object points of a structure's own level that lie in no captured room."""
    if not plan.hulls and not any(section.room == "structure" for section in plan.sections):
        return []
    markers: list[tuple[tuple[float, float], str]] = []
    for section in plan.sections:
        if section.story == story and section.room == "structure":
            name = "a room" if section.kind == "unidentified" else f"a {section.kind} section"
            markers.append((section.point, name))
    for item in plan.objects:
        if item.story == story and item.category != "stairs":
            markers.append((item.center, f"a {item.category} ({item.label})"))
    return markers


REVEAL_MM = 450.0
"""A floor reaching less than this past the room's own wall is the reveal of a doorway in it."""


def _without_reveals(outline: Region, own: list[PlanFace]) -> Region:
    """The room stopped at its own captured walls where its floor ran on into a doorway."""
    result = outline
    for face in own:
        if face.curved or face.length < MIN_PIECE_MM:
            continue
        (sx, sy), (ex, ey) = face.start, face.end
        ux, uy = (ex - sx) / face.length, (ey - sy) / face.length
        strips = [
            Polygon(
                [
                    (sx, sy),
                    (ex, ey),
                    (ex - uy * REVEAL_MM * side, ey + ux * REVEAL_MM * side),
                    (sx - uy * REVEAL_MM * side, sy + ux * REVEAL_MM * side),
                ]
            )
            for side in (1, -1)
        ]
        inside = [float(result.intersection(strip).area) for strip in strips]
        outer = 0 if inside[0] < inside[1] else 1
        beyond = inside[outer]
        if beyond <= 0 or beyond > 0.6 * max(inside[1 - outer], 1.0):
            continue
        trimmed = polygons_of(result.difference(strips[outer]))
        if trimmed:
            largest = max(trimmed, key=lambda piece: piece.area)
            if largest.area >= 0.9 * result.area:
                result = largest
    return result


def _trim_to_walls(outline: Region, walls: list[DraftWall]) -> Region:
    """The room without the bodies of walls that reach into it (a neighbour's wall whose one
    captured face the room's floor ran up to)."""
    bodies = [
        LineString([wall.start, wall.end]).buffer(wall.thickness / 2.0, cap_style="flat")
        for wall in walls
        if wall.length > 0
    ]
    if not bodies:
        return outline
    inside = outline.buffer(-CLEARANCE_MM, join_style="mitre")
    reaching = [body for body in bodies if body.intersects(inside)]
    if not reaching:
        return outline
    trimmed = outline.difference(union(reaching))
    pieces = polygons_of(trimmed)
    if not pieces:
        return outline
    largest = max(pieces, key=lambda piece: piece.area)
    return largest if largest.area >= 0.6 * outline.area else outline


def story_geometry(
    plan: PlanScan, story: int, thickness: WallThickness, weld_mm: float, warnings: list[Finding]
) -> StoryGeometry | None:
    all_faces = [face for face in plan.faces if face.story == story]
    own_faces = [face for face in all_faces if face.room != "structure"]
    faces = own_faces + _unrepeated(
        [face for face in all_faces if face.room == "structure"], own_faces
    )
    labels: list[str] = []
    outlines: list[Region] = []
    for label in plan.room_labels:
        outline = _own_outline(plan, label, story, faces, warnings)
        if outline is not None:
            labels.append(label)
            outlines.append(outline)
    for found in recover_rooms(
        _markers(plan, story, outlines),
        outlines,
        faces,
        [hull for hull in plan.hulls if hull.story == story],
        warnings,
        clearance_mm=thickness.interior_mm,
    ):
        labels.append(f"the room around {found.marker}")
        outlines.append(found.region)
    if not outlines and not faces:
        return None
    outlines = resolve_overlaps(outlines, faces, plan.openings, labels, warnings)
    outlines = [
        _without_reveals(outline, [face for face in faces if face.room == label])
        for outline, label in zip(outlines, labels, strict=True)
    ]
    openings = [item for item in plan.openings if item.story == story]
    indoor = [_holds_indoor_things(plan, story, outline) for outline in outlines]
    sides = close_open_sides(outlines, faces, story, openings, indoor)
    outdoor = [
        share < PORCH_WALLED_SHARE and not inside
        for share, inside in zip(sides.walled_share, indoor, strict=True)
    ]
    if sides.faces:
        warnings.append(
            Finding(
                code="side_closed",
                message=f"{len(sides.faces)} side{'s' if len(sides.faces) != 1 else ''} of "
                "rooms had no captured wall and no room beside them; they were closed as "
                "outside walls along the floor edge",
            )
        )
    faces = faces + sides.faces
    sided = cluster_faces([SidedFace(face, side_of(face, outlines)) for face in faces])
    straight_faces = [item.face for item in sided]
    outlines = [straighten_outline(outline, straight_faces) for outline in outlines]
    walls = build_walls(sided, outlines, thickness, weld_mm)
    outlines = [_trim_to_walls(outline, walls) for outline in outlines]
    floors = [floor for floor in plan.floors if floor.story == story]
    bottoms = [floor.elevation for floor in floors] or [face.bottom for face in all_faces]
    heights = [face.height for face in all_faces] or [2438.0]
    return StoryGeometry(
        story,
        outlines,
        walls,
        statistics.median(bottoms) if bottoms else 0.0,
        statistics.median(heights),
        outdoor,
    )


INDOOR_OBJECTS = frozenset(
    {"bed", "toilet", "bathtub", "sink", "stove", "oven", "refrigerator", "dishwasher"}
    | {"washerDryer", "sofa", "television", "fireplace"}
)


def _holds_indoor_things(plan: PlanScan, story: int, outline: Region) -> bool:
    """A labelled section or a bed, a toilet, a stove... inside: a room, never a porch."""
    return any(
        section.kind != "unidentified" and outline.contains(Point(section.point))
        for section in plan.sections
        if section.story == story
    ) or any(
        item.category in INDOOR_OBJECTS and outline.contains(Point(item.center))
        for item in plan.objects
        if item.story == story
    )
