"""ANSI Z765-2021 cases worked by hand: apartment interior measure, attached party-wall centre
line, partial low ceilings, stairs on the level they descend from, the basement below grade.

Each expected figure is derived in the comments from the dimensions of the hand-built model,
never read back from the engine.
"""

from __future__ import annotations

import pytest

from planroom.floormodel.classification import REASON_OBSTRUCTION, REASON_OPEN_TO_BELOW
from planroom.floormodel.figures import model_figures
from planroom.floormodel.gla import GlaReport, compute_gla
from planroom.floormodel.gla_output import gla_document
from planroom.floormodel.samples import load_sample_model
from planroom.floormodel.schema import FloorModel, Obstruction, PropertyInfo, Stair
from tests.floormodel.builders import ft, house, level, rect, ring_walls, space, sq_ft, wall

T, PARTITION, PARTY = 152, 114, 200


def _as(model: FloorModel, property_type: str) -> FloorModel:
    info = model.property.model_copy(update={"property_type": property_type})
    return model.model_copy(update={"property": info})


def test_apartment_is_measured_to_the_inside_face_with_interior_walls_included() -> None:
    # Outer faces 30 x 20 ft; exterior walls 152 mm; a partition splits it in two rooms.
    # Inside faces: (30 ft - 304 mm) x (20 ft - 304 mm), the partition's footprint included.
    width, depth = ft(30), ft(20)
    walls = ring_walls(rect(T // 2, T // 2, width - T // 2, depth - T // 2), T)
    walls.append(wall("p", (ft(12), T), (ft(12), depth - T), PARTITION, "interior"))
    model = FloorModel(
        property=PropertyInfo(property_type="apartment"),
        levels=[level()],
        walls=walls,
        spaces=[
            space("living", rect(T, T, ft(12) - PARTITION // 2, depth - T)),
            space("bedroom", rect(ft(12) + PARTITION // 2, T, width - T, depth - T), "bedroom"),
        ],
    )
    figures = model_figures(model).in_unit("sqft")
    interior = (width - 2 * T) * (depth - 2 * T)
    # Printed equations use feet to 0.0001, hence the 0.01 sq ft tolerance.
    assert figures.unrounded("gla") == pytest.approx(sq_ft(interior), abs=0.01)
    assert figures.reported("gla") == 551  # 551.13
    detached = model_figures(_as(model, "detached")).in_unit("sqft")
    assert detached.unrounded("gla") == pytest.approx(sq_ft(width * depth), abs=0.01)  # 600
    assert "inside face" in model_figures(model).method()


def test_apartment_sample_reports_its_interior_figure() -> None:
    # The figures: 1,000 sq ft to the outside face, 938 to the inside face.
    sample = load_sample_model("apartment")
    as_house = model_figures(_as(sample, "detached")).in_unit("sqft")
    as_flat = model_figures(_as(sample, "apartment")).in_unit("sqft")
    assert as_house.reported("gla") == 1000
    assert as_flat.reported("gla") == 938
    # Interior measure and GIA are the same region for an apartment.
    assert as_flat.unrounded("gla") == pytest.approx(as_flat.unrounded("gia"))
    document = gla_document(model_figures(_as(sample, "apartment")), "sqft")
    assert document["totals"]["gla"] == 938
    assert document["property_type"] == "apartment"


def _end_unit(property_type: str) -> FloorModel:
    """A house whose west wall (200 mm) is shared with the neighbour; the rest is exterior.

    Party centre line at x = 0; outer faces of the other walls at x = 30 ft, y = 0, y = 40 ft.
    """
    width, depth = ft(30), ft(40)
    walls = [
        wall("party", (0, 0), (0, depth), PARTY, "party"),
        wall("east", (width - T // 2, 0), (width - T // 2, depth), T),
        wall("south", (0, T // 2), (width, T // 2), T),
        wall("north", (0, depth - T // 2), (width, depth - T // 2), T),
    ]
    room = space("home", rect(PARTY // 2, T, width - T, depth - T))
    return FloorModel(
        property=PropertyInfo(property_type=property_type),  # type: ignore[arg-type]
        levels=[level()],
        walls=walls,
        spaces=[room],
    )


def test_attached_house_measures_to_the_party_wall_centre_line() -> None:
    # Centre line to outer face: 30 x 40 = 1,200 sq ft. Measured as a detached house the outer
    # half of the party wall (100 mm x 40 ft = 13.1 sq ft) would be added: 1,213.
    attached = model_figures(_end_unit("attached")).in_unit("sqft")
    assert attached.unrounded("gla") == pytest.approx(1200.0, abs=0.01)
    assert attached.reported("gla") == 1200
    detached = model_figures(_end_unit("detached")).in_unit("sqft")
    assert detached.unrounded("gla") == pytest.approx(
        sq_ft((ft(30) + PARTY // 2) * ft(40)), abs=0.01
    )
    assert detached.reported("gla") == 1213
    assert "centre line of party walls" in model_figures(_end_unit("attached")).method()
    assert not any("No wall is marked" in note for note in attached_report().assumptions())


def attached_report() -> GlaReport:
    return compute_gla(_end_unit("attached"))


def test_attached_house_without_marked_party_walls_says_how_it_was_measured() -> None:
    model = _end_unit("attached")
    unmarked = model.model_copy(
        update={"walls": [w.model_copy(update={"kind": "exterior"}) for w in model.walls]}
    )
    notes = compute_gla(unmarked).assumptions()
    assert any("No wall is marked as a party wall" in note for note in notes)


def test_a_low_duct_takes_out_only_the_floor_under_it() -> None:
    # 20 x 15 ft outside; a 1 ft wide duct at 6 ft 0 in crosses the room wall to wall, a beam at
    # 6 ft 5 in (above 6 ft 4 in) crosses it too. Only the duct's footprint goes:
    # 300 sq ft - 1 ft x (15 ft - 2 x 152 mm) = 300 - 14.0 = 286.0 sq ft.
    model = house(rect(0, 0, ft(20), ft(15)))
    room = model.spaces[0]
    duct = Obstruction(footprint=rect(ft(8), T, ft(9), ft(15) - T), clearance=ft(6))
    beam = Obstruction(footprint=rect(ft(3), T, ft(4), ft(15) - T), clearance=ft(6 + 5 / 12))
    ducted = model.model_copy(
        update={"spaces": [room.model_copy(update={"obstructions": [duct, beam]})]}
    )
    figures = model_figures(ducted)
    under_duct = sq_ft(ft(1) * (ft(15) - 2 * T))
    sqft = figures.in_unit("sqft")
    assert sqft.unrounded("gla") == pytest.approx(300.0 - under_duct, abs=0.01)
    assert sqft.reported("gla") == 286
    # What the duct took is reported as non-standard finished area, not dropped.
    assert sqft.unrounded("non_standard_finished") == pytest.approx(under_duct, abs=0.01)
    (item,) = figures.gla.levels[0].measure.excluded
    assert item.reasons == (REASON_OBSTRUCTION,)
    assert item.name.endswith("(part)")


def _stairs_between(lower: str, upper: str, grade_below: str = "above") -> FloorModel:
    """Two 40 x 30 ft levels; a 3.5 x 12 ft stair from `lower` up to `upper`, whose floor has a
    stairwell (open to below) exactly over it; the rest of the upper floor is one room."""
    outer = rect(0, 0, ft(40), ft(30))
    low = house(outer, level_id=lower)
    high = house(outer, level_id=upper)
    footprint = rect(ft(20), ft(10), ft(23.5), ft(22))
    inner = high.spaces[0].polygon
    x0, y0 = inner[0]
    x1, y1 = inner[2]
    well = space("well", footprint, "open_to_below", upper)
    room = space(
        "upstairs",
        [
            (x0, y0),
            (x1, y0),
            (x1, y1),
            (x0, y1),
            (x0, ft(22)),
            (ft(23.5), ft(22)),
            (ft(23.5), ft(10)),
            (ft(20), ft(10)),
            (ft(20), ft(22)),
            (x0, ft(22)),
        ],
        "bedroom",
        upper,
    )
    stair = Stair(
        id="st",
        level_id=lower,
        from_level_id=lower,
        to_level_id=upper,
        footprint=footprint,
        direction_deg=90.0,
    )
    return FloorModel(
        levels=[
            level(lower, 0, grade=grade_below),
            level(upper, 1, elevation=3000),
        ],
        walls=low.walls + [w.model_copy(update={"id": f"u{w.id}"}) for w in high.walls],
        spaces=[low.spaces[0].model_copy(update={"id": "downstairs"}), well, room],
        stairs=[stair],
    )


def test_stairs_count_on_the_level_they_descend_from() -> None:
    # Both levels 40 x 30 = 1,200: the stairwell upstairs is the stair going down, so it counts
    # there; downstairs the area under the stair is ordinary floor. Total 2,400.
    model = _stairs_between("L0", "L1")
    sqft = model_figures(model).in_unit("sqft")
    assert sqft.reported("gla", "L1") == 1200
    assert sqft.reported("gla", "L0") == 1200
    assert sqft.reported("gla") == 2400
    # Without the stair the same hole is an opening to below: 1,200 - 3.5 x 12 = 1,158.
    void = model_figures(model.model_copy(update={"stairs": []})).in_unit("sqft")
    assert void.reported("gla", "L1") == 1158
    reasons = [item.reasons for item in model_figures(model).gla_level("L1").measure.excluded]
    assert (REASON_OPEN_TO_BELOW,) not in reasons


def test_basement_is_below_grade_and_its_stairs_count_on_the_entry_level() -> None:
    # Basement 40 x 30 outside: a finished family room and an unfinished utility room split by a
    # partition centred at x = 25 ft. The partition bounds finished area, so it goes with it:
    # finished = (25 ft + 57 mm) x 30 ft = 755.6 -> 756; unfinished = the rest = 444.4 -> 444.
    # The stair from the basement up to the entry level counts on the entry level (1,200).
    model = _stairs_between("B", "L0", grade_below="below")
    base = model.spaces[0]
    family = base.model_copy(update={"polygon": rect(T, T, ft(25) - PARTITION // 2, ft(30) - T)})
    utility = space(
        "utility", rect(ft(25) + PARTITION // 2, T, ft(40) - T, ft(30) - T), "utility", "B"
    ).model_copy(update={"finished": False})
    partition = wall("bp", (ft(25), T), (ft(25), ft(30) - T), PARTITION, "interior", "B")
    model = model.model_copy(
        update={
            "spaces": [family, utility, *model.spaces[1:]],
            "walls": [*model.walls, partition],
            "levels": [
                level("B", -1, grade="below"),
                level("L0", 0, elevation=2700),
            ],
        }
    )
    sqft = model_figures(model).in_unit("sqft")
    finished = sq_ft((ft(25) + PARTITION // 2) * ft(30))
    assert sqft.unrounded("below_grade_finished") == pytest.approx(finished, abs=0.01)
    assert sqft.unrounded("below_grade_unfinished") == pytest.approx(1200 - finished, abs=0.01)
    assert sqft.reported("below_grade_finished") == 756
    assert sqft.reported("below_grade_unfinished") == 444
    assert sqft.reported("gla", "B") == 0
    assert sqft.reported("gla") == 1200  # the entry level alone, its stairwell included
    document = gla_document(model_figures(model), "sqft")
    basement = next(item for item in document["levels"] if item["grade"] == "below")
    assert basement["gla"] == 0
    assert basement["below_grade_finished"] == 756
    assert basement["below_grade_unfinished"] == 444
    assert document["totals"]["gla"] == 1200
