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
from planroom.floormodel.schema import Finding

MIN_OVERLAP_SQ_MM = 20_000.0
"""Slivers smaller than 0.02 m² are where outlines touch inside a wall: not worth a cut."""
REACH_MM = 600.0
"""A wall or door line this far from the overlap may still be the one that divides it."""
HALF_PLANE_MM = 200_000.0
WALL_GAP_MM = (40.0, 450.0)
"""Two parallel faces this far apart are the two sides of one wall."""


@dataclass(frozen=True)
class Cut:
    point: Vec
    direction: Vec
    span: tuple[float, float] = (-HALF_PLANE_MM, HALF_PLANE_MM)
    """Where along its line the wall (or door) that gives the cut is."""


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


def _along(overlap: Region, cut: Cut, low: float, high: float) -> float:
    """The share of the overlap's extent along the cut's line that [low, high] spans."""
    (px, py), (dx, dy) = cut.point, cut.direction
    spread = [(x - px) * dx + (y - py) * dy for x, y in overlap.exterior.coords]
    extent = max(spread) - min(spread)
    if extent <= 0:
        return 0.0
    return float(max(0.0, min(high, max(spread)) - max(low, min(spread))) / extent)


def _candidates(
    overlap: Region, faces: Sequence[PlanFace], doors: Sequence[PlanOpening]
) -> list[tuple[int, float, Cut]]:
    """Lines that might divide the overlap, with how far along it each runs: captured walls
    first (rank 0), then doors (rank 1)."""
    near = overlap.buffer(REACH_MM)
    hull = overlap.convex_hull
    found: list[tuple[int, float, Cut]] = []
    for face in faces:
        if face.curved or face.length == 0:
            continue
        if not near.intersects(LineString([face.start, face.end])):
            continue
        direction = (
            (face.end[0] - face.start[0]) / face.length,
            (face.end[1] - face.start[1]) / face.length,
        )
        cut = Cut(face.start, direction, (0.0, face.length))
        found.append((0, _along(hull, cut, 0.0, face.length), cut))
    for door in doors:
        if near.contains(Point(door.center)):
            cut = Cut(door.center, door.direction, (-door.width / 2, door.width / 2))
            found.append((1, _along(hull, cut, -door.width / 2, door.width / 2), cut))
    return found


def _split(
    first: Region, second: Region, overlap: Region, cuts: Sequence[tuple[int, float, Cut]]
) -> tuple[Region, Region] | None:
    """Both rooms after the best dividing line, or None when no line divides them.

    A line divides them when each room's own floor lies on its own side of it; of those, a wall
    before a door, and the one that runs farthest along the overlap, wins.
    """
    own_first, own_second = first.difference(overlap), second.difference(overlap)
    best: tuple[tuple[int, float, int, float], Cut, int, int] | None = None
    for rank, along, cut in cuts:
        sides = _sides_by(own_first, own_second, cut)
        if sides is None:
            continue
        side_first, side_second, share_first, share_second = sides
        # a wall along the overlap's edge, not one a room away that merely runs as far
        gap = round(float(overlap.distance(_line(cut))) / 50.0)
        score = (rank, -round(along, 1), gap, -(share_first + share_second))
        if best is None or score < best[0]:
            best = (score, cut, side_first, side_second)
    if best is None:
        return None
    _, cut, side_first, side_second = best
    cut_first, cut_second = _wall_faces(cut, side_first, own_first, own_second, cuts)
    # the two faces of a wall may run opposite ways: each side is taken from its own line
    on_first = _sides_by(own_first, own_second, cut_first)
    on_second = _sides_by(own_first, own_second, cut_second)
    first_side = on_first[0] if on_first else side_first
    second_side = on_second[1] if on_second else side_second
    keep_first = own_first.union(overlap.intersection(_half_plane(cut_first, first_side)))
    keep_second = own_second.union(overlap.intersection(_half_plane(cut_second, second_side)))
    return _welded(keep_first), _welded(keep_second)


def _welded(region: Region) -> Region:
    """Pieces that only touch after a cut (floating point leaves hairline gaps) made one."""
    return region.buffer(1.0, join_style="mitre").buffer(-1.0, join_style="mitre")


def _offset(cut: Cut, point: Vec) -> float:
    """How far `point` lies left of the cut's line."""
    (px, py), (dx, dy) = cut.point, cut.direction
    return -(point[0] - px) * dy + (point[1] - py) * dx


