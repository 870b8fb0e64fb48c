"""Scans written the way real iPhone captures come out, each with the true model it shows.

`generate_realistic(kind, seed)` draws a random home (sometimes one of the fixed scenes) and
writes it as one of:

- "clean": the idealised writer of `generate()`, in float32 text, without identifiers.
- "sequential": rooms captured one after another (a list of rooms, sometimes a structure): later
  rooms leave out walls already seen, outside walls go unswept, floors overlap through doorways.
- "structure": a StructureBuilder `CapturedStructure` (see `structure.py`), sometimes with one
  room left out of `rooms[]`.
- "ios16": one iOS 16 room (no floors, sections or stories) that may stop early.
- "multistory": a structure over stories 0 and 1, sometimes -1, with `stairs` objects.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final

from planroom.floormodel.generator.api import GeneratedScan
from planroom.floormodel.generator.capture_json import room_json
from planroom.floormodel.generator.layout import LevelSpec, OpeningSpec, RoomSpec, Scene, draft
from planroom.floormodel.generator.random_layout import random_scene
from planroom.floormodel.generator.random_rooms import fixtures_for
from planroom.floormodel.generator.scan_frame import Noise, ScanWriter
from planroom.floormodel.generator.scan_writer import ScanForm, write_scan
from planroom.floormodel.generator.scenes import SCENES
from planroom.floormodel.generator.sessions import (
    Session,
    capture_ios16,
    capture_order,
    capture_session,
)
from planroom.floormodel.generator.structure import structure_json
from planroom.floormodel.generator.wire import NEARLY_ONE, core_model, floats_to_f32
from planroom.floormodel.geometry import polygon_of
from planroom.floormodel.schema import SpaceType

REALISTIC_KINDS: Final[tuple[str, ...]] = (
    "clean",
    "sequential",
    "structure",
    "ios16",
    "multistory",
)
CLEAN_SCENES: Final = (
    "rectangle",
    "l_shape",
    "apartment",
    "house_garage_porch",
    "two_storey_basement",
)

TruthRoom = tuple[int, float, str, tuple[float, float]]


def _writer(scene: Scene, rng: random.Random) -> ScanWriter:
    turn = rng.uniform(0.0, 360.0)
    shift = (rng.uniform(-4000.0, 4000.0), rng.uniform(-4000.0, 4000.0))
    return ScanWriter(scene, rng, Noise(), turn, shift)


def _done(
    kind: str, seed: int, form: ScanForm, scan: object, scene: Scene, writer: ScanWriter
) -> GeneratedScan:
    return GeneratedScan(
        f"{kind}-{seed}",
        form,
        seed,
        scan,
        scene.model,
        math.degrees(writer.turn),
        writer.shift,
    )


def _polish_room(room: object, rng: random.Random) -> None:
    if isinstance(room, dict):
        room.pop("identifier", None)
        room["coreModel"] = core_model(rng)
        for key in ("walls", "doors", "windows", "openings", "floors", "objects"):
            for item in room.get(key, []):
                if rng.random() < 0.6:
                    item["transform"][15] = NEARLY_ONE


def _clean(seed: int, rng: random.Random) -> GeneratedScan:
    if seed % 6 == 5:
        scene = SCENES[CLEAN_SCENES[(seed // 6) % len(CLEAN_SCENES)]]()
    else:
        scene = random_scene(rng, f"clean-{seed}", (0, 1) if rng.random() < 0.15 else (0,))
    form: ScanForm = "room"
    if len(scene.model.spaces) > 1:
        form = "rooms" if rng.random() < 0.3 else "structure"
    turn = rng.uniform(0.0, 360.0)
    shift = (rng.uniform(-4000.0, 4000.0), rng.uniform(-4000.0, 4000.0))
    scan, _ = write_scan(scene, form=form, seed=seed, turn_deg=turn, shift_mm=shift)
    scan = floats_to_f32(scan)
    if isinstance(scan, dict):
        scan.pop("identifier", None)
        if form == "room":
            _polish_room(scan, rng)
        for room in scan.get("rooms", []):
            _polish_room(room, rng)
    elif isinstance(scan, list):
        for room in scan:
            _polish_room(room, rng)
    return GeneratedScan(f"clean-{seed}", form, seed, scan, scene.model, turn, shift)


def _sequential(seed: int, rng: random.Random) -> GeneratedScan:
    scene = random_scene(rng, f"sequential-{seed}")
    writer = _writer(scene, rng)
    order = capture_order(writer, scene.model)
    rooms = capture_session(writer, scene.model, order, Session(drop_seen=0.8))
    if rng.random() < 0.3 and len(rooms) > 1:
        return _done("sequential", seed, "structure", structure_json(writer, rooms), scene, writer)
    scan = [room_json(writer, room) for room in rooms]
    form: ScanForm = "rooms"
    return _done("sequential", seed, form, scan[0] if len(scan) == 1 else scan, scene, writer)


def _left_out(rng: random.Random, scene: Scene, chance: float) -> frozenset[str]:
    """Maybe one room StructureBuilder drops from `rooms[]` (never on a story of two rooms)."""
    model = scene.model
    candidates = [
        space.id
        for level in model.levels
        if len(model.spaces_on(level.id)) >= 3
        for space in model.spaces_on(level.id)
        if not model.stairs_on(level.id)
        or not any(
            polygon_of(space.polygon).contains(polygon_of(s.footprint).centroid)
            for s in model.stairs_on(level.id)
        )
    ]
    if candidates and rng.random() < chance:
        return frozenset({rng.choice(candidates)})
    return frozenset()


def _structure(kind: str, seed: int, rng: random.Random, stories: tuple[int, ...]) -> GeneratedScan:
    scene = random_scene(rng, f"{kind}-{seed}", stories)
    writer = _writer(scene, rng)
    left_out = _left_out(rng, scene, 0.35 if kind == "structure" else 0.2)
    session = Session(drop_seen=0.0, overlaps=rng.random() < 0.6, keep_all=left_out)
    order = capture_order(writer, scene.model)
    rooms = capture_session(writer, scene.model, order, session)
    scan = structure_json(writer, rooms, left_out)
    return _done(kind, seed, "structure", scan, scene, writer)


ONE_ROOM_TYPES: Final[tuple[SpaceType, ...]] = (
    "living",
    "bedroom",
    "bedroom",
    "kitchen",
    "bathroom",
    "dining",
)


def _one_room_scene(rng: random.Random, name: str) -> Scene:
    space_type = rng.choice(ONE_ROOM_TYPES)
    small = space_type == "bathroom"
    width = int(rng.uniform(1800, 3000) if small else rng.uniform(2800, 6000)) // 10 * 10
    depth = int(rng.uniform(1800, 3200) if small else rng.uniform(2600, 5200)) // 10 * 10
    outline: tuple[tuple[int, int], ...] = ((0, 0), (width, 0), (width, depth), (0, depth))
    if not small and rng.random() < 0.3:
        cut_x, cut_y = int(width * rng.uniform(0.4, 0.65)), int(depth * rng.uniform(0.4, 0.65))
        outline = ((0, 0), (width, 0), (width, cut_y), (cut_x, cut_y), (cut_x, depth), (0, depth))
    fixtures = fixtures_for(rng, space_type, outline, 76)
    room = RoomSpec("Room", space_type, outline, fixtures=fixtures)
    openings = (
        OpeningSpec(("Room",), facing="south", at=0.3, width=813),
        OpeningSpec(
            ("Room",),
            kind="window",
            facing=rng.choice(("north", "west")),
            width=900,
            height=1200,
            sill=900,
        ),
    )
    return Scene(name, draft([LevelSpec("L0", "First Floor", 0, (room,), openings)]))


def _ios16(seed: int, rng: random.Random) -> GeneratedScan:
    scene = _one_room_scene(rng, f"ios16-{seed}")
    writer = _writer(scene, rng)
    room = capture_ios16(writer, scene.model, scene.model.spaces[0])
    return _done("ios16", seed, "room", room_json(writer, room, ios16=True), scene, writer)


def generate_realistic(kind: str, seed: int) -> GeneratedScan:
    """A scan of `kind` (see `REALISTIC_KINDS`) and its truth; the same for the same arguments."""
    if kind not in REALISTIC_KINDS:
        raise KeyError(f"unknown kind {kind!r}; choose one of {', '.join(REALISTIC_KINDS)}")
    rng = random.Random(f"planroom-realistic:{kind}:{seed}")
    if kind == "clean":
        return _clean(seed, rng)
    if kind == "sequential":
        return _sequential(seed, rng)
    if kind == "structure":
        return _structure(kind, seed, rng, (0,))
    if kind == "ios16":
        return _ios16(seed, rng)
    stories = (-1, 0, 1) if rng.random() < 0.4 else (0, 1)
    return _structure(kind, seed, rng, stories)


def truth_rooms(generated: GeneratedScan) -> list[TruthRoom]:
    """(story, area m², space type, a world (x, z) point inside) for each true room.

    The point is in the scan's world frame (metres; for a list of rooms each with a
    `referenceOriginTransform`, after applying it), so an imported room can be matched with the
    true one whatever turn and shift the scan was written with.
    """
    model = generated.truth
    turn = math.radians(generated.turn_deg)
    shift = generated.shift_mm or (0.0, 0.0)
    rooms: list[TruthRoom] = []
    for space in model.spaces:
        shape = polygon_of(space.polygon)
        point = shape.representative_point()
        px, py = float(point.x), float(point.y)
        x = px * math.cos(turn) - py * math.sin(turn) + shift[0]
        y = px * math.sin(turn) + py * math.cos(turn) + shift[1]
        story = model.level(space.level_id).index
        rooms.append((story, float(shape.area) / 1e6, space.type, (x / 1000.0, -y / 1000.0)))
    return rooms


def realistic_scans(
    seeds: Iterable[int] = range(20), kinds: Iterable[str] = REALISTIC_KINDS
) -> Iterator[GeneratedScan]:
    """Every kind over `seeds`: the fixed set a benchmark or a test sweep can run over."""
    seed_list = list(seeds)
    for kind in kinds:
        for seed in seed_list:
            yield generate_realistic(kind, seed)


def main(arguments: Sequence[str]) -> int:
    """`python -m planroom.floormodel.generator.realistic DIR KIND SEED...`: write scans."""
    if len(arguments) < 3:
        sys.stderr.write("usage: realistic DIR KIND SEED...\n")
        return 2
    directory = Path(arguments[0])
    directory.mkdir(parents=True, exist_ok=True)
    for seed in arguments[2:]:
        scan_path, truth_path = generate_realistic(arguments[1], int(seed)).write(directory)
        sys.stdout.write(f"wrote {scan_path.name} and {truth_path.name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
