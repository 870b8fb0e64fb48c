"""One level of the floor model as lit triangles for the dollhouse view and the 3D video.

Walls are built as one solid per level rather than box by box: the height is cut into bands at
every sill, head and wall top, and in each band the solid footprint is the union of the walls
standing there minus the openings crossing it. That gives clean corners and T-junctions, and
faces that never overlap (no z-fighting, no outline noise). Floors carry soft shadows and a
darker band along the walls, computed once in plan space, so every frame stays a plain
visibility pass.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import Polygon

from planroom.floormodel.geometry import (
    Region,
    areal,
    close_gaps,
    empty,
    fill_holes,
    polygon_of,
    union,
    wall_axes,
    wall_band,
    wall_length,
)
from planroom.floormodel.schema import FloorModel, Level, Opening, Stair, Wall
from planroom.render.furnish3d import Caster, add_fixture
from planroom.render.geometry import CUT_OVERSHOOT_MM, wall_body
from planroom.render.raster3d import BACKGROUND_GROUP, TriangleSoup
from planroom.render.solids3d import (
    KEY_LIGHT,
    Rgb,
    SoupBuilder,
    add_prism_sides,
    cap,
    hex_rgb,
)

PLINTH_MM = 240.0
"""Depth of the base the dollhouse stands on, drawn below each level's floor."""
GLASS_MM = 30.0
SHADOW_ELEVATION_DEG = 58.0
"""Elevation of the light that casts floor shadows: high, so shadows stay short and soft."""
SHADOW_SPREAD_DEG = 5.0
"""Azimuth spread between the three shadow samples that make the penumbra."""
SHADOW_FACTORS = (1.0, 0.93, 0.87, 0.82)
"""Floor brightness by how many of the three shadow samples cover it."""
AO_BANDS = ((60.0, 0.90), (200.0, 0.96))
"""Distance from a wall (mm) and floor brightness inside it: the soft shade at the skirting."""

FLOOR_COLORS: dict[str, str] = {
    "default": "#d6b68b",
    "bedroom": "#dcc29e",
    "closet": "#dcc29e",
    "bathroom": "#d5dadd",
    "half_bath": "#d5dadd",
    "laundry": "#d5dadd",
    "kitchen": "#e2dbcf",
    "utility": "#cfcbc4",
    "garage": "#c2beb8",
    "porch": "#b89370",
    "deck": "#b89370",
    "balcony": "#c4bdb2",
    "patio": "#c4bdb2",
}
WALL = hex_rgb("#f4f2ee")
FACADE = hex_rgb("#dedad3")
GROUND_SHADOW = tuple(
    (60.0 * (step + 1) ** 1.5, "#" + f"{round(0xDA + (0xFC - 0xDA) * step / 7):02x}" * 3)
    for step in range(8)
)
"""Ground shade around the plinth: distance out (mm) and colour, darkest at the foot."""
WALL_TOP = hex_rgb("#4a4a4d")
SILL = hex_rgb("#ecebe7")
GLASS = hex_rgb("#cfe1ec")
PLINTH_SIDE = hex_rgb("#9a9690")
PLINTH_TOP = hex_rgb("#d2cdc5")
VOID = hex_rgb("#8f8c88")
STAIR = hex_rgb("#c8a176")


def levels_to_draw(model: FloorModel, include_basement: bool) -> list[Level]:
    """Levels in order; below-grade ones only when the order includes the basement."""
    return [
        level for level in model.levels_in_order() if include_basement or level.grade != "below"
    ]


@dataclass(frozen=True)
class LevelScene:
    """A level's triangles in level coordinates (its floor at z = 0) and its plan bounds."""

    level: Level
    soup: TriangleSoup
    bounds: tuple[float, float, float, float]
    top: float


def wall_cut(wall: Wall, opening: Opening) -> Region:
    """The plan rectangle an opening removes from its wall (a hair wider than the wall)."""
    start, end = opening_extent(wall, opening)
    across = wall.thickness / 2.0 + CUT_OVERSHOOT_MM
    return wall_band(wall, (start, end), (-across, across))


