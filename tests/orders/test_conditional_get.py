"""`GET /orders/{id}` carries an ETag; the same tag back in `If-None-Match` answers 304."""

from __future__ import annotations

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, tenant_with_owner


def test_an_unchanged_order_answers_304_and_a_changed_one_a_new_tag(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant)
    path = f"/orders/{order['id']}"

    first = tenant.get(path)
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('"')
    assert first.json()["id"] == order["id"]

    again = tenant.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    # Weak forms and lists of tags match too.
    assert tenant.get(path, headers={"if-none-match": f'"other", W/{etag}'}).status_code == 304
    assert tenant.get(path, headers={"if-none-match": '"other"'}).status_code == 200

    changed = tenant.patch(f"/orders/draft/{order['id']}", json={"city": "Elsewhere"})
    assert changed.status_code == 200, changed.text
    after = tenant.get(path, headers={"if-none-match": etag})
    assert after.status_code == 200
    assert after.json()["address"]["city"] == "Elsewhere"
    assert after.headers["etag"] != etag


def test_a_tag_does_not_open_another_companys_order(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    other = make_tenant(runtime, client, "Other Realty")
    order = create_draft(tenant)
    etag = tenant.get(f"/orders/{order['id']}").headers["etag"]

    answer = other.get(f"/orders/{order['id']}", headers={"if-none-match": etag})

    assert answer.status_code == 404
