"""Exterior dimension chains as geometry: computed once from the model, read by every output.

The listing plan, the GLA plan and the DXF all dimension a level from the same `LevelChains`, so
one edge prints one length everywhere (each output only formats it: `21'9"`, `21.7' (21'9")`,
`21'-9"`). A chain is worked out per side of the plan in a frame turned so that the side faces
down: its breakpoints are the outline's corners a surveyor standing on that side could tape
(nothing drawn in between), and a segment shorter than `MIN_LABELLED_MM` (a jog of a few
centimetres where two walls are not quite flush) keeps its ticks but carries no length in any
output; it is never folded into its neighbour, which would print the neighbour too long.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.floormodel.schema import FloorModel
from planroom.render.draw.scene import Pt
from planroom.render.geometry import space_polygon, wall_body
from planroom.render.plan.openings import door_sectors

# Side name -> rotation (degrees) that turns that side of the plan to face down.
SIDES: dict[str, float] = {"bottom": 0.0, "right": -90.0, "top": 180.0, "left": 90.0}
# Sides that also get the overall length; the opposite sides only repeat it when they have a chain.
OVERALL_SIDES = frozenset({"top", "left"})
# Parts closer than this are one footprint (a porch slab laid against the wall's outer face).
CLOSE_GAP_MM = 60.0
# Jogs smaller than this are scan noise (walls a few millimetres off square), not corners.
CORNER_TOLERANCE_MM = 25.0
MIN_LABELLED_MM = 300.0
"""Segments shorter than a foot are drawn (ticks) but not labelled, in every output."""
# Spaces outside the building's envelope: drawn, labelled, but not part of the exterior chains.
OPEN_AIR_TYPES = frozenset({"porch", "deck", "balcony", "patio"})


def polygons_of(geometry: BaseGeometry) -> list[Polygon]:
    """The non-empty polygons of a (multi)polygon or collection."""
    if isinstance(geometry, Polygon):
        return [] if geometry.is_empty else [geometry]
    parts = getattr(geometry, "geoms", [])
    return [part for part in parts if isinstance(part, Polygon) and not part.is_empty]


def footprint(parts: list[BaseGeometry] | tuple[BaseGeometry, ...]) -> BaseGeometry:
    """What a chain measures: the parts as one outline, hairline gaps closed, holes filled.

    Square (mitred) buffers keep rectangular corners exact; the simplification drops jogs of a
    few millimetres that would otherwise become breakpoints measuring nothing.
    """
    union = unary_union([part for part in parts if not part.is_empty])
    closed = union.buffer(CLOSE_GAP_MM / 2, join_style="mitre").buffer(
        -CLOSE_GAP_MM / 2, join_style="mitre"
    )
    shells = [
        Polygon(polygon.exterior).simplify(CORNER_TOLERANCE_MM)
        for polygon in polygons_of(closed)
        if polygon.area > CLOSE_GAP_MM**2
    ]
    shells = [shell for shell in shells if isinstance(shell, Polygon) and not shell.is_empty]
    return MultiPolygon(shells) if len(shells) > 1 else (shells[0] if shells else Polygon())


def stair_footprints(model: FloorModel, level_id: str) -> list[Polygon]:
    return [
        Polygon(stair.footprint)
        for stair in model.stairs
        if level_id in (stair.level_id, stair.to_level_id)
    ]


def level_parts(model: FloorModel, level_id: str) -> list[tuple[BaseGeometry, bool]]:
    """Walls, spaces and stairs of the level, each with whether it is part of the building.

    Porches, decks, balconies and patios are drawn but lie outside the building's envelope.
    """
    walls = model.walls_on(level_id)
    parts: list[tuple[BaseGeometry, bool]] = [(wall_body(wall, walls), True) for wall in walls]
    parts.extend(
        (space_polygon(space), space.type not in OPEN_AIR_TYPES)
        for space in model.spaces_on(level_id)
    )
    parts.extend((stair, True) for stair in stair_footprints(model, level_id))
    return parts


def drawn_region(model: FloorModel, level_id: str) -> BaseGeometry:
    """Everything drawn of the level (walls, spaces, stairs, and the sweep of a door opening
    outward) as one region: the plan's frame holds it and the chains keep clear of it."""
    parts = [part for part, _ in level_parts(model, level_id)]
    parts.extend(door_sectors(model, level_id, 90.0))
    return unary_union(parts) if parts else Polygon()


def building_footprint(parts: list[tuple[BaseGeometry, bool]]) -> BaseGeometry:
    """What the exterior chains measure: the building, without porches, decks or patios.

    An open-air space is drawn and the chains keep clear of it, but its size is on its own label;
    a level of nothing but open-air spaces is measured as it is.
    """
    outline = footprint([part for part, building in parts if building])
    return outline if not outline.is_empty else footprint([part for part, _ in parts])


