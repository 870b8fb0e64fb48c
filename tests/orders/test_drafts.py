from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant, make_user
from tests.orders.builders import OWNER, create_draft, draft_body, tenant_with_owner


def test_draft_has_the_documented_shape(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant)
    assert uuid.UUID(order["id"])
    info = order["info"]
    assert info["status"] == "Draft"
    assert info["created_by"] == OWNER
    assert info["location"] == "121 North Washington Avenue Cubi suite Minneapolis"
    assert info["order_type"] is None
    assert info["first_delivered_at"] is None
    assert isinstance(info["created_at"], float)
    assert info["is_scan_order"] is True
    assert info["total_scanned_area"] == 0
    assert info["go2scan"] is None
    assert info["external_id"] == "EXT10005"
    assert info["add_info"] == "Gate code 1234"
    assert info["style_template"] is None
    assert uuid.UUID(info["model_id"])
    assert info["product"] == {
        "add_ons": [],
        "over_limits": [],
        "package_type": "base",
        "purchasable_add_ons": ["gla", "3d_cad_files", "3d_video", "6h_turnaround"],
        "purchasable_package_types": ["plus", "plus_3d"],
    }
    assert order["address"] == {
        "city": "Minneapolis",
        "country": "United States",
        "full_address": (
            "121 North Washington Avenue Cubi suite, Minneapolis, Minnesota 55411, United States"
        ),
        "latitude": None,
        "longitude": None,
        "number": "121",
        "postalCode": "55411",
        "state": "Minnesota",
        "street": "121 North Washington Avenue",
        "suite": "Cubi suite",
    }
    assets = order["delivery_assets"]
    assert set(assets) == {
        "listing_floorplans",
        "gla_package",
        "home_report",
        "snapshot",
        "floorplans_3d",
        "video_3d",
        "cad_files",
        "property_data",
        "tour",
    }
    # base includes 2D plans and property data, nothing delivered yet: empty lists
    assert assets["listing_floorplans"]["png_urls"] == []
    assert assets["listing_floorplans"]["zip_urls_dim"] == []
    assert assets["property_data"] == {"json_urls": []}
    for not_included in ("gla_package", "home_report", "snapshot", "floorplans_3d", "tour"):
        assert assets[not_included] is None


def test_the_observed_live_validation_error(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    body = {"owner_email": OWNER, "info": {"note": "an object"}}
    response = tenant.post("/orders/draft", json=body)
    assert response.status_code == 400
    assert response.json() == {
        "validation_error": {
            "body_params": [
                {"loc": ["street"], "msg": "field required"},
                {"loc": ["city"], "msg": "field required"},
                {"loc": ["country"], "msg": "field required"},
                {"loc": ["info"], "msg": "str type expected"},
            ]
        }
    }


def test_owner_must_be_a_company_user(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client, "Mine"))
    other = make_tenant(runtime, client, "Theirs")
    make_user(other, "theirs@example.com")
    for email in ("nobody@example.com", "theirs@example.com"):
        response = tenant.post("/orders/draft", json=draft_body(owner_email=email))
        assert response.status_code == 400
        assert response.json()["validation_error"]["body_params"][0]["loc"] == ["owner_email"]


def test_unknown_package_and_add_on_are_400(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    response = tenant.post(
        "/orders/draft", json=draft_body(package_type="gold", add_ons=["gla", "drone"])
    )
    assert response.status_code == 400
    locs = [e["loc"] for e in response.json()["validation_error"]["body_params"]]
    assert ["package_type"] in locs
    assert ["add_ons", 1] in locs


def test_update_draft(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant)
    response = tenant.patch(
        f"/orders/draft/{order['id']}",
        json={
            "street": "615 Bourbon St",
            "latitude": 29.958365,
            "longitude": -90.066198,
            "add_ons": ["gla"],
            "order_preferences": {"style_2d": {"style_template_id": "color"}},
        },
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["address"]["street"] == "615 Bourbon St"
    assert updated["address"]["number"] == "615"
    assert updated["address"]["latitude"] == 29.958365
    assert updated["info"]["product"]["add_ons"] == ["gla"]
    assert updated["info"]["style_template"] == {"id": "color", "name": "Colour"}
    assert updated["delivery_assets"]["gla_package"]["report_urls"] == []
    cleared = tenant.patch(f"/orders/draft/{order['id']}", json={"city": None})
    assert cleared.status_code == 400
    assert cleared.json()["validation_error"]["body_params"][0]["loc"] == ["city"]


def test_delete_draft(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant)
    response = tenant.delete(f"/orders/draft/{order['id']}")
    assert response.json() == {"message": "Draft order deleted"}
    assert tenant.get(f"/orders/{order['id']}").status_code == 404


def test_another_companys_order_is_404_everywhere(runtime: Runtime, client: TestClient) -> None:
    owner = tenant_with_owner(make_tenant(runtime, client, "Owner"))
    other = make_tenant(runtime, client, "Other")
    order_id = create_draft(owner)["id"]
    calls = [
        other.get(f"/orders/{order_id}"),
        other.patch(f"/orders/draft/{order_id}", json={"city": "Elsewhere"}),
        other.delete(f"/orders/draft/{order_id}"),
        other.post(f"/orders/{order_id}/post-purchase", json={"add_ons": ["gla"]}),
        other.patch(f"/orders/go2scan/{order_id}", json={"link_validity_days": 3}),
        other.post(f"/orders/{order_id}/scan", json={"rooms": []}),
        other.post(f"/orders/{order_id}/re-deliver", json={}),
        other.get(f"/orders/{order_id}/combined-pdf"),
    ]
    assert [call.status_code for call in calls] == [404] * len(calls)
    assert other.get("/orders").json()["items"] == []
    assert owner.get(f"/orders/{order_id}").json()["address"]["city"] == "Minneapolis"


def test_post_purchase_rules(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant, package_type="plus", add_ons=["gla"])
    path = f"/orders/{order['id']}/post-purchase"
    assert tenant.post(path, json={"package_type": "base", "add_ons": []}).status_code == 400
    assert tenant.post(path, json={"package_type": None, "add_ons": ["gla"]}).status_code == 400
    response = tenant.post(path, json={"package_type": "plus_3d", "add_ons": ["3d_video"]})
    assert response.status_code == 200
    product = response.json()["info"]["product"]
    assert product["package_type"] == "plus_3d"
    assert product["add_ons"] == ["gla", "3d_video"]
    assert product["purchasable_package_types"] == []
    assert product["purchasable_add_ons"] == ["3d_cad_files", "6h_turnaround"]
    assets = response.json()["delivery_assets"]
    assert assets["video_3d"] == {"video_urls": []}
    assert assets["floorplans_3d"] == {"jpg_urls": [], "glb_urls": []}
