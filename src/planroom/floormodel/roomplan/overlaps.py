"""Rooms captured one after another overlap where the phone saw through a doorway.

Each overlap goes to one room: along a captured wall between the two when there is one, else
along the doorway between them, else to the room for which it is a bulge rather than a bite (the
room that stays the more convex without it keeps its shape, the other gives the piece back).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import LineString, Point, Polygon

from planroom.floormodel.geometry import Region, area_of, polygons_of
from planroom.floormodel.roomplan.plan import PlanFace, PlanOpening, Vec

MIN_OVERLAP_SQ_MM = 20_000.0
"""Slivers smaller than 0.02 m² are where outlines touch inside a wall: not worth a cut."""
REACH_MM = 600.0
"""A wall or door line this far from the overlap may still be the one that divides it."""
HALF_PLANE_MM = 200_000.0


@dataclass(frozen=True)
class Cut:
    point: Vec
    direction: Vec


def _half_plane(cut: Cut, side: int) -> Region:
    """The half plane left (+1) or right (-1) of the cut's line, as a large polygon."""
    (px, py), (dx, dy) = cut.point, cut.direction
    nx, ny = -dy * side, dx * side
    far = HALF_PLANE_MM
    corners = [
        (px - dx * far, py - dy * far),
        (px + dx * far, py + dy * far),
        (px + dx * far + nx * far, py + dy * far + ny * far),
        (px - dx * far + nx * far, py - dy * far + ny * far),
    ]
    return Polygon(corners)


def _side_of(region: Region, cut: Cut) -> tuple[int, float]:
    """The side holding most of `region`, and the share of it there."""
    left = area_of(region.intersection(_half_plane(cut, 1)))
    total = area_of(region) or 1.0
    return (1, left / total) if left * 2 >= total else (-1, 1.0 - left / total)


def _convexity(region: Region) -> float:
    hull = area_of(region.convex_hull)
    return area_of(region) / hull if hull else 1.0


def _largest(region: Region) -> Region | None:
    pieces = polygons_of(region)
    return max(pieces, key=lambda piece: piece.area) if pieces else None


def _candidates(
    overlap: Region, faces: Sequence[PlanFace], doors: Sequence[PlanOpening]
) -> list[tuple[int, Cut]]:
    """Lines that might divide the overlap: captured walls first (rank 0), then doors."""
    near = overlap.buffer(REACH_MM)
    found: list[tuple[int, Cut]] = []
    for face in faces:
        if face.curved or face.length == 0:
            continue
        if not near.intersects(LineString([face.start, face.end])):
            continue
        direction = (
            (face.end[0] - face.start[0]) / face.length,
            (face.end[1] - face.start[1]) / face.length,
        )
        found.append((0, Cut(face.start, direction)))
    for door in doors:
        if near.contains(Point(door.center)):
            found.append((1, Cut(door.center, door.direction)))
    return found


def _split(
    first: Region, second: Region, overlap: Region, cuts: Sequence[tuple[int, Cut]]
) -> tuple[Region, Region] | None:
    """Both rooms after the best dividing line, or None when no line divides them."""
    own_first, own_second = first.difference(overlap), second.difference(overlap)
    best: tuple[tuple[int, float], Cut, int, int] | None = None
    for rank, cut in cuts:
        side_first, share_first = _side_of(own_first, cut)
        side_second, share_second = _side_of(own_second, cut)
        if side_first == side_second or min(share_first, share_second) < 0.8:
            continue
        score = (rank, -(share_first + share_second))
        if best is None or score < best[0]:
            best = (score, cut, side_first, side_second)
    if best is None:
        return None
    _, cut, side_first, side_second = best
    keep_first = own_first.union(overlap.intersection(_half_plane(cut, side_first)))
    keep_second = own_second.union(overlap.intersection(_half_plane(cut, side_second)))
    return keep_first, keep_second


def _by_shape(first: Region, second: Region, overlap: Region) -> tuple[Region, Region]:
    """Give the overlap to the room it rounds off; the other gives it back."""
    first_without, second_without = first.difference(overlap), second.difference(overlap)
    keep_first = _convexity(first) + _convexity(second_without)
    keep_second = _convexity(first_without) + _convexity(second)
    return (first, second_without) if keep_first >= keep_second else (first_without, second)


def resolve_overlaps(
    outlines: list[Region],
    faces: Sequence[PlanFace],
    openings: Sequence[PlanOpening],
    names: Sequence[str],
    warnings: list[str],
) -> list[Region]:
    """The outlines with every overlap given to one room, so that the rooms tile."""
    doors = [opening for opening in openings if opening.kind in ("door", "opening")]
    result = list(outlines)
    for i in range(len(result)):
        for j in range(i + 1, len(result)):
            first, second = result[i], result[j]
            overlap = first.intersection(second)
            if area_of(overlap) < MIN_OVERLAP_SQ_MM:
                continue
            split = _split(first, second, overlap, _candidates(overlap, faces, doors))
            how = "along the wall between them"
            if split is None:
                split = _by_shape(first, second, overlap)
                how = "by their shapes"
            new_first, new_second = _largest(split[0]), _largest(split[1])
            if new_first is None or new_second is None:
                continue
            if area_of(overlap) >= 0.25e6:
                warnings.append(
                    f"{names[i]} and {names[j]}: their floors overlapped by "
                    f"{area_of(overlap) / 1e6:.1f} m²; the overlap was divided {how}"
                )
            result[i], result[j] = new_first, new_second
    return [_tidy(region) for region in result]


def _tidy(region: Region) -> Region:
    """Drop the needles a cut can leave where two outlines met at a slant."""
    opened = region.buffer(-15.0, join_style="mitre").buffer(15.0, join_style="mitre")
    return _largest(opened) or region
