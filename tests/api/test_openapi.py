"""The OpenAPI document is valid and says what the server really sends."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from planroom.runtime import Runtime
from tests.builders import make_tenant, make_user

PREFIX = "/api/integrate/v3"


def _spec(client: TestClient) -> dict[str, Any]:
    spec: dict[str, Any] = client.get(f"{PREFIX}/openapi.json").json()
    return spec


def _check(spec: dict[str, Any], path: str, method: str, response: Any) -> None:
    """The response's status is declared for the operation and its JSON body fits the schema."""
    responses = spec["paths"][path][method]["responses"]
    status = str(response.status_code)
    assert status in responses, f"{method} {path} sent undeclared {status}: {response.text}"
    content = responses[status].get("content", {}).get("application/json")
    if content is None:
        return
    schema = {**content["schema"], "components": spec["components"]}
    jsonschema.validate(response.json(), schema, cls=jsonschema.Draft202012Validator)


def test_the_document_is_valid_openapi_with_servers_and_webhooks(client: TestClient) -> None:
    spec = _spec(client)
    validate(spec)
    assert spec["servers"][0]["url"] == f"http://testserver{PREFIX}"
    assert "/orders/draft" in spec["paths"]
    assert set(spec["webhooks"]) == {
        "moved_to_draft",
        "moved_to_pending",
        "moved_to_ready",
        "moved_to_fixing",
        "moved_to_failed",
    }
    headers = {p["name"] for p in spec["webhooks"]["moved_to_ready"]["post"]["parameters"]}
    assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}


def test_every_reference_resolves(client: TestClient) -> None:
    spec = _spec(client)
    text = json.dumps(spec)
    names = set(re.findall(r'"#/components/schemas/([^"]+)"', text))
    dangling = sorted(names - set(spec["components"]["schemas"]))
    assert names and not dangling, dangling


def test_no_operation_declares_fastapis_422_and_every_one_declares_its_errors(
    client: TestClient,
) -> None:
    spec = _spec(client)
    ids = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ids.append(operation["operationId"])
            assert "_" not in operation["operationId"], operation["operationId"]
            responses = operation["responses"]
            assert "HTTPValidationError" not in str(responses), (method, path)
            assert "503" in responses and "Retry-After" in responses["503"]["headers"]
            if path not in ("/openapi.json", "/floor-model/schema"):
                assert {"401", "429"} <= set(responses), (method, path)
            if method == "post" and path not in ("/openapi.json",):
                names = {p["name"] for p in operation.get("parameters", [])}
                assert "Idempotency-Key" in names, path
    assert len(ids) == len(set(ids))
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    assert "DeliveryAssets" in spec["components"]["schemas"]
    status = spec["components"]["schemas"]["OrderInfo"]["properties"]["status"]
    assert status["enum"] == ["New", "Draft", "Pending", "Ready", "Fixing", "Failed"]


def test_real_answers_match_their_declared_schemas(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client, sandbox=True)
    make_user(tenant, "owner@example.com")
    key = tenant.headers
    spec = _spec(client)
    draft = {"street": "1 Main St", "city": "Town", "country": "US"}
    answer = client.post(
        f"{PREFIX}/orders/draft", json={**draft, "owner_email": "owner@example.com"}, headers=key
    )
    _check(spec, "/orders/draft", "post", answer)
    order_id = answer.json()["id"]
    _check(
        spec, "/orders/draft", "post", client.post(f"{PREFIX}/orders/draft", json={}, headers=key)
    )
    _check(spec, "/orders/draft", "post", client.post(f"{PREFIX}/orders/draft", json=draft))
    _check(
        spec, "/orders/{order_id}", "get", client.get(f"{PREFIX}/orders/{order_id}", headers=key)
    )
    missing = f"{PREFIX}/orders/00000000-0000-0000-0000-000000000000"
    _check(spec, "/orders/{order_id}", "get", client.get(missing, headers=key))
    _check(spec, "/orders", "get", client.get(f"{PREFIX}/orders", headers=key))
    advanced = client.post(
        f"{PREFIX}/sandbox/orders/{order_id}/advance", json={"to": "Ready"}, headers=key
    )
    _check(spec, "/sandbox/orders/{order_id}/advance", "post", advanced)
    assert advanced.json()["info"]["status"] == "Ready"
    assets = advanced.json()["delivery_assets"]
    assert assets["listing_floorplans"] and assets["listing_floorplans"]["png_urls"]
    deleted = client.delete(f"{PREFIX}/orders/draft/{order_id}", headers=key)
    assert deleted.status_code == 409
    _check(spec, "/orders/draft/{order_id}", "delete", deleted)
    _check(
        spec, "/companies/webhook", "get", client.get(f"{PREFIX}/companies/webhook", headers=key)
    )
    _check(spec, "/users", "get", client.get(f"{PREFIX}/users", headers=key))
