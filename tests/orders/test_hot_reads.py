"""Reads answered from memory (`orders.hot_reads`) are the routes' answers, before and after
every change an answer shows, and never another company's."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from planroom.app import create_app
from planroom.companies.models import Company
from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.orders.models import GoToScanLink, Order, OrderProduct
from planroom.runtime import Runtime
from tests.builders import Tenant, api, counted, make_tenant
from tests.conftest import make_settings
from tests.orders.builders import create_draft, tenant_with_owner, upload_scan

GO2SCAN = {
    "street": "5 Harbour Road",
    "city": "Helsinki",
    "country": "Finland",
    "recipient": {"email": "owner@home.example", "name": "Olli"},
    "link_validity_days": 1,
}


@pytest.fixture
def routes_only(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    """The same database and files served with every read built anew."""
    runtime = Runtime.from_settings(make_settings(tmp_path, database_url, hot_reads=False))
    with TestClient(create_app(runtime)) as test_client:
        yield test_client
    runtime.close()


@pytest.fixture
def tenant(runtime: Runtime, client: TestClient) -> Tenant:
    return tenant_with_owner(make_tenant(runtime, client))


def same_answer(tenant: Tenant, routes_only: TestClient, path: str) -> dict[str, Any]:
    """The answer from memory, checked byte for byte against the route's."""
    hot = tenant.get(path)
    built = routes_only.get(api(path), headers=tenant.headers)
    assert hot.status_code == built.status_code == 200, (hot.text, built.text)
    assert hot.content == built.content
    assert hot.headers.get("etag") == built.headers.get("etag")
    answer: dict[str, Any] = hot.json()
    return answer


def set_order(runtime: Runtime, order_id: str, table: Any, **values: Any) -> None:
    """A change made by a plain UPDATE statement, as a job or an operator might."""
    key = table.id if table is Order else table.order_id
    with runtime.engine.begin() as connection:
        connection.execute(update(table).where(key == uuid.UUID(order_id)).values(**values))


def test_answers_are_the_routes_answers_for_each_kind_of_order(
    runtime: Runtime, tenant: Tenant, routes_only: TestClient
) -> None:
    draft = create_draft(tenant, order_preferences={"style_2d": {"style_template_id": "classic"}})
    go2scan = tenant.post("/orders/go2scan", json=GO2SCAN).json()
    delivered = create_draft(tenant, add_ons=["gla"])
    upload_scan(tenant, delivered["id"], "apartment")
    runtime.queue.drain()
    runtime.queue.drain()

    for order in (draft, go2scan, delivered):
        for _ in range(2):  # built, then from memory
            same_answer(tenant, routes_only, f"/orders/{order['id']}")
    ready = same_answer(tenant, routes_only, f"/orders/{delivered['id']}")
    assert ready["info"]["status"] == "Ready"
    assert ready["delivery_assets"]["listing_floorplans"]["png_urls"]
    for query in ("", "?limit=1", "?limit=2&offset=1", "?offset=2", "?limit=100"):
        for _ in range(2):
            same_answer(tenant, routes_only, f"/orders{query}")
    page = same_answer(tenant, routes_only, "/orders?limit=2")
    assert [row["id"] for row in page["items"]] == [delivered["id"], go2scan["id"]]
    assert page["pagination"] == {
        "has_more": True,
        "limit": 2,
        "next_offset": 2,
        "previous_offset": None,
    }


def test_every_change_an_answer_shows_is_seen(
    runtime: Runtime, tenant: Tenant, routes_only: TestClient
) -> None:
    order = create_draft(tenant)
    link_order = tenant.post("/orders/go2scan", json=GO2SCAN).json()
    template = tenant.post("/style-templates", json={"name": "Agency blue"}).json()
    delivered = create_draft(tenant)
    upload_scan(tenant, delivered["id"], "apartment")
    runtime.queue.drain()
    runtime.queue.drain()
    with unit_of_work(runtime.session_factory) as session:
        product = session.scalars(
            select(OrderProduct).where(
                OrderProduct.order_id == uuid.UUID(delivered["id"]),
                OrderProduct.product == "listing_floorplans",
            )
        ).one()
        renamed_files = {
            slot: [{**item, "name": f"renamed-{item['name']}"} for item in value]
            if isinstance(value, list)
            else value
            for slot, value in product.files.items()
        }

    def rename_template() -> None:
        tenant.patch(f"/style-templates/{template['id']}", json={"name": "Agency green"})

    def metric_company() -> None:
        with runtime.engine.begin() as connection:
            connection.execute(
                update(Company).where(Company.id == tenant.id).values(measurement_system="metric")
            )

    changes: list[tuple[str, Callable[[], object]]] = [
        (
            "PATCH draft",
            lambda: tenant.patch(f"/orders/draft/{order['id']}", json={"city": "Duluth"}),
        ),
        (
            "template chosen",
            lambda: tenant.patch(
                f"/orders/draft/{order['id']}",
                json={"order_preferences": {"style_2d": {"style_template_id": template["id"]}}},
            ),
        ),
        ("template renamed", rename_template),
        ("company unit", metric_company),
        (
            "link opened",
            lambda: set_order(runtime, link_order["id"], GoToScanLink, opened_at=clock.now()),
        ),
        (
            "files renamed",
            lambda: set_order(runtime, delivered["id"], OrderProduct, files=renamed_files),
        ),
        ("link expired", lambda: clock.advance(2 * 24 * 3600)),
    ]
    paths = [f"/orders/{order['id']}", f"/orders/{link_order['id']}", f"/orders/{delivered['id']}"]
    seen = {path: same_answer(tenant, routes_only, path) for path in [*paths, "/orders"]}
    for name, change in changes:
        change()
        after = {path: same_answer(tenant, routes_only, path) for path in seen}
        assert after != seen, f"{name}: the answers did not change"
        seen = after

    assert seen[paths[0]]["address"]["city"] == "Duluth"
    assert seen[paths[0]]["info"]["style_template"]["name"] == "Agency green"
    assert seen[paths[0]]["info"]["total_scanned_area_unit"] == "m2"
    assert seen[paths[1]]["info"]["go2scan"]["status"] == "expired"
    plans = seen[paths[2]]["delivery_assets"]["listing_floorplans"]["png_urls"]
    assert all("renamed-" in url for url in plans)