def opening_extent(wall: Wall, opening: Opening) -> tuple[float, float]:
    """Where along its wall an opening starts and ends, kept within the wall's centre line."""
    start = max(0.0, opening.offset - opening.width / 2.0)
    end = min(wall_length(wall), opening.offset + opening.width / 2.0)
    return start, end


def wall_span(wall: Wall, walls: list[Wall]) -> tuple[float, float]:
    """Where along its centre line a wall's body starts and ends.

    The body reaches into the joints it takes part in (as on the 2D plans), so the solids of two
    walls meeting at a corner close it without a notch.
    """
    (dx, dy), _ = wall_axes(wall)
    along = [
        (x - wall.start[0]) * dx + (y - wall.start[1]) * dy
        for x, y in wall_body(wall, walls).exterior.coords
    ]
    return min(along), max(along)


def wall_bodies(walls: list[Wall]) -> dict[str, Region]:
    """Each wall's plan body, extended into its joints."""
    return {wall.id: wall_body(wall, walls) for wall in walls}


def _head(wall: Wall, opening: Opening) -> float:
    return float(min(opening.sill + opening.height, wall.height))


def _bands(model: FloorModel, walls: list[Wall]) -> list[float]:
    heights = {0.0}
    for wall in walls:
        heights.add(float(wall.height))
        for opening in model.openings_on(wall.id):
            heights.add(float(min(opening.sill, wall.height)))
            heights.add(_head(wall, opening))
    return sorted(heights)


def _add_walls(
    builder: SoupBuilder, model: FloorModel, walls: list[Wall], indoors: Region
) -> list[Caster]:
    """Wall solid of the level; returns the pieces that cast floor shadows."""
    breaks = _bands(model, walls)
    footprints = wall_bodies(walls)
    openings = [(wall, o) for wall in walls for o in model.openings_on(wall.id)]
    casters: list[Caster] = []
    below: Region = empty()
    for z0, z1 in itertools.pairwise(breaks):
        mid = (z0 + z1) / 2.0
        standing = [footprints[w.id] for w in walls if w.height > mid]
        cuts = [wall_cut(w, o) for w, o in openings if o.sill < mid < _head(w, o)]
        solid = areal(union(standing).difference(union(cuts))) if standing else empty()
        add_prism_sides(builder, solid, z0, z1, WALL, "wall", facade=(indoors, FACADE))
        _add_step_top(builder, below, solid, z0, openings)
        casters.extend(Caster(piece, z0, z1) for piece in _wall_pieces(walls, openings, mid))
        below = solid
    _add_step_top(builder, below, empty(), breaks[-1], openings)
    for wall, opening in openings:
        if opening.kind == "window":
            _add_glass(builder, wall, opening)
    return casters


def _add_step_top(
    builder: SoupBuilder,
    below: Region,
    above: Region,
    z: float,
    openings: list[tuple[Wall, Opening]],
) -> None:
    """Up-facing faces where the solid stops at height `z`: window sills, or the cut wall top."""
    if below.is_empty:
        return
    exposed = areal(below.difference(above)) if not above.is_empty else below
    if exposed.is_empty:
        return
    sills = union(wall_cut(w, o) for w, o in openings if abs(o.sill - z) < 0.5)
    sill_part = areal(exposed.intersection(sills)) if not sills.is_empty else empty()
    top_part = areal(exposed.difference(sills)) if not sills.is_empty else exposed
    builder.add(cap(sill_part, z), SILL, builder.group(("sill", z)))
    # Wall tops read as the section cut of a plan: dark and unlit, one surface per height.
    builder.add(cap(top_part, z), WALL_TOP, builder.group(("top", z)), lit=False)


