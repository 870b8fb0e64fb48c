"""The GLA test vectors T1-T12 of the GLA research notes, built by hand.

Every expected figure is worked out in the comments from the dimensions, not read back from the
code under test.
"""

from __future__ import annotations

import pytest

from planroom.floormodel.classification import REASON_CEILING_7FT, REASON_GARAGE
from planroom.floormodel.figures import model_figures
from planroom.floormodel.gla import compute_gla
from planroom.floormodel.gla_output import gla_document
from planroom.floormodel.schema import FloorModel, PropertyInfo, SlopedCeiling, Stair
from planroom.floormodel.units import format_feet_inches, round_half_up, whole
from tests.floormodel.builders import (
    MM_PER_FOOT,
    SQ_MM_PER_SQ_FT,
    ft,
    house,
    level,
    rect,
    ring_walls,
    space,
    sq_ft,
    wall,
)


def test_t1_rectangle_is_length_times_width() -> None:
    # 40.0 x 30.0 ft measured to the outside faces: 1,200 sq ft.
    model = house(rect(0, 0, ft(40), ft(30)))
    assert whole(sq_ft(compute_gla(model).gla_sq_mm)) == 1200


def test_t2_l_shape_is_the_sum_of_its_rectangles() -> None:
    # 40 x 18 + 30 x 12 = 720 + 360 = 1,080 sq ft.
    outer = [(0, 0), (ft(40), 0), (ft(40), ft(18)), (ft(30), ft(18)), (ft(30), ft(30)), (0, ft(30))]
    assert whole(sq_ft(compute_gla(house(outer)).gla_sq_mm)) == 1080


def _two_storey_with_foyer() -> FloorModel:
    outer = rect(0, 0, ft(40), ft(30))
    main = house(outer, level_id="L0")
    upper = house(outer, level_id="L1")
    inner = upper.spaces[0].polygon
    x0, y0 = min(p[0] for p in inner), min(p[1] for p in inner)
    x1, y1 = max(p[0] for p in inner), max(p[1] for p in inner)
    # A 12 x 15 ft opening to the foyer below in the upper floor's south-west corner; the rest
    # of the floor is a bedroom wrapped around it.
    foyer = rect(x0, y0, x0 + ft(12), y0 + ft(15))
    bedroom = [
        (x0 + ft(12), y0),
        (x1, y0),
        (x1, y1),
        (x0, y1),
        (x0, y0 + ft(15)),
        (x0 + ft(12), y0 + ft(15)),
    ]
    stair = Stair(
        id="st1",
        level_id="L0",
        from_level_id="L0",
        to_level_id="L1",
        footprint=rect(ft(20), ft(10), ft(23.5), ft(22)),
        direction_deg=90.0,
    )
    return FloorModel(
        levels=[level("L0", 0), level("L1", 1, elevation=3000)],
        walls=main.walls + [w.model_copy(update={"id": f"u{w.id}"}) for w in upper.walls],
        spaces=[
            main.spaces[0],
            space("foyer", foyer, "open_to_below", "L1"),
            space("bedroom", bedroom, "bedroom", "L1"),
        ],
        stairs=[stair],
    )


def test_t3_open_foyer_is_subtracted_but_the_stair_is_not() -> None:
    # Upper: 1,200 - 12 x 15 = 1,020; main 1,200 (stairs not subtracted); total 2,220.
    report = compute_gla(_two_storey_with_foyer())
    by_level = {item.level.id: whole(sq_ft(item.gla_sq_mm)) for item in report.levels}
    assert by_level == {"L0": 1200, "L1": 1020}
    assert whole(sq_ft(report.gla_sq_mm)) == 2220
    excluded = report.levels[1].measure.excluded
    assert [item.reasons for item in excluded] == [("open to below",)]
    assert whole(sq_ft(excluded[0].area_sq_mm)) == 180


