"""Where a level can show in a video frame: the convex hull of its projected points.

Seen from the orbit, a dollhouse covers about 55 % of the bounding rectangle of its projected
box; the rest is background that the block pass would finish, and the surfaces pass clear, for
nothing. A projection keeps convexity, so every pixel a level covers lies inside the convex hull
of its points' projections: drawn as a polygon, grown by the pixels each pass reads around the
ones it makes, that hull bounds both passes to the house.

One polygon drawn as a few triangles, rather than bands of scissored rectangles: on Mesa's
software pipeline every draw call and every partly covered 64 x 64 tile has its cost (measured:
twenty scissored bands cleared the same area as one rectangle at twice its time).
"""

from __future__ import annotations

import numpy as np
from shapely.geometry import MultiPoint, Polygon

from planroom.render.three_d.raster import FloatArray

_MITRE_LIMIT = 20.0
"""Grown corners stay pointed (a mitre holds the round growth; a bevel would cut into it)."""


def hull_points(points: FloatArray) -> FloatArray:
    """A few of `points` (n, 3) whose convex hull is theirs: the corners of the plan's convex
    hull at each height. A corner of the solid's hull is a corner of its height's plan hull,
    and a level has a few dozen heights (floor, plinth, wall tops, furniture)."""
    unique = np.unique(points, axis=0)
    kept = []
    for height in np.unique(unique[:, 2]):
        hull = MultiPoint(unique[unique[:, 2] == height, :2]).convex_hull
        ring = np.asarray(hull.exterior.coords if isinstance(hull, Polygon) else hull.coords)
        kept.append(np.column_stack([ring, np.full(len(ring), height)]))
    return np.concatenate(kept, axis=0)


def grown_hull(points: FloatArray, margin: float) -> FloatArray | None:
    """The corners (k, 2) of the convex hull of `points` (n, 2) grown by `margin` all round,
    or None for no points. Every point within `margin` of the hull lies inside."""
    if not len(points):
        return None
    grown = MultiPoint(points).convex_hull.buffer(
        margin, join_style="mitre", mitre_limit=_MITRE_LIMIT
    )
    return np.asarray(grown.exterior.coords)[:-1]


def fan(corners: FloatArray, size: tuple[int, int]) -> FloatArray:
    """The convex polygon `corners` (k, 2: pixels of a `size` target, rows as GL's) as GL
    triangles (3 (k - 2), 2) in normalised device coordinates."""
    ndc = corners * (2.0 / np.asarray(size, dtype=np.float64)) - 1.0
    count = len(ndc)
    if count < 3:
        return np.zeros((0, 2))
    triangles = np.empty((count - 2, 3, 2))
    triangles[:, 0] = ndc[0]
    triangles[:, 1] = ndc[1:-1]
    triangles[:, 2] = ndc[2:]
    out: FloatArray = triangles.reshape(-1, 2)
    return out
