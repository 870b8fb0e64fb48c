"""One set of exterior dimension chains: the listing plan, the GLA plan and the DXF print the
same length for the same edge, each in its own notation."""

from __future__ import annotations

import functools
import io
import re
from collections import Counter

import pytest
from ezdxf.filemanagement import read

from planroom.floormodel.figures import model_figures
from planroom.floormodel.generator.realistic import generate_realistic
from planroom.floormodel.roomplan import parse_scan_bytes
from planroom.floormodel.samples import SAMPLE_NAMES, load_sample_model
from planroom.floormodel.schema import FloorModel
from planroom.render.cad.drawing import level_drawing
from planroom.render.draw.scene import Text
from planroom.render.plan.chains import MIN_LABELLED_MM, level_chains
from planroom.render.plan.gla import gla_chains, gla_level_scene
from planroom.render.plan.svg import level_scene
from tests.render.builders import context

MM_PER_INCH = 25.4
CAPTURES = (("structure", 5), ("sequential", 17))


@functools.cache
def _model(name: str) -> FloorModel:
    if ":" in name:
        kind, seed = name.split(":")
        capture = generate_realistic(kind, int(seed))
        model = parse_scan_bytes(capture.scan_bytes(), "application/json")
    else:
        model = load_sample_model(name)
    # Measured to the outside face, so the GLA plan dimensions the building too.
    info = model.property.model_copy(update={"property_type": "detached"})
    return model.model_copy(update={"property": info})


def _inches(text: str) -> int:
    """`21'9"` (listing), `21.7' (21'9")` (GLA) and `21'-9"` (DXF), in whole inches."""
    found = re.findall(r"(\d+)'-?(\d+)\"", text)
    assert found, text
    feet, inches = found[-1]
    return int(feet) * 12 + int(inches)


def _printed(name: str, level_id: str) -> dict[str, Counter[int]]:
    model = _model(name)
    ctx = context(model)
    figures = model_figures(model)
    listing = level_scene(ctx, level_id, dimensions=True).group("dimensions")
    gla = gla_level_scene(ctx, figures, figures.gla_level(level_id)).group("dimensions")
    drawing = read(io.StringIO(level_drawing(ctx, model.level(level_id)).decode("utf-8")))
    return {
        "listing": Counter(_inches(t.text) for t in listing.items if isinstance(t, Text)),
        "gla": Counter(_inches(t.text) for t in gla.items if isinstance(t, Text)),
        "dxf": Counter(_inches(e.dxf.text) for e in drawing.modelspace().query("DIMENSION")),
    }


CASES = [(name, level.id) for name in SAMPLE_NAMES for level in _model(name).levels] + [
    (f"{kind}:{seed}", level.id)
    for kind, seed in CAPTURES
    for level in _model(f"{kind}:{seed}").levels
]


@pytest.mark.parametrize(("name", "level_id"), CASES)
def test_every_output_prints_the_shared_chains(name: str, level_id: str) -> None:
    chains = level_chains(_model(name), level_id)
    expected = Counter(round(length / MM_PER_INCH) for length in chains.lengths())
    assert expected, "every level is dimensioned"
    printed = _printed(name, level_id)
    # The DXF carries every labelled length; a plan may leave out a text that does not fit its
    # segment, but never prints a length the chains do not have.
    assert printed["dxf"] == expected
    for output in ("listing", "gla"):
        assert not printed[output] - expected, output
        assert sum(printed[output].values()) >= 0.8 * sum(expected.values()), output


def test_the_garage_side_is_the_same_in_every_file() -> None:
    # The sample's garage wall runs 6,622 mm (21'9"); the house beside it stands 67 mm further
    # out. That jog is drawn but not measured; it used to be folded into the garage side (21'11").
    printed = _printed("house_garage_porch", "L0")
    garage_side = 21 * 12 + 9
    for output in ("listing", "gla", "dxf"):
        assert printed[output][garage_side] == 1, output
        assert printed[output][21 * 12 + 11] == 0, output


def test_a_jog_keeps_its_ticks_but_no_length() -> None:
    chains = level_chains(_model("house_garage_porch"), "L0")
    left = next(chain for chain in chains.sides if chain.side == "left")
    lengths = [segment.length_mm for segment in left.segments()]
    assert any(length < MIN_LABELLED_MM for length in lengths)
    assert left.total().length_mm == pytest.approx(sum(lengths))


def test_an_apartment_gla_plan_is_dimensioned_along_its_inside_faces() -> None:
    # Measured to the inside face, the outline lies within the walls: its corners are taped
    # through them, so the plan still carries chains, and their overall lengths are the
    # interior's extents, not the building's.
    model = load_sample_model("apartment")
    info = model.property.model_copy(update={"property_type": "apartment"})
    model = model.model_copy(update={"property": info})
    figures = model_figures(model)
    gla_level = figures.gla.levels[0]
    chains = gla_chains(model, figures, gla_level)
    assert {side.side for side in chains.sides if side.overall}
    gross = chains.outline.bounds
    interior = (gross[2] - gross[0], gross[3] - gross[1])
    building = level_chains(model, gla_level.level.id).outline.bounds
    for side in chains.sides:
        if not side.overall:
            continue
        length = side.breaks[-1][0] - side.breaks[0][0]
        assert any(abs(length - extent) < 1.0 for extent in interior), (side.side, length)
        assert length < max(building[2] - building[0], building[3] - building[1]) - 100.0
