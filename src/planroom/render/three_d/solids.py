"""Triangles for the software renderer from plan regions: prisms, caps and boxes.

Everything here works in world millimetres with z up. A region is a shapely polygon or
multipolygon in the plan frame; its sides become vertical quads with outward normals and its
caps are triangulated with earcut. Faces are flat-shaded once, from fixed lights, so a frame is
only a visibility pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
import trimesh
from numpy.typing import NDArray

from planroom.floormodel.geometry import Region, polygons_of
from planroom.render.three_d.raster import FloatArray, TriangleSoup
from planroom.render.three_d.texture import FloorTextures

Rgb = tuple[float, float, float]

KEY_LIGHT: FloatArray = np.array([-0.42, -0.62, 0.66])
"""Direction toward the main light: high in the south-west, so the faces a default camera sees
(south and west) are lit and shadows fall away from the viewer."""
KEY_LIGHT /= np.linalg.norm(KEY_LIGHT)
FILL_LIGHT: FloatArray = np.array([0.55, 0.35, 0.45])
FILL_LIGHT /= np.linalg.norm(FILL_LIGHT)


def hex_rgb(value: str) -> Rgb:
    """`#rrggbb` to RGB floats in 0..1."""
    value = value.lstrip("#")
    return (int(value[0:2], 16) / 255.0, int(value[2:4], 16) / 255.0, int(value[4:6], 16) / 255.0)


def light_factor(normals: FloatArray) -> NDArray[np.float64]:
    """Brightness of faces with unit `normals` (n, 3): ambient, a key light and a soft fill."""
    key = np.clip(normals @ KEY_LIGHT, 0.0, 1.0)
    fill = np.clip(normals @ FILL_LIGHT, 0.0, 1.0)
    # Tuned so floors keep their own colour, walls facing the key light are near white and
    # walls facing away stay clearly lighter than the dark wall tops.
    return np.asarray(0.74 + 0.38 * key + 0.08 * fill, dtype=np.float64)


@dataclass
class SoupBuilder:
    """Collects triangles with their base colour, surface group and floor finish, then lights
    them."""

    _triangles: list[FloatArray] = field(default_factory=list)
    _colors: list[FloatArray] = field(default_factory=list)
    _groups: list[NDArray[np.int64]] = field(default_factory=list)
    _lit: list[NDArray[np.bool_]] = field(default_factory=list)
    _finishes: list[NDArray[np.int32]] = field(default_factory=list)
    _group_ids: dict[object, int] = field(default_factory=dict)
    _finish_specs: list[tuple[float, float, float, float]] = field(default_factory=list)

    def group(self, key: object) -> int:
        """A stable surface id for `key`; faces with the same key show no outline between them."""
        return self._group_ids.setdefault(key, len(self._group_ids))

    def finish(self, kind: int, angle_deg: float, seed: int) -> int:
        """An id for a floor finish laid along `angle_deg` (see `three_d.texture`)."""
        angle = np.radians(angle_deg)
        self._finish_specs.append((float(kind), float(np.cos(angle)), float(np.sin(angle)), seed))
        return len(self._finish_specs) - 1

    def add(
        self,
        triangles: FloatArray,
        color: Rgb,
        group: int,
        *,
        lit: bool = True,
        finish: int = -1,
    ) -> None:
        if triangles.size == 0:
            return
        count = triangles.shape[0]
        self._triangles.append(triangles)
        self._colors.append(np.tile(np.asarray(color, dtype=np.float64), (count, 1)))
        self._groups.append(np.full(count, group, dtype=np.int64))
        self._lit.append(np.full(count, lit))
        self._finishes.append(np.full(count, finish, dtype=np.int32))

    def build(self) -> tuple[TriangleSoup, FloorTextures]:
        if not self._triangles:
            return TriangleSoup.empty(), FloorTextures(np.zeros(0, np.int32), np.zeros((0, 4)))
        triangles = np.concatenate(self._triangles)
        colors = np.concatenate(self._colors)
        lit = np.concatenate(self._lit)
        normals = np.cross(triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0])
        lengths = np.linalg.norm(normals, axis=1)
        normals = normals / np.maximum(lengths, 1e-12)[:, None]
        factor = np.where(lit, light_factor(normals), 1.0)
        soup = TriangleSoup(
            vertices=triangles,
            colors=np.clip(colors * factor[:, None], 0.0, 1.0),
            groups=np.concatenate(self._groups),
        )
        specs = np.asarray(self._finish_specs, dtype=np.float64).reshape(-1, 4)
        return soup, FloorTextures(np.concatenate(self._finishes), specs)


def cap(region: Region, z: float, *, up: bool = True) -> FloatArray:
    """The region as horizontal triangles at height `z`, facing up (or down)."""
    parts: list[FloatArray] = []
    for polygon in polygons_of(region):
        vertices, faces = trimesh.creation.triangulate_polygon(polygon, engine="earcut")
        if len(faces) == 0:
            continue
        corners = np.asarray(vertices, dtype=np.float64)[np.asarray(faces)]
        signed = (corners[:, 1, 0] - corners[:, 0, 0]) * (corners[:, 2, 1] - corners[:, 0, 1]) - (
            corners[:, 2, 0] - corners[:, 0, 0]
        ) * (corners[:, 1, 1] - corners[:, 0, 1])
        flip = (signed < 0) if up else (signed > 0)
        corners[flip] = corners[flip][:, ::-1]
        tris = np.concatenate([corners, np.full((*corners.shape[:2], 1), z)], axis=2)
        parts.append(tris)
    return np.concatenate(parts) if parts else np.zeros((0, 3, 3))


def ring_edges(region: Region) -> FloatArray:
    """Every boundary edge (n, 2, 2) of the region, walking with the solid on the left."""
    edges: list[FloatArray] = []
    for polygon in polygons_of(region):
        # `polygons_of` orients exteriors counter-clockwise and holes clockwise.
        for ring in (polygon.exterior, *polygon.interiors):
            points = np.asarray(ring.coords, dtype=np.float64)[:, :2]
            edges.append(np.stack([points[:-1], points[1:]], axis=1))
    return np.concatenate(edges) if edges else np.zeros((0, 2, 2))


def side_quads(edges: FloatArray, z0: float, z1: float) -> FloatArray:
    """Vertical quads (as 2 triangles each) over plan edges, facing right of each edge."""
    if edges.size == 0 or z1 <= z0:
        return np.zeros((0, 3, 3))
    a, b = edges[:, 0], edges[:, 1]
    count = edges.shape[0]
    lo_a = np.concatenate([a, np.full((count, 1), z0)], axis=1)
    lo_b = np.concatenate([b, np.full((count, 1), z0)], axis=1)
    hi_a = np.concatenate([a, np.full((count, 1), z1)], axis=1)
    hi_b = np.concatenate([b, np.full((count, 1), z1)], axis=1)
    first = np.stack([lo_a, lo_b, hi_b], axis=1)
    second = np.stack([lo_a, hi_b, hi_a], axis=1)
    return np.concatenate([first, second])


def edge_plane_keys(edges: FloatArray) -> list[tuple[int, int, int]]:
    """A key per edge naming its vertical plane, so coplanar side faces share one outline group."""
    direction = edges[:, 1] - edges[:, 0]
    length = np.maximum(np.linalg.norm(direction, axis=1), 1e-9)
    normal = np.stack([direction[:, 1], -direction[:, 0]], axis=1) / length[:, None]
    offset = (normal * edges[:, 0]).sum(axis=1)
    return [
        (round(nx * 1000), round(ny * 1000), round(d / 5))
        for nx, ny, d in zip(normal[:, 0], normal[:, 1], offset, strict=True)
    ]


def add_prism_sides(
    builder: SoupBuilder,
    region: Region,
    z0: float,
    z1: float,
    color: Rgb,
    tag: str,
    *,
    facade: tuple[Region, Rgb] | None = None,
) -> None:
    """Vertical faces of `region` between `z0` and `z1`, one outline group per plane.

    With `facade` = (indoors, colour), faces that look out of the `indoors` region take the
    facade colour, so the outside of a house reads differently from its rooms.
    """
    edges = ring_edges(region)
    if edges.size == 0 or z1 <= z0:
        return
    keys = edge_plane_keys(edges)
    quads = side_quads(edges, z0, z1)
    count = edges.shape[0]
    outside = np.zeros(count, dtype=bool)
    if facade is not None:
        outside = ~_probe_inside(edges, facade[0])
    groups = np.array([builder.group((tag, key)) for key in keys], dtype=np.int64)
    for index in np.unique(groups):
        for out in (False, True):
            mask = (groups == index) & (outside == out)
            if not mask.any():
                continue
            face_color = facade[1] if (out and facade is not None) else color
            faces = np.concatenate([quads[:count][mask], quads[count:][mask]])
            builder.add(faces, face_color, int(index))


def _probe_inside(edges: FloatArray, region: Region) -> NDArray[np.bool_]:
    """Whether the point just outside the middle of each edge (on its right) is in `region`."""
    direction = edges[:, 1] - edges[:, 0]
    length = np.maximum(np.linalg.norm(direction, axis=1), 1e-9)
    normal = np.stack([direction[:, 1], -direction[:, 0]], axis=1) / length[:, None]
    probe = (edges[:, 0] + edges[:, 1]) / 2.0 + normal * 20.0
    return np.asarray(shapely.contains_xy(region, probe[:, 0], probe[:, 1]), dtype=bool)


def box_triangles(
    centre: tuple[float, float],
    size: tuple[float, float],
    rotation_deg: float,
    z0: float,
    z1: float,
) -> list[FloatArray]:
    """The five visible-from-above faces of a rotated box, each as (2, 3, 3) triangles."""
    half_w, half_d = size[0] / 2.0, size[1] / 2.0
    angle = np.radians(rotation_deg)
    cos_a, sin_a = float(np.cos(angle)), float(np.sin(angle))
    local = [(-half_w, -half_d), (half_w, -half_d), (half_w, half_d), (-half_w, half_d)]
    ring = np.array(
        [(centre[0] + x * cos_a - y * sin_a, centre[1] + x * sin_a + y * cos_a) for x, y in local]
    )
    edges = np.stack([ring, np.roll(ring, -1, axis=0)], axis=1)
    # The local ring runs counter-clockwise, so the solid is on the left and sides face out.
    quads = side_quads(edges, z0, z1)
    faces = [np.stack([quads[i], quads[i + 4]]) for i in range(4)]
    top = np.concatenate([ring, np.full((4, 1), z1)], axis=1)
    faces.append(np.stack([top[[0, 1, 2]], top[[0, 2, 3]]]))
    return faces
