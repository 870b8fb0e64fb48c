"""Random rectilinear homes: a rectangle split into rooms of plausible sizes, drafted as truth.

The outer rectangle is cut recursively (sometimes with a long, narrow hall across it first) and
one room may lose a corner to a closet, which leaves it L-shaped. Rooms get types from their size
and shape, interior doors join them into one connected home, and windows and an entry door sit on
exterior walls. `draft()` then turns the plan into the true floor model.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass

from shapely.geometry import Polygon as ShapelyPolygon
from shapely.geometry import box

from planroom.floormodel.generator.layout import (
    XY,
    LevelSpec,
    OpeningSpec,
    RoomSpec,
    Scene,
    StairSpec,
    draft,
    rectangle,
)
from planroom.floormodel.generator.random_openings import door_specs, outside_specs
from planroom.floormodel.generator.random_rooms import fixtures_for
from planroom.floormodel.geometry import polygon_of
from planroom.floormodel.schema import Grade, SpaceType

Box = tuple[int, int, int, int]
"""min x, min y, max x, max y in mm."""

MAX_ROOM_MM2 = 30_000_000
MIN_AREA: dict[str, int] = {
    "living": 9_000_000,
    "kitchen": 6_000_000,
    "dining": 7_000_000,
    "bedroom": 6_500_000,
}
MIN_SIDE_MM = 1500
WALL_HALF_MM = 76


@dataclass(frozen=True)
class _Leaf:
    box: Box
    kind: str = "room"
    """"room", "hall" or "closet" (a closet is carved out of `carved_from`)."""
    carve: Box | None = None
    """The corner cut away from this room (it is then L-shaped)."""


def _area(b: Box) -> int:
    return (b[2] - b[0]) * (b[3] - b[1])


def _snap(value: float) -> int:
    return round(value / 10.0) * 10


def _split(rng: random.Random, b: Box) -> tuple[Box, Box] | None:
    width, depth = b[2] - b[0], b[3] - b[1]
    along_x = width >= depth
    span = width if along_x else depth
    if span < 2 * MIN_SIDE_MM:
        return None
    low = max(0.25, MIN_SIDE_MM / span)
    cut = _snap(span * rng.uniform(low, 1.0 - low))
    if along_x:
        return (b[0], b[1], b[0] + cut, b[3]), (b[0] + cut, b[1], b[2], b[3])
    return (b[0], b[1], b[2], b[1] + cut), (b[0], b[1] + cut, b[2], b[3])


def _hall_strip(rng: random.Random, b: Box) -> tuple[Box, Box, Box]:
    """Cut a hall 1.0-1.5 m wide across the middle of the long side."""
    width, depth = b[2] - b[0], b[3] - b[1]
    hall = _snap(rng.uniform(1000, 1500))
    if width >= depth:
        cut = _snap(b[1] + (depth - hall) * rng.uniform(0.4, 0.6))
        return (
            (b[0], b[1], b[2], cut),
            (b[0], cut, b[2], cut + hall),
            (b[0], cut + hall, b[2], b[3]),
        )
    cut = _snap(b[0] + (width - hall) * rng.uniform(0.4, 0.6))
    return (b[0], b[1], cut, b[3]), (cut, b[1], cut + hall, b[3]), (cut + hall, b[1], b[2], b[3])


def _carve(rng: random.Random, b: Box) -> Box | None:
    """A closet-sized corner of `b` (1.2-3.5 m²), or None when `b` is too small to give one."""
    width, depth = b[2] - b[0], b[3] - b[1]
    cw, cd = _snap(rng.uniform(1000, 1600)), _snap(rng.uniform(1200, 2200))
    if rng.random() < 0.5:
        cw, cd = cd, cw
    if width - cw < MIN_SIDE_MM + 500 or depth - cd < MIN_SIDE_MM + 500:
        return None
    corner = rng.randrange(4)
    x0 = b[0] if corner in (0, 3) else b[2] - cw
    y0 = b[1] if corner in (0, 1) else b[3] - cd
    return (x0, y0, x0 + cw, y0 + cd)


def _leaves(rng: random.Random, count: int, outer: Box) -> list[_Leaf] | None:
    leaves: list[_Leaf] = []
    boxes = [outer]
    if count >= 4 and rng.random() < 0.6:
        first, hall, second = _hall_strip(rng, outer)
        boxes = [first, second]
        leaves.append(_Leaf(hall, "hall"))
    closet = count >= 3 and rng.random() < 0.45
    wanted = count - len(leaves) - (1 if closet else 0)
    while len(boxes) < wanted:
        boxes.sort(key=_area, reverse=True)
        pick = 0 if len(boxes) == 1 or rng.random() < 0.7 else 1
        parts = _split(rng, boxes[pick])
        if parts is None:
            return None
        boxes[pick : pick + 1] = list(parts)
    rooms = [_Leaf(b) for b in boxes]
    if closet:
        big = [i for i, leaf in enumerate(rooms) if _area(leaf.box) >= 9_000_000]
        carved = _carve(rng, rooms[big[0]].box) if big else None
        if carved is None:
            return None
        rooms[big[0]] = _Leaf(rooms[big[0]].box, carve=carved)
        leaves.append(_Leaf(carved, "closet"))
    leaves.extend(rooms)
    if any(_leaf_area(leaf) > MAX_ROOM_MM2 or _too_thin(leaf) for leaf in leaves):
        return None
    return leaves


def _too_thin(leaf: _Leaf) -> bool:
    """A room (not a hall or closet) more than three times as long as it is wide."""
    short, long = sorted((leaf.box[2] - leaf.box[0], leaf.box[3] - leaf.box[1]))
    return leaf.kind == "room" and short > 1800 and long > 3 * short


def _leaf_area(leaf: _Leaf) -> int:
    return _area(leaf.box) - (_area(leaf.carve) if leaf.carve else 0)


def _outline(leaf: _Leaf) -> tuple[XY, ...]:
    if leaf.carve is None:
        return rectangle(*leaf.box)
    shape = box(*leaf.box).difference(box(*leaf.carve))
    assert isinstance(shape, ShapelyPolygon)
    shape = shape.simplify(0.5)
    coords = list(shape.exterior.coords)[:-1]
    if ShapelyPolygon(coords).exterior.is_ccw is False:
        coords.reverse()
    return tuple((round(x), round(y)) for x, y in coords)


def _is_long(b: Box) -> bool:
    short, long = sorted((b[2] - b[0], b[3] - b[1]))
    return short <= 1800 and long >= 2.6 * short


def _types(rng: random.Random, leaves: list[_Leaf], story: int) -> list[SpaceType]:
    types: list[SpaceType | None] = [None] * len(leaves)
    order = sorted(range(len(leaves)), key=lambda i: _leaf_area(leaves[i]), reverse=True)
    for i, leaf in enumerate(leaves):
        if leaf.kind == "hall" or (leaf.kind == "room" and _is_long(leaf.box)):
            types[i] = "hall"
        elif leaf.kind == "closet":
            types[i] = "closet"
    free = [i for i in order if types[i] is None]
    if story == 0:
        wants: list[SpaceType] = ["living", "kitchen", "bathroom", "bedroom", "laundry", "dining"]
    elif story > 0:
        wants = ["bedroom", "bathroom", "bedroom", "bedroom", "laundry"]
    else:
        wants = ["living", "utility", "laundry", "bedroom", "bathroom"]
    small = [i for i in free if _leaf_area(leaves[i]) < 6_500_000]
    for i in small:
        if "bathroom" in wants:
            types[i] = "bathroom"
            wants.remove("bathroom")
        elif "laundry" in wants and rng.random() < 0.7:
            types[i] = "laundry"
            wants.remove("laundry")
        elif _leaf_area(leaves[i]) < 3_000_000:
            types[i] = "closet"
        elif _leaf_area(leaves[i]) < 5_500_000:
            types[i] = "bathroom" if story >= 0 else "utility"
    left = [i for i in reversed(free) if types[i] is None]
    for wanted_small, limit in (("bathroom", 10_000_000), ("laundry", 8_000_000)):
        if wanted_small in wants and len(left) >= 3 and _leaf_area(leaves[left[0]]) < limit:
            types[left[0]] = wanted_small
            wants.remove(wanted_small)
            left = left[1:]
    for i in free:
        if types[i] is not None:
            continue
        area = _leaf_area(leaves[i])
        fits = [w for w in wants if w not in ("bathroom", "laundry") and area >= MIN_AREA.get(w, 0)]
        pick: SpaceType = fits[0] if fits else ("bedroom" if area >= 6_500_000 else "bathroom")
        if pick in wants:
            wants.remove(pick)
        types[i] = pick
    return [t if t is not None else "other" for t in types]


NAMES: dict[str, str] = {
    "living": "Living Room",
    "kitchen": "Kitchen",
    "dining": "Dining Room",
    "bedroom": "Bedroom",
    "bathroom": "Bathroom",
    "laundry": "Laundry",
    "hall": "Hall",
    "closet": "Closet",
    "utility": "Utility",
}


def _names(types: list[SpaceType], story: int) -> list[str]:
    names, seen = [], dict.fromkeys(types, 0)
    for space_type in types:
        seen[space_type] += 1
        base = NAMES.get(space_type, "Room")
        repeated = types.count(space_type) > 1
        names.append(f"{base} {seen[space_type]}" if repeated else base)
    return [name if story == 0 else f"{name} (L{story})" for name in names]


def _level_rooms(
    rng: random.Random, count: int, outer: Box, story: int
) -> tuple[list[RoomSpec], list[OpeningSpec]] | None:
    leaves = _leaves(rng, count, outer)
    if leaves is None:
        return None
    types = _types(rng, leaves, story)
    names = _names(types, story)
    rooms = []
    for leaf, space_type, name in zip(leaves, types, names, strict=True):
        outline = _outline(leaf)
        fixtures = fixtures_for(rng, space_type, outline, WALL_HALF_MM)
        finished = space_type != "utility"
        rooms.append(
            RoomSpec(
                name, space_type, outline, finished=finished, heated=finished, fixtures=fixtures
            )
        )
    doors = door_specs(rng, rooms)
    if doors is None:
        return None
    return rooms, doors + outside_specs(rng, rooms, outer, entry=story == 0)


def _outer(rng: random.Random, count: int) -> Box:
    area = count * rng.uniform(9.0, 15.0) * 1e6
    aspect = rng.uniform(1.0, 1.7)
    width = _snap(math.sqrt(area * aspect))
    depth = _snap(area / width)
    return (0, 0, max(width, 3000), max(depth, 2600))


def _stair_box(rng: random.Random, room: RoomSpec) -> tuple[Box, float] | None:
    xs, ys = [p[0] for p in room.outline], [p[1] for p in room.outline]
    inner = (min(xs) + 200, min(ys) + 200, max(xs) - 200, max(ys) - 200)
    width, depth = inner[2] - inner[0], inner[3] - inner[1]
    if max(width, depth) < 3000 or min(width, depth) < 1000:
        return None
    along_x = width >= depth
    run, side = 2800, 1000
    if along_x:
        x0 = inner[0] if rng.random() < 0.5 else inner[2] - run
        candidate = (x0, inner[1], x0 + run, inner[1] + side)
        direction = 0.0
    else:
        y0 = inner[1] if rng.random() < 0.5 else inner[3] - run
        candidate = (inner[0], y0, inner[0] + side, y0 + run)
        direction = 90.0
    if not polygon_of(room.outline).buffer(-150).contains(box(*candidate)):
        return None
    return candidate, direction


def random_scene(rng: random.Random, name: str, stories: tuple[int, ...] = (0,)) -> Scene:
    """A random home on `stories` (level indexes, e.g. (-1, 0, 1)), drafted as truth."""
    for _ in range(200):
        per_story = {story: rng.randint(2, 7 if len(stories) == 1 else 5) for story in stories}
        outer = _outer(rng, max(per_story.values()))
        levels, stairs, ok = [], [], True
        ceilings = {story: rng.choice((2400, 2438, 2500, 2600, 2700)) for story in stories}
        for story in sorted(stories):
            made = _level_rooms(rng, per_story[story], outer, story)
            if made is None:
                ok = False
                break
            rooms, openings = made
            elevation = _elevation(story, ceilings)
            grade: Grade = "below" if story < 0 else "above"
            level_name = {-1: "Basement", 0: "First Floor", 1: "Second Floor"}[story]
            levels.append(
                LevelSpec(
                    f"L{story}",
                    level_name,
                    story,
                    tuple(rooms),
                    tuple(openings),
                    elevation=elevation,
                    grade=grade,
                    ceiling_height=ceilings[story],
                )
            )
        if not ok:
            continue
        for lower, upper in itertools.pairwise(levels):
            candidates = sorted(
                lower.rooms, key=lambda r: (r.type not in ("hall", "living"), rng.random())
            )
            placed = next((p for r in candidates if (p := _stair_box(rng, r))), None)
            if placed is None:
                ok = False
                break
            stairs.append(StairSpec(lower.id, upper.id, placed[0], placed[1]))
        if ok:
            # Shared walls 10-15 cm thick: the two faces neighbours capture are that far apart.
            interior = rng.choice((102, 114, 127, 140))
            exterior = rng.choice((152, 178, 203))
            model = draft(levels, stairs=stairs, interior_mm=interior, exterior_mm=exterior)
            return Scene(name, model)
    raise RuntimeError("no random layout found")  # pragma: no cover - 200 tries always suffice


def _elevation(story: int, ceilings: dict[int, int]) -> int:
    if story == 0:
        return 0
    if story < 0:
        return -(ceilings[story] + 300)
    return ceilings[0] + 300
