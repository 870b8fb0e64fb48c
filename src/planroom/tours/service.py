"""The tour of an order: its public links, when it exists, and what its page shows.

The order id in the link is the capability (like a file link): anyone holding it sees the tour,
and nobody can list tours. A tour exists once the order's `tour` product has been delivered; it
shows the model version that delivery was rendered from, so a fix in progress is not published
before it is delivered. The `/mls` variant is the same page without branding, agent or contact
details (MLS rules for "unbranded" virtual tours).
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from planroom.companies.logo import logo_key
from planroom.companies.models import Company
from planroom.companies.service import find_company
from planroom.floormodel.areas import FIGURE_LABELS
from planroom.orders.address import full_address
from planroom.orders.models import Order, OrderProduct
from planroom.orders.products import products_for
from planroom.orders.service import get_any_order, order_products
from planroom.production.models import FloorModelVersion
from planroom.production.render_context import render_context
from planroom.production.versions import find_version, latest_version, model_of
from planroom.render.i18n import disclaimer, fixed
from planroom.render.measure_text import Units, area_text, dimension_lines
from planroom.runtime import Runtime
from planroom.tours.plan import LevelPlan, PlanSet, RoomData, cache_key, plan_cache
from planroom.tours.text import ui_text

MAX_LOGO_BYTES = 1_000_000
"""A logo is inlined in the page (no extra request); one larger than this is left out."""
LOGO_TYPES = frozenset({"image/png", "image/jpeg", "image/webp", "image/gif", "image/svg+xml"})


@dataclass(frozen=True)
class TourSource:
    """What a published tour is drawn from."""

    order: Order
    company: Company
    version: FloorModelVersion
    glb_key: str | None
    """Storage key of the delivered 3D model, when the order has one."""


def _parse_id(order_id: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(order_id)
    except (ValueError, AttributeError):
        return None


def find_tour(session: Session, order_id: str) -> TourSource | None:
    """The published tour of `order_id`, or None: unknown id, no `tour` product, tour not
    delivered yet, or no model. Callers answer all of these with the same 404."""
    oid = _parse_id(order_id)
    order = get_any_order(session, oid) if oid is not None else None
    if order is None or oid is None:
        return None
    included = set(products_for(order.package_type, order.add_ons))
    if "tour" not in included:
        return None
    rows = {row.product: row for row in order_products(session, oid)}
    tour = rows.get("tour")
    if tour is None or tour.delivered_at is None:
        return None
    version = _delivered_version(session, oid, tour.model_version)
    company = find_company(session, order.company_id)
    if version is None or company is None:
        return None
    glb_key = _glb_key(rows.get("floorplans_3d")) if "floorplans_3d" in included else None
    return TourSource(order=order, company=company, version=version, glb_key=glb_key)


def _delivered_version(
    session: Session, order_id: uuid.UUID, number: int | None
) -> FloorModelVersion | None:
    found = find_version(session, order_id, number) if number is not None else None
    return found or latest_version(session, order_id)


def _glb_key(row: OrderProduct | None) -> str | None:
    if row is None or row.delivered_at is None:
        return None
    files = row.files.get("glb_urls") if isinstance(row.files, dict) else None
    if not isinstance(files, list) or not files:
        return None
    first = files[0]
    key = first.get("key") if isinstance(first, dict) else None
    return key if isinstance(key, str) else None


@dataclass(frozen=True)
class TourPage:
    """Everything the tour template shows."""

    order_id: str
    mls: bool
    language: str
    text: dict[str, str]
    address: tuple[str, ...]
    full_address: str
    company_name: str | None
    contact_email: str | None
    logo_uri: str | None
    units: str
    """The company's system, which the page starts in: `imperial` or `metric`."""
    figure_key: str
    figure_name: str
    figure_title: str
    disclaimer: str
    plans: PlanSet
    model_url: str | None

    def area_text(self, sq_mm: float) -> str:
        """An area as the plan prints it in the page's starting units (the script re-formats)."""
        return area_text(sq_mm, self._units(), self.language)

    def size_text(self, room: RoomData) -> str:
        return dimension_lines(room.long_mm, room.short_mm, self._units(), self.language)[0]

    def level_figure_text(self, level: LevelPlan) -> str:
        if self.figure_key == "gla" and level.grade == "below":
            return self.text["below_grade"]
        return self.area_text(level.figure_sq_mm)

    def _units(self) -> Units:
        return "metric" if self.units == "metric" else "imperial"

    @property
    def bathrooms(self) -> int:
        return self.plans.counts.get("bathrooms_full", 0)

    @property
    def half_baths(self) -> int:
        return self.plans.counts.get("bathrooms_half", 0)

    @property
    def bedrooms(self) -> int:
        return self.plans.counts.get("bedrooms", 0)

    @property
    def title(self) -> str:
        if self.company_name:
            return f"{self.full_address} · {self.company_name}"
        return self.full_address

    def data(self) -> dict[str, Any]:
        """The JSON the page's script formats numbers from (millimetres, never rounded text)."""
        return {
            "orderId": self.order_id,
            "entryLevelId": self.plans.entry_level_id,
            "units": self.units,
            "language": self.language,
            "figure": {
                "key": self.figure_key,
                "name": self.figure_name,
                "sqMm": self.plans.figure_sq_mm,
            },
            "levels": [
                {
                    "id": level.id,
                    "name": level.name,
                    "grade": level.grade,
                    "figureSqMm": level.figure_sq_mm,
                    "rooms": [
                        {
                            "id": room.id,
                            "name": room.name,
                            "type": room.type,
                            "longMm": room.long_mm,
                            "shortMm": room.short_mm,
                            "areaSqMm": room.area_sq_mm,
                            "measured": room.measured,
                        }
                        for room in level.rooms
                    ],
                }
                for level in self.plans.levels
            ],
            "model": {"url": self.model_url} if self.model_url else None,
            "text": self.text,
        }


