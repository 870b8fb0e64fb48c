"""The Quick Edit page in a real headless Chromium (see `tests/tours/cdp.py`): a customer renames
a basement room and unticks finished, saves, sees the new areas, every file is rendered again and
the webhook arrives at a real receiver; a restore brings the old figures back.

SQLite only (the browser does not care which database answered). Skipped when no Chromium is
installed, failing instead when `PLANROOM_TEST_CHROMIUM` names one that is not there. Set
`PLANROOM_QUICKEDIT_SCREENSHOTS=<folder>` to write the desktop and phone screenshots there.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from planroom.app import create_app
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.conftest import make_settings
from tests.orders.builders import download, tenant_with_owner
from tests.quickedit.builders import calls, customer_link, ready_order, run_queue
from tests.tours.cdp import CHROMIUM_ENV, Browser, Page, find_chromium
from tests.tours.live import serve
from tests.tours.test_browser import DESKTOP, PHONE, foreign
from tests.webhooks.receiver import running_receiver

SHOTS = os.environ.get("PLANROOM_QUICKEDIT_SCREENSHOTS")
INITIAL = "document.getElementById('initial-state').textContent"


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        if os.environ.get(CHROMIUM_ENV):
            pytest.fail(f"{CHROMIUM_ENV}={os.environ[CHROMIUM_ENV]} is not an executable")
        pytest.skip(f"Chromium not found: install it or set {CHROMIUM_ENV}=/path/to/chromium")
    return path


@pytest.fixture
def live(
    chromium: str, sqlite_template: Path, tmp_path: Path
) -> Iterator[tuple[Runtime, TestClient, str]]:
    database = tmp_path / "planroom.db"
    shutil.copy(sqlite_template, database)
    runtime = Runtime.from_settings(make_settings(tmp_path, f"sqlite:///{database}"))
    try:
        app = create_app(runtime)
        with TestClient(app, raise_server_exceptions=False) as client, serve(app) as base:
            yield runtime, client, base
    finally:
        runtime.close()


@pytest.fixture
def page(chromium: str) -> Iterator[Page]:
    browser = Browser.launch(chromium)
    opened = browser.new_page()
    opened.set_viewport(*DESKTOP, mobile=False)
    yield opened
    browser.close()


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for("document.body.dataset.ready === 'true'")


def _set(page: Page, selector: str, value: Any) -> None:
    """Type into a field or tick a box the way the page hears it (a `change` event)."""
    prop = "checked" if isinstance(value, bool) else "value"
    page.evaluate(
        f"(() => {{ const el = document.querySelector({json.dumps(selector)}); "
        f"el.{prop} = {json.dumps(value)}; "
        "el.dispatchEvent(new Event('change', {bubbles: true})); })()"
    )


def _text(page: Page, selector: str) -> str:
    return str(page.evaluate(f"document.querySelector({json.dumps(selector)}).textContent"))


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        (Path(SHOTS) / name).write_bytes(page.screenshot())


def _gla_basement(client: TestClient, order: dict[str, Any]) -> dict[str, Any]:
    url = order["delivery_assets"]["gla_package"]["json_urls"][0]
    document = json.loads(download(client, url)[0])
    (level,) = [level for level in document["levels"] if level["grade"] == "below"]
    return dict(level)


def test_a_customer_renames_a_basement_room_unticks_finished_and_restores(
    live: tuple[Runtime, TestClient, str], page: Page
) -> None:
    runtime, client, base = live
    tenant = tenant_with_owner(make_tenant(runtime, client))
    with running_receiver() as receiver:
        order = ready_order(
            runtime, tenant, receiver=receiver, package_type="plus", add_ons=["gla"]
        )
        oid = order["id"]
        png_url = order["delivery_assets"]["listing_floorplans"]["png_urls"][0]
        png_before = download(client, png_url)[0]
        gla_before = _gla_basement(client, order)
        receiver.received.clear()
        link = customer_link(tenant, oid)

        _open(page, base + link.url.removeprefix("http://testserver"))
        _shot(page, "quick-edit-desktop.png")
        gia_before = _text(page, "#figure-gia")
        first_version = int(page.evaluate(f"JSON.parse({INITIAL}).version"))
        page.click('#levels [data-level-id="L-1"]')
        assert page.evaluate("document.getElementById('plan').dataset.levelId") == "L-1"
        page.click('path[data-space-id="s1"]')
        assert page.evaluate("document.getElementById('room-form').hidden") is False
        assert page.evaluate("document.getElementById('room-name').value") == "Living Room"
        assert page.evaluate("document.getElementById('room-finished').checked") is True
        _set(page, "#room-name", "Rec Room")
        _set(page, "#room-finished", False)
        assert "Rec Room" in _text(page, 'text[data-space-id="s1"][data-role="name"]')
        _shot(page, "quick-edit-room-desktop.png")
        page.click("#save")
        page.wait_for("document.getElementById('message').dataset.kind === 'ok'")
        # the areas change at once (computed on the server), before any file is rendered again
        assert _text(page, "#figure-gia") != gia_before
        assert "unfinished" in _text(page, 'text[data-space-id="s1"][data-role="area"]')
        assert page.evaluate("document.getElementById('progress').dataset.finished") == "false"

        run_queue(runtime)
        page.wait_for("document.getElementById('progress').dataset.finished === 'true'", timeout=15)
        delivered = tenant.get(f"/orders/{oid}").json()
        assert delivered["info"]["status"] == "Ready"
        assert download(client, png_url)[0] != png_before
        gla_after = _gla_basement(client, delivered)
        assert gla_after["below_grade_finished"] < gla_before["below_grade_finished"]
        assert gla_after["below_grade_unfinished"] > gla_before["below_grade_unfinished"]
        assert any(item["name"] == "Rec Room" for item in gla_after["excluded"])
        sent = calls(receiver)
        assert sorted(call["product_type"] for call in sent) == ["products_2d", "tour"]
        assert {call["previous_status"] for call in sent} == {"Ready"}
        assert {call["current_status"] for call in sent} == {"Ready"}
        receiver.received.clear()

        page.click(f'#history [data-restore="{first_version}"]')
        page.wait_for("document.getElementById('message').dataset.kind === 'ok'")
        assert _text(page, "#figure-gia") == gia_before
        run_queue(runtime)
        restored = tenant.get(f"/orders/{oid}").json()
        assert _gla_basement(client, restored) == gla_before
        assert download(client, png_url)[0] == png_before
        assert {call["previous_status"] for call in calls(receiver)} == {"Ready"}

    assert foreign(page.requests, base) == []
    assert page.console_errors == []
    page.set_viewport(*PHONE, mobile=True, scale=2)
    _open(page, base + link.url.removeprefix("http://testserver"))
    page.click('path[data-space-id="s5"]')
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE[0], "the page scrolls sideways on a phone"
    _shot(page, "quick-edit-phone.png")
