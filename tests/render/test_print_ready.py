"""Every PDF deliverable prints ready: no text under 8 pt on paper, every font embedded.

The products that deliver PDFs are read from the registry (`pdf_slots`), so a new PDF
deliverable is held to the same rule; the combined PDF is their pages merged as the order's
combined download merges them.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
from dataclasses import replace

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from planroom.floormodel.samples import load_sample_model
from planroom.render.context import Branding, RenderContext
from planroom.render.products import PRODUCTS
from tests.render.builders import apartment, context, two_storey_house
from tests.render.test_plan_pdf import smallest_text_pt

PDF_PRODUCTS = [product for product in PRODUCTS.values() if product.pdf_slots]


def _logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), (20, 70, 140)).save(buffer, format="PNG")
    return buffer.getvalue()


CONTEXTS = {
    "two-storey": lambda: context(two_storey_house(), long_side=300),
    "metric-a4-logo": lambda: replace(
        context(apartment(), long_side=300),
        measurement_system="metric",
        paper="a4",
        branding=Branding(company_name="Acme Homes", logo_png=_logo()),
    ),
    # the smallest font scale a style may ask for still prints at 8 pt
    "font-scale-half": lambda: context(apartment(), long_side=300, font_scale=0.5),
    "sample-basement": lambda: context(load_sample_model("two_storey_basement"), long_side=300),
}


@functools.cache
def _pdfs(name: str) -> dict[str, list[bytes]]:
    """Each PDF product's PDFs for the named context."""
    ctx: RenderContext = CONTEXTS[name]()
    out: dict[str, list[bytes]] = {}
    for product in PDF_PRODUCTS:
        files = product.render(ctx).files
        out[product.key] = [f.data for f in files if f.slot in product.pdf_slots]
    return out


def _combined(name: str) -> bytes:
    writer = PdfWriter()
    for pdfs in _pdfs(name).values():
        for pdf in pdfs:
            writer.append(PdfReader(io.BytesIO(pdf)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_the_pdf_deliverables_are_the_plan_reports_and_snapshot() -> None:
    assert {product.key for product in PDF_PRODUCTS} == {
        "listing_floorplans",
        "gla_package",
        "home_report",
        "snapshot",
    }


@pytest.mark.parametrize("name", list(CONTEXTS))
@pytest.mark.parametrize("product", [product.key for product in PDF_PRODUCTS])
def test_no_pdf_prints_text_under_8_pt(name: str, product: str) -> None:
    pdfs = _pdfs(name)[product]
    assert pdfs
    for pdf in pdfs:
        smallest, count = smallest_text_pt(pdf)
        assert count > 10
        assert smallest >= 8.0, (product, smallest)


def _font_rows(pdf: bytes) -> list[list[str]]:
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    listing = subprocess.run(
        [pdffonts, "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return [line.split() for line in listing.splitlines()[2:] if line.strip()]


@pytest.mark.parametrize("name", ["two-storey", "metric-a4-logo"])
def test_every_font_of_every_pdf_is_embedded(name: str) -> None:
    for product, pdfs in _pdfs(name).items():
        for pdf in pdfs:
            rows = _font_rows(pdf)
            assert rows, product
            for row in rows:
                # name type encoding emb sub uni object ID: "emb" and "sub" are yes
                assert (row[-5], row[-4]) == ("yes", "yes"), (product, row)


def test_the_combined_pdf_prints_ready() -> None:
    combined = _combined("two-storey")
    pages = sum(
        len(PdfReader(io.BytesIO(pdf)).pages)
        for pdfs in _pdfs("two-storey").values()
        for pdf in pdfs
    )
    assert len(PdfReader(io.BytesIO(combined)).pages) == pages
    assert smallest_text_pt(combined)[0] >= 8.0
    rows = _font_rows(combined)
    assert rows and all((row[-5], row[-4]) == ("yes", "yes") for row in rows), rows


def test_the_gla_report_draws_its_plans_as_vectors() -> None:
    """The plans in the GLA report are text and paths, not pictures: their labels read back."""
    (pdf,) = _pdfs("two-storey")["gla_package"]
    reader = PdfReader(io.BytesIO(pdf))
    assert sum(len(page.images) for page in reader.pages) == 0
    level_pages = [page.extract_text() for page in reader.pages[1:]]
    assert any("Included in GLA" in text and "LIVING ROOM" in text for text in level_pages)
