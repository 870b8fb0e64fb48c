"""One level of the floor model as lit triangles for the dollhouse view and the 3D video.

Walls are built as one solid per level rather than box by box: the height is cut into bands at
every sill, head and wall top, and in each band the solid footprint is the union of the walls
standing there minus the openings crossing it. That gives clean corners and T-junctions, and
faces that never overlap (no z-fighting, no outline noise). Floors, their shadows and the ground
come from `floors.py`; everything is computed once, so a frame is a plain visibility pass.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from shapely import affinity
from shapely.geometry import Polygon, box

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
from planroom.render.geometry import CUT_OVERSHOOT_MM, wall_body
from planroom.render.plan.openings import door_leaves
from planroom.render.three_d.floors import (
    PLINTH_MM,
    VOID,
    add_floors,
    add_ground_shadow,
    light_classes,
)
from planroom.render.three_d.furnish import Caster, add_fixture
from planroom.render.three_d.raster import TriangleSoup
from planroom.render.three_d.solids import (
    SoupBuilder,
    add_prism_sides,
    box_triangles,
    cap,
    hex_rgb,
)
from planroom.render.three_d.texture import FloorTextures

GLASS_MM = 30.0
WALL = hex_rgb("#f4f2ee")
FACADE = hex_rgb("#dedad3")
WALL_TOP = hex_rgb("#4a4a4d")
SILL = hex_rgb("#ecebe7")
GLASS = hex_rgb("#cfe1ec")
PLINTH_SIDE = hex_rgb("#9a9690")
PLINTH_TOP = hex_rgb("#d2cdc5")
STAIR = hex_rgb("#c8a176")
DOOR = hex_rgb("#ebe6de")
WELL_SIDE = hex_rgb("#bdb6ac")
WELL_DEPTH_MM = 500.0
"""How far a stairwell is drawn down through an upper floor. The top treads show in it, and it
stays hidden behind the plinth from outside at the stills' and the video's camera heights (a
point this deep is seen from outside only within 180 mm of the plinth's face at 56 degrees)."""
WELL_RING_MM = 10.0
DOOR_LEAF_MM = 40.0
DOOR_OPEN_DEG = 90.0


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
    textures: FloorTextures
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
    # An opening placed past the end of its wall cuts nothing rather than a reversed strip.
    return start, max(start, end)


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
        casters.extend(_add_leaves(builder, model, wall, opening))
    return casters


def _add_leaves(
    builder: SoupBuilder, model: FloorModel, wall: Wall, opening: Opening
) -> list[Caster]:
    """Hinged doors stand open like on the plan, so a doorway reads as a door, not a hole."""
    casters: list[Caster] = []
    height = _head(wall, opening)
    for index, leaf in enumerate(door_leaves(model, opening, DOOR_OPEN_DEG)):
        (hx, hy), (tx, ty) = leaf.hinge, leaf.tip
        centre = ((hx + tx) / 2.0, (hy + ty) / 2.0)
        angle = math.degrees(math.atan2(ty - hy, tx - hx))
        size = (leaf.width, DOOR_LEAF_MM)
        faces = box_triangles(centre, size, angle, 0.0, height)
        for face_index, face in enumerate(faces):
            builder.add(face, DOOR, builder.group(("door", opening.id, index, face_index)))
        footprint = affinity.rotate(
            box(-size[0] / 2, -size[1] / 2, size[0] / 2, size[1] / 2),
            angle,
            origin=(0.0, 0.0),
        )
        casters.append(Caster(affinity.translate(footprint, *centre), 0.0, height))
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


def _rise(model: FloorModel, stair: Stair) -> float:
    """Height the stair climbs, from its lower level's floor to its upper one's."""
    return abs(
        model.level(stair.to_level_id).elevation - model.level(stair.from_level_id).elevation
    )


def _treads(model: FloorModel, stair: Stair) -> list[Region]:
    """The plan of each tread from the bottom up: the footprint cut across the walking line."""
    footprint = polygon_of(stair.footprint)
    steps = stair.treads or max(2, round(_rise(model, stair) / 180.0))
    angle = math.radians(stair.direction_deg)
    ux, uy = math.cos(angle), math.sin(angle)
    coords = np.asarray(footprint.exterior.coords)
    along = coords[:, 0] * ux + coords[:, 1] * uy
    start, run = float(along.min()), float(along.max() - along.min()) / steps
    treads: list[Region] = []
    for index in range(steps):
        lo, hi = start + index * run, start + (index + 1) * run
        strip = affinity.rotate(
            Polygon([(lo, -1e6), (hi, -1e6), (hi, 1e6), (lo, 1e6)]),
            stair.direction_deg,
            origin=(0, 0),
        )
        treads.append(areal(footprint.intersection(strip)))
    return treads


def _add_stair(builder: SoupBuilder, model: FloorModel, stair: Stair, cap_z: float) -> list[Caster]:
    """The flight on the level it starts from, climbing to the upper floor (or the wall tops)."""
    rise_total = _rise(model, stair)
    treads = _treads(model, stair)
    casters: list[Caster] = []
    for index, tread in enumerate(treads):
        top = min(rise_total * (index + 1) / len(treads), cap_z)
        group = builder.group(("stair", stair.id, index))
        add_prism_sides(builder, tread, 0.0, top, STAIR, f"stair-{stair.id}-{index}")
        builder.add(cap(tread, top), STAIR, group)
        casters.append(Caster(tread, 0.0, top))
    return casters


def arriving_stairs(model: FloorModel, level: Level) -> list[Stair]:
    """Stairs that come up through this level's floor from the level below."""
    return [
        stair
        for stair in model.stairs
        if stair.to_level_id == level.id and stair.level_id != level.id
    ]


def _add_stair_well(builder: SoupBuilder, model: FloorModel, stair: Stair) -> None:
    """The opening a stair comes up through, on the upper level: the top treads in the well.

    The floor there is cut away (see `build_level_scene`); the flight is drawn in this level's
    frame (the lower floor `rise` below), down to `WELL_DEPTH_MM`, over a dark well bottom.
    """
    rise_total = _rise(model, stair)
    footprint = polygon_of(stair.footprint)
    treads = _treads(model, stair)
    drawn: list[Region] = []
    for index, tread in enumerate(treads):
        top = rise_total * (index + 1) / len(treads) - rise_total
        if top <= -WELL_DEPTH_MM:
            continue
        group = builder.group(("well-stair", stair.id, index))
        add_prism_sides(builder, tread, -WELL_DEPTH_MM, top, STAIR, f"well-{stair.id}-{index}")
        builder.add(cap(tread, top), STAIR, group)
        drawn.append(tread)
    rest = footprint.difference(union(drawn)) if drawn else footprint
    builder.add(
        cap(areal(rest), -WELL_DEPTH_MM), VOID, builder.group(("well", stair.id)), lit=False
    )
    # The well's sides face into it (the footprint is the hole of a thin ring around it).
    ring = footprint.buffer(WELL_RING_MM, join_style="mitre").difference(footprint)
    add_prism_sides(builder, ring, -WELL_DEPTH_MM, 0.0, WELL_SIDE, f"well-side-{stair.id}")


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
    arriving = arriving_stairs(model, level)
    wells = union(polygon_of(stair.footprint) for stair in arriving)
    for stair in arriving:
        _add_stair_well(builder, model, stair)
    classes = light_classes(casters, wall_union)
    floors = add_floors(builder, model, level, classes, cut=wells)
    footprint = close_gaps(union([wall_union, floors, wells]))
    if not footprint.is_empty:
        builder.add(
            cap(footprint.difference(union([floors, wall_union, wells])), 0.0),
            PLINTH_TOP,
            builder.group("plinth-top"),
        )
        add_prism_sides(builder, footprint, -PLINTH_MM, 0.0, PLINTH_SIDE, "plinth")
        add_ground_shadow(builder, footprint)
    bounds = footprint.bounds if not footprint.is_empty else (0.0, 0.0, 1.0, 1.0)
    soup, textures = builder.build()
    return LevelScene(
        level=level,
        soup=soup,
        textures=textures,
        bounds=(float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3])),
        top=top,
    )
