"""The sample scans shipped in the package are the generator's output and import cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planroom.floormodel.generator.samples import SAMPLES, sample_scan
from planroom.floormodel.intake import read_scan_upload
from planroom.floormodel.samples import SAMPLE_NAMES, SAMPLE_TITLES, sample_scan_bytes
from planroom.floormodel.validation import validate_model


def test_every_sample_has_a_title_and_a_recipe() -> None:
    assert set(SAMPLE_NAMES) == set(SAMPLES) == set(SAMPLE_TITLES)
    assert len(SAMPLE_NAMES) >= 3


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_shipped_file_is_exactly_what_the_generator_writes(name: str) -> None:
    # If this fails, run `python -m planroom.floormodel.generator.samples`.
    assert sample_scan_bytes(name) == sample_scan(name).scan_bytes()


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_imports_to_a_valid_model_with_every_room(name: str) -> None:
    intake = read_scan_upload(sample_scan_bytes(name))
    truth = sample_scan(name).truth
    assert intake.form == "structure"
    assert validate_model(intake.model) == []
    assert sorted(space.type for space in intake.model.spaces) == sorted(
        space.type for space in truth.spaces
    )
    assert len(intake.model.levels) == len(truth.levels)


def test_unknown_sample() -> None:
    with pytest.raises(KeyError, match="unknown sample"):
        sample_scan_bytes("castle")


def test_two_storey_sample_has_a_basement_and_stairs() -> None:
    model = read_scan_upload(sample_scan_bytes("two_storey_basement")).model
    assert [level.grade for level in model.levels_in_order()] == ["below", "above", "above"]
    assert len(model.stairs) == 2


def test_generator_writes_the_scan_and_its_truth(tmp_path: Path) -> None:
    from planroom.floormodel.generator.api import generate
    from planroom.floormodel.validation import parse_floor_model

    generated = generate("l_shape", seed=4)
    scan_path, truth_path = generated.write(tmp_path)
    assert read_scan_upload(scan_path.read_bytes()).kind == "roomplan"
    assert parse_floor_model(json.loads(truth_path.read_bytes())) == generated.truth
