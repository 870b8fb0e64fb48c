"""The way in from the tour for the company's own people: the branded tour links to
`/orders/{id}/edit/sign-in`, where a Manager or a User of the order's company signs in with
their Planroom email and password and is sent on to a fresh signed Quick Edit link (the same
link `POST /orders/{id}/quick-edit-link` gives). The tour itself is public and cannot tell who
looks at it; the sign-in is where a company user is told apart from anyone else. Collaborators,
other companies' users and wrong passwords get the form again with the reason, nothing else."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from planroom.api.deps import DbSession, RuntimeDep
from planroom.core.errors import PlanroomError
from planroom.orders import service as orders
from planroom.quickedit import links, service, signin_limit
from planroom.quickedit.api import PAGE_HEADERS
from planroom.users import service as users

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
LIFETIME = timedelta(hours=2)
TOO_MANY = "Too many wrong sign-ins: wait a minute and try again."
WRONG = "The email or the password is not right (use your Planroom sign-in of this company)."
# The edit page's headers; the form posts to this host and runs no script.
HEADERS = {
    **PAGE_HEADERS,
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
}


def _form(
    request: Request,
    order_id: str,
    message: str | None,
    status: int,
    retry_after: int | None = None,
) -> Response:
    response = templates.TemplateResponse(
        request,
        "sign_in.html",
        {"order_id": order_id, "message": message},
        status_code=status,
    )
    response.headers.update(HEADERS)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


@router.get("/orders/{order_id}/edit/sign-in")
def sign_in_page(request: Request, order_id: uuid.UUID) -> Response:
    return _form(request, str(order_id), None, 200)


@router.post("/orders/{order_id}/edit/sign-in")
def sign_in(
    request: Request,
    session: DbSession,
    runtime: RuntimeDep,
    order_id: uuid.UUID,
    email: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=500)],
) -> Response:
    order = orders.get_any_order(session, order_id)
    if order is None:
        return _form(request, str(order_id), links.NO_LINK, 404)
    queue_url = runtime.settings.queue_url
    address = request.client.host if request.client else "unknown"
    wait = signin_limit.retry_after(queue_url, address, str(order.company_id), email)
    if wait is not None:
        return _form(request, str(order_id), TOO_MANY, 429, retry_after=wait)
    person = users.authenticate(session, order.company_id, email.strip(), password)
    if person is None:
        signin_limit.count_failure(queue_url, address, str(order.company_id), email)
        return _form(request, str(order_id), WRONG, 401)
    try:
        service.require_editable(session, order)
        _, token = links.customer_link(
            session,
            runtime.settings.resolved_secret_key(),
            order.company_id,
            order,
            user=str(person.id),
            lifetime=LIFETIME,
        )
    except PlanroomError as problem:
        return _form(request, str(order_id), problem.message, problem.status_code)
    url = links.edit_url("", order.id, token)
    return RedirectResponse(url, status_code=303, headers={"Cache-Control": "no-store"})
