"""Floors of a dollhouse level: finishes, soft shadows, the shade along the walls, the ground.

Shadows are worked out once in plan space: every wall piece and piece of furniture is swept along
the light for three slightly different light directions, and the floor is cut into regions by
how many of the three shadows cover it (a soft edge) and by how close it is to a wall (the shade
at the skirting). Each region is drawn in its own tint, so a frame needs no lighting at all.
"""

from __future__ import annotations

import math
import zlib

from shapely.geometry import Polygon

from planroom.floormodel.geometry import Region, areal, empty, polygon_of, union
from planroom.floormodel.schema import FloorModel, Level, Space
from planroom.render.three_d.furnish import Caster
from planroom.render.three_d.raster import BACKGROUND_GROUP
from planroom.render.three_d.solids import KEY_LIGHT, SoupBuilder, cap, hex_rgb
from planroom.render.three_d.texture import DECK, NONE, TILE, WOOD

PLINTH_MM = 240.0
"""Depth of the base the dollhouse stands on, drawn below each level's floor."""

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

FINISHES: dict[str, int] = {
    "bathroom": TILE,
    "half_bath": TILE,
    "laundry": TILE,
    "kitchen": TILE,
    "utility": NONE,
    "garage": NONE,
    "porch": DECK,
    "deck": DECK,
    "balcony": TILE,
    "patio": TILE,
}
"""Floor finish per space type; every other type gets wooden planks."""

GROUND_SHADOW = tuple(
    (60.0 * (step + 1) ** 1.5, "#" + f"{round(0xDA + (0xFC - 0xDA) * step / 7):02x}" * 3)
    for step in range(8)
)
"""Ground shade around the plinth: distance out (mm) and colour, darkest at the foot."""
VOID = hex_rgb("#8f8c88")


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


def light_classes(casters: list[Caster], wall_union: Region) -> list[tuple[Region, float]]:
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


def add_floors(
    builder: SoupBuilder,
    model: FloorModel,
    level: Level,
    classes: list[tuple[Region, float]],
    *,
    cut: Region | None = None,
) -> Region:
    """Room floors split into light classes, less `cut` (the stairwells coming up through the
    floor); returns the union of the floors drawn."""
    drawn: list[Region] = []
    for space in model.spaces_on(level.id):
        polygon = polygon_of(space.polygon)
        if cut is not None and not cut.is_empty:
            polygon = areal(polygon.difference(cut))
            if polygon.is_empty:
                continue
        if space.type == "open_to_below":
            builder.add(cap(polygon, 0.0), VOID, builder.group(("void", space.id)), lit=False)
            drawn.append(polygon)
            continue
        base = hex_rgb(FLOOR_COLORS.get(space.type, FLOOR_COLORS["default"]))
        group = builder.group(("floor", space.id))
        finish = floor_finish(builder, space)
        for region, factor in classes:
            piece = areal(polygon.intersection(region))
            if piece.is_empty:
                continue
            tinted = (base[0] * factor, base[1] * factor, base[2] * factor)
            builder.add(cap(piece, 0.0), tinted, group, finish=finish)
        drawn.append(polygon)
    return union(drawn)


def floor_finish(builder: SoupBuilder, space: Space) -> int:
    """The finish id of a room's floor: its kind by room type, laid along the room's long side."""
    kind = FINISHES.get(space.type, WOOD)
    if kind == NONE:
        return -1
    corners = list(polygon_of(space.polygon).minimum_rotated_rectangle.exterior.coords)
    (x0, y0), (x1, y1), (x2, y2) = corners[0], corners[1], corners[2]
    if math.hypot(x1 - x0, y1 - y0) >= math.hypot(x2 - x1, y2 - y1):
        angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
    else:
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
    seed = zlib.crc32(space.id.encode()) & 0xFFFF
    return builder.finish(kind, angle, seed)


def add_ground_shadow(builder: SoupBuilder, footprint: Region) -> None:
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
