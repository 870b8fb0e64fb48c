from __future__ import annotations

import pytest

from planroom.floormodel.units import (
    format_area,
    format_feet_decimal,
    format_metres,
    format_number,
    round_half_up,
    sq_mm_to,
    whole,
)


@pytest.mark.parametrize(
    ("value", "expected"), [(0.5, 1), (1.5, 2), (2.5, 3), (-2.5, -3), (2.49, 2)]
)
def test_whole_rounds_half_away_from_zero(value: float, expected: int) -> None:
    assert whole(value) == expected


def test_a_figure_that_prints_as_half_rounds_up() -> None:
    # 0.1 + 0.2 + 0.2 is 0.5000000000000001 in binary; either way a person expects 1.
    assert whole(0.1 + 0.2 + 0.2) == 1
    assert str(round_half_up(2.675, 2)) == "2.68"  # Python's round gives 2.67


def test_numbers_drop_trailing_zeros() -> None:
    assert format_number(300.0, 1) == "300"
    assert format_number(728.54, 1) == "728.5"
    assert format_number(-0.04, 1) == "0"


def test_areas_and_lengths_print_in_their_unit() -> None:
    # 1,234.5 sq ft in mm² = 1234.5 * 92,903.04
    assert format_area(1234.5 * 92903.04, "sqft") == "1,235 sq ft"
    assert format_area(2_500_000.0, "m2") == "3 m²"
    assert format_feet_decimal(12.96 * 304.8) == "13.0"
    assert format_metres(3764.0) == "3.76"
    assert sq_mm_to(1_000_000.0, "m2") == 1.0
