"""Order endpoints that hand work to the production line: scans, redraws, re-delivery, PDFs."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from planroom.api.deps import CurrentCompany, DbSession, RuntimeDep
from planroom.api.openapi import declare_component, errors
from planroom.api.uploads import (
    is_multipart,
    read_file_upload,
    read_form_files,
    read_json_body,
    validate_body,
)
from planroom.companies.models import Company
from planroom.core.errors import (
    BadRequest,
    FieldError,
    InvalidState,
    NotFound,
    Unprocessable,
    UnsupportedMediaType,
)
from planroom.core.text import RequestBody
from planroom.orders import combined, intake, redraw, service, views
from planroom.orders.schemas import OrderOut, RedrawCreate
from planroom.production import sources
from planroom.production.pipeline import re_deliver
from planroom.render.styles import StyleOptions
from planroom.runtime import Runtime
from planroom.style_templates.service import resolve_options

router = APIRouter(tags=["Orders"])

SCAN_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "object", "description": "RoomPlan JSON or a floor model."}
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
        },
    }
}


@router.post(
    "/orders/{order_id}/scan",
    summary="Upload a scan",
    openapi_extra=SCAN_BODY,
    response_model=OrderOut,
    responses=errors(NotFound, InvalidState, BadRequest, UnsupportedMediaType, Unprocessable),
)
async def upload_scan(
    request: Request,
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
) -> OrderOut:
    """Upload the scan of a `Draft`, `New` or `Failed` order: an Apple RoomPlan
    `CapturedRoom` or `CapturedStructure` JSON, a list of `CapturedRoom`, or a Planroom floor
    model, as the JSON body or a multipart `file`. The order moves to `Pending` and fires
    `moved_to_pending`. A file that cannot be read is a 4xx naming the problem."""
    upload = await read_file_upload(request, runtime.settings.max_upload_bytes, ("file", "scan"))

    def receive() -> OrderOut:
        order = service.get_order_for_update(session, company.id, order_id)
        sources.check_scan(upload)
        actor = order.created_by or "api"
        sources.receive_scan(session, runtime, order, upload, actor=actor)
        return views.order_out(session, runtime, company, order)

    return await run_in_threadpool(receive)


REDRAW_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": declare_component(RedrawCreate)}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "description": "The same fields as form fields, with the plans as `files`.",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}}
                    },
                }
            },
        },
    }
}


@router.post(
    "/orders",
    summary="Create a redraw order",
    openapi_extra=REDRAW_BODY,
    response_model=OrderOut,
    responses=errors(UnsupportedMediaType),
)
async def create_redraw(
    request: Request, company: CurrentCompany, session: DbSession, runtime: RuntimeDep
) -> OrderOut:
    """A floor plan drawn from an existing plan: `street`, `city`, `country` and `source` (a URL
    or a list of URLs of PNG, JPG or PDF plans) are required, `info` is free text. Or send a
    multipart form with the same fields and the plans as `files`. The order starts in `Pending`
    with `order_type: "redraw"` and fires `moved_to_pending`."""
    limit = runtime.settings.max_upload_bytes
    uploads: list[intake.Upload] = []
    if is_multipart(request):
        data, uploads = await read_form_files(request, limit, "files")
        if uploads and "source" not in data:
            data["source"] = [upload.filename for upload in uploads]
    else:
        data = await read_json_body(request, limit)
    body = validate_body(RedrawCreate, data)

    def create() -> OrderOut:
        order, urls = redraw.create_redraw(session, runtime, company, body, uploads)
        sources.redraw_received(session, runtime, order, uploads, urls)
        return views.order_out(session, runtime, company, order)

    return await run_in_threadpool(create)


class ReDeliver(RequestBody):
    style_template_id: str | None = Field(
        default=None, description="A built-in or company template; null keeps the current one."
    )
    style: dict[str, Any] | None = Field(
        default=None, description="Inline style options (see the style templates) on top."
    )
    add_info: str | None = None


def _apply_style(session: DbSession, company: Company, order_id: uuid.UUID, body: ReDeliver) -> Any:
    order = service.get_order_for_update(session, company.id, order_id)
    if body.style_template_id is not None:
        try:
            resolve_options(session, company.id, body.style_template_id)
        except NotFound as exc:
            raise FieldError("body", ["style_template_id"], "style template not found") from exc
        order.style_template_id = body.style_template_id
    preferences = dict(order.order_preferences)
    style_2d = dict(preferences.get("style_2d") or {})
    style_2d["style_template_id"] = order.style_template_id
    if body.style is not None:
        try:
            StyleOptions.model_validate(body.style)
        except ValueError as exc:
            raise FieldError("body", ["style"], f"invalid style options: {exc}") from exc
        style_2d["style"] = body.style
    if body.add_info is not None:
        style_2d["add_info"] = body.add_info
    preferences["style_2d"] = style_2d
    order.order_preferences = preferences
    return order


@router.post(
    "/orders/{order_id}/re-deliver",
    summary="Re-deliver order with styling options",
    responses=errors(NotFound, InvalidState),
)
def re_deliver_order(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: ReDeliver,
) -> OrderOut:
    """Re-render the styled products of a `Ready` order with another template or inline
    options; their files are replaced and each product group sends `moved_to_ready` with
    `previous_status: "Ready"` and `delivery_type: "update"`. 409 unless `Ready`."""
    order = service.get_order_for_update(session, company.id, order_id)
    re_deliver(session, order)  # checks the status before anything changes
    order = _apply_style(session, company, order_id, body)
    return views.order_out(session, runtime, company, order)


class CombinedPdfOut(BaseModel):
    url: str
    pages: int


@router.get(
    "/orders/{order_id}/combined-pdf",
    summary="Get combined PDF document",
    responses={**errors(NotFound, InvalidState), 200: {"content": {"application/pdf": {}}}},
)
def get_combined_pdf(
    request: Request,
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
) -> Any:
    """Every PDF of the order merged (floor plans with dimensions, GLA report, Home Report,
    Snapshot) as `{"url", "pages"}`, or the PDF itself with `Accept: application/pdf`. 409 until
    the order has been delivered."""
    order = service.get_order(session, company.id, order_id)
    merged = combined.combined_pdf(session, runtime, order)
    if "application/pdf" in request.headers.get("accept", ""):
        return Response(
            merged.data,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{merged.name}"'},
        )
    return CombinedPdfOut(url=_url(runtime, merged.key, merged.name), pages=merged.pages)


def _url(runtime: Runtime, key: str, name: str) -> str:
    return runtime.storage.url(key, download_name=name)
