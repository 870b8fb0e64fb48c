"""Measuring one level: the building outline, the measurement region and its exclusions.

Every figure follows the same steps: take a gross region (to the outer face of exterior walls for
GLA, to their inner face for GIA and apartments, to party wall centre lines for attached houses),
take out the excluded spaces together with the walls that bound only them, and what remains is
the figure. Regions are snapped to the millimetre grid before they are measured, so each reported
area can be re-derived from its outline by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from planroom.floormodel.attribution import (
    SideContact,
    attribute_walls,
    regions_by_owner,
    side_contacts,
)
from planroom.floormodel.classification import OUTDOOR_TYPES, REASON_OPEN_TO_BELOW, SpacePart
from planroom.floormodel.geometry import (
    Extensions,
    Region,
    area_of,
    claim_slivers,
    close_gaps,
    empty,
    end_extensions,
    fill_holes,
    polygon_of,
    snap_to_mm,
    union,
    wall_band,
    wall_footprint,
    wall_length,
)
from planroom.floormodel.schema import FloorModel, Level, Space, Wall

GrossMethod = Literal["outer_face", "party_centre", "inner_face"]

PRIMARY = "primary"
ADU = "adu"
_RANKS = {PRIMARY: 3, ADU: 2}
_EXCLUDED_RANK = 1


@dataclass(frozen=True)
class LevelOutline:
    """One level's geometry, prepared once and shared by every figure."""

    level: Level
    spaces: list[Space]
    walls: list[Wall]
    shapes: dict[str, Region]
    contacts: dict[str, list[SideContact]]
    extensions: dict[str, Extensions]
    footprints: dict[str, Region]
    building: Region
    """Enclosed spaces and the walls around them, to the outer face, holes filled."""
    everything: Region
    """Every space (outdoor ones too) and every wall: the total scanned area."""


def level_outline(model: FloorModel, level: Level) -> LevelOutline:
    spaces = model.spaces_on(level.id)
    walls = model.walls_on(level.id)
    shapes = {space.id: polygon_of(space.polygon) for space in spaces}
    extensions = end_extensions(walls)
    footprints = {wall.id: wall_footprint(wall, extensions[wall.id]) for wall in walls}
    contacts = side_contacts(walls, shapes, extensions) if shapes else {}
    enclosed_ids = {space.id for space in spaces if space.type not in OUTDOOR_TYPES}
    bounding = [
        wall
        for wall in walls
        if any(contact.space_id in enclosed_ids for contact in contacts.get(wall.id, []))
    ]
    building = fill_holes(
        close_gaps(
            union(
                [shapes[space_id] for space_id in sorted(enclosed_ids)]
                + [footprints[wall.id] for wall in bounding]
            )
        )
    )
    # Slivers under 5 cm between a space and its walls are the space's floor, measured with it.
    covered = union([*shapes.values(), *footprints.values()])
    snapped = claim_slivers(shapes, covered, building)
    if snapped is not shapes:
        shapes = snapped
        contacts = side_contacts(walls, shapes, extensions)
    everything = close_gaps(union([building, *shapes.values(), *footprints.values()]))
    return LevelOutline(
        level, spaces, walls, shapes, contacts, extensions, footprints, building, everything
    )


def gross_region(outline: LevelOutline, method: GrossMethod) -> Region:
    """The region a figure is measured within, before exclusions."""
    if method == "outer_face":
        return outline.building
    perimeter = [wall for wall in outline.walls if wall.kind in ("exterior", "party")]
    if method == "inner_face":
        return outline.building.difference(union(outline.footprints[w.id] for w in perimeter))
    return outline.building.difference(_outer_party_halves(outline))


def _outer_party_halves(outline: LevelOutline) -> Region:
    """The outer half of every party wall, continued through the walls that meet its ends."""
    enclosed_ids = {space.id for space in outline.spaces if space.type not in OUTDOOR_TYPES}
    reach = max((wall.thickness for wall in outline.walls), default=0)
    halves = []
    for wall in outline.walls:
        if wall.kind != "party":
            continue
        sides = {
            contact.side
            for contact in outline.contacts.get(wall.id, [])
            if contact.space_id in enclosed_ids
        }
        half = wall.thickness / 2.0 + 1.0
        along = (-reach, wall_length(wall) + reach)
        if sides == {1}:
            halves.append(wall_band(wall, along, (-half, 0.0)))
        elif sides == {-1}:
            halves.append(wall_band(wall, along, (0.0, half)))
        elif not sides:
            halves.append(outline.footprints[wall.id])
    return union(halves)


