from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from planroom.db.engine import unit_of_work
from planroom.orders.models import Order
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, tenant_with_owner

SQFT_PER_M2 = 10.763910416709722


@pytest.mark.parametrize(
    ("scanned_sqft", "package", "expected"),
    [
        (4_999, "plus_3d", []),
        (5_000, "plus_3d", []),
        (5_001, "base", [{"product_type": "products_2d", "extra_units": 1}]),
        (10_000, "base", [{"product_type": "products_2d", "extra_units": 1}]),
        (
            10_001,
            "plus_3d",
            [
                {"product_type": "products_2d", "extra_units": 2},
                {"product_type": "products_3d", "extra_units": 2},
            ],
        ),
    ],
)
def test_one_unit_per_started_5000_sqft_above_the_first(
    runtime: Runtime,
    client: TestClient,
    scanned_sqft: float,
    package: str,
    expected: list[dict[str, object]],
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant, package_type=package)
    with unit_of_work(runtime.session_factory) as session:
        row = session.get(Order, uuid.UUID(order["id"]))
        assert row is not None
        row.total_scanned_area_m2 = scanned_sqft / SQFT_PER_M2
    info = tenant.get(f"/orders/{order['id']}").json()["info"]
    assert info["product"]["over_limits"] == expected
    assert info["total_scanned_area"] == round(scanned_sqft)
    assert info["total_scanned_area_unit"] == "sqft"
