from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import Tenant, make_tenant, make_user


def _tenant_with_users(runtime: Runtime, client: TestClient, count: int) -> Tenant:
    tenant = make_tenant(runtime, client)
    for index in range(count):
        make_user(tenant, f"user{index}@example.com", role="User", password=None)
    return tenant


@pytest.mark.parametrize(
    ("count", "limit", "offset", "expected_items", "has_more", "next_offset", "previous_offset"),
    [
        (0, 5, 0, 0, False, None, None),  # empty
        (5, 5, 0, 5, False, None, None),  # exactly limit
        (6, 5, 0, 5, True, 5, None),  # limit + 1
        (6, 5, 5, 1, False, None, 0),  # the last page
        (6, 5, 3, 3, False, None, 0),  # previous_offset never below 0
        (3, 5, 10, 0, False, None, 5),  # offset past the end
    ],
)
def test_pagination_boundaries(
    runtime: Runtime,
    client: TestClient,
    count: int,
    limit: int,
    offset: int,
    expected_items: int,
    has_more: bool,
    next_offset: int | None,
    previous_offset: int | None,
) -> None:
    tenant = _tenant_with_users(runtime, client, count)
    body = tenant.get("/users", params={"limit": limit, "offset": offset}).json()
    assert len(body["items"]) == expected_items
    assert body["pagination"] == {
        "has_more": has_more,
        "limit": limit,
        "next_offset": next_offset,
        "previous_offset": previous_offset,
    }


def test_following_next_offset_sees_each_row_once(runtime: Runtime, client: TestClient) -> None:
    tenant = _tenant_with_users(runtime, client, 7)
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        body = tenant.get("/users", params={"limit": 3, "offset": offset}).json()
        seen.extend(item["email"] for item in body["items"])
        offset = body["pagination"]["next_offset"]
    assert sorted(seen) == sorted(f"user{i}@example.com" for i in range(7))
    assert len(seen) == len(set(seen))
