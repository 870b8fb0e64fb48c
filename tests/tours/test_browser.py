"""The tour in a real headless Chromium, driven over the DevTools protocol (see `cdp.py`).

One server and one browser serve the whole module (SQLite only: the browser does not care which
database answered). Every request a page makes is recorded from `Network.requestWillBeSent`.

Skipped, with the reason, when no Chromium is installed; if `PLANROOM_TEST_CHROMIUM` names one
that is not there (CI sets it), the tests fail instead of silently skipping.
Set `PLANROOM_TOUR_SCREENSHOTS=<folder>` to write the desktop and phone screenshots there.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from planroom.app import create_app
from planroom.floormodel.schema import FloorModel
from planroom.render.measure_text import area_text, dimension_lines
from planroom.runtime import Runtime
from planroom.tours.plan import room_data
from tests.conftest import make_settings
from tests.tours.builders import (
    COMPANY_NAME,
    glb_of,
    house,
    logo_png,
    make_company,
    publish_tour,
)
from tests.tours.cdp import CHROMIUM_ENV, Browser, Page, find_chromium
from tests.tours.live import serve

PLAN_TEXT = (
    "document.querySelector('.plan:not([hidden]) "
    'text[data-space-id="{space}"][data-role="{role}"]\').textContent'
)
DESKTOP = (1280, 900)
PHONE = (390, 844)


@dataclass(frozen=True)
class Site:
    base: str
    tour: str
    """Path of a plus_3d tour (3D model, logo)."""
    model: FloorModel


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        if os.environ.get(CHROMIUM_ENV):
            pytest.fail(f"{CHROMIUM_ENV}={os.environ[CHROMIUM_ENV]} is not an executable")
        pytest.skip(
            "Chromium not found: install it (apt-get install chromium) or set "
            f"{CHROMIUM_ENV}=/path/to/chromium to run the tour browser tests"
        )
    return path


@pytest.fixture(scope="module")
def site(
    chromium: str, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("tour-live")
    database = folder / "planroom.db"
    shutil.copy(sqlite_template, database)
    runtime = Runtime.from_settings(make_settings(folder, f"sqlite:///{database}"))
    try:
        model = house()
        company = make_company(runtime)
        order = publish_tour(
            runtime, company, model, package="plus_3d", glb=glb_of(model), logo=logo_png()
        )
        with serve(create_app(runtime)) as base:
            yield Site(base=base, tour=f"/tours/{order.order_id}", model=model)
    finally:
        runtime.close()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    launched = Browser.launch(chromium)
    yield launched
    launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page()
    opened.set_viewport(*DESKTOP, mobile=False)
    yield opened
    browser.close_page(opened)


def open_tour(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for("document.body.dataset.ready === 'true'")


def visible_text(page: Page, selector: str) -> str:
    value = page.evaluate(f"document.querySelector({json.dumps(selector)}).innerText")
    return str(value).strip()


def foreign(requests: list[str], base: str) -> list[str]:
    origin = urlsplit(base)
    return [
        url
        for url in requests
        if urlsplit(url).scheme not in ("data", "blob")
        and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)
    ]


def test_no_request_goes_anywhere_but_planroom(page: Page, site: Site) -> None:
    open_tour(page, site.base + site.tour)
    page.click('.views [data-view="model"]')
    state = page.wait_for(
        "['ready', 'error'].includes(document.querySelector('#model-view').dataset.state)"
        " && document.querySelector('#model-view').dataset.state",
        timeout=60,
    )
    assert state == "ready", page.console_errors
    page.wait_for("Number(document.querySelector('.model-stage').dataset.frames || 0) > 0")
    page.browser.pump(0.2)
    requests = list(page.requests)
    assert foreign(requests, site.base) == []
    paths = {urlsplit(url).path for url in requests}
    assert f"{site.tour}/model.glb" in paths
    assert "/tours/assets/vendor/three-0.170.0/build/three.module.min.js" in paths
    assert any(path.endswith(".woff") for path in paths)
    assert int(page.evaluate("document.querySelector('.model-stage').dataset.meshes")) > 10
    assert page.console_errors == []


def test_mls_page_loads_nothing_from_elsewhere_either(page: Page, site: Site) -> None:
    open_tour(page, f"{site.base}{site.tour}/mls")
    page.browser.pump(0.2)
    assert page.requests
    assert foreign(page.requests, site.base) == []
    assert page.console_errors == []


def test_switching_levels_changes_the_plan(page: Page, site: Site) -> None:
    open_tour(page, site.base + site.tour)
    shown = (
        "[...document.querySelectorAll('.plan')].filter(f => !f.hidden).map(f => f.dataset.levelId)"
    )
    rooms = (
        "[...document.querySelectorAll('.plan:not([hidden]) path[data-space-id]')]"
        ".filter(p => p.getBoundingClientRect().width > 0).map(p => p.dataset.spaceId).sort()"
    )
    ground, upper = (level.id for level in site.model.levels_in_order())
    assert page.evaluate(shown) == [ground]
    assert page.evaluate(rooms) == sorted(s.id for s in site.model.spaces_on(ground))
    page.click(f'.levels [data-level-id="{upper}"]')
    assert page.evaluate(shown) == [upper]
    assert page.evaluate(rooms) == sorted(s.id for s in site.model.spaces_on(upper))
    assert "Upper Floor" in visible_text(page, ".plan:not([hidden]) figcaption")
    assert "Primary Bedroom" in visible_text(page, ".room-list:not([hidden])")


def test_tapping_a_room_shows_its_name_size_and_area(page: Page, site: Site) -> None:
    open_tour(page, site.base + site.tour)
    assert page.evaluate("document.querySelector('.room-info').hidden") is True
    page.click('.plan:not([hidden]) path[data-space-id="kitchen"]')
    kitchen = room_data(next(s for s in site.model.spaces if s.id == "kitchen"), "en")
    card = visible_text(page, "#room-card")
    assert "Kitchen" in card
    assert area_text(kitchen.area_sq_mm, "imperial") in card
    assert dimension_lines(kitchen.long_mm, kitchen.short_mm, "imperial")[0] in card
    selected = "document.querySelector('.plan:not([hidden]) path.is-selected').dataset.spaceId"
    assert page.evaluate(selected) == "kitchen"


def test_unit_switch_changes_the_numbers(page: Page, site: Site) -> None:
    open_tour(page, site.base + site.tour)
    living = room_data(next(s for s in site.model.spaces if s.id == "living"), "en")
    page.click('.plan:not([hidden]) path[data-space-id="living"]')
    total = visible_text(page, "#total-area")
    assert total.endswith("sq ft")
    plan_area = PLAN_TEXT.format(space="living", role="area")
    assert page.evaluate(plan_area) == area_text(living.area_sq_mm, "imperial")

    page.click('.units [data-units="metric"]')
    assert visible_text(page, "#total-area").endswith("m²")
    assert visible_text(page, "#total-area") != total
    assert page.evaluate(plan_area) == area_text(living.area_sq_mm, "metric")
    card = visible_text(page, "#room-card")
    assert area_text(living.area_sq_mm, "metric") in card
    assert dimension_lines(living.long_mm, living.short_mm, "metric")[0] in card
    dims = PLAN_TEXT.format(space="living", role="dims")
    assert page.evaluate(dims) == dimension_lines(living.long_mm, living.short_mm, "metric")[0]

    page.click('.units [data-units="imperial"]')
    assert visible_text(page, "#total-area") == total


def test_page_formats_numbers_like_the_plan_renderer(page: Page, site: Site) -> None:
    """The script's rounding (half up on the shortest decimal form) equals measure_text's."""
    open_tour(page, site.base + site.tour)
    pick = random.Random(20240611)
    lengths = [0.0, 12.7, 25.4 * 5.5, 304.8 * 12.96, 3755.0, 3765.0, 1004.9999, 9144.0, 12345.678]
    lengths += [(n + 0.005) * 1000.0 for n in range(12)] + [(n + 0.5) * 25.4 for n in range(40)]
    lengths += [round(pick.uniform(300, 25_000), pick.choice((0, 1, 3))) for _ in range(150)]
    areas = [0.0, 46451.52, 92903.04 * 1234.5, 1_250_000.0, 12_650_000.0, 1_234_567_890.0, 50_000.0]
    areas += [(n + 0.5) * 304.8 * 304.8 for n in range(60)] + [(n + 0.05) * 1e6 for n in range(60)]
    areas += [round(pick.uniform(1e5, 4e8), pick.choice((0, 1, 2))) for _ in range(150)]
    script = json.dumps({"lengths": lengths, "areas": areas})
    result = page.evaluate(
        f"""(() => {{
            const f = window.planroomTour.format, v = {script}, out = {{}};
            const units = ['imperial', 'metric'];
            for (const lang of ['en', 'fi']) {{
              out[lang] = {{
                sizes: v.lengths.map(m => units.map(u => f.sizeText(m, m / 2, u, lang))),
                areas: v.areas.map(a => units.map(u => f.areaText(a, u, lang))),
              }};
            }}
            return out;
        }})()"""
    )
    for language in ("en", "fi"):
        expected_sizes = [
            [dimension_lines(m, m / 2, "imperial", language)[0],
             dimension_lines(m, m / 2, "metric", language)[0]]
            for m in lengths
        ]  # fmt: skip
        expected_areas = [
            [area_text(a, "imperial", language), area_text(a, "metric", language)] for a in areas
        ]
        assert result[language]["sizes"] == expected_sizes
        assert result[language]["areas"] == expected_areas


def test_mls_page_has_no_branding(page: Page, site: Site) -> None:
    open_tour(page, site.base + site.tour)
    branded = visible_text(page, "body")
    assert COMPANY_NAME in branded
    assert page.evaluate("document.querySelectorAll('img.brand-logo').length") == 1

    open_tour(page, f"{site.base}{site.tour}/mls")
    unbranded = visible_text(page, "body")
    assert COMPANY_NAME not in unbranded
    assert COMPANY_NAME not in page.evaluate("document.documentElement.outerHTML")
    assert page.evaluate("document.querySelectorAll('img, a[href^=\"mailto:\"]').length") == 0
    assert "121 North Washington Avenue" in unbranded
    assert visible_text(page, "#total-area").endswith("sq ft")


def test_phone_layout(page: Page, site: Site) -> None:
    page.set_viewport(*PHONE, mobile=True, scale=2)
    open_tour(page, site.base + site.tour)
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    displayed = "getComputedStyle(document.querySelector('.plan:not([hidden]) .layer-{}')).display"
    assert page.evaluate(displayed.format("labels")) == "none"
    assert page.evaluate(displayed.format("compact-labels")) != "none"
    page.click('.plan:not([hidden]) path[data-space-id="living"]')
    assert "Living Room" in visible_text(page, "#room-card")


SCREENSHOTS = os.environ.get("PLANROOM_TOUR_SCREENSHOTS")


@pytest.mark.skipif(not SCREENSHOTS, reason="set PLANROOM_TOUR_SCREENSHOTS=<folder> to write them")
def test_screenshots(page: Page, site: Site) -> None:
    folder = Path(str(SCREENSHOTS))
    folder.mkdir(parents=True, exist_ok=True)
    open_tour(page, site.base + site.tour)
    page.click('.plan:not([hidden]) path[data-space-id="living"]')
    page.evaluate("window.scrollTo(0, 0)")
    (folder / "tour-desktop.png").write_bytes(page.screenshot())
    page.click('.views [data-view="model"]')
    page.wait_for("document.querySelector('#model-view').dataset.state === 'ready'", timeout=60)
    page.click('.levels [data-level-id="upper"]')
    page.browser.pump(0.5)
    page.evaluate("window.scrollTo(0, 0)")
    (folder / "tour-desktop-3d.png").write_bytes(page.screenshot())
    page.set_viewport(*PHONE, mobile=True, scale=2)
    open_tour(page, f"{site.base}{site.tour}/mls")
    page.click('.levels [data-level-id="upper"]')
    page.click('.plan:not([hidden]) path[data-space-id="bed1"]')
    page.click('.units [data-units="metric"]')
    page.evaluate("window.scrollTo(0, 0)")
    (folder / "tour-phone-mls.png").write_bytes(page.screenshot())
