from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planroom.api.ratelimit import TokenBuckets
from planroom.app import create_app
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.conftest import make_settings


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


def test_buckets_refill_at_the_rate() -> None:
    buckets = TokenBuckets(per_second=2.0, burst=2)
    assert buckets.take("k", now=0.0) == 0
    assert buckets.take("k", now=0.0) == 0
    assert buckets.take("k", now=0.0) == pytest.approx(0.5)
    assert buckets.take("k", now=0.5) == 0  # one call refilled after half a second
    assert buckets.take("k", now=0.5) > 0
