from __future__ import annotations

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, draft_body, tenant_with_owner


def test_builtins_are_listed_first_and_read_only(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    listing = tenant.get("/style-templates").json()
    assert [t["id"] for t in listing["items"]] == ["classic", "color", "blueprint", "mono-print"]
    assert all(t["builtin"] for t in listing["items"])
    assert tenant.get("/style-templates/blueprint").json()["options"]["colors"]["background"]
    assert tenant.patch("/style-templates/classic", json={"name": "Mine"}).status_code == 403
    assert tenant.delete("/style-templates/classic").status_code == 403


def test_company_template_lifecycle(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    created = tenant.post(
        "/style-templates",
        json={
            "name": "Brand",
            "options": {
                "units": "metric",
                "show_room_areas": False,
                "colors": {"walls": "#003366"},
            },
        },
    )
    assert created.status_code == 200, created.text
    template = created.json()
    assert template["builtin"] is False
    assert template["options"]["units"] == "metric"
    assert template["options"]["colors"]["walls"] == "#003366"
    assert template["options"]["show_furniture"] is True  # defaults fill the rest

    renamed = tenant.patch(f"/style-templates/{template['id']}", json={"name": "Brand 2"})
    assert renamed.json()["name"] == "Brand 2"
    listing = tenant.get("/style-templates").json()["items"]
    assert [t["name"] for t in listing][-1] == "Brand 2"
    assert tenant.delete(f"/style-templates/{template['id']}").status_code == 200
    assert tenant.get(f"/style-templates/{template['id']}").status_code == 404


def test_bad_options_are_400(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post(
        "/style-templates", json={"name": "Bad", "options": {"units": "cubits", "font_scale": 9}}
    )
    assert response.status_code == 400
    locs = {tuple(e["loc"]) for e in response.json()["validation_error"]["body_params"]}
    assert {("options", "units"), ("options", "font_scale")} <= locs


def test_another_companys_template_is_404(runtime: Runtime, client: TestClient) -> None:
    owner = tenant_with_owner(make_tenant(runtime, client, "Owner"))
    other = make_tenant(runtime, client, "Other")
    template_id = owner.post("/style-templates", json={"name": "Secret"}).json()["id"]
    assert other.get(f"/style-templates/{template_id}").status_code == 404
    assert other.patch(f"/style-templates/{template_id}", json={"name": "X"}).status_code == 404
    assert other.delete(f"/style-templates/{template_id}").status_code == 404
    assert [t["id"] for t in other.get("/style-templates").json()["items"]] == [
        "classic",
        "color",
        "blueprint",
        "mono-print",
    ]
    # and an order of the owner names it
    order = create_draft(owner, order_preferences={"style_2d": {"style_template_id": template_id}})
    assert order["info"]["style_template"] == {"id": template_id, "name": "Secret"}


def test_an_order_with_an_unknown_template_is_400(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    body = draft_body(order_preferences={"style_2d": {"style_template_id": "string"}})
    response = tenant.post("/orders/draft", json=body)
    assert response.status_code == 400
    assert response.json()["validation_error"]["body_params"][0]["loc"] == [
        "order_preferences",
        "style_2d",
        "style_template_id",
    ]
    assert tenant.get("/orders").json()["items"] == []  # nothing half-written
