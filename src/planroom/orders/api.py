from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response

from planroom.api.deps import (
    CurrentCompany,
    CurrentCompanyId,
    DbSession,
    RuntimeDep,
    read_as_company,
)
from planroom.api.openapi import errors
from planroom.core.errors import InvalidState, NotFound
from planroom.core.etag import conditional_json
from planroom.core.pagination import Page, PageParamsDep
from planroom.orders import go2scan, service, views
from planroom.orders.schemas import (
    DraftCreate,
    DraftUpdate,
    GoToScanCreate,
    GoToScanExtend,
    Message,
    OrderOut,
    OrderRow,
    PostPurchase,
)
from planroom.production.line import refresh_priority
from planroom.production.pipeline import products_added

router = APIRouter(tags=["Orders"])

Status = Annotated[
    list[str] | None,
    Query(description="Repeatable: `?status=Pending&status=Ready`."),
]


# a moment a datetime can hold (up to the end of year 9999): larger ones are a 400, not a 500
MAX_EPOCH_SECONDS = 253_402_300_799
EpochQuery = Query(description="Epoch seconds.", ge=0, le=MAX_EPOCH_SECONDS, allow_inf_nan=False)


INLINE_OFFSETS = 1_000
"""Pages that start this deep skip enough index entries to run on a worker thread."""


def _moment(epoch_seconds: float | None) -> datetime | None:
    return None if epoch_seconds is None else datetime.fromtimestamp(epoch_seconds, UTC)


@router.get("/orders", summary="List orders")
async def list_orders(
    request: Request,
    company_id: CurrentCompanyId,
    runtime: RuntimeDep,
    params: PageParamsDep,
    status: Status = None,
    external_id: Annotated[str | None, Query(description="Your reference.")] = None,
    owner_email: Annotated[str | None, Query(description="The ordering user.")] = None,
    office_id: Annotated[uuid.UUID | None, Query(description="The owner's office.")] = None,
    created_after: Annotated[float | None, EpochQuery] = None,
    created_before: Annotated[float | None, EpochQuery] = None,
) -> Page[OrderRow]:
    """Newest first. Rows omit `delivery_assets`: fetch the order for its links. Follow
    `pagination.next_offset` for the next page."""
    filters = service.OrderFilters(
        statuses=status or (),
        external_id=external_id,
        owner_email=owner_email,
        office_id=office_id,
        created_after=_moment(created_after),
        created_before=_moment(created_before),
    )
    return await read_as_company(
        request,
        company_id,
        lambda session, company: service.orders_page(
            session,
            company.id,
            filters,
            params,
            lambda orders: views.order_rows(session, runtime, company, orders),
        ),
        on_thread=params.offset >= INLINE_OFFSETS,
    )


@router.get(
    "/orders/{order_id}",
    summary="Get order by ID",
    response_model=OrderOut,
    responses=errors(NotFound),
)
async def get_order(
    request: Request,
    company_id: CurrentCompanyId,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    if_none_match: Annotated[
        str | None, Header(description="The `ETag` of your copy: 304 if it is still current.")
    ] = None,
) -> Response:
    """Order details; check `delivery_assets` for the download links of its files. The answer
    carries an `ETag`: send it back in `If-None-Match` when polling, and an unchanged order
    answers 304 with no body."""
    out = await read_as_company(
        request,
        company_id,
        lambda session, company: views.order_details(session, runtime, company, order_id),
    )
    return conditional_json(out, if_none_match)


@router.post("/orders/draft", summary="Create a draft order")
def create_draft(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep, body: DraftCreate
) -> OrderOut:
    """A flat body: `street`, `city`, `country` and `owner_email` (a user of your company) are
    required; `info` is free text. The order starts in `Draft` and fires `moved_to_draft`."""
    order = service.create_draft(session, runtime, company, body)
    return views.order_out(session, runtime, company, order)


@router.patch(
    "/orders/draft/{order_id}",
    summary="Update a draft order",
    responses=errors(NotFound, InvalidState),
)
def update_draft(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: DraftUpdate,
) -> OrderOut:
    """Change any draft field; the required ones must stay valid. Only while `Draft` (else 409).
    `latitude` and `longitude` help the scanning app find the nearest drafts."""
    order = service.get_order_for_update(session, company.id, order_id)
    service.update_draft(session, order, body)
    return views.order_out(session, runtime, company, order)


@router.delete(
    "/orders/draft/{order_id}",
    summary="Delete a draft order",
    responses=errors(NotFound, InvalidState),
)
def delete_draft(company: CurrentCompany, session: DbSession, order_id: uuid.UUID) -> Message:
    """Only while `Draft` (else 409)."""
    service.delete_draft(session, service.get_order_for_update(session, company.id, order_id))
    return Message(message="Draft order deleted")


@router.post("/orders/go2scan", summary="Create a GoToScan order")
def create_go2scan(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep, body: GoToScanCreate
) -> OrderOut:
    """An order in `New` with a single-use link (`info.go2scan.link`) that lets the recipient
    scan the property; the recipient gets it by email unless `send_email` is false."""
    order, _link = go2scan.create_go2scan(session, runtime, company, body)
    return views.order_out(session, runtime, company, order)


@router.patch(
    "/orders/go2scan/{order_id}",
    summary="Extend a GoToScan link",
    responses=errors(NotFound, InvalidState),
)
def extend_go2scan(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: GoToScanExtend,
) -> OrderOut:
    """Make an unused link valid `link_validity_days` from now, at most 28 days after it was
    created."""
    order = service.get_order(session, company.id, order_id)
    go2scan.extend_link(session, order, body)
    return views.order_out(session, runtime, company, order)


@router.post(
    "/orders/{order_id}/post-purchase", summary="Upgrade order", responses=errors(NotFound)
)
def post_purchase(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: PostPurchase,
) -> OrderOut:
    """Buy a higher package (`package_type`; null keeps it) and/or add-ons. Anything not in
    `purchasable_*` is a 400. A `Ready` order gets the new products and a `moved_to_ready` per
    new product group with `delivery_type: "upgrade"`."""
    order = service.get_order_for_update(session, company.id, order_id)
    added = service.post_purchase(session, order, body)
    refresh_priority(session, order)
    if added:
        products_added(session, order, [product.product for product in added])
    return views.order_out(session, runtime, company, order)
