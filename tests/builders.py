"""Small builders for test data, going through the same services the app uses."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import event

from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.runtime import Runtime


@dataclass
class Tenant:
    """A company as a client sees it: its id and a key, and calls made with that key."""

    id: uuid.UUID
    api_key: str
    client: TestClient

    @property
    def headers(self) -> dict[str, str]:
        return {"api-key": self.api_key}

    def _headers(self, kwargs: dict[str, Any]) -> dict[str, str]:
        return {**self.headers, **kwargs.pop("headers", {})}

    def get(self, path: str, **kwargs: Any) -> Response:
        return self.client.get(api(path), headers=self._headers(kwargs), **kwargs)

    def post(self, path: str, **kwargs: Any) -> Response:
        return self.client.post(api(path), headers=self._headers(kwargs), **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Response:
        return self.client.patch(api(path), headers=self._headers(kwargs), **kwargs)

    def put(self, path: str, **kwargs: Any) -> Response:
        return self.client.put(api(path), headers=self._headers(kwargs), **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Response:
        return self.client.delete(api(path), headers=self._headers(kwargs), **kwargs)


def api(path: str) -> str:
    return f"/api/integrate/v3{path}"


def make_tenant(
    runtime: Runtime, client: TestClient, name: str = "Acme Floorplans", **options: Any
) -> Tenant:
    with unit_of_work(runtime.session_factory) as session:
        created = companies.create_company(session, name=name, **options)
        company_id = created.company.id
    return Tenant(id=company_id, api_key=created.api_key, client=client)


def make_user(
    tenant: Tenant, email: str, role: str = "Manager", password: str | None = "correct-horse-1"
) -> dict[str, Any]:
    body: dict[str, Any] = {"email": email, "role": role}
    if password:
        body["password"] = password
    response = tenant.post("/users", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


@contextmanager
def counted(runtime: Runtime) -> Iterator[list[str]]:
    """The SQL statements sent to the database through the engine inside the block."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(runtime.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(runtime.engine, "before_cursor_execute", record)
