"""A deliverable added in one place: a product registered here is ordered, rendered, delivered
and listed in `delivery_assets` through the real API and the real job queue, and its PDF joins
the combined PDF."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader, PdfWriter

from planroom.render.context import RenderContext, RenderedFile
from planroom.render.products import PRODUCTS
from planroom.render.products.base import Product, ProductOutput
from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant
from tests.orders.builders import create_draft, download, tenant_with_owner, upload_scan
from tests.orders.test_delivery import ready_calls
from tests.webhooks.receiver import running_receiver


def _room_schedule_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_room_schedule(ctx: RenderContext) -> ProductOutput:
    names = sorted(space.name for space in ctx.model.spaces)
    text = "\n".join(names).encode("utf-8")
    return ROOM_SCHEDULE.output(
        [
            RenderedFile("txt_urls", f"{ctx.file_stem}-rooms.txt", "text/plain", text),
            RenderedFile(
                "pdf_urls", f"{ctx.file_stem}-rooms.pdf", "application/pdf", _room_schedule_pdf()
            ),
        ],
        {"room_count": len(names)},
    )


ROOM_SCHEDULE = Product(
    key="room_schedule",
    group="products_2d",
    slots={"txt_urls": [], "pdf_urls": [], "room_count": None},
    render=render_room_schedule,
    packages=("base",),
    styled=True,
    pdf_slots=("pdf_urls",),
)


@pytest.fixture
def room_schedule() -> Iterator[Product]:
    """`ROOM_SCHEDULE` in the registry for one test: the one line a new deliverable adds."""
    PRODUCTS[ROOM_SCHEDULE.key] = ROOM_SCHEDULE
    try:
        yield ROOM_SCHEDULE
    finally:
        del PRODUCTS[ROOM_SCHEDULE.key]


@pytest.fixture
def tenant(runtime: Runtime, client: TestClient) -> Tenant:
    return tenant_with_owner(make_tenant(runtime, client))


def test_a_registered_product_is_ordered_rendered_and_delivered(
    runtime: Runtime, client: TestClient, tenant: Tenant, room_schedule: Product
) -> None:
    other = create_draft(tenant, package_type="plus")
    assert other["delivery_assets"]["room_schedule"] is None, "plus does not include it"

    with running_receiver() as receiver:
        tenant.patch(
            "/companies/webhook",
            json={"webhook_urls": [receiver.url], "webhook_triggers": ["moved_to_ready"]},
        )
        draft = create_draft(tenant, package_type="base")
        assert list(draft["delivery_assets"]) == list(PRODUCTS)
        assert draft["delivery_assets"]["room_schedule"] == {
            "txt_urls": [],
            "pdf_urls": [],
            "room_count": None,
        }
        upload_scan(tenant, draft["id"], "two_storey_basement")
        while runtime.queue.drain():
            pass
        (ready,) = ready_calls(receiver)
    assert ready["product_type"] == "products_2d"

    order = tenant.get(f"/orders/{draft['id']}").json()
    assert order["info"]["status"] == "Ready", order
    assets = order["delivery_assets"]["room_schedule"]
    (txt_url,) = assets["txt_urls"]
    text, content_type = download(client, txt_url)
    assert content_type.startswith("text/plain")

    (data_url,) = order["delivery_assets"]["property_data"]["json_urls"]
    rooms = json.loads(download(client, data_url)[0])["rooms"]
    assert text.decode("utf-8").splitlines() == sorted(room["name"] for room in rooms)
    assert assets["room_count"] == len(rooms) > 0

    (plans_pdf,) = order["delivery_assets"]["listing_floorplans"]["pdf_urls_dim"]
    plan_pages = len(PdfReader(io.BytesIO(download(client, plans_pdf)[0])).pages)
    combined = tenant.get(f"/orders/{draft['id']}/combined-pdf").json()
    assert combined["pages"] == plan_pages + 1, "the room schedule's page is merged last"


def test_the_registry_is_restored_after_the_test() -> None:
    assert "room_schedule" not in PRODUCTS
