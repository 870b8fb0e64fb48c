"""The plan PDF: print-ready sheets (size by the plan, a standard scale, 8 pt text at least,
every font embedded), an all-floors sheet, then a vector page per level."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from planroom.floormodel.schema import FloorModel, Level, PropertyInfo, Space
from planroom.render.context import Branding
from planroom.render.plan.pdf import render_plan_pdf
from planroom.render.plan.print_layout import choose_layout
from tests.render.builders import apartment, box_walls, context, rect, two_storey_house

MM_PER_INCH = 25.4


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def _page_texts(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _sheet(pdf: bytes, page: int = 0) -> tuple[int, int]:
    """A page's size in whole points, as turned."""
    box = PdfReader(io.BytesIO(pdf)).pages[page].mediabox
    return round(float(box.width)), round(float(box.height))


def one_room(width_mm: int, depth_mm: int) -> FloorModel:
    """A single room of the given outside size: a small studio or a large open plan."""
    return FloorModel(
        property=PropertyInfo(),
        levels=[Level(id="L", name="Main Floor", index=0)],
        walls=box_walls("w", "L", 0, 0, width_mm, depth_mm),
        spaces=[
            Space(
                id="room",
                level_id="L",
                name="Great Room",
                type="living",
                polygon=rect(0, 0, width_mm, depth_mm, inset=76),
            )
        ],
    )


