"""Which finished spaces can be walked to from the main living area (GLA rule 2).

Spaces connect through doors and openings in the wall between them, across a shared edge with no
wall on it (an open-plan kitchen next to the living room), and by stairs between levels. The
largest connected group of living spaces is the main living area; an ADU is measured on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from shapely import STRtree
from shapely.geometry import Point as ShapelyPoint

from planroom.floormodel.classification import OUTDOOR_TYPES
from planroom.floormodel.geometry import (
    Region,
    Vec,
    area_of,
    polygon_of,
    union,
    wall_footprint,
    wall_point,
)
from planroom.floormodel.schema import FloorModel, Space

WALKING_KINDS = frozenset({"door", "double_door", "sliding_door", "garage_door", "opening"})
DOOR_PROBE_MM = 150.0
"""How far beyond a wall face a door's neighbouring space is looked for."""
OPEN_EDGE_TOLERANCE_MM = 25.0
MIN_OPEN_EDGE_MM = 300.0


def is_living_candidate(space: Space) -> bool:
    """A space that may count as living area if it can be reached."""
    return (
        space.finished
        and space.heated
        and space.type not in OUTDOOR_TYPES
        and space.type not in ("garage", "open_to_below")
    )


def reachable_spaces(model: FloorModel) -> set[str] | None:
    """Ids of living spaces reachable from the main living area, or None when not decidable.

    A model without a single door or opening says nothing about access, so the rule is not
    applied to it (the GLA report then says access was not checked).
    """
    if not any(opening.kind in WALKING_KINDS for opening in model.openings):
        return None
    candidates = {space.id: space for space in model.spaces if is_living_candidate(space)}
    links = _links(model, candidates)
    groups = _groups(candidates, links)
    main_groups = [group for group in groups if not any(candidates[i].adu for i in group)]
    adu_groups = [group for group in groups if any(candidates[i].adu for i in group)]
    reachable: set[str] = set()
    if main_groups:
        reachable |= max(main_groups, key=lambda group: (_group_area(group, candidates), *group))
    for group in adu_groups:
        reachable |= group
    return reachable


def _group_area(group: AbstractSet[str], spaces: dict[str, Space]) -> float:
    return sum(area_of(polygon_of(spaces[space_id].polygon)) for space_id in group)


def _groups(spaces: dict[str, Space], links: set[tuple[str, str]]) -> list[set[str]]:
    parent = {space_id: space_id for space_id in spaces}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in links:
        parent[find(a)] = find(b)
    grouped: dict[str, set[str]] = {}
    for space_id in sorted(spaces):
        grouped.setdefault(find(space_id), set()).add(space_id)
    return list(grouped.values())


def _links(model: FloorModel, spaces: dict[str, Space]) -> set[tuple[str, str]]:
    links: set[tuple[str, str]] = set()
    for level in model.levels:
        on_level = [space for space in spaces.values() if space.level_id == level.id]
        if not on_level:
            continue
        shapes = [polygon_of(space.polygon) for space in on_level]
        tree = STRtree(shapes)
        links |= _door_links(model, level.id, on_level, shapes, tree)
        links |= _open_edge_links(model, level.id, on_level, shapes, tree)
    links |= _stair_links(model, spaces)
    return links


def _spaces_at(point: Vec, spaces: list[Space], shapes: list[Region], tree: STRtree) -> set[str]:
    probe = ShapelyPoint(point)
    return {spaces[int(i)].id for i in tree.query(probe, predicate="intersects")}


def _door_links(
    model: FloorModel, level_id: str, spaces: list[Space], shapes: list[Region], tree: STRtree
) -> set[tuple[str, str]]:
    links: set[tuple[str, str]] = set()
    walls = {wall.id: wall for wall in model.walls_on(level_id)}
    for opening in model.openings:
        wall = walls.get(opening.wall_id)
        if wall is None or opening.kind not in WALKING_KINDS:
            continue
        reach = wall.thickness / 2.0 + DOOR_PROBE_MM
        left = _spaces_at(wall_point(wall, opening.offset, reach), spaces, shapes, tree)
        right = _spaces_at(wall_point(wall, opening.offset, -reach), spaces, shapes, tree)
        links |= {(a, b) for a in left for b in right if a != b}
    return links


def _open_edge_links(
    model: FloorModel, level_id: str, spaces: list[Space], shapes: list[Region], tree: STRtree
) -> set[tuple[str, str]]:
    walls = union(wall_footprint(wall) for wall in model.walls_on(level_id))
    walls = walls.buffer(OPEN_EDGE_TOLERANCE_MM)
    links: set[tuple[str, str]] = set()
    for index, shape in enumerate(shapes):
        grown = shape.buffer(OPEN_EDGE_TOLERANCE_MM, join_style="mitre")
        for other in tree.query(grown, predicate="intersects"):
            other_index = int(other)
            if other_index <= index:
                continue
            shared = grown.intersection(
                shapes[other_index].buffer(OPEN_EDGE_TOLERANCE_MM, join_style="mitre")
            )
            unwalled = shared.difference(walls)
            threshold = MIN_OPEN_EDGE_MM * OPEN_EDGE_TOLERANCE_MM
            if area_of(unwalled) >= threshold:
                links.add((spaces[index].id, spaces[other_index].id))
    return links


def _stair_links(model: FloorModel, spaces: dict[str, Space]) -> set[tuple[str, str]]:
    links: set[tuple[str, str]] = set()
    for stair in model.stairs:
        footprint = polygon_of(stair.footprint)
        lower = _touching(footprint, spaces.values(), stair.from_level_id)
        upper = _touching(footprint, spaces.values(), stair.to_level_id)
        links |= {(a, b) for a in lower for b in upper}
    return links


def _touching(footprint: Region, spaces: Iterable[Space], level_id: str) -> list[str]:
    grown = footprint.buffer(DOOR_PROBE_MM)
    return [
        space.id
        for space in spaces
        if space.level_id == level_id and area_of(grown.intersection(polygon_of(space.polygon)))
    ]
