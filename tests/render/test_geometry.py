"""Wall poché: clean corners, T-junctions and openings cut out."""

from __future__ import annotations

from planroom.floormodel.schema import FloorModel, Level, Opening, Wall
from planroom.render.draw.scene import upright_angle
from planroom.render.geometry import level_outline, level_poche
from tests.render.builders import box_walls, opening, wall


def _box(*extra_walls: Wall, openings: list[Opening] | None = None) -> FloorModel:
    walls = [*box_walls("e", "L", 0, 0, 4000, 3000), *extra_walls]
    return FloorModel(
        levels=[Level(id="L", name="L", index=0)], walls=walls, openings=openings or []
    )


def test_corners_are_closed_squares_without_notches() -> None:
    poche = level_poche(_box(), "L")
    # Outer faces 4152 x 3152, inner faces 3848 x 2848: a clean frame has exactly this area.
    assert round(poche.area) == 4152 * 3152 - 3848 * 2848
    outline = level_outline(_box(), "L")
    assert outline is not None
    assert len(outline.exterior.coords) == 5


def test_t_junction_stem_stops_at_the_far_face() -> None:
    stem = wall("t", "L", (2000, 0), (2000, 3000))
    poche = level_poche(_box(stem), "L")
    frame = 4152 * 3152 - 3848 * 2848
    assert round(poche.area) == frame + 114 * 2848


def test_openings_are_cut_through_the_wall() -> None:
    door = opening("d", "e0", "door", 2000, 900)
    poche = level_poche(_box(openings=[door]), "L")
    assert round(poche.area) == 4152 * 3152 - 3848 * 2848 - 900 * 152


def test_text_angles_are_never_upside_down() -> None:
    assert upright_angle(180.0) == 0.0
    assert upright_angle(-90.0) == 90.0
    assert upright_angle(270.0) == 90.0
    assert upright_angle(30.0) == 30.0
    assert upright_angle(200.0) == 20.0
