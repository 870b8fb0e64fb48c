"""Drafter mode and two editors at once, in a real headless Chromium (see `tests/tours/cdp.py`).

A drafter opens a real-capture-like scan whose living room and kitchen were captured with no
wall between them, draws the missing wall on the plan with two clicks (its ends snap onto the
captured walls), saves, and the page shows both rooms closed with their new areas. Two company
users edit the same plan at once: neither change is lost, and the one who saves second sees what
the other changed, side by side with their own, and the rooms the other changed outlined.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import make_tenant, make_user
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import make_drafter
from tests.quickedit.builders import customer_link, edit_link, ready_order, run_queue
from tests.quickedit.test_browser import _open, _set, _shot, _text, chromium, live
from tests.quickedit.test_drafter import open_plan_capture
from tests.tours.cdp import Browser, Page
from tests.tours.test_browser import DESKTOP, foreign

__all__ = ["chromium", "live"]  # fixtures


@pytest.fixture
def browser(chromium: str) -> Iterator[Browser]:
    opened = Browser.launch(chromium)
    yield opened
    opened.close()


def _desktop(browser: Browser) -> Page:
    page = browser.new_page()
    page.set_viewport(*DESKTOP, mobile=False)
    return page


def _click_plan(page: Page, x: float, y: float) -> None:
    """A real pointer click at plan millimetres (x, y) (the plan's y goes up)."""
    point = page.evaluate(
        f"""(() => {{
            const plan = document.getElementById('plan');
            plan.scrollIntoView({{block: 'center'}});
            const p = new DOMPoint({x}, {-y}).matrixTransform(plan.getScreenCTM());
            return [p.x, p.y];
        }})()"""
    )
    for kind in ("mousePressed", "mouseReleased"):
        page.call(
            "Input.dispatchMouseEvent",
            type=kind,
            x=point[0],
            y=point[1],
            button="left",
            clickCount=1,
        )


def _drag_plan(page: Page, selector: str, to: tuple[float, float]) -> None:
    """Press on an element, move the pointer to plan millimetres `to`, release."""
    start = page.evaluate(
        f"""(() => {{ const r = document.querySelector({json.dumps(selector)})
            .getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()"""
    )
    end = page.evaluate(
        f"""(() => {{ const p = new DOMPoint({to[0]}, {-to[1]})
            .matrixTransform(document.getElementById('plan').getScreenCTM());
            return [p.x, p.y]; }})()"""
    )
    steps = [(start[0] + (end[0] - start[0]) * t / 4, start[1] + (end[1] - start[1]) * t / 4)
             for t in range(5)]  # fmt: skip
    page.call("Input.dispatchMouseEvent", type="mousePressed", x=start[0], y=start[1],
              button="left", clickCount=1)  # fmt: skip
    for x, y in steps[1:]:
        page.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y, button="left")
    page.call("Input.dispatchMouseEvent", type="mouseReleased", x=end[0], y=end[1],
              button="left", clickCount=1)  # fmt: skip


def _room(page: Page, space_id: str) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(
        f"""(() => {{
            const path = document.querySelector('path[data-space-id={json.dumps(space_id)}]');
            const area = document.querySelector(
                'text[data-space-id={json.dumps(space_id)}][data-role="area"]');
            return {{closed: path.dataset.closed, area: area.textContent,
                     classes: path.getAttribute('class')}};
        }})()"""
    )
    return found


