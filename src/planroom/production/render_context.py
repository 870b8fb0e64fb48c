"""Build the `RenderContext` of an order: its model, address, style and company."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy.orm import Session

from planroom.companies.logo import load_logo
from planroom.companies.models import Company
from planroom.files.storage import Storage
from planroom.floormodel.schema import FloorModel
from planroom.orders.address import full_address, slug
from planroom.orders.models import Order
from planroom.production.model_facts import with_order_settings
from planroom.render.context import Address, Branding, RenderContext
from planroom.render.styles import BUILTIN_TEMPLATES, DEFAULT_TEMPLATE_ID, StyleOptions
from planroom.settings import Settings
from planroom.style_templates.service import resolve_options

SUPPORTED_LANGUAGES = ("en", "fi", "de", "fr", "es", "sv")
LETTER_COUNTRIES = {"united states", "usa", "us", "canada", "ca", "mexico", "philippines"}


def style_for(session: Session, order: Order, company: Company) -> StyleOptions:
    """The order's template (or the default), with the company's units and language when the
    template is a built-in, then any inline options from a re-delivery on top."""
    template_id = order.style_template_id or DEFAULT_TEMPLATE_ID
    options = resolve_options(session, company.id, template_id)
    if template_id in BUILTIN_TEMPLATES:
        language = (
            company.language if company.language in ("en", "fi", "de", "fr", "es", "sv") else "en"
        )
        options = options.model_copy(
            update={"units": company.measurement_system, "language": language}
        )
    inline = _inline_style(order)
    if inline:
        merged = {**options.model_dump(mode="json"), **inline}
        options = StyleOptions.model_validate(merged)
    if "gla" in order.add_ons and options.area_figure == "gia":
        options = options.model_copy(update={"area_figure": "gla"})
    return options


def _inline_style(order: Order) -> dict[str, Any]:
    style_2d = order.order_preferences.get("style_2d")
    if isinstance(style_2d, dict) and isinstance(style_2d.get("style"), dict):
        return cast(dict[str, Any], style_2d["style"])
    return {}


def render_context(
    session: Session,
    settings: Settings,
    order: Order,
    company: Company,
    model: FloorModel,
    model_version: int,
    *,
    storage: Storage | None = None,
) -> RenderContext:
    """`storage` is where the company logo is read from, when the style places one."""
    preferences = order.order_preferences
    style_3d = preferences.get("style_3d") if isinstance(preferences.get("style_3d"), dict) else {}
    assert isinstance(style_3d, dict)
    video = style_3d.get("video") if isinstance(style_3d.get("video"), dict) else {}
    assert isinstance(video, dict)
    style = style_for(session, order, company)
    logo = load_logo(storage, company.id) if storage is not None and style.show_logo else None
    return RenderContext(
        order_id=str(order.id),
        model=with_order_settings(model, order),
        model_version=model_version,
        address=Address(
            street=order.street,
            city=order.city,
            country=order.country,
            suite=order.suite,
            state=order.state,
            postal_code=order.postal_code,
            full_address=full_address(
                order.street,
                order.suite,
                order.city,
                order.state,
                order.postal_code,
                order.country,
            ),
            latitude=order.latitude,
            longitude=order.longitude,
        ),
        style=style,
        measurement_system="metric" if company.measurement_system == "metric" else "imperial",
        branding=Branding(company_name=company.name, logo_png=logo, contact_email=company.email),
        paper="letter" if order.country.strip().lower() in LETTER_COUNTRIES else "a4",
        file_stem=slug(order.street),
        image_long_side_px=settings.render_long_side_px,
        video_layout=video.get("layout", "landscape"),
        video_speed=video.get("speed", "normal"),
        video_scale=settings.video_scale,
        furniture_set=style_3d.get("furniture_set", "fixed"),
        include_basement=bool(style_3d.get("include_basement", True)),
        include_gla="gla" in order.add_ons,
        public_url=settings.resolved_public_url,
    )