def test_t4_garage_is_excluded_and_the_common_wall_stays_with_the_house() -> None:
    width, depth, t = ft(60), ft(30), 152
    half = t // 2
    walls = ring_walls(rect(half, half, width - half, depth - half), t)
    # Common wall 0.5 ft thick between x = 40 ft and x = 40.5 ft (centre line at 40.25 ft).
    common_left, common_right = ft(40), ft(40.5)
    walls.append(
        wall(
            "common",
            ((common_left + common_right) // 2, half),
            ((common_left + common_right) // 2, depth - half),
            common_right - common_left,
            "interior",
        )
    )
    model = FloorModel(
        levels=[level()],
        walls=walls,
        spaces=[
            space("house", rect(t, t, common_left, depth - t)),
            space(
                "garage",
                rect(common_right, t, width - t, depth - t),
                "garage",
                finished=False,
                heated=False,
            ),
        ],
    )
    report = compute_gla(model)
    # House: 0 .. 40.5 ft (12,344 mm) x 30 ft (9,144 mm) = 1,214.97 -> 1,215 sq ft.
    assert sq_ft(report.gla_sq_mm) == pytest.approx(common_right * depth / SQ_MM_PER_SQ_FT)
    assert whole(sq_ft(report.gla_sq_mm)) == 1215
    (garage,) = report.levels[0].measure.excluded
    assert REASON_GARAGE in garage.reasons
    # Garage: 40.5 .. 60 ft (5,944 mm) x 30 ft = 585.03 -> 585 sq ft.
    assert sq_ft(garage.area_sq_mm) == pytest.approx(
        (width - common_right) * depth / SQ_MM_PER_SQ_FT
    )
    assert whole(sq_ft(garage.area_sq_mm)) == 585


def _gable_attic(peak_ft: float) -> FloorModel:
    # 24 ft wide x 20 ft deep, 2 ft knee walls at both eaves, the ridge along the middle. One
    # space per roof slope, each with its own sloped ceiling.
    half, depth = ft(12), ft(20)
    low, high = ft(2), ft(peak_ft)
    west = space(
        "west",
        rect(0, 0, half, depth),
        "bedroom",
        sloped_ceiling=SlopedCeiling(
            low_line=((0, 0), (0, depth)),
            low_height=low,
            high_line=((half, 0), (half, depth)),
            high_height=high,
        ),
    )
    east = space(
        "east",
        rect(half, 0, 2 * half, depth),
        "bedroom",
        sloped_ceiling=SlopedCeiling(
            low_line=((2 * half, 0), (2 * half, depth)),
            low_height=low,
            high_line=((half, 0), (half, depth)),
            high_height=high,
        ),
    )
    return FloorModel(levels=[level()], spaces=[west, east])


def test_t5a_attic_counts_from_five_feet_when_half_is_seven_feet() -> None:
    # Ceiling rises 8 ft over 12 ft: 5 ft at 4.5 ft in, 7 ft at 7.5 ft in.
    # A5 = 2 x 7.5 x 20 = 300; A7 = 2 x 4.5 x 20 = 180 >= 150 -> 300 counts.
    report = compute_gla(_gable_attic(10))
    assert whole(sq_ft(report.gla_sq_mm)) == 300
    assert report.levels[0].non_standard_sq_mm == 0


def test_t5b_attic_fails_when_less_than_half_is_seven_feet() -> None:
    # Ceiling rises 6 ft over 12 ft: 5 ft at 6 ft in, 7 ft at 10 ft in.
    # A5 = 2 x 6 x 20 = 240; A7 = 2 x 2 x 20 = 80 < 120 -> nothing counts, 240 non-standard.
    report = compute_gla(_gable_attic(8))
    assert report.gla_sq_mm == 0
    assert whole(sq_ft(report.levels[0].non_standard_sq_mm)) == 240


def test_t6_below_grade_level_contributes_nothing_and_is_reported_apart() -> None:
    model = house(rect(0, 0, ft(40), ft(30)))
    basement = model.model_copy(update={"levels": [level("L0", 0, grade="below")]})
    report = compute_gla(basement)
    assert report.gla_sq_mm == 0
    document = gla_document(model_figures(basement), "sqft")
    assert document["totals"]["below_grade_finished"] == 1200
    assert document["totals"]["gla"] == 0


def test_t7_half_rounds_up_not_to_even() -> None:
    assert round(1234.5) == 1234  # what Python would do
    assert whole(1234.5) == 1235
    assert whole(1235.5) == 1236
    assert round_half_up(12.25, 1) == round_half_up(12.3, 1)


def test_t8_townhouse_measures_to_party_wall_centre_lines() -> None:
    # Party walls 1 ft thick with centre lines 20 ft apart; outer faces of the front and back
    # walls 40 ft apart: 20 x 40 = 800 sq ft.
    party, exterior = 304, 152
    width, depth = ft(20), ft(40)
    walls = [
        wall("west", (0, 0), (0, depth), party, "party"),
        wall("east", (width, 0), (width, depth), party, "party"),
        wall("front", (0, exterior // 2), (width, exterior // 2), exterior),
        wall("back", (0, depth - exterior // 2), (width, depth - exterior // 2), exterior),
    ]
    room = space("home", rect(party // 2, exterior, width - party // 2, depth - exterior))
    model = FloorModel(
        property=PropertyInfo(property_type="attached"),
        levels=[level()],
        walls=walls,
        spaces=[room],
    )
    gla = compute_gla(model).gla_sq_mm
    assert gla == pytest.approx(width * depth)
    assert whole(sq_ft(gla)) == 800


def test_t9_apartment_measures_the_interior_perimeter() -> None:
    # 25 x 32 ft inside the walls = 800 sq ft; the walls themselves are not counted.
    t = 152
    outer = rect(0, 0, ft(25) + 2 * t, ft(32) + 2 * t)
    model = house(outer, t, property_type="apartment")
    assert whole(sq_ft(compute_gla(model).gla_sq_mm)) == 800


@pytest.mark.parametrize(
    ("feet", "expected"),
    [(12.3333, "12'4\""), (12.96, "13'0\""), (9.999, "10'0\""), (0.04, "0'0\"")],
)
def test_t10_feet_and_inches_carry_twelve_inches(feet: float, expected: str) -> None:
    assert format_feet_inches(feet * MM_PER_FOOT) == expected


def test_t11_bay_window_without_floor_adds_nothing() -> None:
    model = house(rect(0, 0, ft(40), ft(30)))
    # A 2 x 8 ft bay of thin walls standing out from the south face, with no floor in it.
    t = 100
    bay = [
        wall("bay1", (ft(16), -t // 2), (ft(16), -ft(2)), t),
        wall("bay2", (ft(16), -ft(2)), (ft(24), -ft(2)), t),
        wall("bay3", (ft(24), -ft(2)), (ft(24), -t // 2), t),
    ]
    with_bay = model.model_copy(update={"walls": model.walls + bay})
    assert whole(sq_ft(compute_gla(with_bay).gla_sq_mm)) == 1200


def test_t12_low_flat_ceiling_is_excluded_and_reported_as_non_standard() -> None:
    t, partition = 152, 114
    width, depth = ft(40), ft(30)
    middle = ft(20)
    walls = ring_walls(rect(t // 2, t // 2, width - t // 2, depth - t // 2), t)
    walls.append(
        wall("partition", (middle, t // 2), (middle, depth - t // 2), partition, "interior")
    )
    model = FloorModel(
        levels=[level()],
        walls=walls,
        spaces=[
            space("living", rect(t, t, middle - partition // 2, depth - t)),
            space(
                "bedroom",
                rect(middle + partition // 2, t, width - t, depth - t),
                "bedroom",
                ceiling_height=ft(6 + 10 / 12),
            ),
        ],
    )
    report = compute_gla(model)
    (bedroom,) = report.levels[0].measure.excluded
    assert bedroom.reasons == (REASON_CEILING_7FT,)
    assert bedroom.non_standard
    # The bedroom takes its own outside walls; the partition bounds the living room, so it
    # stays in GLA: bedroom = (40 ft - 20 ft - 57 mm) x 30 ft, GLA = (20 ft + 57 mm) x 30 ft.
    assert bedroom.area_sq_mm == pytest.approx((width - middle - partition // 2) * depth)
    assert report.gla_sq_mm == pytest.approx((middle + partition // 2) * depth)
    assert report.levels[0].non_standard_sq_mm == pytest.approx(bedroom.area_sq_mm)
