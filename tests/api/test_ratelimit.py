from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from planroom.app import create_app
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.conftest import REDIS_URL, make_settings

API = "/api/integrate/v3"


@pytest.fixture
def limited(tmp_path: Path, database_url: str) -> Iterator[tuple[Runtime, TestClient]]:
    settings = make_settings(tmp_path, database_url, rate_limit_per_second=0.01, rate_limit_burst=3)
    runtime = Runtime.from_settings(settings)
    with TestClient(create_app(runtime)) as client:
        yield runtime, client
    runtime.close()


def test_a_key_past_its_burst_gets_429_with_retry_after(
    limited: tuple[Runtime, TestClient],
) -> None:
    runtime, client = limited
    busy = make_tenant(runtime, client, "Busy")
    calm = make_tenant(runtime, client, "Calm")
    assert [busy.get("/users").status_code for _ in range(3)] == [200, 200, 200]
    refused = busy.get("/users")
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert int(refused.headers["retry-after"]) >= 1
    assert calm.get("/users").status_code == 200  # every key has its own bucket


def test_responses_carry_the_ratelimit_headers(limited: tuple[Runtime, TestClient]) -> None:
    runtime, client = limited
    tenant = make_tenant(runtime, client)
    first = tenant.get("/users")
    second = tenant.get("/users")
    assert first.headers["ratelimit-limit"] == "3"
    assert first.headers["ratelimit-remaining"] == "2"
    assert second.headers["ratelimit-remaining"] == "1"
    assert int(second.headers["ratelimit-reset"]) > 0


def test_many_random_keys_neither_reset_nor_touch_a_real_keys_bucket(
    limited: tuple[Runtime, TestClient],
) -> None:
    runtime, client = limited
    tenant = make_tenant(runtime, client)
    assert [tenant.get("/users").status_code for _ in range(3)] == [200, 200, 200]
    answers = {
        client.get(f"{API}/users", headers={"api-key": f"prk_{secrets.token_hex(16)}"}).status_code
        for _ in range(200)
    }
    assert answers == {401, 429}  # the address that keeps failing is refused for a while
    spent = tenant.get("/users")
    assert spent.status_code == 429  # churn did not refill the real key's bucket
    assert "API key" in spent.json()["message"]  # its own bucket, not its address's


def test_a_missing_key_on_a_body_is_refused_before_the_body_is_read(client: TestClient) -> None:
    def body() -> Iterator[bytes]:
        yield b'{"street": "'
        raise AssertionError("the body was read before the key was checked")

    response = client.post(
        f"{API}/orders/draft", content=body(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


@pytest.mark.skipif(not REDIS_URL, reason="Redis not configured: set PLANROOM_TEST_REDIS_URL")
def test_processes_on_a_redis_queue_share_the_counters(tmp_path: Path, database_url: str) -> None:
    assert REDIS_URL
    queue_url = REDIS_URL
    redis.Redis.from_url(queue_url).flushdb()
    runtimes = [
        Runtime.from_settings(
            make_settings(
                tmp_path / name,
                database_url,
                rate_limit_per_second=0.01,
                rate_limit_burst=4,
                queue_url=queue_url,
                data_dir=tmp_path / name,
            )
        )
        for name in ("one", "two")
    ]
    try:
        with (
            TestClient(create_app(runtimes[0])) as one,
            TestClient(create_app(runtimes[1])) as two,
        ):
            tenant = make_tenant(runtimes[0], one, f"Shared {uuid.uuid4().hex[:6]}")
            headers = {"api-key": tenant.api_key}
            answers = [
                (one if index % 2 else two).get(f"{API}/users", headers=headers).status_code
                for index in range(6)
            ]
        assert answers == [200, 200, 200, 200, 429, 429]  # 4 in all, not 4 per process
    finally:
        for runtime in runtimes:
            runtime.close()
        redis.Redis.from_url(queue_url).flushdb()