def _rotate(point: Pt, degrees: float) -> Pt:
    radians = math.radians(degrees)
    cos_a, sin_a = math.cos(radians), math.sin(radians)
    return (point[0] * cos_a - point[1] * sin_a, point[0] * sin_a + point[1] * cos_a)


@dataclass(frozen=True)
class Segment:
    """One measured stretch of a chain, in the plan frame."""

    start: Pt
    end: Pt
    length_mm: float

    @property
    def labelled(self) -> bool:
        return self.length_mm >= MIN_LABELLED_MM


@dataclass(frozen=True)
class SideChain:
    """The chain of one side, worked out in the frame where that side faces down.

    `breaks` are (x, y) in that frame, x increasing; `outside` is the lowest y of everything
    drawn on the level there, beyond which the chain lines sit."""

    side: str
    turn: float
    breaks: tuple[tuple[float, float], ...]
    outside: float
    overall: bool
    """Whether the overall length is dimensioned on this side as well as the segments."""

    @property
    def has_segments(self) -> bool:
        return len(self.breaks) > 2

    def to_plan(self, point: Pt) -> Pt:
        """A point of this side's frame in the plan frame."""
        return _rotate(point, -self.turn)

    def segments(self) -> list[Segment]:
        return [
            Segment(self.to_plan(a), self.to_plan(b), b[0] - a[0])
            for a, b in itertools.pairwise(self.breaks)
        ]

    def total(self) -> Segment:
        first, last = self.breaks[0], self.breaks[-1]
        return Segment(self.to_plan(first), self.to_plan(last), last[0] - first[0])


@dataclass(frozen=True)
class LevelChains:
    """Every exterior chain of one outline."""

    outline: BaseGeometry
    sides: tuple[SideChain, ...]

    def lengths(self) -> list[float]:
        """Every labelled length, segments and overall lengths, in millimetres."""
        found: list[float] = []
        for chain in self.sides:
            found.extend(s.length_mm for s in chain.segments() if s.labelled)
            if chain.overall and chain.has_segments:
                found.append(chain.total().length_mm)
        return found


def _visible_from_below(outline: BaseGeometry, drawn: BaseGeometry) -> list[tuple[float, float]]:
    """Outline vertices a surveyor standing below the plan could tape: nothing drawn under them."""
    min_y = float(drawn.bounds[1])
    inner = drawn.buffer(-1.0)
    points: dict[float, float] = {}
    for polygon in polygons_of(outline):
        for x, y in polygon.exterior.coords[:-1]:
            x, y = round(float(x), 1), float(y)
            ray = LineString([(x, y - 0.5), (x, min_y - 10.0)])
            if ray.intersects(inner):
                continue
            points[x] = min(points.get(x, y), y)
    return sorted(points.items())


def _without_noise(breaks: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop inner breakpoints closer than the corner tolerance to the one before (or, at the
    end, after) them: two corners a few millimetres apart are one corner, not a segment."""
    kept = list(breaks)
    index = 1
    while index < len(kept) and len(kept) > 2:
        if kept[index][0] - kept[index - 1][0] >= CORNER_TOLERANCE_MM:
            index += 1
            continue
        del kept[index if index < len(kept) - 1 else index - 1]
    return kept


def outline_chains(
    outline: BaseGeometry, clear: BaseGeometry | None = None, *, inside_faces: bool = False
) -> LevelChains:
    """The chains of `outline` on all four sides, set outside `clear` as well (outdoor spaces,
    stairs: no extension line crosses them). An outline of inside faces (an apartment measured
    to the inside of its walls) lies within what is drawn: its corners are taped through the
    walls, and the chains still sit outside everything drawn."""
    drawn = outline if clear is None or clear.is_empty else unary_union([outline, clear])
    sides: list[SideChain] = []
    if drawn.is_empty:
        return LevelChains(outline, ())
    pivot = (0.0, 0.0)
    for side, turn in SIDES.items():
        local = affinity.rotate(outline, turn, origin=pivot)
        local_drawn = affinity.rotate(drawn, turn, origin=pivot)
        breaks = _without_noise(_visible_from_below(local, local if inside_faces else local_drawn))
        overall = side in OVERALL_SIDES
        if len(breaks) < 2 or (len(breaks) == 2 and not overall):
            continue
        sides.append(SideChain(side, turn, tuple(breaks), float(local_drawn.bounds[1]), overall))
    return LevelChains(outline, tuple(sides))


_cache: OrderedDict[str, LevelChains] = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_SIZE = 32


def level_chains(model: FloorModel, level_id: str) -> LevelChains:
    """The building's chains on `level_id`: what the listing plan, the GLA plan (measuring to
    the outside face) and the DXF print, computed once per model version and level."""
    digest = hashlib.sha256(model.model_dump_json(by_alias=True).encode("utf-8")).hexdigest()
    key = f"{digest}:{level_id}"
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    chains = outline_chains(
        building_footprint(level_parts(model, level_id)), drawn_region(model, level_id)
    )
    with _cache_lock:
        _cache[key] = chains
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return chains