def smallest_text_pt(pdf: bytes) -> tuple[float, int]:
    """The smallest printed size of any text drawn, in points, and how many strings were seen.

    A string's size on paper is its font size times the scale of the text matrix and the current
    transformation (the plan is drawn at a scale, so font sizes alone say nothing)."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        sizes.append(size * math.sqrt(abs(a * d - b * c)))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return min(sizes), len(sizes)


@pytest.mark.parametrize(
    "ctx",
    [
        context(two_storey_house()),
        replace(context(apartment()), measurement_system="metric", paper="a4"),
        # the smallest font scale a style may ask for still prints at 8 pt
        context(apartment(), font_scale=0.5),
        context(one_room(120000, 60000)),
    ],
    ids=["two-storey", "metric", "font-scale-half", "not-to-scale"],
)
def test_no_text_is_printed_under_8_pt(ctx: Any) -> None:
    for dimensions in (False, True):
        smallest, count = smallest_text_pt(render_plan_pdf(ctx, dimensions=dimensions))
        assert count > 8
        assert smallest >= 8.0, smallest


def test_every_font_is_embedded() -> None:
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    pdf = render_plan_pdf(context(two_storey_house()), dimensions=True)
    listing = subprocess.run(
        [pdffonts, "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert len(rows) >= 2  # the regular and the bold face
    for row in rows:
        # name type encoding emb sub uni object ID: "emb" and "sub" are yes
        emb, sub = row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row


def test_a_small_plan_prints_on_letter_at_a_quarter_inch() -> None:
    # a 5.5 x 4 m studio: 18' x 13'1" is 4.5" x 3.3" at 1/4" = 1'-0"
    pdf = render_plan_pdf(context(one_room(5500, 4000)), dimensions=True)
    assert _sheet(pdf) == (792, 612)  # Letter, turned to suit the wide plan
    assert 'Scale 1/4" = 1\'-0" (Letter)' in _text(pdf)
    metric = replace(context(one_room(5500, 4000)), measurement_system="metric", paper="a4")
    pdf = render_plan_pdf(metric, dimensions=True)
    assert _sheet(pdf) == (842, 595)  # A4
    assert "Scale 1:50 (A4)" in _text(pdf)


def test_a_house_prints_on_letter_at_an_eighth_inch() -> None:
    pdf = render_plan_pdf(context(apartment()), dimensions=False)
    assert _sheet(pdf) == (792, 612)
    text = _text(pdf)
    assert 'Scale 1/8" = 1\'-0" (Letter)' in text
    assert "KITCHEN" in text


def test_a_large_plan_moves_to_tabloid_or_a3_at_the_same_scale() -> None:
    # 24 x 16 m: 78'9" at 1/8" = 1'-0" is 9.8", too wide for Letter with its dimension chains
    big = one_room(24000, 16000)
    pdf = render_plan_pdf(context(big), dimensions=True)
    assert _sheet(pdf) == (1224, 792)  # Tabloid, 17" x 11"
    assert 'Scale 1/8" = 1\'-0" (Tabloid)' in _text(pdf)
    metric = render_plan_pdf(
        replace(context(big), measurement_system="metric", paper="a4"), dimensions=True
    )
    assert _sheet(metric) == (1191, 842)  # A3
    assert "Scale 1:100 (A3)" in _text(metric)


def test_a_plan_too_big_for_any_sheet_says_not_to_scale() -> None:
    pdf = render_plan_pdf(context(one_room(120000, 60000)), dimensions=False)
    assert _sheet(pdf) == (1224, 792)
    assert "Not to scale (Tabloid)" in _text(pdf)


def test_several_levels_get_an_all_floors_sheet_first() -> None:
    ctx = context(two_storey_house())
    pdf = render_plan_pdf(ctx, dimensions=True)
    pages = _page_texts(pdf)
    assert len(pages) == 3
    overview, ground, upper = pages
    for name in ("All levels", "First Floor", "Second Floor", "LIVING ROOM", "BEDROOM"):
        assert name in overview, name
    assert "First Floor" in ground and "Second Floor" not in ground
    assert "Second Floor" in upper
    # one scale for the whole sheet, printed once
    assert overview.count("Scale ") == 1
    single = render_plan_pdf(context(apartment()), dimensions=True)
    assert len(PdfReader(io.BytesIO(single)).pages) == 1


def test_pdf_bytes_are_stable() -> None:
    ctx = context(two_storey_house())
    assert render_plan_pdf(ctx, dimensions=True) == render_plan_pdf(ctx, dimensions=True)


def _images_per_page(pdf: bytes) -> list[int]:
    return [len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_every_sheet_carries_the_company_logo_unless_the_style_hides_it() -> None:
    logo = io.BytesIO()
    Image.new("RGB", (300, 100), (20, 70, 140)).save(logo, format="PNG")
    branded = replace(
        context(two_storey_house()),
        branding=Branding(company_name="Acme Homes", logo_png=logo.getvalue()),
    )
    assert _images_per_page(render_plan_pdf(branded, dimensions=True)) == [1, 1, 1]
    hidden = replace(branded, style=branded.style.model_copy(update={"show_logo": False}))
    assert _images_per_page(render_plan_pdf(hidden, dimensions=True)) == [0, 0, 0]


def test_the_sheet_rule_prefers_the_smaller_sheet_down_to_an_eighth_inch() -> None:
    def pick(width_mm: float, height_mm: float, paper: str, imperial: bool) -> tuple[str, str]:
        layout = choose_layout(
            lambda d: (width_mm + 40 * d, height_mm + 40 * d),
            paper,
            imperial=imperial,
            band_mm=30,
            not_to_scale="Not to scale",
        )
        turned = "landscape" if layout.page_pt[0] > layout.page_pt[1] else "portrait"
        return f"{layout.sheet} {turned}", layout.scale.label

    assert pick(6000, 4000, "letter", True) == ("Letter landscape", '1/4" = 1\'-0"')
    assert pick(4000, 6000, "letter", True) == ("Letter portrait", '1/4" = 1\'-0"')
    assert pick(14000, 9000, "letter", True) == ("Letter landscape", '1/8" = 1\'-0"')
    # too big for Letter at 1/8": Tabloid at the largest scale it takes
    assert pick(24000, 14000, "letter", True) == ("Tabloid landscape", '1/8" = 1\'-0"')
    assert pick(40000, 25000, "letter", True) == ("Tabloid landscape", '1/16" = 1\'-0"')
    assert pick(90000, 25000, "letter", True)[1] == "Not to scale"
    assert pick(7000, 5000, "a4", False) == ("A4 landscape", "1:50")
    assert pick(24000, 14000, "a4", False) == ("A3 landscape", "1:100")
    assert pick(60000, 30000, "a4", False) == ("A3 landscape", "1:200")


def test_the_plan_measures_true_on_paper(tmp_path: Path) -> None:
    """Rasterised at 100 dpi, the studio's walls span 5.652 x 4.152 m at 1/4" = 1'-0"."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    (tmp_path / "plan.pdf").write_bytes(
        render_plan_pdf(context(one_room(5500, 4000)), dimensions=False)
    )
    subprocess.run(
        [
            pdftoppm,
            "-r",
            "100",
            "-png",
            "-singlefile",
            str(tmp_path / "plan.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    with Image.open(tmp_path / "p.png") as image:
        grey = np.asarray(image.convert("L"))
    plan = grey[: int(grey.shape[0] * 0.7)]  # above the title band
    rows, columns = np.nonzero(plan < 50)  # the walls' near-black poché
    width_px = columns.max() - columns.min() + 1
    height_px = rows.max() - rows.min() + 1
    px_per_plan_mm = 100 / MM_PER_INCH / 48
    assert width_px == pytest.approx(5652 * px_per_plan_mm, abs=2)
    assert height_px == pytest.approx(4152 * px_per_plan_mm, abs=2)
