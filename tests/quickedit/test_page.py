"""The Quick Edit page as the server sends it (plan and rooms in the HTML), the property edit
(type and north), room boundaries in drafter mode, and the way in from the tour for the
company's own users."""

from __future__ import annotations

import re
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from planroom.quickedit import signin_limit
from planroom.runtime import Runtime
from tests.builders import make_tenant, make_user
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import make_drafter
from tests.quickedit.builders import customer_link, edit_link, ready_order, run_queue, space_named


def _page(client: TestClient, url: str) -> str:
    answer = client.get(url.removeprefix("http://testserver"))
    assert answer.status_code == 200, answer.text
    return answer.text


def test_the_html_holds_the_plan_and_the_room_list_before_any_script_runs(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = ready_order(runtime, tenant)
    link = customer_link(tenant, order["id"])
    state = link.state().json()
    html = _page(client, link.url)
    (svg,) = re.findall(r'<svg id="plan".*?</svg>', html, flags=re.S)
    assert 'data-drawn-by="server"' in svg
    ground = next(level for level in state["model"]["levels"] if level["index"] == 0)["id"]
    assert f'data-level-id="{ground}"' in svg
    on_ground = [space for space in state["model"]["spaces"] if space["level_id"] == ground]
    walls = [wall for wall in state["model"]["walls"] if wall["level_id"] == ground]
    assert len(re.findall(r'<path d="M[^"]+" class="room', svg)) == len(on_ground)
    assert len(re.findall(r'<line [^>]*class="wall', svg)) == len(walls)
    for space in on_ground:
        assert f'data-space-id="{space["id"]}" data-role="name">{space["name"]}<' in unescape(svg)
    # every level's rooms, with the server's areas, in the list beside the plan
    (listing,) = re.findall(r'<div id="room-list".*?</div>', html, flags=re.S)
    areas = {room["id"]: room["area"]["text"] for room in state["rooms"]}
    for space in state["model"]["spaces"]:
        item = re.search(
            rf'data-space-id="{re.escape(space["id"])}"><span class="name">([^<]*)</span> '
            r'<span class="area">([^<]*)</span>',
            listing,
        )
        assert item is not None, space["id"]
        assert unescape(item.group(1)) == space["name"]
        assert unescape(item.group(2)).startswith(areas[space["id"]])
    assert 'id="property-type"' in html and 'value="detached" selected' in html
    # nothing from another host
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_property_type_and_north_are_saved_checked_and_the_order_follows(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = ready_order(runtime, tenant)
    link = customer_link(tenant, order["id"])
    state = link.state().json()
    bad = link.save(state["version"], {"op": "property", "north_deg": 400})
    assert bad.status_code == 400, bad.text
    assert "north_deg" in bad.json()["validation_error"]["body_params"][0]["loc"]
    bad = link.save(state["version"], {"op": "property", "property_type": "castle"})
    assert bad.status_code == 400, bad.text

    saved = link.save(
        state["version"], {"op": "property", "property_type": "attached", "north_deg": 92.5}
    )
    assert saved.status_code == 200, saved.text
    after = saved.json()
    assert after["model"]["property"] == {"property_type": "attached", "north_deg": 92.5}
    assert after["changes"] == [
        "Property type detached → attached",
        "North direction unset → 92.5°",
    ]
    assert after["progress"]["finished"] is False
    run_queue(runtime)
    info = tenant.get(f"/orders/{order['id']}").json()["info"]
    assert (info["property_type"], info["north_deg"]) == ("attached", 92.5)
    cleared = link.save(after["version"], {"op": "property", "clear_north": True})
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["model"]["property"]["north_deg"] is None


def _area(state: dict[str, Any], space_id: str) -> int:
    (room,) = [room for room in state["rooms"] if room["id"] == space_id]
    return int(room["area"]["sq_mm"])


def test_a_drafter_moves_deletes_and_adds_room_boundaries_a_customer_may_not(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = ready_order(runtime, tenant)
    customer = customer_link(tenant, order["id"])
    drafter = edit_link(client, make_drafter(runtime, client).post(
        f"/orders/{order['id']}/quick-edit-link"
    ))  # fmt: skip
    state = drafter.state().json()
    room = space_named(state, "Bedroom") if any(
        s["name"] == "Bedroom" for s in state["model"]["spaces"]
    ) else state["model"]["spaces"][0]  # fmt: skip
    xs = [x for x, _ in room["polygon"]]
    right = max(xs)
    # the right side moved 300 mm in
    shrunk = [[x - 300 if x == right else x, y] for x, y in room["polygon"]]
    refused = customer.save(state["version"], {"op": "reshape_room", "id": room["id"],
                                               "polygon": shrunk})  # fmt: skip
    assert refused.status_code == 403, refused.text
    moved = drafter.save(
        state["version"], {"op": "reshape_room", "id": room["id"], "polygon": shrunk}
    )
    assert moved.status_code == 200, moved.text
    after = moved.json()
    assert _area(after, room["id"]) < _area(state, room["id"])
    assert "boundary moved" in after["changes"][0]
    crossing = drafter.save(
        after["version"],
        {"op": "reshape_room", "id": room["id"], "polygon": [[0, 0], [4000, 4000], [4000, 0],
                                                             [0, 4000]]},
    )  # fmt: skip
    assert crossing.status_code == 400, crossing.text

    deleted = drafter.save(after["version"], {"op": "delete_room", "id": room["id"]})
    assert deleted.status_code == 200, deleted.text
    gone = deleted.json()
    assert room["id"] not in {space["id"] for space in gone["model"]["spaces"]}
    assert gone["figures"]["gia"]["sq_mm"] < after["figures"]["gia"]["sq_mm"]
    added = drafter.save(
        gone["version"],
        {"op": "add_room", "level_id": room["level_id"], "polygon": room["polygon"],
         "name": "Study", "type": "other"},
    )  # fmt: skip
    assert added.status_code == 200, added.text
    back = added.json()
    study = space_named(back, "Study")
    assert _area(back, study["id"]) == _area(state, room["id"])
    assert back["figures"]["gia"]["sq_mm"] > gone["figures"]["gia"]["sq_mm"]
    # an overlapping room is refused with the production API's own message
    overlap = drafter.save(
        back["version"],
        {"op": "add_room", "level_id": room["level_id"], "polygon": room["polygon"]},
    )
    assert overlap.status_code == 422, overlap.text
    assert overlap.json()["code"] == "invalid_floor_model"


def test_the_tour_leads_company_users_to_quick_edit_through_their_sign_in(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    make_user(tenant, "user@acme.example", role="User", password="user-pass-123")
    make_user(tenant, "helper@acme.example", role="Collaborator", password="helper-pass-1")
    other = make_tenant(runtime, client, name="Other Plans")
    make_user(other, "stranger@other.example", role="Manager", password="stranger-pass")
    order = ready_order(runtime, tenant, package_type="plus")
    oid = order["id"]
    tour = client.get(f"/tours/{oid}")
    assert tour.status_code == 200
    assert f'href="/orders/{oid}/edit/sign-in"' in tour.text
    assert f'href="/orders/{oid}/edit/sign-in"' not in client.get(f"/tours/{oid}/mls").text
    form = client.get(f"/orders/{oid}/edit/sign-in")
    assert form.status_code == 200 and 'name="password"' in form.text
    assert "form-action 'self'" in form.headers["content-security-policy"]

    def sign_in(email: str, password: str) -> Any:
        return client.post(
            f"/orders/{oid}/edit/sign-in",
            data={"email": email, "password": password},
            follow_redirects=False,
        )

    assert sign_in("user@acme.example", "wrong-password").status_code == 401
    assert sign_in("stranger@other.example", "stranger-pass").status_code == 401
    helper = sign_in("helper@acme.example", "helper-pass-1")
    assert helper.status_code == 403 and "Collaborator" in helper.text
    signed = sign_in("User@Acme.example", "user-pass-123")
    assert signed.status_code == 303, signed.text
    target = signed.headers["location"]
    assert urlsplit(target).path == f"/orders/{oid}/edit"
    page = client.get(target)
    assert page.status_code == 200
    assert "user@acme.example" in page.text


def test_wrong_sign_ins_are_slowed_down_per_address_and_email(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    make_user(tenant, "guess@acme.example", role="User", password="right-pass-123")
    make_user(tenant, "other@acme.example", role="User", password="other-pass-123")
    oid = ready_order(runtime, tenant, package_type="plus")["id"]

    def sign_in(email: str, password: str) -> Any:
        return client.post(
            f"/orders/{oid}/edit/sign-in",
            data={"email": email, "password": password},
            follow_redirects=False,
        )

    for attempt in range(signin_limit.FAILURES_PER_MINUTE):
        assert sign_in("guess@acme.example", f"guess-{attempt}").status_code == 401
    refused = sign_in("Guess@acme.example", "right-pass-123")
    # the right password no longer gets in while the address is locked out for that email
    assert refused.status_code == 429, refused.text
    assert int(refused.headers["retry-after"]) >= 1
    assert "Too many wrong sign-ins" in refused.text
    # another person signing in from the same address is not locked out
    assert sign_in("other@acme.example", "other-pass-123").status_code == 303
