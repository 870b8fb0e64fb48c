"""The tour opens on the entry level, and its stored links follow the current public URL."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.app import create_app
from planroom.db.engine import unit_of_work
from planroom.floormodel.samples import load_sample_model
from planroom.orders.models import OrderProduct
from planroom.render.products.tour import tour_links
from planroom.runtime import Runtime
from planroom.settings import Settings
from tests.builders import make_tenant
from tests.conftest import make_settings
from tests.tours.builders import make_company, publish_tour
from tests.tours.test_pages import elements


def _data(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="tour-data">(.*?)</script>', html, re.S)
    assert found is not None
    document: dict[str, object] = json.loads(found.group(1))
    return document


def test_the_tour_opens_on_the_entry_level_not_the_basement(
    runtime: Runtime, client: TestClient
) -> None:
    model = load_sample_model("two_storey_basement")
    assert [level.id for level in model.levels_in_order()] == ["L-1", "L0", "L1"]
    tour = publish_tour(runtime, make_company(runtime), model)
    html = client.get(f"/tours/{tour.order_id}").text
    tags = elements(html)
    shown = [a["data-level-id"] for t, a in tags if t == "figure" and "hidden" not in a]
    selected = [
        a["data-level-id"]
        for t, a in tags
        if t == "button" and "data-level-id" in a and a.get("aria-selected") == "true"
    ]
    lists = [
        a["data-level-id"]
        for t, a in tags
        if t == "ul" and "room-list" in a.get("class", "") and "hidden" not in a
    ]
    assert shown == selected == lists == ["L0"]
    assert _data(html)["entryLevelId"] == "L0"
    # the basement is still there, one tap away
    assert "L-1" in [a["data-level-id"] for t, a in tags if t == "figure"]


def test_stored_tour_links_follow_the_current_public_url(
    runtime: Runtime, client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    tenant = make_tenant(runtime, client)
    tour = publish_tour(runtime, tenant.id)
    old = tour_links("http://old-host.example", tour.order_id)
    with unit_of_work(runtime.session_factory) as session:
        row = session.scalars(
            select(OrderProduct).where(
                OrderProduct.order_id == tour.order_id, OrderProduct.product == "tour"
            )
        ).one()
        row.files = old  # as rendered the day the server had another address
    assert tenant.get(f"/orders/{tour.order_id}").json()["delivery_assets"]["tour"] == (
        tour_links("http://testserver", tour.order_id)
    )
    # the same data served under a new public URL
    moved = make_settings(
        tmp_path, str(settings.database_url), public_url="https://plans.example.com/"
    )
    moved_runtime = Runtime.from_settings(moved)
    try:
        with TestClient(create_app(moved_runtime)) as moved_client:
            response = moved_client.get(
                f"/api/integrate/v3/orders/{tour.order_id}", headers=tenant.headers
            )
        assert response.status_code == 200, response.text
        assets = response.json()["delivery_assets"]["tour"]
        assert assets == {
            "link": f"https://plans.example.com/tours/{tour.order_id}",
            "mls_compliance_link": f"https://plans.example.com/tours/{tour.order_id}/mls",
            "type": "floorplan_tour",
        }
    finally:
        moved_runtime.close()
