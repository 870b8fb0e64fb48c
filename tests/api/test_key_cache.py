"""API keys that resolved are remembered for `api_key_cache_seconds`; revocation still holds:
at once in the process that revokes, within the time everywhere else."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from planroom.app import create_app
from planroom.auth import service as keys
from planroom.auth.models import ApiKey
from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.runtime import Runtime
from planroom.settings import Settings
from tests.api.test_list_query_counts import counted
from tests.builders import make_tenant

REMEMBER = 0.5


@pytest.fixture
def remembering(settings: Settings) -> Iterator[tuple[Runtime, TestClient]]:
    runtime = Runtime.from_settings(settings.model_copy(update={"api_key_cache_seconds": REMEMBER}))
    with TestClient(create_app(runtime), raise_server_exceptions=False) as client:
        yield runtime, client
    runtime.close()


def _key_lookups(statements: list[str]) -> int:
    return sum("FROM api_keys" in statement for statement in statements)


def test_a_key_is_looked_up_once_then_remembered(
    remembering: tuple[Runtime, TestClient],
) -> None:
    runtime, client = remembering
    tenant = make_tenant(runtime, client)
    with counted(runtime) as first:
        assert tenant.get("/companies/info").status_code == 200
    with counted(runtime) as second:
        assert tenant.get("/companies/info").status_code == 200
        assert tenant.get("/users").status_code == 200
    time.sleep(REMEMBER + 0.1)
    with counted(runtime) as later:
        assert tenant.get("/companies/info").status_code == 200

    assert (_key_lookups(first), _key_lookups(second), _key_lookups(later)) == (1, 0, 1)


def test_a_key_revoked_in_this_process_stops_at_once(
    remembering: tuple[Runtime, TestClient],
) -> None:
    runtime, client = remembering
    tenant = make_tenant(runtime, client)
    assert tenant.get("/companies/info").status_code == 200
    with unit_of_work(runtime.session_factory) as session:
        (key,) = keys.list_api_keys(session, tenant.id)
        keys.revoke_api_key(session, tenant.id, key.id)

    answer = tenant.get("/companies/info")

    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthorized"


def test_a_key_revoked_by_another_process_stops_within_the_time(
    remembering: tuple[Runtime, TestClient],
) -> None:
    runtime, client = remembering
    tenant = make_tenant(runtime, client)
    assert tenant.get("/companies/info").status_code == 200
    # another process (`planroom apikey revoke`, another API process) writes the revocation:
    # nothing tells this one, so only the time bounds how long the key keeps working
    with runtime.engine.begin() as connection:
        connection.execute(
            update(ApiKey).where(ApiKey.company_id == tenant.id).values(revoked_at=clock.now())
        )
    revoked_at = time.monotonic()
    while tenant.get("/companies/info").status_code == 200:
        # (the bound leaves room for a slow request on a busy machine)
        assert time.monotonic() - revoked_at < REMEMBER + 2.0, "the revoked key still works"
        time.sleep(0.05)

    assert tenant.get("/orders/00000000-0000-0000-0000-000000000000").status_code == 401


def test_a_wrong_key_is_never_remembered(remembering: tuple[Runtime, TestClient]) -> None:
    runtime, client = remembering
    make_tenant(runtime, client)
    with counted(runtime) as statements:
        for _ in range(3):
            answer = client.get("/api/integrate/v3/companies/info", headers={"api-key": "prk_x"})
            assert answer.status_code == 401
    assert _key_lookups(statements) == 3
