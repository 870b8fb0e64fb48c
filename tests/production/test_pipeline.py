"""The order renders are queued in: what the customer gets first goes first."""

from __future__ import annotations

from fastapi.testclient import TestClient

from planroom.render.products import PRODUCTS
from planroom.render.products.base import PRODUCT_GROUPS
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import scan_order


def test_the_2d_group_is_queued_before_3d_and_the_tour(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    scan_order(tenant, package_type="plus_3d", add_ons=["gla", "3d_video", "3d_cad_files"])
    assert runtime.queue.drain(max_tasks=1) == 1  # the conversion, which queues the renders

    queued = [kwargs["product"] for _name, kwargs in (t.args for t in runtime.queue.huey.pending())]
    groups = [PRODUCT_GROUPS.index(PRODUCTS[product].group) for product in queued]

    assert {"property_data", "video_3d", "floorplans_3d"} <= set(queued)
    assert groups == sorted(groups), f"queued in this order: {queued}"
    # the registry lists 3D products before property data: the queue does not follow it
    assert queued.index("property_data") < queued.index("floorplans_3d")
