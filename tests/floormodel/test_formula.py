"""`gla_formula_text` in the original's exact form, and equations that add up."""

from __future__ import annotations

import pytest
from shapely.geometry import Polygon

from planroom.floormodel.figures import model_figures
from planroom.floormodel.formula import measured_area, region_equations
from planroom.floormodel.gla import compute_gla
from planroom.floormodel.gla_output import gla_formula_text
from planroom.floormodel.schema import FloorModel
from tests.floormodel.arithmetic import evaluate
from tests.floormodel.builders import level, rect, space

ORIGINAL = """GLA total: 10 m², excluded areas: 0 m²

FLOOR 1: 10 m²
-((728.5 + 728.5) * (380.4 - 623.3) + (728.5 + 300) * (623.3 - 623.3) + (300 + 300) * (623.3 - 380.4) + (300 + 728.5) * (380.4 - 380.4)) * 0.5 * 0.0001"""  # noqa: E501


def _one_floor(points: list[tuple[int, int]]) -> FloorModel:
    return FloorModel(levels=[level()], spaces=[space("floor", points)])


def test_metric_text_matches_the_original_example_exactly() -> None:
    # The original's rectangle: x from 300.0 to 728.5 cm, y from 380.4 to 623.3 cm.
    model = _one_floor(rect(3000, 3804, 7285, 6233))
    assert gla_formula_text(model_figures(model), "m2") == ORIGINAL


def test_original_equation_evaluates_to_the_floor_area() -> None:
    # 4.285 m x 2.429 m = 10.408265 m²
    equation = ORIGINAL.splitlines()[-1]
    assert evaluate(equation) == pytest.approx(4.285 * 2.429)


def test_imperial_uses_feet_to_the_hundredth_and_no_unit_factor() -> None:
    model = _one_floor(rect(0, 0, 3048, 6096))  # 10 x 20 ft
    text = gla_formula_text(model_figures(model), "sqft")
    assert text.splitlines()[0] == "GLA total: 200 sq ft, excluded areas: 0 sq ft"
    equation = text.splitlines()[-1]
    assert equation.endswith(") * 0.5")
    assert "(10 + 10) * (0 - 20)" in equation
    assert evaluate(equation) == pytest.approx(200.0)


def test_clockwise_outline_is_written_without_the_minus() -> None:
    clockwise = [(0, 0), (0, 1000), (2000, 1000), (2000, 0)]
    ((text, value),) = region_equations(Polygon(clockwise), "m2")
    # 2 m x 1 m
    assert value == pytest.approx(2.0)
    assert evaluate(text) == pytest.approx(2.0)


def test_holes_are_subtracted_in_the_same_expression() -> None:
    outer = [(0, 0), (10000, 0), (10000, 10000), (0, 10000)]
    hole = [(2000, 2000), (2000, 4000), (4000, 4000), (4000, 2000)]
    ((text, value),) = region_equations(Polygon(outer, [hole]), "m2")
    # 100 m² less a 2 x 2 m hole.
    assert value == pytest.approx(96.0)
    assert evaluate(text) == pytest.approx(96.0)
    assert " - " in text


def test_several_outlines_give_one_line_each_that_sum_to_the_level() -> None:
    model = FloorModel(
        levels=[level()],
        spaces=[space("west", rect(0, 0, 3000, 3000)), space("east", rect(5000, 0, 7000, 4000))],
    )
    report = compute_gla(model)
    lines = gla_formula_text(model_figures(model), "m2").splitlines()
    equations = lines[3:]
    assert len(equations) == 2
    assert sum(evaluate(line) for line in equations) == pytest.approx(9.0 + 8.0)
    assert measured_area(report.levels[0].measure.included, "m2") == pytest.approx(17.0)


def test_negative_coordinates_are_bracketed() -> None:
    ((text, value),) = region_equations(Polygon(rect(-1500, -500, 500, 1500)), "m2")
    assert "(-150)" in text
    assert evaluate(text) == pytest.approx(value) == pytest.approx(4.0)
