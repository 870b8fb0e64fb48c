"""Set-password pages behind invitation and reset links; they work without JavaScript."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from planroom.api.deps import DbSession
from planroom.auth.passwords import MIN_PASSWORD_LENGTH
from planroom.pages.templating import templates
from planroom.users import service

router = APIRouter(include_in_schema=False)

_HEADINGS = {"invite": "Welcome to Planroom: set your password", "reset": "Set a new password"}


def _render(request: Request, purpose: str, status_code: int = 200, **values: object) -> Response:
    context = {"heading": _HEADINGS[purpose], "min_length": MIN_PASSWORD_LENGTH, **values}
    return templates.TemplateResponse(
        request, "set_password.html", context, status_code=status_code
    )


def _email_or_problem(
    request: Request, session: DbSession, token: str, purpose: str
) -> str | Response:
    """The email of the account behind a usable link, or the page saying why it is not."""
    try:
        row = service.usable_token(session, token, purpose)
    except service.TokenProblem as problem:
        return _render(request, purpose, 410, problem=str(problem))
    user = service.user_by_id(session, row.user_id)
    return user.email if user else ""


def _show(request: Request, session: DbSession, token: str, purpose: str) -> Response:
    email = _email_or_problem(request, session, token, purpose)
    return email if isinstance(email, Response) else _render(request, purpose, email=email)


def _submit(
    request: Request, session: DbSession, token: str, purpose: str, password: str, confirm: str
) -> Response:
    email = _email_or_problem(request, session, token, purpose)
    if isinstance(email, Response):
        return email
    if len(password) < MIN_PASSWORD_LENGTH:
        error = f"Use at least {MIN_PASSWORD_LENGTH} characters."
        return _render(request, purpose, 400, email=email, error=error)
    if password != confirm:
        return _render(request, purpose, 400, email=email, error="The two passwords differ.")
    user = service.set_password_with_token(session, token, purpose, password)
    return _render(request, purpose, done=True, email=user.email)


@router.get("/invite/{token}", response_class=HTMLResponse)
def invite_page(request: Request, session: DbSession, token: str) -> Response:
    return _show(request, session, token, "invite")


@router.post("/invite/{token}", response_class=HTMLResponse)
def invite_submit(
    request: Request,
    session: DbSession,
    token: str,
    password: Annotated[str, Form()],
    confirm: Annotated[str, Form()],
) -> Response:
    return _submit(request, session, token, "invite", password, confirm)


@router.get("/reset-password/{token}", response_class=HTMLResponse)
def reset_page(request: Request, session: DbSession, token: str) -> Response:
    return _show(request, session, token, "reset")


@router.post("/reset-password/{token}", response_class=HTMLResponse)
def reset_submit(
    request: Request,
    session: DbSession,
    token: str,
    password: Annotated[str, Form()],
    confirm: Annotated[str, Form()],
) -> Response:
    return _submit(request, session, token, "reset", password, confirm)
