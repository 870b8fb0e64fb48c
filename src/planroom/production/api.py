"""The production API for drafters and operators: `/api/production/v1`.

Operators authenticate with `Authorization: Bearer <token>` (`planroom operator create`); they
see every company's production work and nothing else. Endpoints are thin: parse, call a
service, shape the response.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi

from planroom import __version__
from planroom.api.deps import DbSession, RuntimeDep
from planroom.api.uploads import read_json_body
from planroom.change_requests import service as change_requests
from planroom.change_requests.schemas import ChangeRequestOut, RejectionNote, ResolutionNote
from planroom.core.clock import epoch
from planroom.core.errors import FieldError, NotFound
from planroom.core.pagination import Page, PageParamsDep
from planroom.orders.address import full_address
from planroom.orders.service import sources_of
from planroom.production import drafting, queue
from planroom.production.auth import CurrentOperator
from planroom.production.models import FloorModelVersion
from planroom.production.schemas import (
    ModelOut,
    ModelSaved,
    ModelVersionRow,
    ModelVersionsOut,
    OpenChangeRequest,
    RejectOrder,
    SourceOut,
    SourcesOut,
    WorkItemOut,
)
from planroom.production.versions import get_version, latest_version, list_versions
from planroom.runtime import Runtime

PRODUCTION_PREFIX = "/api/production/v1"

router = APIRouter(prefix=PRODUCTION_PREFIX, tags=["Production"])

States = Annotated[
    list[str] | None,
    Query(
        description=(
            "Repeatable: `?state=drafting&state=fixing`. One of "
            f"{', '.join(queue.ITEM_STATES)}. Default: work waiting for a drafter "
            f"({', '.join(queue.WAITING_STATES)})."
        )
    ),
]


def work_item_out(work: queue.WorkItem) -> WorkItemOut:
    item, order, request = work.item, work.order, work.change_request
    return WorkItemOut(
        order_id=order.id,
        company_id=work.company.id,
        company_name=work.company.name,
        address=full_address(
            order.street, order.suite, order.city, order.state, order.postal_code, order.country
        ),
        order_status=order.status,
        order_type=order.order_type,
        package_type=order.package_type,
        add_ons=list(order.add_ons),
        add_info=order.add_info,
        state=item.state,
        round_kind=item.round_kind,
        priority=work.priority_name,
        priority_rank=item.priority,
        due_at=epoch(item.due_at) or 0.0,
        late=work.late,
        claimed_by=work.claimed_by,
        claim_expires_at=epoch(item.claim_expires_at) if work.claimed_by else None,
        problems=list(item.problems),
        change_request=(
            OpenChangeRequest(
                id=request.id,
                status=request.status,
                message=request.message,
                attachments=list(request.attachments),
                created_by=request.created_by,
                created_at=epoch(request.created_at) or 0.0,
            )
            if request is not None
            else None
        ),
        created_at=epoch(order.created_at) or 0.0,
    )


@router.get("/queue", summary="The production queue")
def get_queue(
    _operator: CurrentOperator, session: DbSession, params: PageParamsDep, state: States = None
) -> Page[WorkItemOut]:
    """Work items of every company, most urgent first: 6h turnaround, then GoToScan priority,
    then the earliest due time (`late` when it has passed), then the oldest order."""
    states = state or list(queue.WAITING_STATES)
    for index, name in enumerate(states):
        if name not in queue.ITEM_STATES:
            raise FieldError(
                "query",
                ["state", index],
                f"unexpected value; permitted: {', '.join(queue.ITEM_STATES)}",
            )
    page = queue.list_queue(session, states, params)
    return Page[WorkItemOut](
        pagination=page.pagination, items=[work_item_out(work) for work in page.items]
    )


@router.get("/orders/{order_id}", summary="One work item")
def get_work_item(
    _operator: CurrentOperator, session: DbSession, order_id: uuid.UUID
) -> WorkItemOut:
    """Where the order stands on the production line, who holds it, and its open change
    request."""
    return work_item_out(queue.work_item(session, order_id))


@router.post("/orders/{order_id}/claim", summary="Claim an order")
def claim(operator: CurrentOperator, session: DbSession, order_id: uuid.UUID) -> WorkItemOut:
    """Work on the order for the next 2 hours (claiming again renews it). While another
    drafter's claim is live this is a 409 `conflict` naming them and until when. An open change
    request becomes `InProgress`."""
    queue.claim(session, operator, order_id)
    return work_item_out(queue.work_item(session, order_id))


@router.post("/orders/{order_id}/release", summary="Release a claim")
def release(operator: CurrentOperator, session: DbSession, order_id: uuid.UUID) -> WorkItemOut:
    """Give the order back to the queue before the claim expires."""
    queue.release(session, operator, order_id)
    return work_item_out(queue.work_item(session, order_id))


def _source_out(runtime: Runtime, source: Any) -> SourceOut:
    url = (
        runtime.storage.url(source.storage_key, download_name=source.filename)
        if source.storage_key and source.state == "stored"
        else None
    )
    return SourceOut(
        id=source.id,
        kind=source.kind,
        filename=source.filename,
        content_type=source.content_type,
        size=source.size,
        state=source.state,
        url=url,
        original_url=source.url,
        error=source.error,
        created_at=epoch(source.created_at) or 0.0,
    )


@router.get("/orders/{order_id}/sources", summary="The uploaded scan or plan images")
def get_sources(
    _operator: CurrentOperator, session: DbSession, runtime: RuntimeDep, order_id: uuid.UUID
) -> SourcesOut:
    """Every scan or plan image uploaded for the order, oldest first, with download links."""
    work = queue.work_item(session, order_id)
    return SourcesOut(
        order_id=order_id,
        order_type=work.order.order_type,
        items=[_source_out(runtime, source) for source in sources_of(session, order_id)],
    )


def _version_row(row: FloorModelVersion) -> ModelVersionRow:
    return ModelVersionRow(
        version=row.version,
        author=row.author,
        note=row.note,
        created_at=epoch(row.created_at) or 0.0,
    )


def _model_out(row: FloorModelVersion, latest: int) -> dict[str, Any]:
    return {
        **_version_row(row).model_dump(),
        "order_id": row.order_id,
        "model_id": row.model_id,
        "latest_version": latest,
        "model": row.document,
    }


@router.get("/orders/{order_id}/model", summary="The floor model")
def get_model(
    _operator: CurrentOperator,
    session: DbSession,
    order_id: uuid.UUID,
    version: Annotated[
        int | None, Query(ge=1, description="An older version; default newest.")
    ] = None,
) -> ModelOut:
    """The order's newest floor model, or `?version=n`. 404 until a model exists (a scan is
    converted, or a drafter saved one)."""
    queue.work_item(session, order_id)
    latest = latest_version(session, order_id)
    if latest is None:
        raise NotFound("The order has no floor model yet.")
    row = latest if version is None else get_version(session, order_id, version)
    return ModelOut.model_validate(_model_out(row, latest.version))


@router.get("/orders/{order_id}/model/versions", summary="Every saved version of the model")
def get_model_versions(
    _operator: CurrentOperator, session: DbSession, order_id: uuid.UUID
) -> ModelVersionsOut:
    work = queue.work_item(session, order_id)
    return ModelVersionsOut(
        order_id=order_id,
        model_id=work.order.model_id,
        items=[_version_row(row) for row in list_versions(session, order_id)],
    )


MODEL_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "description": (
                        "The floor model itself (`planroom.floor-model/1`), or "
                        '`{"model": <floor model>, "note": "what changed"}`.'
                    ),
                }
            }
        },
    }
}


@router.put(
    "/orders/{order_id}/model",
    summary="Save a new version of the floor model",
    openapi_extra=MODEL_BODY,
    response_model=ModelSaved,
)
async def put_model(
    request: Request,
    operator: CurrentOperator,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    note: Annotated[str | None, Query(max_length=2000, description="What changed.")] = None,
) -> ModelSaved:
    """Needs your live claim. The model is checked first: a schema error or a failed quality
    check (open room polygons, walls that do not meet, openings outside their walls,
    overlapping rooms, implausible sizes) is a 422 `invalid_floor_model` naming each element
    (`wall w12: …`). Every save is a new version; old versions stay readable."""
    body = await read_json_body(request, runtime.settings.max_upload_bytes)
    document: object = body
    if isinstance(body, dict) and "model" in body and "levels" not in body:
        document = body["model"]
        if note is None and isinstance(body.get("note"), str):
            note = body["note"]

    def save() -> ModelSaved:
        saved = drafting.save_model(session, operator, order_id, document, note=(note or "")[:2000])
        return ModelSaved.model_validate(
            {
                **_model_out(saved.version, saved.version.version),
                "warnings": [str(problem) for problem in saved.warnings],
            }
        )

    return await run_in_threadpool(save)


@router.post("/orders/{order_id}/approve", summary="Approve the model: render and deliver")
def approve(
    operator: CurrentOperator, session: DbSession, runtime: RuntimeDep, order_id: uuid.UUID
) -> WorkItemOut:
    """Needs your live claim, a Pending order and a valid model. Every product is rendered
    from the newest model and delivered: the order becomes Ready with `moved_to_ready` per
    product group. The claim ends."""
    drafting.approve(session, operator, order_id)
    return work_item_out(queue.work_item(session, order_id))


@router.post("/orders/{order_id}/reject", summary="Reject the order")
def reject(
    operator: CurrentOperator,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: RejectOrder,
) -> WorkItemOut:
    """Needs your live claim. The order moves to `Failed` (`moved_to_failed`) with the reason;
    the customer can upload a new scan. A delivered order that is being fixed keeps its
    delivery: reject its change request instead."""
    drafting.reject(session, operator, order_id, body.reason)
    return work_item_out(queue.work_item(session, order_id))


@router.get("/change-requests/{change_request_id}", summary="One change request")
def get_change_request(
    _operator: CurrentOperator, session: DbSession, change_request_id: uuid.UUID
) -> ChangeRequestOut:
    return change_requests.out(change_requests.get_any(session, change_request_id))


@router.post("/change-requests/{change_request_id}/resolve", summary="Deliver the fix")
def resolve_change_request(
    operator: CurrentOperator,
    session: DbSession,
    runtime: RuntimeDep,
    change_request_id: uuid.UUID,
    body: ResolutionNote | None = None,
) -> ChangeRequestOut:
    """After the corrected model was saved (PUT the model first; needs your live claim): every
    delivered product is rendered again and delivered as a fix — the order returns to `Ready`
    with `previous_status: "Fixing"` and `delivery_type: "fix"` — and the change request is
    `Done` with your note."""
    note = body.note if body is not None else ""
    request = drafting.resolve_change_request(session, operator, change_request_id, note)
    return change_requests.out(request)


@router.post("/change-requests/{change_request_id}/reject", summary="Decline the change")
def reject_change_request(
    operator: CurrentOperator,
    session: DbSession,
    runtime: RuntimeDep,
    change_request_id: uuid.UUID,
    body: RejectionNote,
) -> ChangeRequestOut:
    """Needs your live claim. The change request is `Rejected` with your note (the customer
    reads it); the order returns to `Ready` with its files unchanged, announced per product
    group as `moved_to_ready` with `previous_status: "Fixing"`, `delivery_type: "fix"`. A model
    saved during the fix is set back to the delivered version."""
    request = drafting.reject_change_request(session, operator, change_request_id, body.note)
    return change_requests.out(request)


def include_production_api(app: FastAPI) -> None:
    """Mount the production API, with its own OpenAPI document (it is not part of the
    Integrate API that customers see)."""
    app.include_router(router, include_in_schema=False)

    @app.get(f"{PRODUCTION_PREFIX}/openapi.json", include_in_schema=False)
    def production_openapi() -> dict[str, Any]:
        return get_openapi(
            title="Planroom Production API",
            version=__version__,
            description=(
                "For drafters and operators: the production queue, claims, sources, floor "
                "models, approval, rejection and change requests. Authenticate with "
                "`Authorization: Bearer <operator token>` (`planroom operator create`)."
            ),
            routes=router.routes,
        )
