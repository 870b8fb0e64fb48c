"""The tour pages over plain HTTP: when a tour exists, what its HTML holds, what it may load."""

from __future__ import annotations

import gzip
import re
import uuid
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from planroom.db.engine import unit_of_work
from planroom.floormodel.schema import FloorModel
from planroom.production.versions import save_version
from planroom.render.measure_text import area_text, dimension_lines
from planroom.render.products.tour import tour_links
from planroom.runtime import Runtime
from planroom.tours.plan import room_data
from planroom.tours.service import find_tour
from tests.tours.builders import (
    COMPANY_EMAIL,
    COMPANY_NAME,
    glb_of,
    house,
    logo_png,
    make_company,
    publish_tour,
)

NOT_FOUND = "Tour not found"


@pytest.fixture(scope="module")
def house_glb() -> bytes:
    return glb_of(house())


class Elements(HTMLParser):
    """Every start tag with its attributes, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {key: value or "" for key, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def test_tour_links() -> None:
    order_id = uuid.UUID("5a1f0c36-2c4e-4a43-9d39-7f2f3c8d9e10")
    assert tour_links("https://plans.example.com/", order_id) == {
        "link": f"https://plans.example.com/tours/{order_id}",
        "mls_compliance_link": f"https://plans.example.com/tours/{order_id}/mls",
        "type": "floorplan_tour",
    }


@pytest.mark.parametrize("path", ["/tours/{id}", "/tours/{id}/mls", "/tours/{id}/model.glb"])
def test_unknown_ids_are_404_pages(client: TestClient, path: str) -> None:
    for order_id in (str(uuid.uuid4()), "not-an-order", "0"):
        response = client.get(path.format(id=order_id))
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert NOT_FOUND in response.text


def test_no_tour_without_the_tour_product(runtime: Runtime, client: TestClient) -> None:
    company = make_company(runtime)
    base = publish_tour(runtime, company, package="base")
    response = client.get(f"/tours/{base.order_id}")
    assert response.status_code == 404
    assert NOT_FOUND in response.text
    assert client.get(f"/tours/{base.order_id}/mls").status_code == 404


def test_no_tour_before_it_is_delivered(runtime: Runtime, client: TestClient) -> None:
    company = make_company(runtime)
    owed = publish_tour(runtime, company, deliver=False)
    assert client.get(f"/tours/{owed.order_id}").status_code == 404
    assert client.get(f"/tours/{owed.order_id}/mls").status_code == 404


def test_no_tour_without_a_model(runtime: Runtime, client: TestClient) -> None:
    company = make_company(runtime)
    empty = publish_tour(runtime, company, with_version=False)
    assert client.get(f"/tours/{empty.order_id}").status_code == 404


def test_page_has_every_level_and_its_rooms(runtime: Runtime, client: TestClient) -> None:
    company = make_company(runtime)
    tour = publish_tour(runtime, company)
    response = client.get(f"/tours/{tour.order_id}")
    assert response.status_code == 200
    html = response.text
    tags = elements(html)
    model = house()
    svgs = [attrs for tag, attrs in tags if tag == "svg"]
    assert [svg["data-level-id"] for svg in svgs] == [level.id for level in model.levels]
    switcher = [
        attrs["data-level-id"]
        for tag, attrs in tags
        if tag == "button" and "data-level-id" in attrs
    ]
    assert switcher == [level.id for level in model.levels]
    for level in model.levels:
        assert level.name in html
    rooms = {
        attrs["data-space-id"] for tag, attrs in tags if tag == "path" and "data-space-id" in attrs
    }
    assert rooms == {space.id for space in model.spaces}
    assert "121 North Washington Avenue" in html
    assert "Minneapolis, MN 55411" in html


def test_labels_are_tagged_for_the_unit_switch(runtime: Runtime, client: TestClient) -> None:
    """Every printed room size and area names its room, so the page can re-write it."""
    company = make_company(runtime)
    tour = publish_tour(runtime, company)
    html = client.get(f"/tours/{tour.order_id}").text
    spaces = {space.id: space for space in house().spaces}
    sizes = re.findall(r'<text [^>]*data-space-id="([^"]+)" data-role="dims">([^<]+)</text>', html)
    areas = re.findall(r'<text [^>]*data-space-id="([^"]+)" data-role="area">([^<]+)</text>', html)
    assert {space_id for space_id, _ in sizes} == set(spaces)
    assert {space_id for space_id, _ in areas} == set(spaces)
    for space_id, text in sizes:
        room = room_data(spaces[space_id], "en")
        assert (
            text.replace("&quot;", '"')
            == dimension_lines(room.long_mm, room.short_mm, "imperial")[0]
        )
    for space_id, text in areas:
        assert text == area_text(room_data(spaces[space_id], "en").area_sq_mm, "imperial")


def test_branded_page_and_mls_page(runtime: Runtime, client: TestClient) -> None:
    company = make_company(runtime)
    tour = publish_tour(runtime, company, logo=logo_png())
    branded = client.get(f"/tours/{tour.order_id}").text
    mls = client.get(f"/tours/{tour.order_id}/mls").text
    assert COMPANY_NAME in branded
    assert COMPANY_EMAIL in branded
    assert "data:image/png;base64," in branded
    assert COMPANY_NAME not in mls
    assert COMPANY_EMAIL not in mls
    assert "mailto:" not in mls
    assert "data:image/png" not in mls
    assert "data-branding" not in mls
    # the plan and the figures are the same on both
    for level in house().levels:
        assert f'data-level-id="{level.id}"' in mls


def test_page_loads_nothing_from_elsewhere(runtime: Runtime, client: TestClient) -> None:
    company = make_company(runtime)
    tour = publish_tour(runtime, company)
    response = client.get(f"/tours/{tour.order_id}")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "http" not in policy
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    for tag, attrs in elements(response.text):
        for name in ("src", "href"):
            value = attrs.get(name, "")
            if value and tag != "a":
                assert value.startswith(("/tours/assets/", "data:")), (tag, value)
    # every asset the page names is served
    for path in re.findall(r'"(/tours/assets/[^"?]+)', response.text):
        assert client.get(path).status_code == 200, path


def test_assets_are_served_compressed_and_cached(client: TestClient) -> None:
    response = client.get("/tours/assets/tour.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["content-encoding"] == "gzip"
    etag = response.headers["etag"]
    again = client.get("/tours/assets/tour.js", headers={"If-None-Match": etag})
    assert again.status_code == 304
    three = client.get("/tours/assets/vendor/three-0.170.0/build/three.module.min.js")
    assert three.status_code == 200
    assert len(gzip.compress(three.content)) > 1000
    for missing in ("nope.js", "../api.py", "%2e%2e/service.py", "vendor/../../api.py"):
        assert client.get(f"/tours/assets/{missing}").status_code == 404


def test_the_3d_model_is_served_when_delivered(
    runtime: Runtime, client: TestClient, house_glb: bytes
) -> None:
    company = make_company(runtime)
    with_3d = publish_tour(runtime, company, package="plus_3d", glb=house_glb)
    page = client.get(f"/tours/{with_3d.order_id}").text
    assert f'data-model-url="/tours/{with_3d.order_id}/model.glb"' in page
    assert '<script type="importmap">' in page
    glb = client.get(f"/tours/{with_3d.order_id}/model.glb")
    assert glb.status_code == 200
    assert glb.headers["content-type"] == "model/gltf-binary"
    assert glb.content == house_glb

    plain = publish_tour(runtime, company)
    page = client.get(f"/tours/{plain.order_id}").text
    assert "data-model-url" not in page
    assert "importmap" not in page
    assert client.get(f"/tours/{plain.order_id}/model.glb").status_code == 404


def test_tour_shows_the_delivered_model_version(runtime: Runtime, client: TestClient) -> None:
    """A drafter's newer model version is not published before the tour is delivered again."""
    company = make_company(runtime)
    tour = publish_tour(runtime, company)
    model = house()
    renamed = FloorModel.model_validate(
        {
            **model.to_json_dict(),
            "spaces": [
                {**space.model_dump(mode="json"), "name": "Games Room"}
                if space.id == "living"
                else space.model_dump(mode="json")
                for space in model.spaces
            ],
        }
    )
    with unit_of_work(runtime.session_factory) as session:
        from planroom.orders.models import Order

        order = session.get(Order, tour.order_id)
        assert order is not None
        save_version(session, order, renamed, author="drafter")
    html = client.get(f"/tours/{tour.order_id}").text
    assert "Games Room" not in html
    assert "Living Room" in html
    with unit_of_work(runtime.session_factory) as session:
        found = find_tour(session, str(tour.order_id))
        assert found is not None and found.version.version == 1


def test_metric_company_starts_in_metres(runtime: Runtime, client: TestClient) -> None:
    company = make_company(runtime, name="Metrinen Oy", measurement_system="metric")
    tour = publish_tour(runtime, company)
    html = client.get(f"/tours/{tour.order_id}").text
    assert 'data-units="metric" aria-checked="true"' in html
    assert "121.2 m²" in html
    assert "sq ft" not in html


def test_head_request_for_link_checkers(runtime: Runtime, client: TestClient) -> None:
    company = make_company(runtime)
    tour = publish_tour(runtime, company)
    assert client.head(f"/tours/{tour.order_id}").status_code == 200
    assert client.head(f"/tours/{tour.order_id}/mls").status_code == 200
    assert client.head(f"/tours/{uuid.uuid4()}").status_code == 404
