"""How lengths and areas are written on plans."""

from __future__ import annotations

from planroom.render.measure_text import area_text, dimension_lines, feet_inches, length_text


def test_feet_and_inches_carry_twelve_inches_into_a_foot() -> None:
    assert feet_inches(12.96 * 304.8) == "13'0\""
    assert feet_inches(3759) == "12'4\""


def test_lengths_in_each_unit_mode() -> None:
    assert length_text(3760, "metric") == "3.76 m"
    assert length_text(3760, "both") == "12'4\" (3.76 m)"
    assert length_text(3760, "metric", "fi") == "3,76 m"


def test_room_dimensions_in_both_modes_take_two_lines() -> None:
    assert dimension_lines(3760, 3350, "both") == ["12'4\" x 11'0\"", "3.76 x 3.35 m"]


def test_areas_round_half_up_and_group_thousands() -> None:
    assert area_text(1234.5 * 92903.04 + 1, "imperial") == "1,235 sq ft"
    assert area_text(12_640_000, "metric") == "12.6 m²"
    assert area_text(1_234_560_000, "metric", "sv") == "1\u00a0234,6 m²"
