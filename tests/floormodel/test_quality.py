"""The quality gate: only what no automatic step can put right sends an order to a drafter."""

from __future__ import annotations

from planroom.floormodel.quality import assess, with_findings
from planroom.floormodel.schema import Finding, FloorModel, Opening
from tests.floormodel.builders import house, level, rect, wall


def _house() -> FloorModel:
    return house(rect(0, 0, 6000, 5000))


def test_a_clean_model_passes_with_nothing_to_say() -> None:
    assessment = assess(_house())
    assert assessment.passes
    assert assessment.advisory == []


def test_no_room_at_all_blocks() -> None:
    model = _house().model_copy(update={"spaces": []})
    assessment = assess(model)
    assert not assessment.passes
    assert "no room could be formed" in str(assessment.blocking[0])


def test_a_loose_wall_end_is_advisory_not_blocking() -> None:
    model = _house()
    stray = wall("w12", (76, 2500), (9000, 2500), 114, "interior")
    assessment = assess(model.model_copy(update={"walls": [*model.walls, stray]}))
    assert assessment.passes
    assert any("w12" in finding.message for finding in assessment.advisory)
    assert {finding.code for finding in assessment.advisory} == {"model_check"}


def test_an_opening_wider_than_its_wall_blocks_one_past_its_end_does_not() -> None:
    model = _house()
    host = model.walls[0]
    length = abs(host.end[0] - host.start[0]) + abs(host.end[1] - host.start[1])
    too_wide = Opening(
        id="o9",
        wall_id=host.id,
        kind="window",
        offset=length // 2,
        width=length + 500,
        height=1000,
        sill=900,
    )
    past_end = too_wide.model_copy(update={"width": 900, "offset": length - 200})
    blocked = assess(model.model_copy(update={"openings": [too_wide]}))
    assert [problem.element for problem in blocked.blocking] == ["opening o9"]
    assert "wider than wall" in blocked.blocking[0].message
    assert assess(model.model_copy(update={"openings": [past_end]})).passes


def test_levels_that_cannot_be_ordered_block() -> None:
    model = _house()
    twin = level("L1", index=0)
    assessment = assess(model.model_copy(update={"levels": [*model.levels, twin]}))
    assert any("share index 0" in str(problem) for problem in assessment.blocking)


def test_what_the_import_noticed_is_kept_and_written_back() -> None:
    noticed = Finding(code="side_closed", message="2 sides were closed")
    model = with_findings(_house(), [noticed])
    assessment = assess(model)
    assert assessment.passes
    assert assessment.advisory == [noticed]
    assert with_findings(model, assessment.advisory).source.findings == [noticed]
    # findings survive the model's JSON round trip, as a stored version does
    again = FloorModel.model_validate(model.to_json_dict())
    assert again.source.findings == [noticed]
