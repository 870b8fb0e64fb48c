"""The GLA JSON and formula text for a house with a garage, a porch and a basement."""

from __future__ import annotations

import pytest

from planroom.floormodel.areas import extra_size_units, over_limits
from planroom.floormodel.figures import model_figures
from planroom.floormodel.generator.scenes import house_garage_porch, two_storey_basement
from planroom.floormodel.gla import STANDARD, compute_gla
from planroom.floormodel.gla_output import gla_document, gla_formula_text
from tests.floormodel.arithmetic import evaluate
from tests.floormodel.builders import SQ_MM_PER_SQ_FT


def test_house_excludes_garage_and_porch_with_reasons() -> None:
    document = gla_document(model_figures(house_garage_porch().model), "sqft")
    (floor,) = document["levels"]
    reasons = {entry["name"]: entry["reasons"] for entry in floor["excluded"]}
    assert "garage" in reasons["Garage"]
    assert "porch" in reasons["Porch"]
    assert document["standard"] == STANDARD
    assert document["property_type"] == "detached"
    assert "not verified on site" in str(document["disclaimer"])
    assert any("152 mm" in note for note in document["assumptions"])


def test_house_gla_is_the_house_part_of_the_outline() -> None:
    # Centre lines: house 12 x 9 m, outside walls 152 mm, the wall shared with the garage
    # 114 mm (x = 12,000, y = 0 .. 6,500). The house reaches the outer faces on the west, south
    # and north (x from -76, y from -76 to 9,076) and the garage side of the shared wall (it
    # bounds the kitchen): x to 12,057. North of the garage the house's own east wall reaches
    # x = 12,076 down to the garage's north wall face at y = 6,424.
    # 12,133 x 9,152 + 19 x (9,076 - 6,424) = 111,091,604 mm².
    report = compute_gla(house_garage_porch().model)
    assert report.gla_sq_mm == 12133 * 9152 + 19 * (9076 - 6424)


def test_json_totals_add_up_and_equations_match() -> None:
    document = gla_document(model_figures(two_storey_basement().model), "sqft")
    levels = document["levels"]
    below = [level for level in levels if level["below_grade"]]
    assert len(below) == 1 and below[0]["gla"] == 0 and below[0]["included"] == []
    assert below[0]["below_grade_finished"] > 0
    assert below[0]["below_grade_unfinished"] > 0  # the unfinished utility room
    totals = document["totals_unrounded"]
    per_level = sum(level["gla_unrounded"] for level in levels)
    assert totals["gla"] == pytest.approx(per_level, abs=1e-3)
    for level in levels:
        for entry in level["included"] + level["below_grade_areas"]:
            assert evaluate(entry["equation"]) == pytest.approx(entry["area_unrounded"], abs=1e-3)


def test_formula_text_lists_only_floors_above_grade() -> None:
    text = gla_formula_text(model_figures(two_storey_basement().model), "sqft")
    floors = [line for line in text.splitlines() if line.startswith("FLOOR ")]
    assert [line.split(":")[0] for line in floors] == ["FLOOR 1", "FLOOR 2"]
    # Both floors are the 10 x 8 m box measured to the outer faces: 10.152 x 8.152 m.
    expected = 10152 * 8152 / SQ_MM_PER_SQ_FT
    assert text.splitlines()[0].startswith(f"GLA total: {round(2 * expected)} sq ft")


def test_total_scanned_includes_the_porch_and_drives_the_surcharge() -> None:
    figures = model_figures(house_garage_porch().model).in_unit("sqft")
    porch = 4000 * (2000 - 76) / SQ_MM_PER_SQ_FT  # the porch floor, outside the house wall
    assert figures.unrounded("total") > figures.unrounded("gla") + porch
    assert figures.unrounded("gia") < figures.unrounded("gla")
    # one level: the reported total is that level's figure rounded once
    assert figures.reported("total") == round(figures.unrounded("total"))


@pytest.mark.parametrize(
    ("square_feet", "units"), [(4999, 0), (5000, 0), (5001, 1), (10000, 1), (10000.5, 2)]
)
def test_one_surcharge_unit_per_started_5000_sq_ft_above_the_first(
    square_feet: float, units: int
) -> None:
    assert extra_size_units(square_feet * SQ_MM_PER_SQ_FT) == units


def test_over_limits_lists_the_size_charged_products_the_order_has() -> None:
    big = 12_000 * SQ_MM_PER_SQ_FT
    assert over_limits(big, ["products_2d"]) == [{"product_type": "products_2d", "extra_units": 2}]
    assert over_limits(big, ["products_2d", "products_3d", "tour"]) == [
        {"product_type": "products_2d", "extra_units": 2},
        {"product_type": "products_3d", "extra_units": 2},
    ]
    assert over_limits(1000 * SQ_MM_PER_SQ_FT, ["products_2d"]) == []
