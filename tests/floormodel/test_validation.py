"""Problems are named by element, with a message a drafter can act on."""

from __future__ import annotations

import pytest

from planroom.floormodel.errors import FloorModelInvalid
from planroom.floormodel.generator.api import generate
from planroom.floormodel.schema import FloorModel, Opening, SlopedCeiling, Stair
from planroom.floormodel.validation import check_model, parse_floor_model, validate_model
from tests.floormodel.builders import house, level, rect, space, wall


def _messages(model: FloorModel) -> list[str]:
    return [str(problem) for problem in validate_model(model)]


def _square_house() -> FloorModel:
    return house(rect(0, 0, 6000, 5000))


def test_drafted_scenes_are_valid() -> None:
    for name in ("apartment", "house_garage_porch", "two_storey_basement", "curved_wall"):
        assert validate_model(generate(name).truth) == []


def test_dangling_wall_says_how_far_it_ends_from_the_others() -> None:
    model = _square_house()
    # Starts on the west wall's centre line, ends 3 m past the east wall's outer face.
    stray = wall("w12", (76, 2500), (6000 + 3000, 2500), 114, "interior")
    messages = _messages(model.model_copy(update={"walls": [*model.walls, stray]}))
    assert "wall w12: ends 3.1 m away from any other wall" in messages


def test_unknown_references() -> None:
    model = _square_house()
    broken = model.model_copy(
        update={
            "openings": [
                Opening(id="o1", wall_id="nope", kind="door", offset=500, width=800, height=2000)
            ],
            "spaces": [model.spaces[0].model_copy(update={"level_id": "L9"})],
        }
    )
    messages = _messages(broken)
    assert "opening o1: is on wall 'nope', which does not exist" in messages
    assert "space room: is on level 'L9', which does not exist" in messages


def test_duplicate_ids() -> None:
    model = _square_house()
    doubled = model.model_copy(update={"walls": [*model.walls, model.walls[0]]})
    assert "wall w1: the id is used by 2 walls" in _messages(doubled)


def test_opening_past_the_end_of_its_wall() -> None:
    model = _square_house()
    first = max(model.walls, key=lambda w: abs(w.end[0] - w.start[0]))
    opening = Opening(
        id="o1", wall_id=first.id, kind="window", offset=5700, width=1200, height=1200, sill=900
    )
    messages = _messages(model.model_copy(update={"openings": [opening]}))
    # The wall is 5,848 mm long on its centre line; the window reaches 6,300 mm.
    assert f"opening o1: runs 452 mm past the end of wall {first.id}" in messages


def test_overlapping_openings_and_a_window_with_a_swing() -> None:
    model = _square_house()
    wall_id = model.walls[0].id
    openings = [
        Opening(id="a", wall_id=wall_id, kind="door", offset=1000, width=900, height=2000),
        Opening(
            id="b",
            wall_id=wall_id,
            kind="window",
            offset=1500,
            width=900,
            height=1000,
            swing="left",
        ),
    ]
    messages = _messages(model.model_copy(update={"openings": openings}))
    assert f"opening b: overlaps opening a on wall {wall_id} by 400 mm" in messages
    assert "opening b: a window has no hinge or swing" in messages


def test_clockwise_and_self_crossing_outlines() -> None:
    clockwise = space("cw", list(reversed(rect(0, 0, 1000, 1000))))
    bow_tie = space("bow", [(0, 0), (1000, 1000), (1000, 0), (0, 1000)])
    model = FloorModel(levels=[level()], spaces=[clockwise, bow_tie])
    messages = _messages(model)
    assert "space cw: its outline runs clockwise; corners must run counter-clockwise" in messages
    assert "space bow: its outline crosses itself" in messages


def test_overlapping_spaces() -> None:
    model = FloorModel(
        levels=[level()],
        spaces=[space("a", rect(0, 0, 4000, 4000)), space("b", rect(3000, 0, 6000, 4000))],
    )
    assert "space b: overlaps space a by 4.00 m²" in _messages(model)


def test_stairs_that_go_down() -> None:
    stair = Stair(
        id="st1",
        level_id="L1",
        from_level_id="L1",
        to_level_id="L0",
        footprint=rect(0, 0, 1000, 3000),
        direction_deg=90,
    )
    model = FloorModel(levels=[level("L0", 0), level("L1", 1)], stairs=[stair])
    messages = _messages(model)
    assert any(m.startswith("stair st1: goes from Level 1 down to Level 0") for m in messages)


def test_sloped_ceiling_lines_must_be_parallel() -> None:
    slope = SlopedCeiling(
        low_line=((0, 0), (0, 1000)),
        low_height=600,
        high_line=((1000, 0), (2000, 1000)),
        high_height=2400,
    )
    model = FloorModel(
        levels=[level()], spaces=[space("attic", rect(0, 0, 2000, 1000), sloped_ceiling=slope)]
    )
    assert "space attic: its sloped ceiling's low and high lines are not parallel" in _messages(
        model
    )


def test_check_model_raises_with_every_error() -> None:
    model = FloorModel(
        levels=[level()],
        spaces=[space("a", rect(0, 0, 4000, 4000)), space("b", rect(3000, 0, 6000, 4000))],
    )
    with pytest.raises(FloorModelInvalid) as caught:
        check_model(model)
    assert caught.value.status_code == 422
    assert "space b: overlaps space a" in caught.value.message


def test_schema_errors_name_the_element_by_id() -> None:
    document = _square_house().to_json_dict()
    document["spaces"][0]["polygon"] = [[0, 0], [1, 1]]  # type: ignore[index]
    document["walls"][1]["kind"] = "glass"  # type: ignore[index]
    with pytest.raises(FloorModelInvalid) as caught:
        parse_floor_model(document)
    messages = [str(problem) for problem in caught.value.problems]
    assert any(m.startswith("space room: polygon:") for m in messages)
    assert any(m.startswith("wall w2: kind:") for m in messages)
