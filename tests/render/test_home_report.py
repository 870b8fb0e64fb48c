"""The Home Report PDF: cover, a page per level, room schedule, totals, method, disclaimer."""

from __future__ import annotations

import functools
import io
import json
from typing import Any

import pypdf

from planroom.render.context import RenderContext
from planroom.render.products.home_report import render_home_report
from planroom.render.products.property_data import render_property_data
from tests.render.builders3d import context, small_house

SCHEDULE_COLUMNS = 5


@functools.cache
def _report(system: str = "imperial", include_gla: bool = False) -> tuple[RenderContext, bytes]:
    ctx = context(small_house(), measurement_system=system, include_gla=include_gla)
    files = render_home_report(ctx)
    assert [(f.slot, f.content_type) for f in files] == [("pdf_urls", "application/pdf")]
    return ctx, files[0].data


def _pages(data: bytes) -> list[str]:
    """Each page's text, one stripped line per text run."""
    return [
        "\n".join(line.strip() for line in page.extract_text().splitlines())
        for page in pypdf.PdfReader(io.BytesIO(data)).pages
    ]


def _schedule_rows(pages: list[str]) -> list[list[str]]:
    """The room schedule's cells, five per row, as the PDF's text layer gives them."""
    page = next(text for text in pages if text.startswith("Room schedule"))
    lines = [line.strip() for line in page.splitlines()]
    cells = lines[lines.index("Ceiling height") + 1 : lines.index("Area figures")]
    return [cells[i : i + SCHEDULE_COLUMNS] for i in range(0, len(cells), SCHEDULE_COLUMNS)]


def _property_rooms(ctx: RenderContext) -> list[dict[str, Any]]:
    document = json.loads(render_property_data(ctx)[0].data)
    rooms: list[dict[str, Any]] = document["rooms"]
    return rooms


def _area(entry: dict[str, Any]) -> str:
    return f"{entry['value']:,} sq ft" if entry["unit"] == "sqft" else f"{entry['value']} m²"


def test_room_schedule_matches_the_property_data_file() -> None:
    for system in ("imperial", "metric"):
        ctx, data = _report(system)

        rows = _schedule_rows(_pages(data))

        expected = [
            [
                room["level_name"],
                room["name"],
                f"{room['dimensions']['length']['text']} x {room['dimensions']['width']['text']}",
                _area(room["area"]),
            ]
            for room in _property_rooms(ctx)
        ]
        assert [row[:4] for row in rows] == expected


def test_ceiling_heights_are_printed_per_room() -> None:
    _, data = _report()

    rows = _schedule_rows(_pages(data))

    # Every room of the house has the default 2438 mm (8 ft) ceiling.
    assert [row[4] for row in rows] == ["8'0\""] * len(small_house().spaces)


def test_cover_names_the_address_and_the_key_figures() -> None:
    ctx, data = _report()
    cover = _pages(data)[0]

    assert cover.startswith("HOME REPORT")
    assert "121 North Washington Avenue" in cover
    assert "Minneapolis, Minnesota 55411" in cover
    document = json.loads(render_property_data(ctx)[0].data)
    assert f"{document['area_figures']['gia']['value']:,} sq ft" in cover
    assert "3\nBedrooms" in cover


def test_a_page_per_level_after_the_cover() -> None:
    _, data = _report()
    pages = _pages(data)

    assert pages[1].startswith("Ground floor")
    assert pages[2].startswith("First floor")
    assert pages[3].startswith("Room schedule")


def test_gla_appears_only_when_the_order_bought_it() -> None:
    _, without = _report(include_gla=False)
    _, with_gla = _report(include_gla=True)

    assert "GLA" not in "".join(_pages(without))
    text = "".join(_pages(with_gla))
    assert "GLA (ANSI" in text
    assert "ANSI Z765-2021" in text


def test_totals_counts_method_and_disclaimer_are_there() -> None:
    _, data = _report()
    text = "\n".join(_pages(data))

    assert "All levels" in text
    assert "1,646 sq ft" in text  # the GIA of the two 823 sq ft levels
    assert "Total scanned area" in text
    for label in ("Bedrooms", "Full bathrooms", "Half bathrooms", "Levels"):
        assert label in text
    assert "Method" in text
    assert "Measurements are approximate" in text


def test_same_model_gives_the_same_bytes() -> None:
    ctx = context(small_house())

    assert render_home_report(ctx)[0].data == render_home_report(ctx)[0].data
