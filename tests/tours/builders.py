"""Tour test data: a small two-storey house, and orders whose tour is published directly.

`publish_tour` sets up what the production line leaves behind when it delivers a tour (a model
version, the `tour` product delivered; optionally a delivered 3D model) without running it.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from typing import Any

from PIL import Image
from sqlalchemy import select

from planroom.companies import service as companies
from planroom.companies.models import Company
from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.floormodel.schema import FloorModel, Level, PropertyInfo, Space, Stair
from planroom.orders import service as orders
from planroom.orders.models import Order, OrderProduct
from planroom.production.versions import save_version
from planroom.runtime import Runtime
from tests.render.builders import box_walls, opening, wall

COMPANY_NAME = "Northlight Floorplans"
COMPANY_EMAIL = "hello@northlight.example"


def _rect(x0: int, y0: int, x1: int, y1: int, inset: int = 57) -> list[tuple[int, int]]:
    return [(x0 + inset, y0 + inset), (x1 - inset, y0 + inset), (x1 - inset, y1 - inset),
            (x0 + inset, y1 - inset)]  # fmt: skip


def house() -> FloorModel:
    """A 9 x 7 m two-storey house: living room, kitchen, hall and WC below; two bedrooms, a
    bathroom and a landing above; a stair between them."""
    g, u = "ground", "upper"
    walls = [
        *box_walls("g", g, 0, 0, 9000, 7000),
        wall("g-i1", g, (5000, 0), (5000, 7000)),
        wall("g-i2", g, (5000, 4200), (9000, 4200)),
        wall("g-i3", g, (7400, 0), (7400, 4200)),
        *box_walls("u", u, 0, 0, 9000, 7000),
        wall("u-i1", u, (4600, 0), (4600, 7000)),
        wall("u-i2", u, (4600, 4200), (9000, 4200)),
        wall("u-i3", u, (0, 3300), (4600, 3300)),
    ]
    openings = [
        opening("front", "g0", "door", 6200, 950, hinge="end", swing="left"),
        opening("living-win", "g3", "window", 3500, 1800),
        opening("living-win2", "g2", "window", 6500, 1500),
        opening("kitchen-win", "g2", "window", 2000, 1200),
        opening("wc-win", "g1", "window", 1600, 600),
        opening("living-hall", "g-i1", "opening", 1800, 1200),
        opening("kitchen-hall", "g-i2", "opening", 1400, 1000),
        opening("wc-door", "g-i3", "door", 3000, 750, hinge="start", swing="left"),
        opening("bed1-win", "u3", "window", 1800, 1500),
        opening("bed2-win", "u3", "window", 5200, 1500),
        opening("bath-win", "u1", "window", 5500, 900),
        opening("bed1-door", "u-i1", "door", 1900, 800, hinge="start", swing="right"),
        opening("bed2-door", "u-i1", "door", 3900, 800, hinge="start", swing="right"),
        opening("bath-door", "u-i2", "door", 1300, 800, hinge="start", swing="left"),
    ]
    spaces = [
        Space(id="living", level_id=g, name="Living Room", type="living",
              polygon=_rect(0, 0, 5000, 7000)),
        Space(id="kitchen", level_id=g, name="Kitchen", type="kitchen",
              polygon=_rect(5000, 4200, 9000, 7000)),
        Space(id="hall", level_id=g, name="Hall", type="hall",
              polygon=_rect(5000, 0, 7400, 4200)),
        Space(id="wc", level_id=g, name="WC", type="half_bath",
              polygon=_rect(7400, 0, 9000, 4200)),
        Space(id="bed1", level_id=u, name="Primary Bedroom", type="bedroom",
              polygon=_rect(0, 0, 4600, 3300)),
        Space(id="bed2", level_id=u, name="Bedroom", type="bedroom",
              polygon=_rect(0, 3300, 4600, 7000)),
        Space(id="bath", level_id=u, name="Bathroom", type="bathroom",
              polygon=_rect(4600, 4200, 9000, 7000)),
        Space(id="landing", level_id=u, name="Landing", type="hall",
              polygon=_rect(4600, 0, 9000, 4200)),
    ]  # fmt: skip
    stairs = [
        Stair(
            id="stair",
            level_id=g,
            from_level_id=g,
            to_level_id=u,
            footprint=[(5150, 700), (6150, 700), (6150, 3900), (5150, 3900)],
            direction_deg=90.0,
            treads=14,
        )
    ]
    return FloorModel(
        property=PropertyInfo(property_type="detached", north_deg=20.0),
        levels=[
            Level(id=g, name="Ground Floor", index=0),
            Level(id=u, name="Upper Floor", index=1, elevation=2800),
        ],
        walls=walls,
        openings=openings,
        spaces=spaces,
        stairs=stairs,
    )


def logo_png() -> bytes:
    image = Image.new("RGB", (160, 48), (14, 107, 92))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass(frozen=True)
class TourOrder:
    order_id: uuid.UUID
    company_id: uuid.UUID


def make_company(
    runtime: Runtime,
    name: str = COMPANY_NAME,
    email: str | None = COMPANY_EMAIL,
    measurement_system: str = "imperial",
) -> uuid.UUID:
    with unit_of_work(runtime.session_factory) as session:
        created = companies.create_company(
            session, name=name, email=email, measurement_system=measurement_system
        )
        return created.company.id


def publish_tour(
    runtime: Runtime,
    company_id: uuid.UUID,
    model: FloorModel | None = None,
    *,
    package: str = "plus",
    deliver: bool = True,
    with_version: bool = True,
    glb: bytes | None = None,
    logo: bytes | None = None,
    street: str = "121 North Washington Avenue",
) -> TourOrder:
    """An order as the production line leaves it after delivering its tour.

    `deliver=False` leaves the tour owed (not published); `glb` stores a delivered 3D model
    (package `plus_3d`); `logo` stores an image and names it in the order's inline style.
    """
    model = model or house()
    with unit_of_work(runtime.session_factory) as session:
        company = session.get(Company, company_id)
        assert company is not None
        order = orders.new_order(
            session,
            company,
            orders.NewOrderFields(
                street=street,
                city="Minneapolis",
                state="MN",
                postal_code="55411",
                country="United States",
                package_type=package,
            ),
            status="Ready",
            owner=None,
            order_type=None,
            is_scan_order=True,
        )
        if logo is not None:
            key = f"companies/{company_id}/logo.png"
            runtime.storage.put(key, logo, "image/png")
            order.order_preferences = {"style_2d": {"style": {"logo": {"position": "top-left"}}}}
        version = (
            save_version(session, order, model, author="test").version if with_version else None
        )
        rows = {
            row.product: row
            for row in session.scalars(
                select(OrderProduct).where(OrderProduct.order_id == order.id)
            )
        }
        now = clock.now()
        if deliver and "tour" in rows:
            _delivered(rows["tour"], version, now, {"type": "floorplan_tour"})
        if glb is not None and "floorplans_3d" in rows:
            key = f"orders/{order.id}/floorplans_3d/house_3d.glb"
            runtime.storage.put(key, glb, "model/gltf-binary")
            files = {"jpg_urls": [], "glb_urls": [{"key": key, "name": "house_3d.glb"}]}
            _delivered(rows["floorplans_3d"], version, now, files)
        session.flush()
        return TourOrder(order_id=order.id, company_id=company_id)


def _delivered(row: OrderProduct, version: int | None, now: Any, files: dict[str, Any]) -> None:
    row.state = "delivered"
    row.rendered_at = now
    row.delivered_at = now
    row.model_version = version
    row.files = files


def order_of(runtime: Runtime, order_id: uuid.UUID) -> Order:
    with unit_of_work(runtime.session_factory) as session:
        order = session.get(Order, order_id)
        assert order is not None
        session.expunge(order)
        return order


def glb_of(model: FloorModel) -> bytes:
    """The order's 3D model as the `floorplans_3d` renderer makes it."""
    from planroom.render.context import Address, Branding, RenderContext
    from planroom.render.styles import StyleOptions
    from planroom.render.three_d.glb import render_glb

    ctx = RenderContext(
        order_id="tour-test",
        model=model,
        model_version=1,
        address=Address(street="121 North Washington Avenue", city="Minneapolis", country="US"),
        style=StyleOptions(),
        measurement_system="imperial",
        branding=Branding(company_name=COMPANY_NAME),
    )
    return render_glb(ctx)
