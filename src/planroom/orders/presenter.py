"""Orders as the wire shows them: `info`, `address` and `delivery_assets`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planroom.companies.models import Company
from planroom.core.clock import clock, epoch
from planroom.floormodel.areas import extra_size_units
from planroom.floormodel.units import round_half_up, whole
from planroom.orders.address import full_address, location
from planroom.orders.models import GoToScanLink, Order, OrderProduct
from planroom.orders.products import (
    products_for,
    purchasable_add_ons,
    purchasable_package_types,
)
from planroom.orders.schemas import (
    GoToScanInfo,
    GoToScanRecipient,
    OrderAddress,
    OrderInfo,
    OrderOut,
    OrderRow,
    OverLimit,
    ProductInfo,
    StyleTemplateRef,
)
from planroom.render.products import PRODUCTS

FileUrl = Callable[[str, str], str]
"""Makes the public link of a stored file from its storage key and file name."""

SQFT_PER_M2 = 10.763910416709722
SQ_MM_PER_M2 = 1_000_000.0


def area_in_company_unit(
    area_m2: float | None, company: Company, area_sqft: float | None = None
) -> float:
    """The total as the deliverables print it: stored rounded, per unit, by the area engine."""
    if not area_m2:
        return 0
    if company.measurement_system == "metric":
        return float(round_half_up(area_m2, 1))
    if area_sqft is not None:
        return int(area_sqft)
    return whole(area_m2 * SQFT_PER_M2)


def over_limits(order: Order) -> list[OverLimit]:
    """One unit per started 5,000 sq ft above the first 5,000, per product range charged."""
    units = extra_size_units((order.total_scanned_area_m2 or 0.0) * SQ_MM_PER_M2)
    if units == 0:
        return []
    groups = {PRODUCTS[p].group for p in products_for(order.package_type, order.add_ons)}
    return [
        OverLimit(product_type=group, extra_units=units)
        for group in ("products_2d", "products_3d")
        if group in groups
    ]


def go2scan_status(link: GoToScanLink) -> str:
    if link.uploaded_at is not None:
        return "uploaded"
    if link.expires_at <= clock.now():
        return "expired"
    return "opened" if link.opened_at is not None else "sent"


def go2scan_info(link: GoToScanLink, url: str) -> GoToScanInfo:
    return GoToScanInfo(
        link=url,
        expires_at=epoch(link.expires_at) or 0.0,
        status=go2scan_status(link),
        recipient=GoToScanRecipient(
            email=link.recipient_email, phone=link.recipient_phone, name=link.recipient_name
        ),
        priority=link.priority,
        conversion_type=link.conversion_type,
    )


def order_row(
    order: Order,
    company: Company,
    *,
    go2scan: tuple[GoToScanLink, str] | None,
    template_name: str | None,
) -> OrderRow:
    info = OrderInfo(
        status=order.status,
        created_by=order.created_by,
        location=location(order.street, order.suite, order.city),
        order_type=order.order_type,
        first_delivered_at=epoch(order.first_delivered_at),
        created_at=epoch(order.created_at) or 0.0,
        is_scan_order=order.is_scan_order,
        total_scanned_area=area_in_company_unit(
            order.total_scanned_area_m2, company, order.total_scanned_area_sqft
        ),
        total_scanned_area_unit="m2" if company.measurement_system == "metric" else "sqft",
        go2scan=go2scan_info(*go2scan) if go2scan else None,
        external_id=order.external_id,
        add_info=order.add_info,
        property_type=order.property_type,
        north_deg=order.north_deg,
        style_template=(
            StyleTemplateRef(id=order.style_template_id, name=template_name or "")
            if order.style_template_id
            else None
        ),
        model_id=order.model_id,
        product=ProductInfo(
            add_ons=list(order.add_ons),
            over_limits=over_limits(order),
            package_type=order.package_type,
            purchasable_add_ons=purchasable_add_ons(order.add_ons),
            purchasable_package_types=purchasable_package_types(order.package_type),
        ),
        order_preferences=dict(order.order_preferences),
    )
    address = OrderAddress(
        city=order.city,
        country=order.country,
        full_address=full_address(
            order.street, order.suite, order.city, order.state, order.postal_code, order.country
        ),
        latitude=order.latitude,
        longitude=order.longitude,
        number=order.number,
        postal_code=order.postal_code,
        state=order.state,
        street=order.street,
        suite=order.suite,
    )
    return OrderRow(id=order.id, info=info, address=address)


def delivery_assets(
    order: Order, products: list[OrderProduct], file_url: FileUrl, public_url: str | None = None
) -> dict[str, Any]:
    """Every key present: null when not included, empty until delivered, links when delivered.

    Links to this server (the tour's) follow `public_url`, not the address stored at delivery."""
    included = set(products_for(order.package_type, order.add_ons))
    by_product = {product.product: product for product in products}
    assets: dict[str, Any] = {}
    for key, registered in PRODUCTS.items():
        if key not in included:
            assets[key] = None
            continue
        shape = registered.empty_assets()
        product = by_product.get(key)
        if product is not None and product.delivered_at is not None:
            for slot, value in product.files.items():
                if isinstance(value, list):
                    shape[slot] = [file_url(item["key"], item["name"]) for item in value]
                else:
                    shape[slot] = value
            if registered.links is not None and public_url is not None:
                shape.update(registered.links(public_url, str(order.id)))
        assets[key] = shape
    return assets


def order_out(row: OrderRow, assets: dict[str, Any]) -> OrderOut:
    return OrderOut(id=row.id, info=row.info, address=row.address, delivery_assets=assets)
