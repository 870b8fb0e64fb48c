"""The listing floor plan product: slots, one file per level, PDF pages, zip, determinism."""

from __future__ import annotations

import io
import zipfile

from PIL import Image
from pypdf import PdfReader

from planroom.render.products.listing_floorplans import render_listing_floorplans
from tests.render.builders import apartment, context, two_storey_house

SLOTS = ("jpg_urls", "png_urls", "svg_urls", "pdf_urls", "zip_urls")


def test_every_slot_in_both_variants_with_one_image_per_level() -> None:
    files = render_listing_floorplans(context(two_storey_house(), long_side=300))
    by_slot: dict[str, list[str]] = {}
    for item in files:
        by_slot.setdefault(item.slot, []).append(item.name)
    for slot in SLOTS:
        for variant in (slot, f"{slot}_dim"):
            assert variant in by_slot, variant
    for slot in (
        "jpg_urls",
        "png_urls",
        "svg_urls",
        "jpg_urls_dim",
        "png_urls_dim",
        "svg_urls_dim",
    ):
        assert len(by_slot[slot]) == 2
    # Ordered by level index, named with the floor index and the address slug.
    assert by_slot["png_urls"] == [
        "0_121-north-washington-avenue_0.png",
        "0_121-north-washington-avenue_1.png",
    ]
    assert by_slot["png_urls_dim"][1] == "0_121-north-washington-avenue_1_dim.png"
    assert len(by_slot["pdf_urls"]) == len(by_slot["zip_urls"]) == 1


def test_png_long_side_follows_the_context_and_jpg_is_a_jpeg() -> None:
    files = render_listing_floorplans(context(apartment(), long_side=320))
    png = next(f for f in files if f.slot == "png_urls")
    jpg = next(f for f in files if f.slot == "jpg_urls")
    with Image.open(io.BytesIO(png.data)) as image:
        assert max(image.size) == 320
    with Image.open(io.BytesIO(jpg.data)) as image:
        assert image.format == "JPEG"
        assert image.mode == "RGB"
        assert max(image.size) == 320


def test_pdf_has_an_all_floors_sheet_and_a_page_per_level_and_the_zip_holds_its_variant() -> None:
    files = render_listing_floorplans(context(two_storey_house(), long_side=300))
    for suffix in ("", "_dim"):
        pdf = next(f for f in files if f.slot == f"pdf_urls{suffix}")
        assert len(PdfReader(io.BytesIO(pdf.data)).pages) == 1 + 2
        archive = next(f for f in files if f.slot == f"zip_urls{suffix}")
        names = zipfile.ZipFile(io.BytesIO(archive.data)).namelist()
        expected = [f.name for f in files if f.slot in {f"{s}{suffix}" for s in SLOTS[:4]}]
        assert sorted(names) == sorted(expected)


def test_rendering_twice_gives_identical_files() -> None:
    first = render_listing_floorplans(context(apartment(), "blueprint", long_side=240))
    second = render_listing_floorplans(context(apartment(), "blueprint", long_side=240))
    assert [(f.slot, f.name, f.data) for f in first] == [(f.slot, f.name, f.data) for f in second]
