"""Drafters as the production API sees them, and orders brought to where drafters work."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from planroom.db.engine import unit_of_work
from planroom.production import operators
from planroom.runtime import Runtime
from tests.builders import Tenant
from tests.orders.builders import create_draft, upload_scan

PREFIX = "/api/production/v1"


@dataclass
class Drafter:
    """An operator token and calls made with it."""

    id: uuid.UUID
    name: str
    token: str
    client: TestClient

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def _headers(self, kwargs: dict[str, Any]) -> dict[str, str]:
        return {**self.headers, **kwargs.pop("headers", {})}

    def get(self, path: str, **kwargs: Any) -> Response:
        return self.client.get(PREFIX + path, headers=self._headers(kwargs), **kwargs)

    def post(self, path: str, **kwargs: Any) -> Response:
        return self.client.post(PREFIX + path, headers=self._headers(kwargs), **kwargs)

    def put(self, path: str, **kwargs: Any) -> Response:
        return self.client.put(PREFIX + path, headers=self._headers(kwargs), **kwargs)

    def ok(self, method: str, path: str, **kwargs: Any) -> Any:
        response = getattr(self, method)(path, **kwargs)
        assert response.status_code == 200, response.text
        return response.json()


def make_drafter(runtime: Runtime, client: TestClient, name: str = "Dana Drafter") -> Drafter:
    with unit_of_work(runtime.session_factory) as session:
        created = operators.create_operator(session, name)
        operator_id = created.operator.id
    return Drafter(id=operator_id, name=name, token=created.token, client=client)


def scan_order(tenant: Tenant, sample: str = "apartment", **overrides: Any) -> dict[str, Any]:
    """A draft with a sample RoomPlan scan uploaded, as a client sends it."""
    order = create_draft(tenant, **overrides)
    return upload_scan(tenant, order["id"], sample)


def order_of(tenant: Tenant, order_id: str) -> dict[str, Any]:
    response = tenant.get(f"/orders/{order_id}")
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def calls(received: list[Any]) -> list[dict[str, Any]]:
    import json

    return [json.loads(call.body) for call in received]
