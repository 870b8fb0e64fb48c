"""Drafter mode: walls and openings. A real-capture-like scan of an open-plan living room and
kitchen (no wall was captured between them) gets the missing wall; both rooms close on it and
their areas change, and every file follows."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.floormodel.roomplan.capture_builders import door, floor, rectangle, room, section, wall
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import make_drafter
from tests.quickedit.builders import edit_link, ready_order, run_queue


def open_plan_capture() -> list[dict[str, object]]:
    """Two rooms captured one after the other, as a phone exports them: the living room's
    walls on three sides, the kitchen's on three, and nothing along the side they share."""
    living = room(
        walls=[wall((0, 0), (5, 0)), wall((0, 4), (0, 0)), wall((5, 4), (0, 4))],
        floors=[floor(rectangle(0, 0, 5, 4))],
        sections=[section("livingRoom", (2.5, 2))],
        doors=[door((2.5, 0), (1, 0))],
    )
    kitchen = room(
        walls=[wall((5, 0), (8, 0)), wall((8, 0), (8, 4)), wall((8, 4), (5, 4))],
        floors=[floor(rectangle(5, 0, 8, 4))],
        sections=[section("kitchen", (6.5, 2))],
    )
    return [living, kitchen]


def _room(state: dict[str, Any], name: str) -> dict[str, Any]:
    (space,) = [space for space in state["model"]["spaces"] if space["name"] == name]
    (shown,) = [item for item in state["rooms"] if item["id"] == space["id"]]
    return {**space, **shown}


def test_adding_the_missing_wall_closes_the_rooms_and_changes_their_areas(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = ready_order(runtime, tenant, scan=open_plan_capture())
    drafter = make_drafter(runtime, client)
    link = edit_link(client, drafter.post(f"/orders/{order['id']}/quick-edit-link"))
    state = link.state().json()
    assert state["mode"] == "drafter"
    living, kitchen = _room(state, "Living Room"), _room(state, "Kitchen")
    assert (living["closed"], kitchen["closed"]) == (False, False)
    # the shared side: where the living room's floor ends, across the whole plan
    xs = [x for x, _ in living["polygon"]]
    side = max(xs)
    walls = state["model"]["walls"]
    bottom = min(min(w["start"][1], w["end"][1]) for w in walls)
    top = max(max(w["start"][1], w["end"][1]) for w in walls)

    saved = link.save(
        state["version"],
        {"op": "add_wall", "level_id": living["level_id"], "start": [side, bottom],
         "end": [side, top]},
    )  # fmt: skip
    assert saved.status_code == 200, saved.text
    after = saved.json()
    living_after, kitchen_after = _room(after, "Living Room"), _room(after, "Kitchen")
    assert (living_after["closed"], kitchen_after["closed"]) == (True, True)
    assert living_after["area"]["sq_mm"] < living["area"]["sq_mm"]
    assert kitchen_after["area"]["sq_mm"] < kitchen["area"]["sq_mm"]
    assert any("follows its walls" in change for change in after["changes"])
    assert after["history"][0]["author"] == f"drafter {drafter.name}"
    run_queue(runtime)
    assert link.state().json()["progress"]["finished"] is True
    assert tenant.get(f"/orders/{order['id']}").json()["info"]["status"] == "Ready"

    # and back: deleting the wall is a geometry edit too, the rooms keep their outlines
    new_wall = after["model"]["walls"][-1]["id"]
    removed = link.save(after["version"], {"op": "delete_wall", "id": new_wall})
    assert removed.status_code == 200, removed.text
    assert _room(removed.json(), "Living Room")["closed"] is False
