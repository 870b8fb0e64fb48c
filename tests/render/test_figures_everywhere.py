"""One figure everywhere: per sample and per realistic generated capture, the GLA, GIA,
below-grade and total figures read back from every delivered file (the PDFs' text, the SVGs, the
GLA and property data JSONs, `gla_formula_text`) and from the order are the area engine's, and
the engine's equal the geometry worked out independently here (shapely on the model's walls and
rooms) within rounding.

Orders run on SQLite only: the figures do not depend on the database, and each order renders
every 2D deliverable (kept small by the test settings' 400 px plans).
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.floormodel.classification import OUTDOOR_TYPES
from planroom.floormodel.figures import model_figures
from planroom.floormodel.generator.realistic import generate_realistic
from planroom.floormodel.schema import FloorModel
from planroom.render.geometry import wall_body
from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant
from tests.orders.builders import create_draft, download, tenant_with_owner, upload_scan
from tests.production.helpers import make_drafter

SQ_MM_PER_SQ_FT = 304.8 * 304.8
KEYS = ("gla", "gia", "below_grade_finished", "below_grade_unfinished", "total")
CASES = [
    ("apartment", None),
    ("apartment", "detached"),  # the client's property type wins over the scan's
    ("house_garage_porch", None),
    ("two_storey_basement", None),
    ("structure:5", None),
    ("sequential:17", None),
]


@pytest.fixture
def database_url(sqlite_template: Path, tmp_path: Path) -> Iterator[str]:
    path = tmp_path / "planroom.db"
    shutil.copy(sqlite_template, path)
    yield f"sqlite:///{path}"


def _scan(name: str) -> str | bytes:
    if ":" not in name:
        return name
    kind, seed = name.split(":")
    return generate_realistic(kind, int(seed)).scan_bytes()


def _numbers(text: str) -> list[int]:
    """Every `1,234 sq ft` (or `1234 sq ft`) in a text, as whole numbers."""
    return [int(found.replace(",", "")) for found in re.findall(r"(\d[\d,]*) sq ft", text)]


def _prints(text: str, number: int) -> bool:
    """Whether `number` stands in `text` on its own (`1,782` or `1782`, also in a table column
    whose header carries the unit)."""
    forms = {f"{number:,}", str(number)}
    return any(re.search(rf"(?<![\d,.]){re.escape(form)}(?![\d,.])", text) for form in forms)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _svg_text(data: bytes) -> str:
    """The words of an SVG: its text elements, or the labels of text set as outlines."""
    root = ElementTree.fromstring(data)
    words = [
        "".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text")
    ]
    words += [element.get("aria-label", "") for element in root.iter()]
    return "\n".join(word for word in words if word)


def _filled(geometry: BaseGeometry) -> BaseGeometry:
    """`geometry` with hairline gaps closed and holes filled."""
    closed = geometry.buffer(30, join_style="mitre").buffer(-30, join_style="mitre")
    parts = [closed] if isinstance(closed, Polygon) else list(getattr(closed, "geoms", []))
    return unary_union([Polygon(part.exterior) for part in parts if isinstance(part, Polygon)])


def _by_hand(model: FloorModel, level_id: str) -> dict[str, float]:
    """The figures of a level worked out from the model's geometry directly, where a hand
    computation is simple: a level with no excluded space (GLA = the building's outline, or its
    inside for an apartment; GIA = inside the exterior walls) and the total scanned area."""
    walls = model.walls_on(level_id)
    bodies = [wall_body(wall, walls) for wall in walls]
    spaces = model.spaces_on(level_id)
    enclosed = [Polygon(s.polygon) for s in spaces if s.type not in OUTDOOR_TYPES]
    building = _filled(unary_union(bodies + enclosed))
    everything = _filled(unary_union(bodies + [Polygon(s.polygon) for s in spaces]))
    perimeter = unary_union(
        [body for body, wall in zip(bodies, walls, strict=True) if wall.kind != "interior"]
    )
    inside = building.difference(perimeter)
    found = {"total": everything.area / SQ_MM_PER_SQ_FT}
    excluded = [s for s in spaces if s.type in OUTDOOR_TYPES or s.type == "garage"]
    excluded += [s for s in spaces if not s.finished or not s.heated or s.type == "open_to_below"]
    if not excluded:
        found["gia"] = inside.area / SQ_MM_PER_SQ_FT
        measured = inside if model.property.property_type == "apartment" else building
        grade = model.level(level_id).grade
        found["gla" if grade == "above" else "below_grade_finished"] = (
            measured.area / SQ_MM_PER_SQ_FT
        )
    return found


def _ready(tenant: Tenant, name: str, property_type: str | None) -> dict[str, Any]:
    extra = {"property_type": property_type} if property_type else {}
    order = create_draft(tenant, package_type="plus", add_ons=["gla"], **extra)
    upload_scan(tenant, order["id"], _scan(name))
    done: dict[str, Any] = tenant.get(f"/orders/{order['id']}").json()
    assert done["info"]["status"] == "Ready", done["info"]
    return done


def _files(client: TestClient, assets: dict[str, Any], product: str, slot: str) -> list[bytes]:
    return [download(client, url)[0] for url in assets[product][slot]]


@pytest.mark.parametrize(("name", "property_type"), CASES)
def test_every_deliverable_prints_the_engines_figures(
    runtime: Runtime, client: TestClient, name: str, property_type: str | None
) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    order = _ready(tenant, name, property_type)
    stored = drafter.ok("get", f"/orders/{order['id']}/model")
    model = FloorModel.model_validate(stored["model"])
    if property_type:
        assert model.property.property_type == property_type
    figures = model_figures(model).in_unit("sqft")
    levels = [level.id for level in model.levels_in_order()]
    value = {key: int(figures.reported(key)) for key in KEYS}
    per_level = {(key, lid): int(figures.reported(key, lid)) for key in KEYS for lid in levels}

    # The engine against the geometry, within rounding.
    for level_id in levels:
        for key, area in _by_hand(model, level_id).items():
            assert figures.unrounded(key, level_id) == pytest.approx(area, abs=1.0), (key, level_id)
            assert abs(per_level[key, level_id] - area) <= 1.5, (key, level_id)

    assets = order["delivery_assets"]
    # The order.
    assert order["info"]["total_scanned_area"] == value["total"]
    assert order["info"]["total_scanned_area_unit"] == "sqft"

    # The property data JSON, its figures and its MLS fields.
    (data,) = _files(client, assets, "property_data", "json_urls")
    document = json.loads(data)
    for key in KEYS:
        assert document["area_figures"][key]["value"] == value[key], key
        for lid in levels:
            assert document["area_figures"][key]["by_level"][lid]["value"] == per_level[key, lid]
    listing = document["listing"]
    assert listing["LivingArea"] == value["gla"]
    assert listing["BelowGradeFinishedArea"] == value["below_grade_finished"]
    assert listing["BelowGradeUnfinishedArea"] == value["below_grade_unfinished"]
    assert listing["BuildingAreaTotal"] == value["total"]
    assert model.property.property_type in document["measurement_method"]
    room_areas = {room["area"]["value"] for room in document["rooms"]}

    # The GLA JSON and the formula text.
    (gla_json,) = _files(client, assets, "gla_package", "json_urls")
    gla = json.loads(gla_json)
    for key in ("gla", "below_grade_finished", "below_grade_unfinished"):
        assert gla["totals"][key] == value[key], key
    for item in gla["levels"]:
        assert item["gla"] == per_level["gla", item["level_id"]]
        assert item["below_grade_finished"] == per_level["below_grade_finished", item["level_id"]]
    formula = assets["gla_package"]["gla_formula_text"]
    assert formula.startswith(f"GLA total: {value['gla']} sq ft")
    parts = {
        area["area"]
        for item in gla["levels"]
        for group in ("included", "excluded", "below_grade_areas")
        for area in item.get(group, [])
    }
    printed_figures = set(value.values()) | set(per_level.values())
    allowed = (
        printed_figures
        | room_areas
        | parts
        | {int(item.get("excluded_total", 0)) for item in gla["levels"]}
    )

    # Every PDF and SVG that prints figures: the engine's totals are there, and no other area
    # than the engine's figures, the rooms' and the GLA package's items.
    (report,) = _files(client, assets, "gla_package", "report_urls")
    outputs = {
        "gla report": (_pdf_text(report), ("gla", "below_grade_finished")),
        "home report": (
            _pdf_text(_files(client, assets, "home_report", "pdf_urls")[0]),
            ("gla", "gia", "below_grade_finished", "below_grade_unfinished", "total"),
        ),
        "snapshot": (
            _pdf_text(_files(client, assets, "snapshot", "pdf_urls")[0]),
            ("gla", "gia", "below_grade_finished", "below_grade_unfinished", "total"),
        ),
        "plan pdf": (
            _pdf_text(_files(client, assets, "listing_floorplans", "pdf_urls")[0]),
            ("gla", "below_grade_finished", "below_grade_unfinished"),
        ),
        "plan svgs": (
            "\n".join(
                _svg_text(svg) for svg in _files(client, assets, "listing_floorplans", "svg_urls")
            ),
            ("gla", "below_grade_finished", "below_grade_unfinished"),
        ),
    }
    for output, (text, keys) in outputs.items():
        numbers = _numbers(text)
        assert numbers, f"{output} prints no area"
        for key in keys:
            if value[key]:
                assert _prints(text, value[key]), (output, key, value[key])
        assert set(numbers) <= allowed, (output, sorted(set(numbers) - allowed))
    # The plans never print a below-grade level as "GLA: 0".
    assert "GLA: 0 sq ft" not in outputs["plan pdf"][0]
