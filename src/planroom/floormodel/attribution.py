"""Which space each piece of a wall's footprint belongs to (GLA rule 6).

A wall's footprint goes to finished area wherever it bounds finished area, and to an excluded
space only where it bounds excluded spaces alone; between two excluded spaces each half goes to the
space on its side. Walls are cut along their length wherever the spaces beside them change, so
the front wall of a house with an attached garage is split between the two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from shapely import STRtree

from planroom.floormodel.geometry import (
    Extensions,
    Region,
    along_wall,
    polygons_of,
    union,
    wall_band,
    wall_length,
)
from planroom.floormodel.schema import Wall

PROBE_DEPTH_MM = 150.0
"""How far beyond a wall's face a space is looked for."""
MIN_CONTACT_MM = 20.0
"""A space touching a wall along less than this is a corner touch, not a neighbour."""


@dataclass(frozen=True)
class SideContact:
    """A space found beside a wall, from `start` to `end` mm along it."""

    space_id: str
    side: int  # +1 left of start->end, -1 right
    start: float
    end: float


@dataclass(frozen=True)
class WallPiece:
    """Part of a wall's footprint and the owner it is attributed to."""

    wall_id: str
    owner: str
    region: Region


def _extent(wall: Wall, extensions: Mapping[str, Extensions] | None) -> tuple[float, float]:
    half = wall.thickness / 2.0
    before, after = extensions[wall.id] if extensions is not None else (half, half)
    return (-before, wall_length(wall) + after)


def side_contacts(
    walls: Sequence[Wall],
    spaces: Mapping[str, Region],
    extensions: Mapping[str, Extensions] | None = None,
) -> dict[str, list[SideContact]]:
    """For each wall, the spaces beside each of its faces and where along the wall they are."""
    space_ids = list(spaces)
    tree = STRtree([spaces[space_id] for space_id in space_ids])
    contacts: dict[str, list[SideContact]] = {}
    for wall in walls:
        found: list[SideContact] = []
        half = wall.thickness / 2.0
        extent = _extent(wall, extensions)
        for side in (1, -1):
            inner = side * max(0.0, half - 10.0)
            outer = side * (half + PROBE_DEPTH_MM)
            strip = wall_band(wall, extent, (min(inner, outer), max(inner, outer)))
            for index in tree.query(strip, predicate="intersects"):
                space_id = space_ids[int(index)]
                contact = strip.intersection(spaces[space_id])
                if float(contact.area) < MIN_CONTACT_MM * PROBE_DEPTH_MM / 2.0:
                    continue
                positions = [
                    along_wall(wall, coord)
                    for poly in polygons_of(contact)
                    for coord in poly.exterior.coords
                ]
                start = max(extent[0], min(positions))
                end = min(extent[1], max(positions))
                if end - start >= MIN_CONTACT_MM:
                    found.append(SideContact(space_id, side, start, end))
        contacts[wall.id] = found
    return contacts


def attribute_walls(
    walls: Sequence[Wall],
    contacts: Mapping[str, list[SideContact]],
    owner_of: Callable[[str], str],
    rank_of: Callable[[str], int],
    whole_wall_rank: int,
    extensions: Mapping[str, Extensions] | None = None,
) -> list[WallPiece]:
    """Split every wall where its neighbours change and give each piece an owner.

    `owner_of` maps a space id to its owner key; owners ranked `whole_wall_rank` or higher (the
    included figures) take the whole thickness of any piece they touch, the best-ranked winning.
    Lower-ranked owners take the half on their side, or both halves when the other side is empty.
    Pieces beside no space at all (corners, junctions) follow the better of their neighbours.
    """
    pieces: list[WallPiece] = []
    for wall in walls:
        extent = _extent(wall, extensions)
        wall_contacts = contacts.get(wall.id, [])
        cuts = sorted({extent[0], extent[1], *_contact_ends(wall_contacts, extent)})
        spans = [(a, b) for a, b in pairwise(cuts) if b - a > 0.5]
        sides = [_owners_at(wall_contacts, (a + b) / 2.0, owner_of, rank_of) for a, b in spans]
        resolved = _fill_gaps(sides, rank_of)
        for (a, b), (left, right) in zip(spans, resolved, strict=True):
            pieces.extend(_split_piece(wall, (a, b), left, right, rank_of, whole_wall_rank))
    return pieces


def _contact_ends(contacts: list[SideContact], extent: tuple[float, float]) -> list[float]:
    ends: list[float] = []
    for contact in contacts:
        ends.extend(
            value for value in (contact.start, contact.end) if extent[0] < value < extent[1]
        )
    return ends


def _owners_at(
    contacts: list[SideContact],
    position: float,
    owner_of: Callable[[str], str],
    rank_of: Callable[[str], int],
) -> tuple[str | None, str | None]:
    best: dict[int, str] = {}
    for contact in contacts:
        if contact.start <= position <= contact.end:
            owner = owner_of(contact.space_id)
            current = best.get(contact.side)
            if current is None or (rank_of(owner), owner) > (rank_of(current), current):
                best[contact.side] = owner
    return best.get(1), best.get(-1)


def _fill_gaps(
    sides: list[tuple[str | None, str | None]], rank_of: Callable[[str], int]
) -> list[tuple[str | None, str | None]]:
    """Pieces with no neighbour on either side take the better-ranked adjacent piece's owner."""

    def best(pair: tuple[str | None, str | None]) -> str | None:
        owners = [owner for owner in pair if owner is not None]
        return max(owners, key=lambda owner: (rank_of(owner), owner)) if owners else None

    filled = list(sides)
    for index, pair in enumerate(sides):
        if pair != (None, None):
            continue
        candidates = []
        for step in (-1, 1):
            probe = index + step
            while 0 <= probe < len(sides) and sides[probe] == (None, None):
                probe += step
            if 0 <= probe < len(sides):
                owner = best(sides[probe])
                if owner is not None:
                    candidates.append(owner)
        if candidates:
            owner = max(candidates, key=lambda owner: (rank_of(owner), owner))
            filled[index] = (owner, owner)
    return filled


def _split_piece(
    wall: Wall,
    span: tuple[float, float],
    left: str | None,
    right: str | None,
    rank_of: Callable[[str], int],
    whole_wall_rank: int,
) -> list[WallPiece]:
    half = wall.thickness / 2.0
    owners = [owner for owner in (left, right) if owner is not None]
    if not owners:
        return []
    top = max(owners, key=lambda owner: (rank_of(owner), owner))
    if rank_of(top) >= whole_wall_rank or left == right or len(owners) == 1:
        return [WallPiece(wall.id, top, wall_band(wall, span, (-half, half)))]
    assert left is not None and right is not None
    return [
        WallPiece(wall.id, left, wall_band(wall, span, (0.0, half))),
        WallPiece(wall.id, right, wall_band(wall, span, (-half, 0.0))),
    ]


def regions_by_owner(pieces: Sequence[WallPiece]) -> dict[str, Region]:
    grouped: dict[str, list[Region]] = {}
    for piece in pieces:
        grouped.setdefault(piece.owner, []).append(piece.region)
    return {owner: union(regions) for owner, regions in grouped.items()}
