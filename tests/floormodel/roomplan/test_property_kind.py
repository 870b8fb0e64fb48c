"""The property type a capture suggests, and that the client's choice wins over it."""

from __future__ import annotations

import pytest

from planroom.floormodel.figures import model_figures
from planroom.floormodel.samples import load_sample_model


@pytest.mark.parametrize(
    ("name", "expected", "why"),
    [
        ("apartment", "apartment", "one storey with no stairs, garage, porch, deck or patio"),
        ("house_garage_porch", "detached", "a garage, a porch"),
        ("two_storey_basement", "detached", "3 storeys, stairs"),
    ],
)
def test_the_scan_suggests_the_property_type_and_says_why(
    name: str, expected: str, why: str
) -> None:
    model = load_sample_model(name)
    assert model.property.property_type == expected
    (finding,) = [f for f in model.source.findings if f.code == "property_type_guessed"]
    assert why in finding.message
    assert "property_type on the order" in finding.message


def test_an_imported_apartment_reports_its_interior_figure() -> None:
    figures = model_figures(load_sample_model("apartment"))
    assert figures.in_unit("sqft").reported("gla") == 938
    assert "inside face" in figures.method()
