"""Scans written the way phones really capture import to the rooms they show, without a person.

Each realistic kind (rooms captured one after another with walls left out and floors
overlapping, StructureBuilder structures with a hull floor and a room left out, iOS 16 captures
stopped early, several stories) is imported and compared with its truth: every room found, each
within 3 % of its true area (6 % under 4 m²), no two rooms overlapping, and nothing that needs a
drafter.
"""

from __future__ import annotations

from collections import Counter

import pytest

from planroom.floormodel.generator.api import GeneratedScan
from planroom.floormodel.generator.realistic import REALISTIC_KINDS, generate_realistic
from planroom.floormodel.generator.scoring import ImportScore, score
from planroom.floormodel.intake import ScanIntake, read_scan_upload
from planroom.floormodel.quality import assess

SEEDS = range(40)


def _imported(kind: str, seed: int) -> tuple[GeneratedScan, ScanIntake, ImportScore]:
    generated = generate_realistic(kind, seed)
    intake = read_scan_upload(generated.scan_bytes())
    return generated, intake, score(intake.model, generated.truth)


@pytest.mark.parametrize("kind", REALISTIC_KINDS)
def test_every_realistic_capture_imports_to_its_rooms(kind: str) -> None:
    failures = []
    for seed in SEEDS:
        generated, intake, result = _imported(kind, seed)
        wrong = [
            f"{room.truth_name} {room.truth_area_m2:.2f} m² -> {room.imported_area_m2}"
            for room in result.rooms
            if not room.within_tolerance
        ]
        if not result.count_right:
            wrong.append(f"{result.imported_rooms} rooms for {len(result.rooms)}")
        if result.largest_overlap_m2 > 0.01:
            wrong.append(f"rooms overlap by {result.largest_overlap_m2:.2f} m²")
        blocking = assess(intake.model).blocking
        if blocking:
            wrong.append(f"needs a drafter: {blocking[0]}")
        if wrong:
            failures.append(f"{generated.name}: {'; '.join(wrong)}")
    assert failures == []


def test_what_the_import_decided_is_written_on_the_model() -> None:
    codes: Counter[str] = Counter()
    for kind in ("sequential", "structure", "ios16"):
        for seed in range(12):
            _, intake, _ = _imported(kind, seed)
            assert intake.model.source.findings == intake.warnings
            codes.update(finding.code for finding in intake.model.source.findings)
    # the realistic kinds leave walls out, overlap floors, stop early and leave labels out
    for code in ("side_closed", "overlap_divided", "room_closed", "name_guessed"):
        assert codes[code] > 0, code


def test_rooms_without_a_label_are_named_from_what_is_in_them() -> None:
    named: Counter[bool] = Counter()
    for seed in range(20):
        _, _, result = _imported("sequential", seed)
        for room in result.rooms:
            if room.imported_type is not None:
                named[room.imported_type == room.truth_type] += 1
    # names come from sections when present, else objects and shape: most rooms come out right
    assert named[True] >= 0.8 * (named[True] + named[False])