def _address_lines(order: Order) -> tuple[str, ...]:
    first = ", ".join(part for part in (order.street, order.suite) if part)
    region = " ".join(part for part in (order.state, order.postal_code) if part)
    second = ", ".join(part for part in (order.city, region) if part)
    return tuple(line for line in (first, second) if line)


def _logo_uri(runtime: Runtime, key: str) -> str | None:
    """The logo as a data URI: shown without any request, whatever the storage backend."""
    storage = runtime.storage
    try:
        if storage.size(key) > MAX_LOGO_BYTES:
            return None
        content_type = storage.content_type(key)
        if content_type not in LOGO_TYPES:
            return None
        encoded = base64.b64encode(storage.get(key)).decode("ascii")
    except (FileNotFoundError, OSError, ValueError):
        return None
    return f"data:{content_type};base64,{encoded}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else f"{text}."


def model_path(order_id: uuid.UUID | str) -> str:
    """Where the page fetches the 3D model: the tour's own route, on the page's host."""
    return f"/tours/{order_id}/model.glb"


def build_page(session: Session, runtime: Runtime, source: TourSource, *, mls: bool) -> TourPage:
    order, company = source.order, source.company
    model = model_of(source.version)
    ctx = render_context(session, runtime.settings, order, company, model, source.version.version)
    plans = plan_cache.get(cache_key(str(order.model_id), source.version.version, ctx), ctx)
    style = ctx.style
    language = style.language
    logo = None
    if not mls and style.logo is not None:
        logo = _logo_uri(runtime, logo_key(company.id))
    return TourPage(
        order_id=str(order.id),
        mls=mls,
        language=language,
        text=ui_text(language),
        address=_address_lines(order),
        full_address=full_address(
            order.street, order.suite, order.city, order.state, order.postal_code, order.country
        ),
        company_name=None if mls else company.name,
        contact_email=None if mls else company.email,
        logo_uri=logo,
        units=ctx.measurement_system,
        figure_key=style.area_figure,
        figure_name=fixed(language, style.area_figure),
        figure_title=FIGURE_LABELS[style.area_figure],
        disclaimer=_sentence(disclaimer(style.disclaimer, language)),
        plans=plans,
        model_url=model_path(order.id) if source.glb_key else None,
    )
