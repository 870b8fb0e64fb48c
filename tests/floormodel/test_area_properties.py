"""Properties of the area figures that must hold for any model."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings

from planroom.floormodel.areas import area_figures, compute_gia
from planroom.floormodel.formula import measured_area
from planroom.floormodel.geometry import area_of, rotate_point
from planroom.floormodel.gla import compute_gla
from planroom.floormodel.gla_output import gla_document, gla_formula_text
from planroom.floormodel.schema import FloorModel
from tests.floormodel.arithmetic import evaluate
from tests.floormodel.strategies import grid_models

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _transformed(
    model: FloorModel, move: Callable[[tuple[int, int]], tuple[int, int]]
) -> FloorModel:
    return model.model_copy(
        update={
            "walls": [
                w.model_copy(update={"start": move(w.start), "end": move(w.end)})
                for w in model.walls
            ],
            "spaces": [
                s.model_copy(update={"polygon": [move(p) for p in s.polygon]}) for s in model.spaces
            ],
            "stairs": [
                s.model_copy(update={"footprint": [move(p) for p in s.footprint]})
                for s in model.stairs
            ],
        }
    )


def _moved(model: FloorModel, quarter_turns: int, dx: int, dy: int) -> FloorModel:
    """The same model turned by quarter turns about the origin and moved: exact in integers."""

    def move(point: tuple[int, int]) -> tuple[int, int]:
        x, y = point
        for _ in range(quarter_turns % 4):
            x, y = -y, x
        return (x + dx, y + dy)

    return _transformed(model, move)


@FAST
@given(grid_models())
def test_each_floor_equation_evaluates_to_its_floor_area(model: FloorModel) -> None:
    report = compute_gla(model)
    for unit in ("m2", "sqft"):
        text = gla_formula_text(report, unit)
        floors = [level for level in report.levels if level.above_grade]
        blocks = text.split("\n\n")[1:]
        assert len(blocks) == len(floors)
        for block, floor in zip(blocks, floors, strict=True):
            equations = block.splitlines()[1:]
            total = sum(evaluate(line) for line in equations)
            expected = measured_area(floor.measure.included, unit)
            assert total == pytest.approx(expected, rel=1e-12, abs=1e-9)
            # Metric coordinates are exact to the millimetre: the value is the area itself.
            if unit == "m2":
                assert total == pytest.approx(floor.gla_sq_mm / 1e6, rel=1e-9, abs=1e-9)


@FAST
@given(grid_models())
def test_every_json_equation_evaluates_to_its_area(model: FloorModel) -> None:
    document = gla_document(compute_gla(model), "m2")
    for level in document["levels"]:
        for entry in level["included"] + level["excluded"] + level["below_grade_areas"]:
            assert evaluate(entry["equation"]) == pytest.approx(
                entry["area_unrounded"], rel=1e-6, abs=1e-3
            )


@FAST
@given(grid_models())
def test_figures_never_exceed_the_total_scanned_area(model: FloorModel) -> None:
    figures = area_figures(model)
    for level in model.levels:
        total = area_of(figures.scanned_by_level[level.id])
        assert figures.gia_by_level[level.id] <= total + 1.0
        assert figures.level_figure_sq_mm("gla", level.id) <= total + 1.0
    assert figures.gia_sq_mm <= figures.total_scanned_sq_mm + 1.0
    assert figures.gla_sq_mm <= figures.total_scanned_sq_mm + 1.0


@FAST
@given(grid_models())
def test_areas_do_not_change_when_the_plan_is_turned_and_moved(model: FloorModel) -> None:
    before = area_figures(model)
    for turns, dx, dy in ((1, 5000, -3000), (2, -123456, 777), (3, 42, 42)):
        after = area_figures(_moved(model, turns, dx, dy))
        assert after.gla_sq_mm == pytest.approx(before.gla_sq_mm, rel=1e-9, abs=1.0)
        assert after.gia_sq_mm == pytest.approx(before.gia_sq_mm, rel=1e-9, abs=1.0)
        assert after.total_scanned_sq_mm == pytest.approx(before.total_scanned_sq_mm, abs=1.0)


def _turned(model: FloorModel, degrees: float) -> FloorModel:
    """The model turned by any angle, corners rounded back to whole millimetres."""

    def move(point: tuple[int, int]) -> tuple[int, int]:
        x, y = rotate_point(point, degrees)
        return (round(x), round(y))

    return _transformed(model, move)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid_models())
def test_areas_hold_at_any_angle_to_within_millimetre_rounding(model: FloorModel) -> None:
    before = area_figures(model)
    after = area_figures(_turned(model, 33.0))
    # Rounding every corner to the millimetre moves each edge by under 1 mm: a few square
    # centimetres on a room, well under 0.3 % of any figure here.
    assert after.gla_sq_mm == pytest.approx(before.gla_sq_mm, rel=3e-3, abs=5e4)
    assert after.gia_sq_mm == pytest.approx(before.gia_sq_mm, rel=3e-3, abs=5e4)
    assert after.total_scanned_sq_mm == pytest.approx(before.total_scanned_sq_mm, rel=3e-3)


def test_gia_levels_cover_every_level() -> None:
    from tests.floormodel.builders import ft, house, rect

    model = house(rect(0, 0, ft(40), ft(30)))
    (level,) = compute_gia(model)
    # Inside faces of 152 mm walls: (40 ft - 304 mm) x (30 ft - 304 mm).
    assert level.gia_sq_mm == pytest.approx((ft(40) - 304) * (ft(30) - 304))
