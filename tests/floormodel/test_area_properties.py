"""Properties of the area figures that must hold for any model."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings

from planroom.floormodel.areas import compute_gia
from planroom.floormodel.figures import model_figures
from planroom.floormodel.formula import measured_area
from planroom.floormodel.geometry import rotate_point
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
    figures = model_figures(model)
    report = figures.gla
    for unit in ("m2", "sqft"):
        text = gla_formula_text(figures, unit)
        floors = [level for level in report.levels if level.above_grade]
        blocks = text.split("\n\n")[1:]
        assert len(blocks) == len(floors)
        for block, floor in zip(blocks, floors, strict=True):
            equations = block.splitlines()[1:]
            total = sum(evaluate(line) for line in equations)
            expected = measured_area(floor.measure.included, unit)
            assert total == pytest.approx(expected, rel=1e-12, abs=1e-9)
            # Coordinates identify the millimetre: the value is the geometry's area itself.
            divisor = 1e6 if unit == "m2" else 92903.04
            assert total == pytest.approx(floor.gla_sq_mm / divisor, rel=1e-7, abs=1e-2)


@FAST
@given(grid_models())
def test_every_json_equation_evaluates_to_its_area(model: FloorModel) -> None:
    document = gla_document(model_figures(model), "m2")
    for level in document["levels"]:
        for entry in level["included"] + level["excluded"] + level["below_grade_areas"]:
            assert evaluate(entry["equation"]) == pytest.approx(
                entry["area_unrounded"], rel=1e-6, abs=1e-3
            )


@FAST
@given(grid_models())
def test_figures_never_exceed_the_total_scanned_area(model: FloorModel) -> None:
    figures = model_figures(model).in_unit("m2")
    for level in model.levels:
        total = figures.unrounded("total", level.id)
        assert figures.unrounded("gia", level.id) <= total + 1e-6
        assert figures.unrounded("gla", level.id) <= total + 1e-6
    assert figures.unrounded("gia") <= figures.unrounded("total") + 1e-6
    assert figures.unrounded("gla") <= figures.unrounded("total") + 1e-6


def _in_m2(model: FloorModel) -> tuple[float, float, float]:
    figures = model_figures(model).in_unit("m2")
    return figures.unrounded("gla"), figures.unrounded("gia"), figures.unrounded("total")


@FAST
@given(grid_models())
def test_areas_do_not_change_when_the_plan_is_turned_and_moved(model: FloorModel) -> None:
    before = _in_m2(model)
    for turns, dx, dy in ((1, 5000, -3000), (2, -123456, 777), (3, 42, 42)):
        after = _in_m2(_moved(model, turns, dx, dy))
        assert after == pytest.approx(before, rel=1e-9, abs=1e-6)


def _turned(model: FloorModel, degrees: float) -> FloorModel:
    """The model turned by any angle, corners rounded back to whole millimetres."""

    def move(point: tuple[int, int]) -> tuple[int, int]:
        x, y = rotate_point(point, degrees)
        return (round(x), round(y))

    return _transformed(model, move)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid_models())
def test_areas_hold_at_any_angle_to_within_millimetre_rounding(model: FloorModel) -> None:
    before = _in_m2(model)
    after = _in_m2(_turned(model, 33.0))
    # Rounding every corner to the millimetre moves each edge by under 1 mm: a few square
    # centimetres on a room, well under 0.3 % of any figure here.
    for was, now in zip(before, after, strict=True):
        assert now == pytest.approx(was, rel=3e-3, abs=0.05)


def test_gia_levels_cover_every_level() -> None:
    from tests.floormodel.builders import ft, house, rect

    model = house(rect(0, 0, ft(40), ft(30)))
    (level,) = compute_gia(model)
    # Inside faces of 152 mm walls: (40 ft - 304 mm) x (30 ft - 304 mm).
    assert level.gia_sq_mm == pytest.approx((ft(40) - 304) * (ft(30) - 304))