def test_a_drafter_draws_the_missing_wall_and_the_rooms_close_on_the_page(
    live: tuple[Runtime, TestClient, str], browser: Browser
) -> None:
    runtime, client, base = live
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = ready_order(runtime, tenant, scan=open_plan_capture())
    drafter = make_drafter(runtime, client)
    link = edit_link(client, drafter.post(f"/orders/{order['id']}/quick-edit-link"))
    state = link.state().json()
    spaces = {space["name"]: space for space in state["model"]["spaces"]}
    living, kitchen = spaces["Living Room"], spaces["Kitchen"]
    side = max(x for x, _ in living["polygon"])
    walls = state["model"]["walls"]
    bottom = min(min(w["start"][1], w["end"][1]) for w in walls)
    top = max(max(w["start"][1], w["end"][1]) for w in walls)

    page = _desktop(browser)
    _open(page, base + link.url.removeprefix("http://testserver"))
    assert page.evaluate("document.body.dataset.mode") == "drafter"
    before = {name: _room(page, spaces[name]["id"]) for name in ("Living Room", "Kitchen")}
    assert {room["closed"] for room in before.values()} == {"false"}
    page.click('#tools [data-tool="wall"]')
    # a little off the captured walls: the page snaps the ends onto them
    _click_plan(page, side + 40, bottom - 60)
    page.wait_for("document.querySelector('#plan .wall-start') !== null")
    _click_plan(page, side - 30, top + 50)
    page.wait_for("document.querySelectorAll('#pending li').length === 1")
    drawn = page.evaluate(
        "(() => { const w = [...document.querySelectorAll('#plan line.wall')].pop();"
        " return [w.getAttribute('x1'), w.getAttribute('y1'), w.getAttribute('x2'),"
        " w.getAttribute('y2')].map(Number); })()"
    )
    start, end = (drawn[0], -drawn[1]), (drawn[2], -drawn[3])
    assert (start[1], end[1]) == (bottom, top), f"{drawn}: the ends did not snap onto the walls"
    assert start[0] == end[0], "the wall was not made straight"
    assert abs(start[0] - side) <= 50
    page.click("#save")
    page.wait_for("document.getElementById('message').dataset.kind === 'ok'")
    after = {name: _room(page, spaces[name]["id"]) for name in ("Living Room", "Kitchen")}
    assert {room["closed"] for room in after.values()} == {"true"}
    for name in ("Living Room", "Kitchen"):
        assert after[name]["area"] != before[name]["area"], name
    saved = link.state().json()
    assert len(saved["model"]["walls"]) == len(walls) + 1
    areas = {room["id"]: room["area"]["text"] for room in saved["rooms"]}
    assert after["Kitchen"]["area"].startswith(areas[kitchen["id"]])
    listed = _text(page, f'#room-list button[data-space-id="{kitchen["id"]}"] .area')
    assert listed.startswith(areas[kitchen["id"]])
    _shot(page, "quick-edit-drafter-desktop.png")

    # a room corner dragged along its wall snaps onto the wall's face and moves the boundary
    page.click('#tools [data-tool="select"]')
    page.click(f'#room-list button[data-space-id="{living["id"]}"]')
    page.wait_for("document.querySelectorAll('#plan .corner').length > 0")
    assert page.evaluate("document.getElementById('delete-selected').disabled") is False
    closed = next(s for s in saved["model"]["spaces"] if s["id"] == living["id"])
    index, (cx, cy) = min(enumerate(closed["polygon"]), key=lambda item: item[1][0] - item[1][1])
    _drag_plan(page, f'#plan .corner[data-corner="{index}"]', (cx + 30, cy - 1000))
    page.wait_for("document.querySelectorAll('#pending li').length === 1")
    assert "Move boundary of Living Room" in _text(page, "#pending")
    page.click("#save")
    page.wait_for("document.getElementById('message').dataset.kind === 'ok'")
    reshaped = link.state().json()
    corner = next(s for s in reshaped["model"]["spaces"] if s["id"] == living["id"])["polygon"]
    moved = [point for point in corner if abs(point[1] - (cy - 1000)) <= 10]
    assert moved and moved[0][0] == cx, corner  # on the wall's face, not 30 mm off it
    assert _room(page, living["id"])["area"] != after["Living Room"]["area"]
    run_queue(runtime)
    assert foreign(page.requests, base) == []
    assert page.console_errors == []


def test_two_editors_save_at_once_and_the_second_reviews_the_first_ones_change(
    live: tuple[Runtime, TestClient, str], browser: Browser
) -> None:
    runtime, client, base = live
    tenant = tenant_with_owner(make_tenant(runtime, client))
    make_user(tenant, "user@acme.example", role="User")
    order = ready_order(runtime, tenant, package_type="plus")
    first = customer_link(tenant, order["id"])
    second = customer_link(tenant, order["id"], user="user@acme.example")
    state = first.state().json()
    ground = [s for s in state["model"]["spaces"] if s["level_id"] == "L0"] or state["model"][
        "spaces"
    ]
    one, two = ground[0], ground[1]

    page_a, page_b = _desktop(browser), _desktop(browser)
    _open(page_a, base + first.url.removeprefix("http://testserver"))
    _open(page_b, base + second.url.removeprefix("http://testserver"))
    page_a.click(f'#room-list button[data-space-id="{one["id"]}"]')
    _set(page_a, "#room-name", "Den")
    page_b.click(f'#room-list button[data-space-id="{two["id"]}"]')
    _set(page_b, "#room-name", "Office")
    _set(page_b, "#property-type", "attached")

    page_a.click("#save")
    page_a.wait_for("document.getElementById('message').dataset.kind === 'ok'")
    page_b.click("#save")  # made on the version both opened: 409, then put on top
    page_b.wait_for("document.getElementById('message').dataset.kind === 'ok'")
    assert page_b.evaluate("document.getElementById('review').hidden") is False
    theirs = _text(page_b, "#review-theirs")
    assert "company" in theirs and 'renamed to "Den"' in theirs
    mine = _text(page_b, "#review-mine")
    assert "Office" in mine or "name" in mine
    assert "Property: type attached" in mine
    assert "changed-by-other" in _room(page_b, one["id"])["classes"]
    assert "changed-by-other" not in _room(page_b, two["id"])["classes"]
    _shot(page_b, "quick-edit-conflict-desktop.png")

    final = first.state().json()
    names = {space["id"]: space["name"] for space in final["model"]["spaces"]}
    assert (names[one["id"]], names[two["id"]]) == ("Den", "Office")
    assert final["model"]["property"]["property_type"] == "attached"
    assert [item["author"] for item in final["history"][:2]] == ["user@acme.example", "company"]
    # the first editor's page learns of the second save too
    page_a.wait_for(
        f"document.getElementById('version').textContent === 'version {final['version']}'"
    )
    assert "Office" in _text(page_a, f'text[data-space-id="{two["id"]}"][data-role="name"]')
    page_b.click("#review-close")
    assert page_b.evaluate("document.getElementById('review').hidden") is True
    run_queue(runtime)
    for page in (page_a, page_b):
        assert foreign(page.requests, base) == []
    assert page_a.console_errors == []
    # the browser notes the one 409 the page answered itself; nothing else went wrong
    assert [error for error in page_b.console_errors if "409" not in error] == []
