"""Assemble the wire view of an order from its rows (one place for list rows and details)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from planroom.companies.models import Company
from planroom.core.errors import NotFound
from planroom.orders import go2scan, presenter, service
from planroom.orders.models import GoToScanLink, Order, OrderProduct, OrderSource
from planroom.orders.schemas import OrderOut, OrderRow, SourceOut
from planroom.render.styles import BUILTIN_TEMPLATES
from planroom.runtime import Runtime
from planroom.style_templates.service import find_template_name, template_names


def template_name(session: Session, order: Order) -> str | None:
    if order.style_template_id is None:
        return None
    builtin = BUILTIN_TEMPLATES.get(order.style_template_id)
    if builtin is not None:
        return builtin.name
    return find_template_name(session, order.company_id, order.style_template_id)


def order_row(session: Session, runtime: Runtime, company: Company, order: Order) -> OrderRow:
    link = go2scan.link_of(session, order.id)
    return presenter.order_row(
        order,
        company,
        go2scan=(link, go2scan.scan_url(runtime, link)) if link is not None else None,
        template_name=template_name(session, order),
    )


def order_rows(
    session: Session, runtime: Runtime, company: Company, orders: list[Order]
) -> list[OrderRow]:
    """List rows with one query for their GoToScan links and one for their templates' names,
    not one per row."""
    links = {
        link.order_id: link
        for link in session.scalars(
            select(GoToScanLink).where(GoToScanLink.order_id.in_([order.id for order in orders]))
        )
    }
    wanted = {order.style_template_id for order in orders if order.style_template_id}
    names: dict[str, str] = {
        key: template.name for key, template in BUILTIN_TEMPLATES.items() if key in wanted
    }
    names.update(template_names(session, company.id, wanted - set(names)))
    rows = []
    for order in orders:
        link = links.get(order.id)
        template = order.style_template_id
        rows.append(
            presenter.order_row(
                order,
                company,
                go2scan=(link, go2scan.scan_url(runtime, link)) if link is not None else None,
                template_name=names.get(template) if template is not None else None,
            )
        )
    return rows


def order_out(session: Session, runtime: Runtime, company: Company, order: Order) -> OrderOut:
    link = go2scan.link_of(session, order.id)
    return _order_out(
        session, runtime, company, order, link, service.order_products(session, order.id)
    )


def order_details(
    session: Session, runtime: Runtime, company: Company, order_id: uuid.UUID
) -> OrderOut:
    """`order_out` of one of the company's orders (404 for any other) from one query for the
    order, its GoToScan link and its products (and one more only for a company template's
    name or a redraw's sources)."""
    order, link, products = order_with_parts(session, company.id, order_id)
    return _order_out(session, runtime, company, order, link, products)


def order_with_parts(
    session: Session, company_id: uuid.UUID, order_id: uuid.UUID
) -> tuple[Order, GoToScanLink | None, list[OrderProduct]]:
    """`service.get_order` with its GoToScan link (at most one) and products, in one query."""
    rows = session.execute(
        select(Order, GoToScanLink, OrderProduct)
        .outerjoin(GoToScanLink, GoToScanLink.order_id == Order.id)
        .outerjoin(OrderProduct, OrderProduct.order_id == Order.id)
        .where(Order.id == order_id, Order.company_id == company_id)
    ).all()
    if not rows:
        raise NotFound("No order with this id in your company.")
    order, link = rows[0][0], rows[0][1]
    return order, link, [row[2] for row in rows if row[2] is not None]


def _order_out(
    session: Session,
    runtime: Runtime,
    company: Company,
    order: Order,
    link: GoToScanLink | None,
    products: list[OrderProduct],
) -> OrderOut:
    row = presenter.order_row(
        order,
        company,
        go2scan=(link, go2scan.scan_url(runtime, link)) if link is not None else None,
        template_name=template_name(session, order),
    )
    assets = presenter.delivery_assets(
        order,
        products,
        lambda key, name: runtime.storage.url(key, download_name=name),
        runtime.settings.resolved_public_url,
    )
    out = presenter.order_out(row, assets)
    if order.order_type == "redraw":
        out.redraw_sources = [
            SourceOut(
                url=source.url,
                filename=source.filename,
                state=source.state,
                error=source.error,
            )
            for source in session.scalars(
                select(OrderSource)
                .where(OrderSource.order_id == order.id, OrderSource.kind == "image")
                .order_by(OrderSource.created_at)
            )
        ]
    return out