def _wall_pieces(
    walls: list[Wall], openings: list[tuple[Wall, Opening]], mid: float
) -> list[Region]:
    """Convex pieces of each wall standing at height `mid` (for shadow sweeps)."""
    pieces: list[Region] = []
    for wall in walls:
        if wall.height <= mid:
            continue
        half = wall.thickness / 2.0
        gaps = sorted(
            opening_extent(w, o)
            for w, o in openings
            if w.id == wall.id and o.sill < mid < _head(w, o)
        )
        start, end = wall_span(wall, walls)
        for gap_start, gap_end in [*gaps, (end, math.inf)]:
            if gap_start > start:
                pieces.append(wall_band(wall, (start, gap_start), (-half, half)))
            start = max(start, gap_end)
    return pieces


def _add_glass(builder: SoupBuilder, wall: Wall, opening: Opening) -> None:
    pane = wall_band(wall, opening_extent(wall, opening), (-GLASS_MM / 2, GLASS_MM / 2))
    z0, z1 = float(opening.sill), _head(wall, opening)
    add_prism_sides(builder, pane, z0, z1, GLASS, f"glass-{opening.id}")
    builder.add(cap(pane, z1), SILL, builder.group(("glass-top", opening.id)))


def _shadow_regions(casters: list[Caster]) -> list[Region]:
    """Shadow of every caster on the plane it stands on, for each of three light samples."""
    azimuth = math.atan2(KEY_LIGHT[1], KEY_LIGHT[0])
    reach = 1.0 / math.tan(math.radians(SHADOW_ELEVATION_DEG))
    regions: list[Region] = []
    for spread in (-SHADOW_SPREAD_DEG, 0.0, SHADOW_SPREAD_DEG):
        angle = azimuth + math.radians(spread)
        # A point at height z falls `z * reach` away from the light on the floor.
        dx, dy = -math.cos(angle) * reach, -math.sin(angle) * reach
        sweeps = [caster.sweep(dx, dy) for caster in casters]
        regions.append(union(sweeps))
    return regions


def _coverage(casters: list[Caster]) -> list[Region]:
    """Where at least one, two and all three shadow samples fall."""
    s1, s2, s3 = _shadow_regions(casters)
    return [
        union([s1, s2, s3]),
        union([s1.intersection(s2), s1.intersection(s3), s2.intersection(s3)]),
        areal(s1.intersection(s2).intersection(s3)),
    ]


def _light_classes(casters: list[Caster], wall_union: Region) -> list[tuple[Region, float]]:
    """Plan regions with their floor brightness (soft shadow times skirting shade)."""
    covered = _coverage(casters)
    shadow_classes: list[tuple[Region, float]] = []
    for count, factor in enumerate(SHADOW_FACTORS):
        more = covered[count] if count < 3 else empty()
        region = _everywhere() if count == 0 else covered[count - 1]
        shadow_classes.append((areal(region.difference(more)), factor))
    rings: list[tuple[Region, float]] = []
    inner: Region = empty()
    for distance, factor in AO_BANDS:
        band = (
            wall_union.buffer(distance, join_style="mitre") if not wall_union.is_empty else empty()
        )
        rings.append((areal(band.difference(inner)) if not inner.is_empty else band, factor))
        inner = band
    rings.append(
        (areal(_everywhere().difference(inner)) if not inner.is_empty else _everywhere(), 1.0)
    )
    return [
        (areal(shade.intersection(ring)), s_factor * r_factor)
        for shade, s_factor in shadow_classes
        for ring, r_factor in rings
    ]


def _everywhere() -> Region:
    size = 1.0e7
    return Polygon([(-size, -size), (size, -size), (size, size), (-size, size)])


def _add_floors(
    builder: SoupBuilder,
    model: FloorModel,
    level: Level,
    classes: list[tuple[Region, float]],
) -> Region:
    """Room floors split into light classes; returns the union of the floors drawn."""
    drawn: list[Region] = []
    for space in model.spaces_on(level.id):
        polygon = polygon_of(space.polygon)
        if space.type == "open_to_below":
            builder.add(cap(polygon, 0.0), VOID, builder.group(("void", space.id)), lit=False)
            drawn.append(polygon)
            continue
        base = hex_rgb(FLOOR_COLORS.get(space.type, FLOOR_COLORS["default"]))
        group = builder.group(("floor", space.id))
        for region, factor in classes:
            piece = areal(polygon.intersection(region))
            if piece.is_empty:
                continue
            tinted = (base[0] * factor, base[1] * factor, base[2] * factor)
            builder.add(cap(piece, 0.0), tinted, group)
        drawn.append(polygon)
    return union(drawn)


