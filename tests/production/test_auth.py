"""Operators: created on the command line, bearer tokens, nothing but the production API."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from planroom.cli import app as cli
from planroom.db.engine import unit_of_work
from planroom.production import operators
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.production.helpers import PREFIX, make_drafter


def _unauthorized(client: TestClient, headers: dict[str, str]) -> None:
    response = client.get(f"{PREFIX}/queue", headers=headers)
    assert response.status_code == 401, response.text
    body = response.json()
    assert body["code"] == "unauthorized"
    assert body["message"]


def test_the_production_api_takes_only_operator_tokens(
    runtime: Runtime, client: TestClient
) -> None:
    drafter = make_drafter(runtime, client)
    tenant = make_tenant(runtime, client)
    _unauthorized(client, {})
    _unauthorized(client, {"Authorization": "Bearer pro_not-a-token"})
    _unauthorized(client, {"Authorization": f"Basic {drafter.token}"})
    _unauthorized(client, {"api-key": tenant.api_key})
    _unauthorized(client, {"Authorization": f"Bearer {tenant.api_key}"})
    assert drafter.get("/queue").status_code == 200

    with unit_of_work(runtime.session_factory) as session:
        operators.revoke_operator(session, drafter.id)
    _unauthorized(client, drafter.headers)


def test_an_operator_token_is_not_a_company_key(runtime: Runtime, client: TestClient) -> None:
    drafter = make_drafter(runtime, client)
    response = client.get("/api/integrate/v3/orders", headers={"api-key": drafter.token})
    assert response.status_code == 401
    response = client.get("/api/integrate/v3/orders", headers=drafter.headers)
    assert response.status_code == 401


def test_operator_create_prints_its_token_once(
    runtime: Runtime, client: TestClient, database_url: str, tmp_path: Path
) -> None:
    env = {"PLANROOM_DATABASE_URL": database_url, "PLANROOM_DATA_DIR": str(tmp_path / "cli")}
    result = CliRunner().invoke(
        cli, ["operator", "create", "--name", "Ann Drafter", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    created = json.loads(result.output)
    assert set(created) >= {"id", "token"}
    assert created["token"].startswith("pro_")

    response = client.get(
        f"{PREFIX}/queue", headers={"Authorization": f"Bearer {created['token']}"}
    )
    assert response.status_code == 200, response.text
    with unit_of_work(runtime.session_factory) as session:
        (stored,) = operators.list_operators(session)
        assert stored.name == "Ann Drafter"
        assert created["token"] not in stored.token_hash  # only a hash is kept

    listed = CliRunner().invoke(cli, ["operator", "list"], env=env)
    assert listed.exit_code == 0
    assert "Ann Drafter" in listed.output
    assert created["token"] not in listed.output

    revoked = CliRunner().invoke(cli, ["operator", "revoke", "--id", created["id"]], env=env)
    assert revoked.exit_code == 0, revoked.output
    response = client.get(
        f"{PREFIX}/queue", headers={"Authorization": f"Bearer {created['token']}"}
    )
    assert response.status_code == 401


def test_production_api_has_its_own_openapi(runtime: Runtime, client: TestClient) -> None:
    spec = client.get(f"{PREFIX}/openapi.json").json()
    assert f"{PREFIX}/queue" in spec["paths"]
    assert f"{PREFIX}/orders/{{order_id}}/claim" in spec["paths"]
    integrate = client.get("/api/integrate/v3/openapi.json").json()
    assert not any(path.startswith(PREFIX) for path in integrate["paths"])
    assert "/orders/{order_id}/change-requests" in integrate["paths"]
