from __future__ import annotations

from fastapi.testclient import TestClient


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}


def test_openapi_is_served_with_docs(client: TestClient) -> None:
    spec = client.get("/api/integrate/v3/openapi.json").json()
    assert "/users" in spec["paths"]
    post_users = spec["paths"]["/users"]["post"]
    assert "invitation" in post_users["description"]
    assert client.get("/docs").status_code == 200


def test_unknown_path_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/integrate/v3/nothing-here")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_floor_model_schema_is_published(client: TestClient) -> None:
    schema = client.get("/api/integrate/v3/floor-model/schema").json()
    assert schema["$id"] == "planroom.floor-model/1"
    assert {"levels", "walls", "openings", "spaces"} <= set(schema["properties"])
    spec = client.get("/api/integrate/v3/openapi.json").json()
    assert "/floor-model/schema" in spec["paths"]
