"""North set through the API reaches the plans: the arrow points where the order says."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, download, tenant_with_owner, upload_scan

SVG = "{http://www.w3.org/2000/svg}"


def _arrow(svg: bytes) -> ET.Element | None:
    root = ET.fromstring(svg)  # our own output
    return next((p for p in root.iter(f"{SVG}path") if p.get("class") == "north-arrow"), None)


def _tip_angle(arrow: ET.Element) -> float:
    """Angle of the arrow's tip from the middle of its base, counter-clockwise from +x."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", arrow.get("d", ""))]
    (tx, ty), _, (bx, by) = numbers[0:2], numbers[2:4], numbers[4:6]
    # SVG y runs down; the tail (third point) lies on the far side of the centre from the tip.
    return math.degrees(math.atan2(-(ty - by), tx - bx)) % 360


def test_north_set_on_the_draft_and_changed_later_turns_the_arrow(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant, north_deg=30)
    assert tenant.get(f"/orders/{order['id']}").json()["info"]["north_deg"] == 30
    changed = tenant.patch(f"/orders/draft/{order['id']}", json={"north_deg": 90})
    assert changed.status_code == 200, changed.text
    assert tenant.get(f"/orders/{order['id']}").json()["info"]["north_deg"] == 90
    bad = tenant.patch(f"/orders/draft/{order['id']}", json={"north_deg": 400})
    assert bad.status_code == 400
    assert "north_deg" in bad.text
    plain = create_draft(tenant, external_id="no-north")
    for draft in (order, plain):
        upload_scan(tenant, draft["id"], "apartment")
    while runtime.queue.drain():
        pass
    svgs = {}
    for name, draft in (("north", order), ("plain", plain)):
        body = tenant.get(f"/orders/{draft['id']}").json()
        assert body["info"]["status"] == "Ready"
        assets = body["delivery_assets"]["listing_floorplans"]
        svgs[name] = download(client, assets["svg_urls"][0])[0]
    arrow = _arrow(svgs["north"])
    assert arrow is not None
    # The plan's up direction points 90° clockwise from north (east): north is to the plan's
    # left, 180° counter-clockwise from +x.
    assert arrow.get("data-north") == "180.0"
    assert abs(_tip_angle(arrow) - 180.0) < 1.0
    assert _arrow(svgs["plain"]) is None
