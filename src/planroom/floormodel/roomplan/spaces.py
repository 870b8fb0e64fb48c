"""Rooms of one story: outlines in whole millimetres, typed and named."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from shapely.geometry import Point

from planroom.floormodel.geometry import (
    Region,
    polygon_of,
    polygons_of,
    union,
    wall_footprint,
    wall_point,
)
from planroom.floormodel.roomplan import naming
from planroom.floormodel.roomplan.plan import PlanScan, Vec, to_whole_mm
from planroom.floormodel.schema import Finding, Level, Opening, Space, SpaceType, Stair, Wall

UNFINISHED_TYPES = frozenset({"garage", "porch", "deck", "balcony", "patio"})


def story_spaces(
    outlines_plan: Sequence[Region],
    story_number: int,
    level: Level,
    shift: Vec,
    walls: Sequence[Wall],
    openings: Sequence[Opening],
    plan: PlanScan,
    stairs: Sequence[Stair],
    numbered: int,
    outdoor: Sequence[bool] = (),
    findings: list[Finding] | None = None,
) -> list[Space]:
    """The story's rooms, moved by `shift` onto whole millimetres, typed, named and numbered."""
    level_walls = [wall for wall in walls if wall.level_id == level.id]
    near_walls = union(wall_footprint(wall) for wall in level_walls).buffer(60.0)
    outlines = []
    for index, outline in enumerate(outlines_plan):
        points = _corners(outline, shift)
        shape = polygon_of(points)
        if shape.geom_type != "Polygon":
            # rounding to millimetres made the outline touch itself: keep its main piece
            pieces = polygons_of(shape)
            if not pieces:
                continue
            points = _corners(max(pieces, key=lambda piece: piece.area), (0.0, 0.0))
            shape = polygon_of(points)
        if shape.geom_type != "Polygon" or shape.is_empty or shape.area <= 0:
            continue
        outside = outdoor[index] if index < len(outdoor) else None
        outlines.append((points, shape, outside))
    outlines.sort(key=lambda item: (-round(item[1].area), item[0][0]))
    types: list[SpaceType] = []
    guessed: list[bool] = []
    for _, shape, outside in outlines:
        evidence = _evidence(
            shape, story_number, level, shift, level_walls, openings, plan, near_walls
        )
        if outside is not None:
            evidence = replace(evidence, outdoor=outside)
        runs_through = any(
            level.id in (stair.from_level_id, stair.to_level_id)
            and shape.intersection(polygon_of(stair.footprint)).area
            > 0.3 * polygon_of(stair.footprint).area
            for stair in stairs
        )
        types.append(naming.infer_type(replace(evidence, stairs=runs_through)))
        guessed.append(not any(label in naming.SECTION_TYPES for label in evidence.sections))
    names = naming.name_rooms(types)
    spaces: list[Space] = []
    for (points, shape, _), kind, name in zip(outlines, types, names, strict=True):
        if shape.exterior.is_ccw is False:
            points = list(reversed(points))
        unfinished = kind in UNFINISHED_TYPES or (kind == "utility" and level.grade == "below")
        spaces.append(
            Space(
                id=f"s{numbered + len(spaces) + 1}",
                level_id=level.id,
                name=name,
                type=kind,
                polygon=points,
                finished=not unfinished,
                heated=not unfinished,
            )
        )
    if findings is not None:
        for space, was_guessed in zip(spaces, guessed, strict=True):
            if was_guessed:
                findings.append(
                    Finding(
                        code="name_guessed",
                        element=f"space {space.id}",
                        message=f"space {space.id}: the scan does not label this room; "
                        f"{space.name!r} was judged from what is in it and its shape",
                    )
                )
    return spaces


def _corners(outline: Region, shift: Vec) -> list[tuple[int, int]]:
    """Whole-millimetre corners, without the repeats and straight-through points rounding makes."""
    points: list[tuple[int, int]] = []
    for point in list(outline.exterior.coords)[:-1]:
        whole = to_whole_mm((float(point[0]), float(point[1])), shift)
        if not points or whole != points[-1]:
            points.append(whole)
    while len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def _evidence(
    shape: Region,
    story_number: int,
    level: Level,
    shift: Vec,
    walls: Sequence[Wall],
    openings: Sequence[Opening],
    plan: PlanScan,
    near_walls: Region,
) -> naming.RoomEvidence:
    def inside(point: Vec) -> bool:
        return bool(shape.buffer(300.0).contains(Point(point[0] - shift[0], point[1] - shift[1])))

    sections = [s.kind for s in plan.sections if s.story == story_number and inside(s.point)]
    objects = [o.category for o in plan.objects if o.story == story_number and inside(o.center)]
    boundary = shape.exterior
    walled = float(boundary.intersection(near_walls).length) / float(boundary.length)
    rectangle = shape.minimum_rotated_rectangle
    corners = list(rectangle.exterior.coords)
    sides = sorted(math.dist(corners[i], corners[i + 1]) for i in range(2))
    aspect = sides[1] / sides[0] if sides[0] > 0 else 1.0
    widest = 0.0
    walls_by_id = {wall.id: wall for wall in walls}
    grown = shape.buffer(400.0)
    for opening in openings:
        wall = walls_by_id.get(opening.wall_id)
        if wall is None or opening.kind == "window":
            continue
        if grown.contains(Point(wall_point(wall, opening.offset))):
            widest = max(widest, float(opening.width))
    return naming.RoomEvidence(
        sections=sections,
        objects=objects,
        area_sq_mm=float(shape.area),
        aspect=aspect,
        width_mm=sides[0],
        walled_share=walled,
        widest_door_mm=widest,
        below_grade=level.grade == "below",
    )
