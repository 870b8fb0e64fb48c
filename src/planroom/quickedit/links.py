"""Signed, expiring Quick Edit links: `{PUBLIC_URL}/orders/{id}/edit?t=<token>`.

The token signs the link row's id with the secret key and a timestamp; the row holds who edits
and until when. A token that was not signed by us, is older than the longest lifetime, names a
row that is gone or expired, or an editor who lost the right, opens nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.core.errors import Forbidden, NotFound, Unauthorized
from planroom.orders import service as orders
from planroom.orders.models import Order
from planroom.production import operators
from planroom.production.models import Operator
from planroom.quickedit.edits import Mode
from planroom.quickedit.models import QuickEditLink
from planroom.users import service as users

SALT = "planroom.quickedit.link"
DEFAULT_LIFETIME = timedelta(hours=1)
MAX_LIFETIME = timedelta(days=7)
EDITING_ROLES = ("Manager", "User")
NO_LINK = "This Quick Edit link is not valid; ask for a new one."
EXPIRED = "This Quick Edit link has expired; ask for a new one."


@dataclass(frozen=True)
class Editor:
    """Who is editing an order through a link, and how much they may change."""

    link_id: uuid.UUID
    order_id: uuid.UUID
    mode: Mode
    name: str


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=SALT)


def edit_url(public_url: str, order_id: uuid.UUID, token: str) -> str:
    return f"{public_url.rstrip('/')}/orders/{order_id}/edit?t={token}"


def _issue(
    session: Session,
    secret_key: str,
    order: Order,
    *,
    mode: Mode,
    editor: str,
    lifetime: timedelta,
    user_id: uuid.UUID | None = None,
    operator_id: uuid.UUID | None = None,
) -> tuple[QuickEditLink, str]:
    lifetime = min(lifetime, MAX_LIFETIME)
    link = QuickEditLink(
        order_id=order.id,
        company_id=order.company_id,
        mode=mode,
        user_id=user_id,
        operator_id=operator_id,
        editor=editor[:320],
        expires_at=clock.now() + lifetime,
    )
    session.add(link)
    session.flush()
    return link, str(_serializer(secret_key).dumps(str(link.id)))


def customer_link(
    session: Session,
    secret_key: str,
    company_id: uuid.UUID,
    order: Order,
    *,
    user: str | None,
    lifetime: timedelta = DEFAULT_LIFETIME,
) -> tuple[QuickEditLink, str]:
    """A link for the company's own people: a Manager or a User (never a Collaborator), or the
    company itself when no user is named (an API key acts with Manager rights)."""
    if user is None:
        return _issue(
            session, secret_key, order, mode="customer", editor="company", lifetime=lifetime
        )
    found = users.find_user(session, company_id, user)
    if found.role not in EDITING_ROLES:
        raise Forbidden(
            f"{found.email} is a {found.role}: Quick Edit is for Managers and Users. "
            "Change their role or ask for the link for someone else."
        )
    return _issue(
        session,
        secret_key,
        order,
        mode="customer",
        editor=found.email,
        lifetime=lifetime,
        user_id=found.id,
    )


def drafter_link(
    session: Session,
    secret_key: str,
    operator: Operator,
    order: Order,
    *,
    lifetime: timedelta = DEFAULT_LIFETIME,
) -> tuple[QuickEditLink, str]:
    return _issue(
        session,
        secret_key,
        order,
        mode="drafter",
        editor=f"drafter {operator.name}",
        lifetime=lifetime,
        operator_id=operator.id,
    )


def open_link(session: Session, secret_key: str, order_id: uuid.UUID, token: str) -> Editor:
    """The editor a token was issued to, checked again now: 404 for anything not ours or for
    another order, 401 once expired, 403 once the editor lost the right to edit."""
    try:
        raw = _serializer(secret_key).loads(token, max_age=int(MAX_LIFETIME.total_seconds()))
        link_id = uuid.UUID(str(raw))
    except SignatureExpired:
        raise Unauthorized(EXPIRED) from None
    except (BadSignature, ValueError):
        raise NotFound(NO_LINK) from None
    link = session.get(QuickEditLink, link_id)
    order = orders.get_any_order(session, order_id)
    if link is None or link.order_id != order_id or order is None:
        raise NotFound(NO_LINK)
    if link.expires_at <= clock.now():
        raise Unauthorized(EXPIRED)
    if link.mode == "customer":
        if order.company_id != link.company_id:
            raise NotFound(NO_LINK)
        if link.user_id is not None:
            person = users.user_by_id(session, link.user_id)
            if person is None or person.company_id != link.company_id:
                raise NotFound(NO_LINK)
            if person.role not in EDITING_ROLES:
                raise Forbidden(f"{person.email} is now a {person.role}: Quick Edit is closed.")
    elif (
        link.operator_id is not None
        and operators.active_operator(session, link.operator_id) is None
    ):
        raise Unauthorized("The drafter's operator token was revoked.")
    mode: Mode = "drafter" if link.mode == "drafter" else "customer"
    return Editor(link_id=link.id, order_id=order_id, mode=mode, name=link.editor)