@dataclass(frozen=True)
class MeasuredItem:
    """An excluded area (a space or part of one, with the walls that go with it)."""

    key: str
    name: str
    type: str
    reasons: tuple[str, ...]
    space_ids: tuple[str, ...]
    region: Region
    area_sq_mm: float
    non_standard: bool


@dataclass(frozen=True)
class LevelMeasure:
    """One level measured for one figure."""

    level: Level
    gross: Region
    included: Region
    """The counted region (main living area for GLA), snapped to whole millimetres."""
    adu: Region
    excluded: list[MeasuredItem]

    @property
    def included_sq_mm(self) -> float:
        return area_of(self.included)

    @property
    def adu_sq_mm(self) -> float:
        return area_of(self.adu)


def measure_level(
    outline: LevelOutline,
    gross: Region,
    parts_of: Callable[[Space], Sequence[SpacePart]],
) -> LevelMeasure:
    """Take the excluded parts and the walls that bound only them out of `gross`."""
    parts = {space.id: list(parts_of(space)) for space in outline.spaces}
    owners = {space_id: _owner(space_parts) for space_id, space_parts in parts.items()}
    pieces = attribute_walls(
        outline.walls,
        outline.contacts,
        owner_of=lambda space_id: owners[space_id],
        rank_of=lambda owner: _RANKS.get(owner, _EXCLUDED_RANK),
        whole_wall_rank=_RANKS[ADU],
        extensions=outline.extensions,
    )
    walls_of = regions_by_owner(pieces)
    included_walls = union([_owned(walls_of, PRIMARY), _owned(walls_of, ADU)])
    items = _excluded_items(parts, walls_of, gross, included_walls)
    excluded_all = union(item.region for item in items)
    adu_parts = [
        part.region
        for space_parts in parts.values()
        for part in space_parts
        if not part.reasons and part.space.adu
    ]
    adu = union([*adu_parts, _owned(walls_of, ADU)]).intersection(gross)
    adu = snap_to_mm(adu.difference(excluded_all))
    included = snap_to_mm(gross.difference(excluded_all).difference(adu))
    return LevelMeasure(outline.level, gross, included, adu, items)


def _owned(regions: dict[str, Region], owner: str) -> Region:
    return regions[owner] if owner in regions else empty()


def _owner(parts: Sequence[SpacePart]) -> str:
    """Who a space's walls go to: the figure if any of it counts, else its largest exclusion.

    An opening to the level below is a hole in the floor, not a room: the walls around it are
    walls of the storey and stay with the finished area.
    """
    included = [part for part in parts if not part.reasons]
    void = all(not part.reasons or part.reasons == (REASON_OPEN_TO_BELOW,) for part in parts)
    if included or void:
        return ADU if parts[0].space.adu else PRIMARY
    largest = max(parts, key=lambda part: area_of(part.region))
    return _item_key(largest)


def _item_key(part: SpacePart) -> str:
    return f"{part.space.id}|{'+'.join(part.reasons)}"


def _excluded_items(
    parts: dict[str, list[SpacePart]],
    walls_of: dict[str, Region],
    gross: Region,
    included_walls: Region,
) -> list[MeasuredItem]:
    items = []
    for space_id in sorted(parts):
        space_parts = parts[space_id]
        whole_space = len(space_parts) == 1
        for part in space_parts:
            if not part.reasons:
                continue
            key = _item_key(part)
            walls = (walls_of[key] if key in walls_of else empty()).intersection(gross)
            region = snap_to_mm(union([part.region, walls]).difference(included_walls))
            if area_of(region) <= 0:
                continue
            space = part.space
            items.append(
                MeasuredItem(
                    key=key,
                    name=space.name if whole_space else f"{space.name} (part)",
                    type=space.type,
                    reasons=part.reasons,
                    space_ids=(space.id,),
                    region=region,
                    area_sq_mm=area_of(region),
                    non_standard=part.non_standard,
                )
            )
    return items
