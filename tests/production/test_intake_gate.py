"""Real-looking captures go from upload to Ready with no drafter, and say what was decided."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from planroom.floormodel.generator.realistic import generate_realistic
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, post_scan, tenant_with_owner, upload_scan
from tests.production.helpers import make_drafter, order_of


@pytest.mark.parametrize(
    ("kind", "seed"), [("sequential", 3), ("structure", 5), ("ios16", 1), ("multistory", 2)]
)
def test_a_real_looking_capture_reaches_ready_on_its_own(
    runtime: Runtime, client: TestClient, kind: str, seed: int
) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client))
    drafter = make_drafter(runtime, client)
    order = create_draft(tenant)
    capture = generate_realistic(kind, seed)
    upload_scan(tenant, order["id"], capture.scan_bytes())

    done = order_of(tenant, order["id"])
    assert done["info"]["status"] == "Ready", done
    assert drafter.ok("get", "/queue", params={"state": "drafting"})["items"] == []

    # what the import decided is on the stored model, for the drafters to see
    stored = drafter.ok("get", f"/orders/{order['id']}/model")
    findings = stored["model"]["source"]["findings"]
    assert findings, "a realistic capture always leaves something to note"
    assert all(set(item) == {"code", "message", "element"} for item in findings)
    assert len(stored["model"]["spaces"]) == len(capture.truth.spaces)

    # and in the property data the customer receives
    (url,) = done["delivery_assets"]["property_data"]["json_urls"]
    document = json.loads(client.get(url.removeprefix("http://testserver")).content)
    assert document["import_findings"] == findings


def test_another_companys_drafts_model_is_not_reachable(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    owner = tenant_with_owner(make_tenant(runtime, client))
    other = make_tenant(runtime, client)
    order = create_draft(owner)
    capture = generate_realistic("sequential", 4)
    response = post_scan(other, order["id"], capture.scan_bytes())
    assert response.status_code == 404
    assert order_of(owner, order["id"])["info"]["status"] == "Draft"