def test_a_repeated_read_builds_nothing(
    runtime: Runtime, tenant: Tenant, routes_only: TestClient
) -> None:
    """Its one lookup runs on the driver itself; no ORM statement runs for it."""
    order = create_draft(tenant)
    path = f"/orders/{order['id']}"
    with counted(runtime) as statements:
        etag = tenant.get(path).headers["etag"]
        tenant.get("/orders")
        built = len(statements)
        assert built >= 2, statements  # the first answers are built by the views
        assert tenant.get(path).headers["etag"] == etag
        assert tenant.get(path, headers={"if-none-match": etag}).status_code == 304
        tenant.get("/orders")
        assert len(statements) == built, statements[built:]
        tenant.patch(f"/orders/draft/{order['id']}", json={"city": "Duluth"})
        changed = len(statements)
        assert tenant.get(path).json()["address"]["city"] == "Duluth"
        assert len(statements) > changed  # a changed order is built again


def test_another_companys_order_is_not_found_even_when_remembered(
    runtime: Runtime, client: TestClient, tenant: Tenant
) -> None:
    order = create_draft(tenant)
    other = make_tenant(runtime, client, "Other Realty")
    etag = tenant.get(f"/orders/{order['id']}").headers["etag"]

    stolen = other.get(f"/orders/{order['id']}", headers={"if-none-match": etag})
    assert stolen.status_code == 404
    assert stolen.json()["code"] == "not_found"
    assert other.get("/orders").json()["items"] == []
    assert [row["id"] for row in tenant.get("/orders").json()["items"]] == [order["id"]]


def test_reads_the_routes_must_answer_still_get_their_answers(
    tenant: Tenant, runtime: Runtime
) -> None:
    order = create_draft(tenant)
    assert tenant.get("/orders?limit=0").status_code == 400
    assert tenant.get("/orders?limit=abc").status_code == 400
    assert tenant.get("/orders/not-an-id").status_code in (400, 404)
    assert tenant.get("/orders/00000000-0000-4000-8000-000000000000").status_code == 404
    filtered = tenant.get("/orders?status=Draft").json()
    assert [row["id"] for row in filtered["items"]] == [order["id"]]
    deep = tenant.get("/orders?offset=5000").json()
    assert deep["items"] == [] and deep["pagination"]["previous_offset"] == 4980
    assert tenant.get(f"/orders/{order['id']}", headers={"api-key": "wrong"}).status_code == 401


def test_the_database_bumps_versions_on_every_change_an_answer_shows(
    runtime: Runtime, tenant: Tenant
) -> None:
    order = create_draft(tenant)
    template = tenant.post("/style-templates", json={"name": "Plain"}).json()

    def versions() -> tuple[int, int]:
        with runtime.engine.connect() as connection:
            order_version = connection.scalar(select(Order.version).where(Order.id == order_id))
            company_version = connection.scalar(
                select(Company.version).where(Company.id == tenant.id)
            )
        assert order_version is not None and company_version is not None
        return order_version, company_version

    def bumps(change: Callable[[], object]) -> tuple[bool, bool]:
        before = versions()
        change()
        after = versions()
        return after[0] > before[0], after[1] > before[1]

    order_id = uuid.UUID(order["id"])

    def add_product() -> None:
        with unit_of_work(runtime.session_factory) as session:
            session.add(OrderProduct(order_id=order_id, product="gla", state="owed"))

    assert bumps(lambda: set_order(runtime, order["id"], Order, city="Edina")) == (True, False)
    assert bumps(lambda: tenant.patch(f"/orders/draft/{order['id']}", json={"city": "Eden"})) == (
        True,
        False,
    )
    assert bumps(add_product) == (True, False)
    assert bumps(
        lambda: set_order(runtime, order["id"], OrderProduct, delivered_at=clock.now())
    ) == (True, False)
    # lease bookkeeping is not part of any answer
    assert bumps(
        lambda: set_order(runtime, order["id"], OrderProduct, running_until=clock.now())
    ) == (False, False)
    assert bumps(
        lambda: tenant.patch(f"/style-templates/{template['id']}", json={"name": "Fancy"})
    ) == (False, True)
    assert bumps(lambda: tenant.delete(f"/style-templates/{template['id']}")) == (False, True)

    def drop_products() -> None:
        with runtime.engine.begin() as connection:
            connection.execute(
                OrderProduct.__table__.delete().where(OrderProduct.order_id == order_id)
            )

    assert bumps(drop_products) == (True, False)