def _add_stair(builder: SoupBuilder, model: FloorModel, stair: Stair, cap_z: float) -> list[Caster]:
    footprint = polygon_of(stair.footprint)
    rise_total = (
        model.level(stair.to_level_id).elevation - model.level(stair.from_level_id).elevation
    )
    steps = stair.treads or max(2, round(abs(rise_total) / 180.0))
    angle = math.radians(stair.direction_deg)
    ux, uy = math.cos(angle), math.sin(angle)
    coords = np.asarray(footprint.exterior.coords)
    along = coords[:, 0] * ux + coords[:, 1] * uy
    start, run = float(along.min()), float(along.max() - along.min()) / steps
    casters: list[Caster] = []
    for index in range(steps):
        lo, hi = start + index * run, start + (index + 1) * run
        strip = shapely.affinity.rotate(
            Polygon([(lo, -1e6), (hi, -1e6), (hi, 1e6), (lo, 1e6)]),
            stair.direction_deg,
            origin=(0, 0),
        )
        tread = areal(footprint.intersection(strip))
        top = min(abs(rise_total) * (index + 1) / steps, cap_z)
        group = builder.group(("stair", stair.id, index))
        add_prism_sides(builder, tread, 0.0, top, STAIR, f"stair-{stair.id}-{index}")
        builder.add(cap(tread, top), STAIR, group)
        casters.append(Caster(tread, 0.0, top))
    return casters


def _add_ground_shadow(builder: SoupBuilder, footprint: Region) -> None:
    """A soft contact shadow on the ground all around the level, so it does not float.

    It is an ambient shade rather than a cast shadow: a cast shadow would fall behind the
    house for most camera angles and the orbiting video must look grounded from every side.
    """
    inner = footprint
    for distance, color in GROUND_SHADOW:
        grown = footprint.buffer(distance, join_style="round", quad_segs=6)
        ring = areal(grown.difference(inner))
        builder.add(cap(ring, -PLINTH_MM), hex_rgb(color), BACKGROUND_GROUP, lit=False)
        inner = grown


def build_level_scene(model: FloorModel, level: Level, *, furniture: bool) -> LevelScene:
    """Every visible face of one level with the ceiling removed, lit and shadowed."""
    builder = SoupBuilder()
    walls = model.walls_on(level.id)
    wall_union = union(wall_bodies(walls).values())
    rooms = union(polygon_of(space.polygon) for space in model.spaces_on(level.id))
    indoors = fill_holes(close_gaps(union([wall_union, rooms]), 60.0))
    casters = _add_walls(builder, model, walls, indoors)
    top = max((float(wall.height) for wall in walls), default=float(level.ceiling_height))
    for stair in model.stairs_on(level.id):
        casters.extend(_add_stair(builder, model, stair, top))
    if furniture:
        for fixture in model.fixtures_on(level.id):
            casters.extend(add_fixture(builder, fixture))
    classes = _light_classes(casters, wall_union)
    floors = _add_floors(builder, model, level, classes)
    footprint = close_gaps(union([wall_union, floors]))
    if not footprint.is_empty:
        builder.add(
            cap(footprint.difference(union([floors, wall_union])), 0.0),
            PLINTH_TOP,
            builder.group("plinth-top"),
        )
        add_prism_sides(builder, footprint, -PLINTH_MM, 0.0, PLINTH_SIDE, "plinth")
        _add_ground_shadow(builder, footprint)
    bounds = footprint.bounds if not footprint.is_empty else (0.0, 0.0, 1.0, 1.0)
    return LevelScene(
        level=level,
        soup=builder.build(),
        bounds=(float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3])),
        top=top,
    )


def shaded(color: Rgb, factor: float) -> Rgb:
    return (color[0] * factor, color[1] * factor, color[2] * factor)
