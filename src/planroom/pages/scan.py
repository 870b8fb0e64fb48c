"""The GoToScan landing page: the address, how to scan, and an upload form that works on a
phone without JavaScript. Used or expired links say so plainly."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from planroom.api.deps import DbSession, RuntimeDep
from planroom.api.uploads import read_file_upload
from planroom.companies import service as companies
from planroom.core.clock import clock
from planroom.core.errors import PlanroomError
from planroom.orders import go2scan, service
from planroom.orders.address import full_address
from planroom.orders.models import GoToScanLink, Order
from planroom.pages.templating import templates
from planroom.production import sources

router = APIRouter(include_in_schema=False)

USED = "This link was already used: the scan is uploaded. Nothing more to do."
EXPIRED = "This link has expired. Ask whoever sent it for a new one."
UNKNOWN = "This link is not valid. Check that you opened the whole link from the message."


def _problem(link: GoToScanLink | None) -> str | None:
    if link is None:
        return UNKNOWN
    if link.uploaded_at is not None:
        return USED
    if link.expires_at <= clock.now():
        return EXPIRED
    return None


def _page(
    request: Request, order: Order | None, company: str, status_code: int = 200, **values: object
) -> Response:
    address = (
        full_address(
            order.street, order.suite, order.city, order.state, order.postal_code, order.country
        )
        if order
        else "a property"
    )
    context = {"address": address, "company": company, **values}
    return templates.TemplateResponse(request, "scan.html", context, status_code=status_code)


def _load(session: DbSession, token: str) -> tuple[GoToScanLink | None, Order | None, str]:
    link = go2scan.link_by_token(session, token)
    if link is None:
        return None, None, "Planroom"
    order = go2scan.order_of_link(session, link)
    company = companies.get_company(session, order.company_id).name if order else "Planroom"
    return link, order, company


@router.get("/scan/{token}", response_class=HTMLResponse)
def scan_page(request: Request, session: DbSession, token: str) -> Response:
    link, order, company = _load(session, token)
    problem = _problem(link)
    if problem is not None:
        return _page(request, order, company, 404 if link is None else 410, problem=problem)
    assert link is not None
    if link.opened_at is None:
        link.opened_at = clock.now()
    return _page(request, order, company, expires=f"{link.expires_at:%Y-%m-%d %H:%M}")


@router.post("/scan/{token}", response_class=HTMLResponse)
async def scan_upload(
    request: Request, session: DbSession, runtime: RuntimeDep, token: str
) -> Response:
    upload = None
    error = None
    try:
        upload = await read_file_upload(
            request, runtime.settings.max_upload_bytes, ("scan", "file")
        )
    except PlanroomError as exc:
        error = exc.message

    def receive() -> Response:
        link, order, company = _load(session, token)
        problem = _problem(link)
        if problem is not None or order is None or link is None:
            return _page(request, order, company, 410 if link else 404, problem=problem or UNKNOWN)
        expires = f"{link.expires_at:%Y-%m-%d %H:%M}"
        if error is not None or upload is None:
            return _page(request, order, company, 400, error=error, expires=expires)
        try:
            locked = service.get_order_for_update(session, order.company_id, order.id)
            sources.check_scan(upload)
            sources.receive_scan(session, runtime, locked, upload, actor="go2scan")
        except PlanroomError as exc:
            session.rollback()
            message = f"The file could not be used: {exc.message} Export the scan again and retry."
            return _page(request, order, company, 400, error=message, expires=expires)
        return _page(request, order, company, done=True)

    return await run_in_threadpool(receive)
