"""The order's 3D model as a GLB: walls with their door and window holes, floors, stairs, fixtures.

glTF conventions apply: metres, y up, right-handed; the plan's x stays x and the plan's y (north)
becomes -z. Each wall is its own mesh named by the wall's id, so a viewer or a later edit can find
it; every level is a node (`level-<id>`) holding its walls, floor slabs, stairs and fixtures, at
the level's elevation.
"""

from __future__ import annotations

import math

import numpy as np
import trimesh
from numpy.typing import NDArray
from shapely import affinity
from shapely.geometry import Polygon, box

from planroom.floormodel.geometry import areal, polygon_of, polygons_of, union, wall_axes
from planroom.floormodel.schema import FloorModel, Level, Wall
from planroom.render.context import RenderContext
from planroom.render.three_d.furnish import blocks_for
from planroom.render.three_d.scene import (
    arriving_stairs,
    levels_to_draw,
    opening_extent,
    wall_span,
)
from planroom.render.three_d.solids import hex_rgb

FLOOR_SLAB_MM = 10.0
"""Floor slabs hang this far below their level's elevation (a visible floor from any side)."""
MM_PER_M = 1000.0

# Plan frame (x, y north, z up; mm) to glTF (x, y up, z south; m): a rotation, so faces keep
# their winding and normals stay outward.
PLAN_TO_GLTF = np.array(
    [
        [1.0 / MM_PER_M, 0.0, 0.0, 0.0],
        [0.0, 0.0, 1.0 / MM_PER_M, 0.0],
        [0.0, -1.0 / MM_PER_M, 0.0, 0.0],
        [0.0, 0.0, 0.0, 1.0],
    ]
)

_COLORS: dict[str, tuple[int, int, int, int]] = {
    "wall": (244, 242, 238, 255),
    "floor": (214, 182, 139, 255),
    "floor-tile": (213, 218, 221, 255),
    "stair": (200, 161, 118, 255),
    "glass": (190, 215, 230, 110),
}
_TILED = {"bathroom", "half_bath", "laundry", "kitchen", "utility", "garage"}
GLASS_MM = 20.0

Part = tuple[str, trimesh.Trimesh]


def _painted(mesh: trimesh.Trimesh, name: str, rgba: tuple[int, int, int, int]) -> trimesh.Trimesh:
    material = trimesh.visual.material.PBRMaterial(  # type: ignore[no-untyped-call]
        name=name,
        baseColorFactor=list(rgba),
        metallicFactor=0.0,
        roughnessFactor=0.9,
        alphaMode="BLEND" if rgba[3] < 255 else None,
    )
    mesh.visual = trimesh.visual.TextureVisuals(material=material)  # type: ignore[no-untyped-call]
    return mesh


def _concatenate(meshes: list[trimesh.Trimesh]) -> trimesh.Trimesh:
    if len(meshes) == 1:
        return meshes[0]
    joined = trimesh.util.concatenate(meshes)
    assert isinstance(joined, trimesh.Trimesh)
    return joined


