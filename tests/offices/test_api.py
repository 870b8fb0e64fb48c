from __future__ import annotations

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant


def test_create_and_list_offices(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    created = tenant.post("/offices", json={"name": "North", "address": "1 Main St"})
    assert created.status_code == 200
    body = created.json()
    assert (body["name"], body["address"], body["users_count"]) == ("North", "1 Main St", 0)
    tenant.post("/offices", json={"name": "South"})
    names = [office["name"] for office in tenant.get("/offices").json()["items"]]
    assert names == ["South", "North"]  # newest first


def test_office_needs_a_name(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post("/offices", json={"address": "nowhere"})
    assert response.status_code == 400
    assert response.json()["validation_error"]["body_params"] == [
        {"loc": ["name"], "msg": "field required"}
    ]


def test_offices_are_private_to_their_company(runtime: Runtime, client: TestClient) -> None:
    owner = make_tenant(runtime, client, "Owner")
    other = make_tenant(runtime, client, "Other")
    owner.post("/offices", json={"name": "Secret office"})
    assert other.get("/offices").json()["items"] == []
