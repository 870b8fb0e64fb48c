"""Quick Edit's endpoints: the links (Integrate API for companies, production API for drafters),
the page, and the page's own JSON calls, authenticated by the link's token in the
`X-Quick-Edit-Token` header. Every byte the page needs comes from here."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field

from planroom.api.deps import CurrentCompany, DbSession, RuntimeDep
from planroom.api.openapi import errors
from planroom.core.clock import epoch
from planroom.core.errors import Forbidden, InvalidState, NotFound, PlanroomError, Unauthorized
from planroom.orders import service as orders
from planroom.production.auth import CurrentOperator
from planroom.quickedit import first_paint, links, service
from planroom.quickedit.edits import Operation
from planroom.runtime import Runtime

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {
    "quickedit.js": "text/javascript; charset=utf-8",
    "quickedit-geometry.js": "text/javascript; charset=utf-8",
    "quickedit.css": "text/css; charset=utf-8",
}
templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")

integrate_router = APIRouter(tags=["Orders"])
production_router = APIRouter(prefix="/api/production/v1", include_in_schema=False)
page_router = APIRouter(include_in_schema=False)

PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Frame-Options": "DENY",
    # nothing but this host: no CDN, no font service, no analytics
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
}
TOKEN_HEADER = "X-Quick-Edit-Token"


class QuickEditLinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user: str | None = Field(
        default=None,
        max_length=320,
        description="Email or id of the company user who edits (a Manager or a User); "
        "without it the link edits as the company.",
    )
    expires_in: int = Field(
        default=3600, ge=60, le=604_800, description="Seconds the link works (at most 7 days)."
    )


class QuickEditLinkOut(BaseModel):
    url: str
    expires_at: float
    mode: str
    editor: str


def _link_out(runtime: Runtime, link: Any, token: str) -> QuickEditLinkOut:
    return QuickEditLinkOut(
        url=links.edit_url(runtime.settings.resolved_public_url, link.order_id, token),
        expires_at=epoch(link.expires_at) or 0.0,
        mode=link.mode,
        editor=link.editor,
    )


@integrate_router.post(
    "/orders/{order_id}/quick-edit-link",
    summary="A signed link to the order's Quick Edit page",
    response_model=QuickEditLinkOut,
    responses=errors(Forbidden, NotFound, InvalidState),
)
def create_quick_edit_link(
    company: CurrentCompany,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: QuickEditLinkIn | None = None,
) -> QuickEditLinkOut:
    """The page where the company's Managers and Users rename rooms, change their type, tick
    finished / heated / enclosed and set ceiling heights of a delivered (Ready) order; every
    save re-renders all its files and announces `moved_to_ready` with `previous_status:
    "Ready"`. Collaborators get 403; another company's order is 404."""
    body = body or QuickEditLinkIn()
    order = orders.get_order(session, company.id, order_id)
    service.require_editable(session, order)
    link, token = links.customer_link(
        session,
        runtime.settings.resolved_secret_key(),
        company.id,
        order,
        user=body.user,
        lifetime=timedelta(seconds=body.expires_in),
    )
    return _link_out(runtime, link, token)


@production_router.post("/orders/{order_id}/quick-edit-link")
def create_drafter_link(
    operator: CurrentOperator,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    body: QuickEditLinkIn | None = None,
) -> QuickEditLinkOut:
    """The same page in drafter mode: walls and openings too."""
    body = body or QuickEditLinkIn()
    order = orders.get_any_order(session, order_id)
    if order is None:
        raise NotFound("No order with this id.")
    service.require_editable(session, order)
    link, token = links.drafter_link(
        session,
        runtime.settings.resolved_secret_key(),
        operator,
        order,
        lifetime=timedelta(seconds=body.expires_in),
    )
    return _link_out(runtime, link, token)


def _editor(
    session: DbSession, runtime: Runtime, order_id: uuid.UUID, token: str | None
) -> links.Editor:
    if not token:
        raise Unauthorized(f"Open the page through its link (the token goes in {TOKEN_HEADER}).")
    return links.open_link(session, runtime.settings.resolved_secret_key(), order_id, token)


Token = Annotated[str | None, Header(alias=TOKEN_HEADER, max_length=500)]


@page_router.get("/orders/{order_id}/edit", response_class=HTMLResponse)
def edit_page(
    request: Request,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: str,
    t: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    try:
        editor = _editor(session, runtime, uuid.UUID(order_id), t)
        state = service.state_of(session, editor)
    except (PlanroomError, ValueError) as problem:
        message = problem.message if isinstance(problem, PlanroomError) else links.NO_LINK
        status = problem.status_code if isinstance(problem, PlanroomError) else 404
        response = templates.TemplateResponse(
            request, "closed.html", {"message": message}, status_code=status
        )
        response.headers.update(PAGE_HEADERS)
        return response
    context = {
        "state": state,
        "token": t,
        "drafter": editor.mode == "drafter",
        # the first paint: the plan and the rooms are in the HTML, before any script runs
        "plan": first_paint.level_plan(state, first_paint.first_level(state["model"])),
        "rooms_by_level": first_paint.room_list(state),
    }
    response = templates.TemplateResponse(request, "edit.html", context)
    response.headers.update(PAGE_HEADERS)
    return response


@page_router.get("/quickedit/assets/{name}")
def asset(name: str) -> Response:
    if name not in ASSETS:
        return Response("Not found", status_code=404, media_type="text/plain")
    return Response(
        (STATIC / name).read_bytes(),
        media_type=ASSETS[name],
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )


class SaveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    base_version: int = Field(ge=1)
    operations: list[Operation] = Field(min_length=1, max_length=500)


class UndoIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    base_version: int = Field(ge=1)
    to_version: int = Field(ge=1)


@page_router.get("/orders/{order_id}/edit/state")
def edit_state(
    session: DbSession, runtime: RuntimeDep, order_id: uuid.UUID, token: Token = None
) -> dict[str, Any]:
    """The newest model, its figures, re-render progress and history."""
    return service.state_of(session, _editor(session, runtime, order_id, token))


def _after_save(session: DbSession, editor: links.Editor, saved: service.Saved) -> dict[str, Any]:
    """What the page gets back from a save or an undo: the new version and the fresh state."""
    return {"saved": saved.version, "changes": saved.changes, **service.state_of(session, editor)}


@page_router.post("/orders/{order_id}/edit/save")
def edit_save(
    session: DbSession, runtime: RuntimeDep, order_id: uuid.UUID, body: SaveIn, token: Token = None
) -> dict[str, Any]:
    """Save an edit made on `base_version` (409 `conflict` if that is no longer the newest)."""
    editor = _editor(session, runtime, order_id, token)
    return _after_save(
        session, editor, service.save_edit(session, editor, body.base_version, body.operations)
    )


@page_router.post("/orders/{order_id}/edit/undo")
def edit_undo(
    session: DbSession, runtime: RuntimeDep, order_id: uuid.UUID, body: UndoIn, token: Token = None
) -> dict[str, Any]:
    """Bring back an earlier version as the newest one."""
    editor = _editor(session, runtime, order_id, token)
    return _after_save(
        session, editor, service.undo_to(session, editor, body.base_version, body.to_version)
    )
