"""GoToScan orders: a single-use link that lets a homeowner scan the property."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from planroom.auth.encryption import secret_box
from planroom.auth.tokens import secret_hash
from planroom.companies.models import Company
from planroom.core.clock import clock
from planroom.core.errors import FieldError, InvalidState
from planroom.orders import lifecycle
from planroom.orders.address import full_address
from planroom.orders.models import GoToScanLink, Order
from planroom.orders.schemas import GoToScanCreate, GoToScanExtend
from planroom.orders.service import fields_of, new_order, require_owner
from planroom.runtime import Runtime

MAX_VALIDITY = timedelta(days=28)


def link_of(session: Session, order_id: object) -> GoToScanLink | None:
    return session.scalar(select(GoToScanLink).where(GoToScanLink.order_id == order_id))


def create_go2scan(
    session: Session, runtime: Runtime, company: Company, body: GoToScanCreate
) -> tuple[Order, GoToScanLink]:
    if body.recipient.email is None and not body.recipient.phone:
        raise FieldError("body", ["recipient"], "either email or phone is required")
    owner = require_owner(session, company.id, body.owner_email) if body.owner_email else None
    order = new_order(
        session,
        company,
        fields_of(body),
        status="New",
        owner=owner,
        order_type=None,
        is_scan_order=True,
    )
    token = secrets.token_urlsafe(24)
    link = GoToScanLink(
        order_id=order.id,
        token_hash=secret_hash(token),
        token_sealed=secret_box(runtime.settings).seal(token),
        expires_at=clock.now() + timedelta(days=body.link_validity_days),
        recipient_email=str(body.recipient.email) if body.recipient.email else None,
        recipient_phone=body.recipient.phone,
        recipient_name=body.recipient.name,
        priority=body.priority,
        conversion_type=body.conversion_type,
    )
    session.add(link)
    session.flush()
    lifecycle.move(session, order, "New", actor=owner.email if owner else "api", creating=True)
    if body.send_email and link.recipient_email and not order.is_sandbox_test:
        address = full_address(
            order.street, order.suite, order.city, order.state, order.postal_code, order.country
        )
        url = scan_url(runtime, link)
        greeting = f"Hello {link.recipient_name}," if link.recipient_name else "Hello,"
        runtime.mailer.send(
            session,
            to=link.recipient_email,
            subject=f"Scan {address} for its floor plan",
            body=(
                f"{greeting}\n\n{company.name} asks you to scan {address} with an iPhone or "
                f"iPad that has LiDAR, so they can make its floor plan.\n\nOpen this link on the "
                f"device to see how and to upload the scan (it works once, until "
                f"{link.expires_at:%Y-%m-%d %H:%M} UTC):\n\n{url}\n"
            ),
            kind="go2scan",
        )
    return order, link


def extend_link(session: Session, order: Order, body: GoToScanExtend) -> GoToScanLink:
    """Extend an unused link; never past 28 days after its creation."""
    link = link_of(session, order.id)
    if link is None:
        raise InvalidState("This order has no GoToScan link; it was not created as GoToScan.")
    if link.uploaded_at is not None:
        raise InvalidState("The GoToScan link was already used to upload a scan.")
    wanted = clock.now() + timedelta(days=body.link_validity_days)
    latest = link.created_at + MAX_VALIDITY
    if wanted > latest:
        raise FieldError(
            "body",
            ["link_validity_days"],
            f"a link can be valid at most 28 days after it was created "
            f"({latest:%Y-%m-%d %H:%M} UTC)",
        )
    link.expires_at = wanted
    session.flush()
    return link


def order_of_link(session: Session, link: GoToScanLink) -> Order | None:
    return session.get(Order, link.order_id)


def link_by_token(session: Session, token: str) -> GoToScanLink | None:
    return session.scalar(select(GoToScanLink).where(GoToScanLink.token_hash == secret_hash(token)))


def scan_url(runtime: Runtime, link: GoToScanLink) -> str:
    """The landing page link the recipient got (its token unsealed from storage)."""
    token = secret_box(runtime.settings).open(link.token_sealed)
    return f"{runtime.settings.resolved_public_url}/scan/{token}"


def bring_deadlines_forward(session: Session, company_id: uuid.UUID, seconds: float) -> None:
    """Sandbox time travel for one company: its GoToScan links age by `seconds`."""
    step = timedelta(seconds=seconds)
    links = session.scalars(
        select(GoToScanLink)
        .join(Order, Order.id == GoToScanLink.order_id)
        .where(Order.company_id == company_id)
    )
    for link in links:
        link.expires_at -= step
        link.created_at -= step
    session.flush()
