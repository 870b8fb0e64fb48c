"""Order rules: creating drafts, updating and deleting them, listing, upgrades."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from planroom.companies import service as companies
from planroom.companies.models import Company
from planroom.core.clock import clock
from planroom.core.errors import FieldError, NotFound
from planroom.core.pagination import ItemT, Page, PageParams, Seek, paginate_deep
from planroom.orders import lifecycle
from planroom.orders.address import house_number
from planroom.orders.models import (
    Order,
    OrderListVersion,
    OrderProduct,
    OrderSource,
    SourceState,
)
from planroom.orders.products import (
    products_for,
    purchasable_add_ons,
    purchasable_package_types,
)
from planroom.orders.schemas import DraftCreate, DraftUpdate, NewOrderBody, PostPurchase
from planroom.runtime import Runtime
from planroom.style_templates.service import resolve_options
from planroom.users import service as users
from planroom.users.models import User

RowT = TypeVar("RowT")


def get_order(session: Session, company_id: uuid.UUID, order_id: uuid.UUID) -> Order:
    """An order of this company; 404 for anyone else's, never revealing that it exists."""
    order = session.get(Order, order_id)
    if order is None or order.company_id != company_id:
        raise NotFound("No order with this id in your company.")
    return order


def get_order_for_update(session: Session, company_id: uuid.UUID, order_id: uuid.UUID) -> Order:
    """Like `get_order`, but holds the order's lock (`lock_order`) to the end of the
    transaction, so concurrent moves of one order serialise on either database. The lock is
    taken only after the order is known to be the company's, and the order is read after it,
    so its status is current."""
    owner = session.scalar(select(Order.company_id).where(Order.id == order_id))
    if owner is None or owner != company_id:
        raise NotFound("No order with this id in your company.")
    order = lock_order(session, order_id)
    if order is None:
        raise NotFound("No order with this id in your company.")
    return order