def _line(cut: Cut) -> LineString:
    """The wall (or door) that gives the cut, as a segment."""
    (px, py), (dx, dy) = cut.point, cut.direction
    low, high = (max(cut.span[0], -REACH_MM * 20), min(cut.span[1], REACH_MM * 20))
    return LineString([(px + dx * low, py + dy * low), (px + dx * high, py + dy * high)])


def _band(cut: Cut) -> Region:
    """The strip across the cut's line over the span of its wall."""
    (px, py), (dx, dy) = cut.point, cut.direction
    low, high = cut.span
    far = HALF_PLANE_MM
    return Polygon(
        [
            (px + dx * low - dy * far, py + dy * low + dx * far),
            (px + dx * high - dy * far, py + dy * high + dx * far),
            (px + dx * high + dy * far, py + dy * high - dx * far),
            (px + dx * low + dy * far, py + dy * low - dx * far),
        ]
    )


def _sides_by(
    own_first: Region, own_second: Region, cut: Cut
) -> tuple[int, int, float, float] | None:
    """Which side of the cut each room lies on, judged where its wall is, or None if the cut
    does not divide them.

    Only the rooms' floors beside the wall count: an L-shaped room reaching past the wall's end
    is still on one side of it. A room with no floor beside the wall (all of it there was the
    overlap) is taken to be on the side the other room is not.
    """
    band = _band(cut)
    near_first, near_second = own_first.intersection(band), own_second.intersection(band)
    empty_first, empty_second = area_of(near_first) < 1e4, area_of(near_second) < 1e4
    if empty_first and empty_second:
        return None
    if empty_first:
        side, share = _side_of(near_second, cut)
        return (-side, side, 1.0, share) if share >= 0.8 else None
    if empty_second:
        side, share = _side_of(near_first, cut)
        return (side, -side, share, 1.0) if share >= 0.8 else None
    side_first, share_first = _side_of(near_first, cut)
    side_second, share_second = _side_of(near_second, cut)
    if side_first == side_second or min(share_first, share_second) < 0.8:
        return None
    return side_first, side_second, share_first, share_second


def _wall_faces(
    cut: Cut,
    side_first: int,
    own_first: Region,
    own_second: Region,
    cuts: Sequence[tuple[int, float, Cut]],
) -> tuple[Cut, Cut]:
    """Each room's own face of the wall between them, when both were captured.

    Two faces of one wall a hand's width apart both divide the rooms; each room stops at the one
    on its side, so the wall's body goes to neither (and a doorway in it leaves no reveal).
    """
    best: tuple[float, Cut, float] | None = None
    for rank, along, other in cuts:
        if rank != 0 or other is cut:
            continue
        cross = cut.direction[0] * other.direction[1] - cut.direction[1] * other.direction[0]
        if abs(cross) > 0.05:
            continue
        offset = _offset(cut, other.point)
        if not WALL_GAP_MM[0] <= abs(offset) <= WALL_GAP_MM[1]:
            continue
        if _sides_by(own_first, own_second, other) is None:
            continue
        if best is None or along > best[0]:
            best = (along, other, offset)
    if best is None:
        return cut, cut
    _, other, offset = best
    # `side_first` is the side of `cut` the first room is on: the other face is the first's own
    # when it lies on that side.
    return (other, cut) if offset * side_first > 0 else (cut, other)


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
    warnings: list[Finding],
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
                    Finding(
                        code="overlap_divided",
                        message=f"{names[i]} and {names[j]}: their floors overlapped by "
                        f"{area_of(overlap) / 1e6:.1f} m²; the overlap was divided {how}",
                    )
                )
            result[i], result[j] = new_first, new_second
    return [_tidy(region) for region in result]


def _tidy(region: Region) -> Region:
    """Drop the needles and cracks a cut can leave where two outlines met at a slant."""
    valid = _largest(region.buffer(0)) or region
    closed = valid.buffer(20.0, join_style="mitre").buffer(-20.0, join_style="mitre")
    opened = closed.buffer(-20.0, join_style="mitre").buffer(20.0, join_style="mitre")
    tidy = _largest(opened.simplify(5.0))
    return tidy if tidy is not None and tidy.area >= 0.9 * valid.area else valid
