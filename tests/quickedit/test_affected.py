"""Only the deliverables an edit changes are rendered again: renaming a room or unticking
finished leaves the 3D files as they are (carried to the new version, delivered and announced
with their group at once), while a room's type or a wall renders them again."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import download, tenant_with_owner
from tests.production.helpers import make_drafter
from tests.quickedit.builders import calls, customer_link, edit_link, ready_order, run_queue
from tests.webhooks.receiver import running_receiver


def _product(state: dict[str, Any], name: str) -> dict[str, Any]:
    (found,) = [item for item in state["progress"]["products"] if item["product"] == name]
    return dict(found)


def test_a_rename_leaves_the_3d_files_and_a_wall_renders_them_again(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    with running_receiver() as receiver:
        order = ready_order(runtime, tenant, receiver=receiver, package_type="plus_3d")
        glb_url = order["delivery_assets"]["floorplans_3d"]["glb_urls"][0]
        glb = download(client, glb_url)[0]
        receiver.received.clear()
        link = customer_link(tenant, order["id"])
        state = link.state().json()
        room = state["model"]["spaces"][0]
        saved = link.save(
            state["version"], {"op": "room", "id": room["id"], "name": "Den", "finished": False}
        )
        assert saved.status_code == 200, saved.text
        after = saved.json()
        # at once, before any job ran: the 3D group is current with the new version
        three_d = _product(after, "floorplans_3d")
        assert three_d["done"] is True and three_d["model_version"] == after["version"]
        assert _product(after, "listing_floorplans")["done"] is False
        run_queue(runtime)
        done = link.state().json()
        assert done["progress"]["finished"] is True
        delivered = tenant.get(f"/orders/{order['id']}").json()
        assert delivered["delivery_assets"]["floorplans_3d"]["glb_urls"] == [glb_url]
        assert download(client, glb_url)[0] == glb
        assert sorted(call["product_type"] for call in calls(receiver)) == [
            "products_2d",
            "products_3d",
            "tour",
        ]
        assert {call["previous_status"] for call in calls(receiver)} == {"Ready"}

        # a room's type is drawn in 3D (its floor): rendered again
        typed = link.save(done["version"], {"op": "room", "id": room["id"], "type": "garage"})
        assert typed.status_code == 200, typed.text
        assert _product(typed.json(), "floorplans_3d")["done"] is False
        run_queue(runtime)

        drafter = edit_link(
            client, make_drafter(runtime, client).post(f"/orders/{order['id']}/quick-edit-link")
        )
        current = drafter.state().json()
        wall = current["model"]["walls"][0]
        windowed = drafter.save(
            current["version"],
            {"op": "add_opening", "wall_id": wall["id"], "kind": "window", "offset": 900,
             "width": 600},
        )  # fmt: skip
        assert windowed.status_code == 200, windowed.text
        assert _product(windowed.json(), "floorplans_3d")["done"] is False
        run_queue(runtime)
        assert download(client, glb_url)[0] != glb
