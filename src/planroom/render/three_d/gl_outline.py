"""Where a level can show in a video frame: the convex hull of its projected points.

Seen from the orbit, a dollhouse covers about 55 % of the bounding rectangle of its projected
box; the rest is background that the block pass would finish, and the surfaces pass clear, for
nothing. A projection keeps convexity, so every pixel a level covers lies inside the convex hull
of its points' projections: drawn as a polygon, grown by the pixels each pass reads around the
ones it makes, that hull bounds both passes to the house.

One polygon drawn as a few triangles, rather than bands of scissored rectangles: on Mesa's
software pipeline every draw call and every partly covered 64 x 64 tile has its cost (measured:
twenty scissored bands cleared the same area as one rectangle at twice its time). For the same
reason the polygon keeps few corners: the 4 x 4 pixels along each edge between two triangles
are shaded twice, once for each.
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


Point = tuple[float, float]


def _dropped(points: list[Point], index: int) -> tuple[float, Point] | None:
    """What dropping the edge from corner `index` of the convex polygon `points` (counter-
    clockwise) adds, and where the edges before and after it then meet; None where they part."""
    count = len(points)
    (bx, by), (sx, sy) = points[index - 1], points[index]
    (ex, ey), (ax, ay) = points[(index + 1) % count], points[(index + 2) % count]
    ix, iy, ox, oy = sx - bx, sy - by, ax - ex, ay - ey
    turn = ix * oy - iy * ox
    if turn <= 1e-9 * (abs(ix) + abs(iy)) * (abs(ox) + abs(oy)):
        return None
    reach = ((ex - sx) * oy - (ey - sy) * ox) / turn
    mx, my = sx + reach * ix, sy + reach * iy
    return 0.5 * abs((mx - sx) * (ey - sy) - (my - sy) * (ex - sx)), (mx, my)


def fewer_corners(corners: FloatArray, share: float) -> FloatArray:
    """A convex polygon holding the convex polygon `corners` (k, 2), with each edge dropped
    (its neighbours extended to meet) that adds at most `share` of its area, the least first."""
    points: list[Point] = [(float(x), float(y)) for x, y in corners]
    following = [*points[1:], points[0]]
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, following, strict=True))
    if twice < 0:
        points.reverse()
    most = share * abs(twice) / 2.0
    costs = [_dropped(points, index) for index in range(len(points))]
    while len(points) > 4:
        options = [(cost[0], index) for index, cost in enumerate(costs) if cost is not None]
        if not options:
            break
        area, index = min(options)
        if area > most:
            break
        count = len(points)
        after = (index + 1) % count
        meet = costs[index]
        assert meet is not None
        points[index] = meet[1]
        del points[after]
        del costs[after]
        # Only the edges next to the new corner change.
        count -= 1
        for near in (index - 2, index - 1, index, index + 1):
            costs[near % count] = _dropped(points, near % count)
    return np.asarray(points)
