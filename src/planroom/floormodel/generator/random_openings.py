"""Doors and windows of a random home: interior doors along a spanning tree of the rooms, so
the home is connected; windows and an entry door on the walls that face outside."""

from __future__ import annotations

import math
import random

from planroom.floormodel.generator.layout import FACING_NORMALS, XY, Facing, OpeningSpec, RoomSpec
from planroom.floormodel.geometry import polygon_of

Box = tuple[int, int, int, int]
"""min x, min y, max x, max y in mm."""


def _shared_length(a: tuple[XY, ...], b: tuple[XY, ...]) -> float:
    shared = polygon_of(a).boundary.intersection(polygon_of(b).boundary)
    parts = [p for p in getattr(shared, "geoms", [shared]) if p.length > 0]
    return max((float(p.length) for p in parts), default=0.0)


def door_specs(rng: random.Random, rooms: list[RoomSpec]) -> list[OpeningSpec] | None:
    """Interior doors along a random spanning tree of the rooms (and maybe one extra)."""
    widths = {"closet": 610, "bathroom": 711, "laundry": 711}
    pairs: dict[tuple[int, int], float] = {}
    for i in range(len(rooms)):
        for j in range(i + 1, len(rooms)):
            length = _shared_length(rooms[i].outline, rooms[j].outline)
            if length >= 1400:
                pairs[(i, j)] = length
    start = next((i for i, r in enumerate(rooms) if r.type == "hall"), 0)
    joined, edges = {start}, []
    while len(joined) < len(rooms):
        frontier = [(i, j) for (i, j) in pairs if (i in joined) != (j in joined)]
        if not frontier:
            return None
        # Closets and bathrooms are dead ends: never route the house through them.
        frontier.sort(key=lambda p: any(rooms[k].type in widths and k in joined for k in p))
        pick = frontier[0] if rng.random() < 0.6 else rng.choice(frontier)
        edges.append(pick)
        joined.update(pick)
    extra = [p for p in pairs if p not in edges and not any(rooms[k].type in widths for k in p)]
    if extra and rng.random() < 0.35:
        edges.append(rng.choice(extra))
    specs = []
    for i, j in edges:
        a, b = rooms[i], rooms[j]
        width = max(widths.get(a.type, 813), widths.get(b.type, 813))
        width = min(width, widths.get(a.type, 2000), widths.get(b.type, 2000))
        kind = "door"
        if {a.type, b.type} <= {"living", "kitchen", "dining", "hall"} and rng.random() < 0.35:
            kind, width = "opening", 1200
        length = pairs[(i, j)]
        room_for = max(0.0, 0.5 - (width / 2 + 250) / length)
        at = 0.5 + rng.uniform(-room_for, room_for)
        specs.append(OpeningSpec((a.name, b.name), kind=kind, width=width, at=round(at, 3)))  # type: ignore[arg-type]
    return specs


def _exterior_edges(room: RoomSpec, outer: Box) -> dict[Facing, float]:
    """Facing: length of the room's longest edge that way, when that edge is on the outside."""
    found: dict[Facing, float] = {}
    count = len(room.outline)
    for facing, normal in FACING_NORMALS.items():
        best: tuple[float, XY, XY] | None = None
        for index in range(count):
            p, q = room.outline[index], room.outline[(index + 1) % count]
            length = math.dist(p, q)
            outward = ((q[1] - p[1]) / length, -(q[0] - p[0]) / length)
            if outward[0] * normal[0] + outward[1] * normal[1] > 0.99 and (
                best is None or length > best[0]
            ):
                best = (length, p, q)
        if best is None:
            continue
        _, p, q = best
        on_outside = (p[0] == q[0] and p[0] in (outer[0], outer[2])) or (
            p[1] == q[1] and p[1] in (outer[1], outer[3])
        )
        if on_outside:
            found[facing] = best[0]
    return found


def outside_specs(
    rng: random.Random, rooms: list[RoomSpec], outer: Box, entry: bool
) -> list[OpeningSpec]:
    specs: list[OpeningSpec] = []
    entry_room = next((r for r in rooms if r.type in ("hall", "living")), rooms[0])
    for room in rooms:
        edges = _exterior_edges(room, outer)
        if not edges:
            continue
        wanted: list[tuple[str, int, int, int]] = []
        if entry and room is entry_room:
            wanted.append(("door", 914, 2032, 0))
        windows = {"closet": 0, "hall": rng.randint(0, 1), "bathroom": 1, "laundry": 1}
        for _ in range(windows.get(room.type, rng.randint(1, 2))):
            if room.type in ("bathroom", "laundry"):
                wanted.append(("window", 600, 600, 1500))
            else:
                wanted.append(("window", rng.choice((900, 1200, 1600)), 1200, 900))
        facings = list(edges)
        rng.shuffle(facings)
        by_facing: dict[Facing, list[tuple[str, int, int, int]]] = {}
        for index, item in enumerate(wanted):
            by_facing.setdefault(facings[index % len(facings)], []).append(item)
        for facing, items in by_facing.items():
            if edges[facing] / (len(items) + 1) < max(w[1] for w in items) + 400:
                items = items[:1]
                if edges[facing] / 2 < items[0][1] / 2 + 400:
                    continue
            for slot, (kind, width, height, sill) in enumerate(items):
                specs.append(
                    OpeningSpec(
                        (room.name,),
                        kind=kind,  # type: ignore[arg-type]
                        width=width,
                        height=height,
                        sill=sill,
                        at=round((slot + 1) / (len(items) + 1), 3),
                        facing=facing,
                    )
                )
    return specs