def lock_order(session: Session, order_id: uuid.UUID) -> Order | None:
    """Take the order's row lock: a write on SQLite (pysqlite begins the transaction only at
    the first write, and SQLite has no FOR UPDATE), FOR UPDATE on PostgreSQL; None when the
    order is gone."""
    session.execute(
        update(Order)
        .where(Order.id == order_id)
        .values(updated_at=clock.now())
        .execution_options(synchronize_session=False)
    )
    return session.scalar(
        select(Order)
        .where(Order.id == order_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def get_any_order(session: Session, order_id: uuid.UUID) -> Order | None:
    """Any company's order: for the production line and public pages, which serve every company."""
    return session.get(Order, order_id)


def orders_by_id(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Order]:
    """Any company's orders with these ids, in one query."""
    if not ids:
        return {}
    return {row.id: row for row in session.scalars(select(Order).where(Order.id.in_(ids)))}


def only_real_orders(
    statement: Select[RowT], order_id: InstrumentedAttribute[uuid.UUID]
) -> Select[RowT]:
    """`statement` without sandbox test orders (`cctest`, processed automatically), the
    oldest order first after the statement's own ordering; `order_id` is the caller's column
    that points at the order."""
    return (
        statement.join(Order, Order.id == order_id)
        .where(Order.is_sandbox_test.is_(False))
        .order_by(Order.created_at.asc(), Order.id.asc())
    )


def order_exists(session: Session, order_id: uuid.UUID) -> bool:
    return session.scalar(select(Order.id).where(Order.id == order_id)) is not None


def require_owner(session: Session, company_id: uuid.UUID, email: str) -> User:
    user = users.find_by_email(session, email)
    if user is None or user.company_id != company_id:
        raise FieldError("body", ["owner_email"], "no user with this email in your company")
    return user


def require_template(session: Session, company_id: uuid.UUID, template_id: str) -> None:
    """A built-in or company style template, else a field error naming where it was given."""
    try:
        resolve_options(session, company_id, template_id)
    except NotFound as exc:
        raise FieldError(
            "body",
            ["order_preferences", "style_2d", "style_template_id"],
            "style template not found; use a built-in (classic, color, blueprint, mono-print) "
            "or one of GET /style-templates",
        ) from exc


@dataclass(frozen=True)
class NewOrderFields:
    """What every kind of order is created from."""

    street: str
    city: str
    country: str
    info: str | None = None
    suite: str | None = None
    state: str | None = None
    postal_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    external_id: str | None = None
    package_type: str | None = None
    add_ons: Sequence[str] | None = None
    order_preferences: dict[str, object] | None = None
    property_type: str | None = None
    north_deg: float | None = None


def new_order(
    session: Session,
    company: Company,
    fields: NewOrderFields,
    *,
    status: str,
    owner: User | None,
    order_type: str | None,
    is_scan_order: bool,
) -> Order:
    package = fields.package_type or company.default_package_type
    add_ons = list(fields.add_ons) if fields.add_ons is not None else list(company.default_add_ons)
    preferences = fields.order_preferences or {}
    style_2d = preferences.get("style_2d")
    template_id = style_2d.get("style_template_id") if isinstance(style_2d, dict) else None
    if template_id is not None:
        require_template(session, company.id, template_id)
    order = Order(
        company_id=company.id,
        owner_user_id=owner.id if owner else None,
        office_id=owner.office_id if owner else None,
        created_by=owner.email if owner else None,
        status=status,
        order_type=order_type,
        is_scan_order=is_scan_order,
        external_id=fields.external_id,
        add_info=fields.info or "",
        package_type=package,
        add_ons=sorted(set(add_ons), key=add_ons.index),
        order_preferences=preferences,
        style_template_id=template_id,
        street=fields.street,
        number=house_number(fields.street),
        suite=fields.suite or "",
        city=fields.city,
        state=fields.state or "",
        postal_code=fields.postal_code or "",
        country=fields.country,
        latitude=fields.latitude,
        longitude=fields.longitude,
        property_type=fields.property_type,
        north_deg=fields.north_deg,
        is_sandbox_test="cctest" in f"{fields.street} {fields.suite or ''} {fields.city}".lower(),
    )
    session.add(order)
    session.flush()
    owe_products(session, order, products_for(order.package_type, order.add_ons))
    return order


def owe_products(session: Session, order: Order, products: Sequence[str]) -> list[OrderProduct]:
    """Record products the order now includes and has not been given yet."""
    existing = set(
        session.scalars(select(OrderProduct.product).where(OrderProduct.order_id == order.id))
    )
    added = [
        OrderProduct(order_id=order.id, product=product, state="owed", owed_since=clock.now())
        for product in products
        if product not in existing
    ]
    session.add_all(added)
    session.flush()
    return added


def order_products(session: Session, order_id: uuid.UUID) -> list[OrderProduct]:
    return list(session.scalars(select(OrderProduct).where(OrderProduct.order_id == order_id)))


def order_product(session: Session, order_id: uuid.UUID, product: str) -> OrderProduct | None:
    return session.scalar(
        select(OrderProduct).where(
            OrderProduct.order_id == order_id, OrderProduct.product == product
        )
    )


def owed_products(session: Session, order_id: uuid.UUID) -> list[str]:
    return list(
        session.scalars(
            select(OrderProduct.product).where(
                OrderProduct.order_id == order_id, OrderProduct.state == "owed"
            )
        )
    )


# -- sources: what the production line works from (`production.sources`) ---------------------


def add_source(session: Session, order: Order, **fields: Any) -> OrderSource:
    source = OrderSource(order_id=order.id, **fields)
    session.add(source)
    session.flush()
    return source


def get_source(session: Session, source_id: uuid.UUID) -> OrderSource | None:
    return session.get(OrderSource, source_id)


def source_stored(
    session: Session,
    source_id: uuid.UUID,
    *,
    key: str,
    filename: str,
    content_type: str,
    size: int,
) -> None:
    source = session.get(OrderSource, source_id)
    if source is not None:
        source.storage_key = key
        source.filename = filename
        source.content_type = content_type
        source.size = size
        source.state = SourceState.STORED


def source_failed(session: Session, source_id: uuid.UUID, error: str) -> OrderSource | None:
    source = session.get(OrderSource, source_id)
    if source is not None:
        source.state = SourceState.FAILED
        source.error = error
    return source


def latest_scan_source(session: Session, order_id: uuid.UUID) -> OrderSource | None:
    return session.scalar(
        select(OrderSource)
        .where(OrderSource.order_id == order_id, OrderSource.kind == "scan")
        .order_by(OrderSource.created_at.desc())
        .limit(1)
    )


def sources_of(session: Session, order_id: uuid.UUID) -> list[OrderSource]:
    return list(
        session.scalars(
            select(OrderSource)
            .where(OrderSource.order_id == order_id)
            .order_by(OrderSource.created_at)
        )
    )


def fields_of(body: NewOrderBody) -> NewOrderFields:
    return NewOrderFields(
        street=body.street,
        city=body.city,
        country=body.country,
        info=body.info,
        suite=body.suite,
        state=body.state,
        postal_code=body.postal_code,
        latitude=body.latitude,
        longitude=body.longitude,
        external_id=body.external_id,
        package_type=body.package_type,
        add_ons=body.add_ons,
        order_preferences=(
            body.order_preferences.model_dump(exclude_none=True) if body.order_preferences else None
        ),
        property_type=body.property_type,
        north_deg=body.north_deg,
    )


def create_draft(session: Session, runtime: Runtime, company: Company, body: DraftCreate) -> Order:
    owner = require_owner(session, company.id, body.owner_email)
    order = new_order(
        session,
        company,
        fields_of(body),
        status="Draft",
        owner=owner,
        order_type=None,
        is_scan_order=True,
    )
    lifecycle.move(session, order, "Draft", actor=owner.email, creating=True)
    return order


def update_draft(session: Session, order: Order, body: DraftUpdate) -> Order:
    lifecycle.require_status(order, "Draft", action="updating a draft")
    changes = body.model_dump(exclude_unset=True)
    for required in ("street", "city", "country", "owner_email"):
        if required in changes and changes[required] is None:
            raise FieldError("body", [required], "none is not an allowed value")
    if body.owner_email is not None:
        owner = require_owner(session, order.company_id, body.owner_email)
        order.owner_user_id, order.created_by, order.office_id = (
            owner.id,
            owner.email,
            owner.office_id,
        )
    simple = {
        "street": "street",
        "city": "city",
        "country": "country",
        "suite": "suite",
        "state": "state",
        "postal_code": "postal_code",
        "latitude": "latitude",
        "longitude": "longitude",
        "external_id": "external_id",
        "property_type": "property_type",
        "north_deg": "north_deg",
    }
    for field, column in simple.items():
        if field in changes:
            value = changes[field]
            setattr(
                order,
                column,
                "" if value is None and column in ("suite", "state", "postal_code") else value,
            )
    if "street" in changes:
        order.number = house_number(order.street)
    if "info" in changes:
        order.add_info = changes["info"] or ""
    if "order_preferences" in changes and body.order_preferences is not None:
        order.order_preferences = body.order_preferences.model_dump(exclude_none=True)
        style = body.order_preferences.style_2d
        order.style_template_id = style.style_template_id if style else None
        if order.style_template_id is not None:
            require_template(session, order.company_id, order.style_template_id)
    if body.package_type is not None or body.add_ons is not None:
        order.package_type = body.package_type or order.package_type
        if body.add_ons is not None:
            order.add_ons = list(dict.fromkeys(body.add_ons))
        _reset_owed_products(session, order)
    session.flush()
    return order


def _reset_owed_products(session: Session, order: Order) -> None:
    """A draft's products follow its package exactly: nothing was produced yet."""
    wanted = set(products_for(order.package_type, order.add_ons))
    for product in order_products(session, order.id):
        if product.product not in wanted:
            session.delete(product)
    session.flush()
    owe_products(session, order, sorted(wanted))


def delete_draft(session: Session, order: Order) -> None:
    lifecycle.require_status(order, "Draft", action="deleting a draft")
    session.delete(order)
    session.flush()


def post_purchase(session: Session, order: Order, body: PostPurchase) -> list[OrderProduct]:
    """Buy a higher package and/or add-ons; the new products are owed from now on."""
    if body.package_type is not None:
        if body.package_type not in purchasable_package_types(order.package_type):
            raise FieldError(
                "body",
                ["package_type"],
                f"not purchasable for this order; permitted: "
                f"{purchasable_package_types(order.package_type)}",
            )
        order.package_type = body.package_type
    allowed = purchasable_add_ons(order.add_ons)
    for index, add_on in enumerate(body.add_ons):
        if add_on not in allowed:
            raise FieldError("body", ["add_ons", index], f"not purchasable; permitted: {allowed}")
    order.add_ons = list(dict.fromkeys([*order.add_ons, *body.add_ons]))
    session.flush()
    return owe_products(session, order, products_for(order.package_type, order.add_ons))


@dataclass(frozen=True)
class OrderFilters:
    statuses: Sequence[str] = ()
    external_id: str | None = None
    owner_email: str | None = None
    office_id: uuid.UUID | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None

    @property
    def unfiltered(self) -> bool:
        """Every order of the company: no filter set."""
        optional = (self.external_id, self.owner_email, self.office_id)
        dates = (self.created_after, self.created_before)
        return not self.statuses and all(value is None for value in (*optional, *dates))


def orders_statement(
    company_id: uuid.UUID | ColumnElement[uuid.UUID], filters: OrderFilters
) -> Select[Order]:
    statement = select(Order).where(Order.company_id == company_id)
    if filters.statuses:
        statement = statement.where(Order.status.in_(filters.statuses))
    if filters.external_id is not None:
        statement = statement.where(Order.external_id == filters.external_id)
    if filters.owner_email is not None:
        statement = statement.where(Order.created_by == users.normalize_email(filters.owner_email))
    if filters.office_id is not None:
        statement = statement.where(Order.office_id == filters.office_id)
    if filters.created_after is not None:
        statement = statement.where(Order.created_at > filters.created_after)
    if filters.created_before is not None:
        statement = statement.where(Order.created_at < filters.created_before)
    return statement.order_by(Order.created_at.desc(), Order.id.desc())


def orders_page(
    session: Session,
    company_id: uuid.UUID,
    filters: OrderFilters,
    params: PageParams,
    to_items: Callable[[list[Order]], list[ItemT]],
) -> Page[ItemT]:
    """One page of `orders_statement`, as cheap at offset 90,000 as at 0.

    A deferred join on both backends; on SQLite, whose index walk costs about as much again as
    the rest of the request, a page at or after a boundary a client already reached seeks to
    its remembered key, valid while the company's `order_list_versions` number for such a list
    (kept by triggers) has not moved; for the list with no filter, orders added at its head
    since only move the key further down.
    """
    statement = orders_statement(company_id, filters)
    seek = None
    if session.get_bind().dialect.name == "sqlite":
        # The list with no filter moves only when orders come, go or change place in it.
        column = (
            OrderListVersion.unfiltered_version if filters.unfiltered else OrderListVersion.version
        )
        version = select(column).where(OrderListVersion.company_id == company_id).scalar_subquery()
        scope = (
            company_id,
            tuple(filters.statuses),
            filters.external_id,
            filters.owner_email and users.normalize_email(filters.owner_email),
            filters.office_id,
            filters.created_after,
            filters.created_before,
        )
        growth = None
        if filters.unfiltered:  # new orders at the head move its rows, not away
            growth = (
                select(OrderListVersion.head_inserts)
                .where(OrderListVersion.company_id == company_id)
                .scalar_subquery()
            )
        seek = Seek(scope=scope, version=version, order=(Order.created_at, Order.id), growth=growth)
    return paginate_deep(session, statement, Order.id, params, to_items, seek)


def move_company(session: Session, from_company: uuid.UUID, to_company: uuid.UUID) -> None:
    session.execute(
        update(Order).where(Order.company_id == from_company).values(company_id=to_company)
    )


companies.MERGE_STEPS.append(move_company)


def record_measurements(
    order: Order,
    *,
    total_m2: float,
    total_sqft: float,
    property_type: str | None = None,
    north_deg: float | None = None,
) -> None:
    """The order's figures from its floor model, as the deliverables print them; a property type
    or north given here (a drafter's model) replaces the order's."""
    order.total_scanned_area_m2 = total_m2
    order.total_scanned_area_sqft = total_sqft
    if property_type is not None:
        order.property_type = property_type
    if north_deg is not None:
        order.north_deg = north_deg
