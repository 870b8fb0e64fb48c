"""The plan PDF: a vector page per level at a true scale when the plan fits."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from planroom.render.draw.scene import Box
from planroom.render.plan.pdf import choose_scale, render_plan_pdf
from tests.render.builders import apartment, context, two_storey_house


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def test_one_page_per_level_in_the_requested_paper() -> None:
    ctx = replace(context(two_storey_house()), paper="a4")
    reader = PdfReader(io.BytesIO(render_plan_pdf(ctx, dimensions=True)))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    # The wide ground floor turns the A4 page to landscape (297 x 210 mm in points).
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_the_apartment_prints_at_a_true_scale_and_says_which() -> None:
    # 10.2 x 9.7 m with its dimension chains is too big for Letter at 1:50 or 1/4", not at 1:100.
    metric = replace(context(apartment()), measurement_system="metric")
    assert "Scale 1:100" in _text(render_plan_pdf(metric, dimensions=False))
    imperial = _text(render_plan_pdf(context(apartment()), dimensions=False))
    assert 'Scale 1/8" = 1\'-0"' in imperial
    assert "KITCHEN" in imperial


def test_scale_steps_down_then_gives_up_with_not_to_scale() -> None:
    def pick(width_mm: float) -> str:
        return choose_scale(Box(0, 0, width_mm, 5000), 270, 180, False, "Not to scale").label

    assert pick(8000) == "1:50"
    assert pick(20000) == "1:100"
    assert pick(45000) == "1:200"
    big = choose_scale(Box(0, 0, 90000, 5000), 270, 180, False, "Not to scale")
    assert (big.label, big.true_scale) == ("Not to scale", False)
    assert big.denominator > 200


def test_pdf_bytes_are_stable() -> None:
    ctx = context(apartment())
    assert render_plan_pdf(ctx, dimensions=True) == render_plan_pdf(ctx, dimensions=True)
