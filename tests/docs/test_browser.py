"""The docs in a real headless Chromium with the network to every other host cut: the reference
shows every operation of the OpenAPI document, the guides render, and no request leaves the
server (recorded from the DevTools protocol, see `tests/tours/cdp.py`).

Skipped when no Chromium is installed, failing instead when `PLANROOM_TEST_CHROMIUM` names one
that is not there. Set `PLANROOM_DOCS_SCREENSHOTS=<folder>` to write screenshots there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from planroom.app import create_app
from planroom.docs.guides import guides
from planroom.runtime import Runtime
from tests.conftest import make_settings
from tests.tours.cdp import CHROMIUM_ENV, OFFLINE_FLAGS, Browser, Page, find_chromium
from tests.tours.live import serve
from tests.tours.test_browser import DESKTOP, PHONE, foreign

SHOTS = os.environ.get("PLANROOM_DOCS_SCREENSHOTS")
OPENAPI = "/api/integrate/v3/openapi.json"


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        if os.environ.get(CHROMIUM_ENV):
            pytest.fail(f"{CHROMIUM_ENV}={os.environ[CHROMIUM_ENV]} is not an executable")
        pytest.skip(f"Chromium not found: install it or set {CHROMIUM_ENV}=/path/to/chromium")
    return path


@pytest.fixture(scope="module")
def site(
    chromium: str, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("docs-live")
    database = folder / "planroom.db"
    shutil.copy(sqlite_template, database)
    runtime = Runtime.from_settings(make_settings(folder, f"sqlite:///{database}"))
    try:
        app = create_app(runtime)
        with TestClient(app) as client, serve(app) as base:
            yield base, client.get(OPENAPI).json()
    finally:
        runtime.close()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    launched = Browser.launch(chromium, extra_flags=OFFLINE_FLAGS)
    yield launched
    launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page()
    opened.set_viewport(*DESKTOP, mobile=False)
    yield opened
    browser.close_page(opened)


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        (Path(SHOTS) / name).write_bytes(page.screenshot())


def _operation_ids(document: dict[str, Any]) -> set[str]:
    return {
        operation["operationId"]
        for section in ("paths", "webhooks")
        for operations in document.get(section, {}).values()
        for operation in operations.values()
    }


def test_the_network_to_other_hosts_is_really_cut(page: Page) -> None:
    for url in ("http://example.com/", "http://93.184.215.14/"):
        answer = page.call("Page.navigate", url=url)
        assert answer.get("errorText"), f"{url} was reachable: {answer}"


def test_the_reference_shows_every_operation_and_asks_no_other_host(
    page: Page, site: tuple[str, dict[str, Any]]
) -> None:
    base, document = site
    page.goto(f"{base}/docs")
    page.wait_for("document.body.dataset.ready === 'true'", timeout=60)
    page.wait_for("document.querySelectorAll('.opblock').length > 0", timeout=30)
    shown = set(
        page.evaluate(
            "[...document.querySelectorAll('.opblock-summary-operation-id')]"
            ".map(e => e.textContent.trim())"
        )
    )
    expected = _operation_ids(document)
    assert len(expected) > 50
    assert expected <= shown, sorted(expected - shown)
    assert f"{base}{OPENAPI}" in page.requests
    assert any("swagger-ui-bundle.js" in url for url in page.requests)
    assert foreign(page.requests, base) == []
    assert page.console_errors == []
    title = page.evaluate("document.querySelector('.info .title').textContent")
    assert "Planroom Integrate API" in title
    _shot(page, "docs-reference.png")


def test_an_operation_opens_with_its_example_body_and_errors(
    page: Page, site: tuple[str, dict[str, Any]]
) -> None:
    base, _document = site
    page.goto(f"{base}/docs#/Orders/createDraft")
    page.wait_for("!!document.querySelector('#operations-Orders-createDraft .opblock-body')", 60)
    text = page.evaluate("document.querySelector('#operations-Orders-createDraft').innerText")
    # the example body is made of the fields' examples; every error answer is listed
    assert '"postalCode": "55411"' in text
    assert "validation_error" in text
    assert all(status in text for status in ("400", "401", "409", "429", "503"))
    assert foreign(page.requests, base) == []
    _shot(page, "docs-create-draft.png")


@pytest.mark.parametrize("slug", [guide.slug for guide in guides()])
def test_every_guide_renders_offline(
    page: Page, site: tuple[str, dict[str, Any]], slug: str
) -> None:
    base, _document = site
    page.goto(f"{base}/docs/guides/{slug}")
    page.wait_for("document.body.dataset.ready === 'true'")
    assert page.evaluate("document.querySelector('h1').textContent")
    assert page.evaluate("document.querySelectorAll('pre.code').length") > 0
    assert "planroom.example" not in page.evaluate("document.body.innerText")
    assert foreign(page.requests, base) == []
    assert page.console_errors == []
    _shot(page, f"guide-{slug}.png")


def test_the_guides_fit_a_phone(page: Page, site: tuple[str, dict[str, Any]]) -> None:
    base, _document = site
    page.set_viewport(*PHONE, mobile=True, scale=2)
    page.goto(f"{base}/docs/guides/webhooks")
    page.wait_for("document.body.dataset.ready === 'true'")
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    _shot(page, "guide-webhooks-phone.png")