def _turn_about_z(degrees: float) -> NDArray[np.float64]:
    cos_a, sin_a = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return np.array(
        [[cos_a, -sin_a, 0, 0], [sin_a, cos_a, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], dtype=float
    )


def wall_profile(model: FloorModel, wall: Wall) -> list[Polygon]:
    """The wall seen face-on (along, height) in mm: its rectangle minus every opening.

    The wall reaches into the joints it takes part in, like its plan body, so corners close. A
    door leaves a notch in the bottom edge; a window a hole.
    """
    start, end = wall_span(wall, model.walls_on(wall.level_id))
    outline = box(start, 0.0, end, float(wall.height))
    for opening in model.openings_on(wall.id):
        head = min(opening.sill + opening.height, wall.height)
        left, right = opening_extent(wall, opening)
        outline = outline.difference(box(left, float(opening.sill), right, float(head)))
    return [poly for poly in polygons_of(outline) if poly.area > 1.0]


def wall_mesh(model: FloorModel, wall: Wall, elevation: float) -> trimesh.Trimesh | None:
    """The wall as a closed solid in plan millimetres (z up), holes cut through; None when its
    openings leave nothing of it."""
    (dx, dy), (nx, ny) = wall_axes(wall)
    # Profile axes (along, up, through) to plan: along the wall, up, and across to its right,
    # a right-handed basis so the extrusion's faces stay outward.
    to_plan = np.array(
        [
            [dx, 0.0, -nx, wall.start[0] + nx * wall.thickness / 2.0],
            [dy, 0.0, -ny, wall.start[1] + ny * wall.thickness / 2.0],
            [0.0, 1.0, 0.0, elevation],
            [0.0, 0.0, 0.0, 1.0],
        ]
    )
    pieces = [
        trimesh.creation.extrude_polygon(piece, float(wall.thickness))
        for piece in wall_profile(model, wall)
    ]
    if not pieces:
        return None
    mesh = _concatenate(pieces)
    mesh.apply_transform(to_plan)
    return mesh


def _slab(polygon: Polygon, top: float, thickness: float) -> trimesh.Trimesh:
    mesh = trimesh.creation.extrude_polygon(polygon, thickness)
    mesh.apply_translation((0.0, 0.0, top - thickness))
    return mesh


def _walls(model: FloorModel, level: Level) -> list[Part]:
    elevation = float(level.elevation)
    parts: list[Part] = []
    for wall in model.walls_on(level.id):
        mesh = wall_mesh(model, wall, elevation)
        if mesh is not None:
            parts.append((wall.id, _painted(mesh, "wall", _COLORS["wall"])))
    return parts


def _floors(model: FloorModel, level: Level) -> list[Part]:
    parts: list[Part] = []
    # The floor is open over a stair coming up from below, as in the dollhouse.
    wells = union(polygon_of(stair.footprint) for stair in arriving_stairs(model, level))
    for space in model.spaces_on(level.id):
        if space.type == "open_to_below":
            continue
        color = "floor-tile" if space.type in _TILED else "floor"
        floor = polygon_of(space.polygon)
        if not wells.is_empty:
            floor = areal(floor.difference(wells))
        for index, polygon in enumerate(polygons_of(floor)):
            slab = _slab(polygon, float(level.elevation), FLOOR_SLAB_MM)
            suffix = "" if index == 0 else f"-{index}"
            parts.append((f"floor-{space.id}{suffix}", _painted(slab, color, _COLORS[color])))
    return parts


def _stairs(model: FloorModel, level: Level) -> list[Part]:
    parts: list[Part] = []
    for stair in model.stairs_on(level.id):
        footprint = polygon_of(stair.footprint)
        rise = model.level(stair.to_level_id).elevation - model.level(stair.from_level_id).elevation
        steps = stair.treads or max(2, round(abs(rise) / 180.0))
        angle = math.radians(stair.direction_deg)
        along = [x * math.cos(angle) + y * math.sin(angle) for x, y in footprint.exterior.coords]
        start, run = min(along), (max(along) - min(along)) / steps
        treads: list[trimesh.Trimesh] = []
        for index in range(steps):
            strip = box(start + index * run, -1e6, start + (index + 1) * run, 1e6)
            strip = affinity.rotate(strip, stair.direction_deg, origin=(0.0, 0.0))
            top = abs(rise) * (index + 1) / steps
            for tread in polygons_of(footprint.intersection(strip)):
                treads.append(_slab(tread, level.elevation + top, top))
        if treads:
            mesh = _painted(_concatenate(treads), "stair", _COLORS["stair"])
            parts.append((f"stair-{stair.id}", mesh))
    return parts


def _glass(model: FloorModel, level: Level) -> list[Part]:
    parts: list[Part] = []
    for wall in model.walls_on(level.id):
        (dx, dy), _ = wall_axes(wall)
        for opening in model.openings_on(wall.id):
            if opening.kind != "window":
                continue
            left, right = opening_extent(wall, opening)
            head = min(opening.sill + opening.height, wall.height)
            pane = trimesh.creation.box(extents=(right - left, GLASS_MM, head - opening.sill))
            pane.apply_transform(_turn_about_z(math.degrees(math.atan2(dy, dx))))
            middle = (left + right) / 2.0
            pane.apply_translation(
                (
                    wall.start[0] + dx * middle,
                    wall.start[1] + dy * middle,
                    level.elevation + (opening.sill + head) / 2.0,
                )
            )
            parts.append((f"glass-{opening.id}", _painted(pane, "glass", _COLORS["glass"])))
    return parts


def _fixtures(model: FloorModel, level: Level) -> list[Part]:
    parts: list[Part] = []
    for fixture in model.fixtures_on(level.id):
        blocks = blocks_for(fixture)
        pieces = []
        for block in blocks:
            piece = trimesh.creation.box(extents=(block.w, block.d, block.z1 - block.z0))
            piece.apply_translation((block.x, block.y, (block.z0 + block.z1) / 2.0))
            pieces.append(piece)
        mesh = _concatenate(pieces)
        mesh.apply_transform(_turn_about_z(fixture.rotation_deg))
        mesh.apply_translation((fixture.position[0], fixture.position[1], level.elevation))
        # One material per fixture, the colour of its main block.
        red, green, blue = (round(channel * 255) for channel in hex_rgb(blocks[0].color))
        painted = _painted(mesh, f"fixture-{fixture.category}", (red, green, blue, 255))
        parts.append((f"fixture-{fixture.id}", painted))
    return parts


def build_scene(
    model: FloorModel, *, furniture: bool, levels: list[Level] | None = None
) -> trimesh.Scene:
    """The 3D scene of `levels` (default: every level), in glTF axes and metres."""
    scene = trimesh.Scene()
    for level in levels if levels is not None else model.levels_in_order():
        parent = f"level-{level.id}"
        scene.graph.update(  # type: ignore[no-untyped-call]
            frame_to=parent, frame_from=scene.graph.base_frame
        )
        parts = [
            *_walls(model, level),
            *_floors(model, level),
            *_stairs(model, level),
            *_glass(model, level),
            *(_fixtures(model, level) if furniture else []),
        ]
        for name, mesh in parts:
            mesh.apply_transform(PLAN_TO_GLTF)
            scene.add_geometry(mesh, geom_name=name, node_name=name, parent_node_name=parent)
    return scene


def render_glb(ctx: RenderContext) -> bytes:
    """The GLB of the order's levels (below-grade ones only when the order includes them)."""
    levels = levels_to_draw(ctx.model, ctx.include_basement)
    scene = build_scene(ctx.model, furniture=ctx.furniture_set != "none", levels=levels)
    data = scene.export(file_type="glb")  # type: ignore[no-untyped-call]
    return bytes(data)
