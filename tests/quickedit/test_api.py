"""Quick Edit links and saves through the page's JSON calls: who may edit, versioned saves,
re-rendering every deliverable while the order stays Ready, undo."""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi.testclient import TestClient

from planroom.core.clock import clock
from planroom.floormodel.errors import FloorModelInvalid
from planroom.floormodel.schema import FloorModel, Opening
from planroom.floormodel.validation import check_model
from planroom.runtime import Runtime
from tests.builders import make_tenant, make_user
from tests.orders.builders import create_draft, download, tenant_with_owner
from tests.production.helpers import make_drafter
from tests.quickedit.builders import (
    calls,
    customer_link,
    edit_link,
    ready_order,
    run_queue,
    space_named,
)
from tests.webhooks.receiver import running_receiver


def _gla_json(client: TestClient, order: dict[str, Any]) -> dict[str, Any]:
    url = order["delivery_assets"]["gla_package"]["json_urls"][0]
    result: dict[str, Any] = json.loads(download(client, url)[0])
    return result


def _basement(document: dict[str, Any]) -> dict[str, Any]:
    (level,) = [level for level in document["levels"] if level["grade"] == "below"]
    return dict(level)


def test_a_room_edit_re_renders_every_file_and_undo_brings_it_back(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    with running_receiver() as receiver:
        order = ready_order(
            runtime, tenant, receiver=receiver, package_type="plus", add_ons=["gla"]
        )
        oid = order["id"]
        png_url = order["delivery_assets"]["listing_floorplans"]["png_urls"][0]
        png_before = download(client, png_url)[0]
        gla_before = _basement(_gla_json(client, order))
        receiver.received.clear()

        link = customer_link(tenant, oid)
        state = link.state().json()
        assert state["mode"] == "customer" and state["status"] == "Ready"
        room = next(
            space
            for space in state["model"]["spaces"]
            if space["level_id"] == "L-1" and space["finished"]
        )
        gia_before = state["figures"]["gia"]["sq_mm"]
        saved = link.save(
            state["version"],
            {"op": "room", "id": room["id"], "name": "Rec Room", "finished": False},
        )
        assert saved.status_code == 200, saved.text
        after = saved.json()
        assert after["version"] == state["version"] + 1
        assert after["changes"] == [
            f'Room "{room["name"]}" renamed to "Rec Room"',
            f'Room "{room["name"]}": finished yes → no',
        ]
        # the new areas at once, from the server, before anything re-rendered
        assert after["figures"]["gia"]["sq_mm"] < gia_before
        assert after["progress"]["done"] == 0 and not after["progress"]["finished"]
        assert tenant.get(f"/orders/{oid}").json()["info"]["status"] == "Ready"

        run_queue(runtime)
        delivered = tenant.get(f"/orders/{oid}").json()
        assert delivered["info"]["status"] == "Ready"
        assert link.state().json()["progress"]["finished"] is True
        assert download(client, png_url)[0] != png_before
        gla_after = _basement(_gla_json(client, delivered))
        moved = round(room_area_sq_ft(after, room["id"]))
        # the room (and the wall area it now bounds alone) moves from finished to unfinished
        lost = gla_before["below_grade_finished"] - gla_after["below_grade_finished"]
        assert lost >= moved
        gained = gla_after["below_grade_unfinished"] - gla_before["below_grade_unfinished"]
        assert abs(gained - lost) <= 1
        assert any(item["name"] == "Rec Room" for item in gla_after["excluded"])
        sent = calls(receiver)
        assert sorted(call["product_type"] for call in sent) == ["products_2d", "tour"]
        assert {(call["previous_status"], call["current_status"]) for call in sent} == {
            ("Ready", "Ready")
        }
        assert {call["delivery_type"] for call in sent} == {"update"}
        receiver.received.clear()

        undone = link.undo(after["version"], state["version"])
        assert undone.status_code == 200, undone.text
        assert undone.json()["figures"]["gia"] == state["figures"]["gia"]
        assert space_named(undone.json(), room["name"])["finished"] is True
        run_queue(runtime)
        assert _basement(_gla_json(client, tenant.get(f"/orders/{oid}").json())) == gla_before
        assert len(calls(receiver)) == 2
    history = link.state().json()["history"]
    assert [item["version"] for item in history][:3] == [
        state["version"] + 2,
        state["version"] + 1,
        state["version"],
    ]
    assert history[0]["changes"] == [f"Back to version {state['version']}"]
    assert history[1]["author"] == "company"


def room_area_sq_ft(state: dict[str, Any], space_id: str) -> float:
    (room,) = [room for room in state["rooms"] if room["id"] == space_id]
    return float(room["area"]["sq_mm"]) / 92_903.04


def test_a_second_editor_on_an_old_version_gets_a_conflict_and_loses_nothing(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = ready_order(runtime, tenant, scan="apartment")
    first, second = customer_link(tenant, order["id"]), customer_link(tenant, order["id"])
    state = first.state().json()
    one, two = state["model"]["spaces"][0], state["model"]["spaces"][1]
    assert first.save(state["version"], {"op": "room", "id": one["id"], "name": "Den"}).is_success
    late = second.save(state["version"], {"op": "room", "id": two["id"], "name": "Study"})
    assert late.status_code == 409
    assert late.json()["code"] == "conflict"
    assert "Version" in late.json()["message"]
    newest = second.state().json()
    again = second.save(newest["version"], {"op": "room", "id": two["id"], "name": "Study"})
    assert again.status_code == 200, again.text
    names = {space["id"]: space["name"] for space in again.json()["model"]["spaces"]}
    assert (names[one["id"]], names[two["id"]]) == ("Den", "Study")


def test_customers_may_not_change_walls_and_drafters_get_the_production_rules(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = ready_order(runtime, tenant, scan="apartment")
    link = customer_link(tenant, order["id"])
    state = link.state().json()
    wall = min(
        state["model"]["walls"],
        key=lambda w: math.dist(w["start"], w["end"]),
    )
    width = round(math.dist(wall["start"], wall["end"])) + 500
    refused = link.save(state["version"], {"op": "delete_wall", "id": wall["id"]})
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden"

    drafter = make_drafter(runtime, client)
    drafted = edit_link(client, drafter.post(f"/orders/{order['id']}/quick-edit-link"))
    # an opening wider than its wall: the production API's own 422 and message
    too_wide = {
        "op": "add_opening",
        "wall_id": wall["id"],
        "kind": "window",
        "offset": 100,
        "width": width,
    }
    answer = drafted.save(state["version"], too_wide)
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "invalid_floor_model"
    expected = _production_message(state["model"], wall["id"], width)
    assert answer.json()["message"] == expected
    assert drafted.state().json()["version"] == state["version"]


def _production_message(document: dict[str, Any], wall_id: str, width: int) -> str:
    model = FloorModel.model_validate(document)
    opening = Opening(
        id="qe-o1", wall_id=wall_id, kind="window", offset=100, width=width, height=1200, sill=900
    )
    broken = model.model_copy(update={"openings": [*model.openings, opening]})
    try:
        check_model(broken)
    except FloorModelInvalid as error:
        return error.message
    raise AssertionError("the model passed the check")


def test_links_are_for_managers_and_users_of_the_company_only(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    other = make_tenant(runtime, client, name="Elsewhere Plans")
    order = ready_order(runtime, tenant, scan="apartment")
    oid = order["id"]
    make_user(tenant, "user@acme.example", role="User")
    make_user(tenant, "helper@acme.example", role="Collaborator")
    make_user(other, "theirs@elsewhere.example", role="Manager")

    user_link = customer_link(tenant, oid, user="user@acme.example")
    assert user_link.state().json()["editor"] == "user@acme.example"
    refused = tenant.post(f"/orders/{oid}/quick-edit-link", json={"user": "helper@acme.example"})
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    # another company's order, or another company's user: never revealed
    foreign = other.post(f"/orders/{oid}/quick-edit-link")
    assert foreign.status_code == 404 and foreign.json()["code"] == "not_found"
    stranger = tenant.post(
        f"/orders/{oid}/quick-edit-link", json={"user": "theirs@elsewhere.example"}
    )
    assert stranger.status_code == 404
    assert client.post(f"/api/integrate/v3/orders/{oid}/quick-edit-link").status_code == 401

    # a token works for its own order only
    their_order = ready_order(
        runtime, other, scan="apartment", owner_email="theirs@elsewhere.example"
    )
    their_link = customer_link(other, their_order["id"])
    crossed = client.get(
        f"/orders/{oid}/edit/state", headers={"X-Quick-Edit-Token": their_link.token}
    )
    assert crossed.status_code == 404
    forged = client.get(f"/orders/{oid}/edit/state", headers={"X-Quick-Edit-Token": "x.y.z"})
    assert forged.status_code == 404
    assert client.get(f"/orders/{oid}/edit?t=nope").status_code == 404

    # a Draft cannot be edited yet
    draft = create_draft(tenant)
    assert tenant.post(f"/orders/{draft['id']}/quick-edit-link").status_code == 409


def test_a_link_expires_and_a_demoted_user_loses_it(runtime: Runtime, client: TestClient) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = ready_order(runtime, tenant, scan="apartment")
    make_user(tenant, "user@acme.example", role="User")
    short = customer_link(tenant, order["id"], expires_in=60)
    person = customer_link(tenant, order["id"], user="user@acme.example")
    assert short.state().status_code == 200
    demoted = tenant.patch("/users/user@acme.example", json={"role": "Collaborator"})
    assert demoted.status_code == 200, demoted.text
    assert person.state().status_code == 403
    clock.advance(61)
    expired = short.state()
    assert expired.status_code == 401
    assert "expired" in expired.json()["message"]
    page = client.get(short.url.removeprefix("http://testserver"))
    assert page.status_code == 401 and "expired" in page.text
