"""Offices group a company's users."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from planroom.core.errors import FieldError
from planroom.offices.models import Office
from planroom.users.models import User


def create_office(
    session: Session, company_id: uuid.UUID, name: str, address: str | None
) -> Office:
    office = Office(company_id=company_id, name=name, address=address)
    session.add(office)
    session.flush()
    return office


def offices_statement(company_id: uuid.UUID) -> Select[Office]:
    return (
        select(Office)
        .where(Office.company_id == company_id)
        .order_by(Office.created_at.desc(), Office.id.desc())
    )


def users_count(session: Session, office_id: uuid.UUID) -> int:
    return session.scalar(select(func.count()).where(User.office_id == office_id)) or 0


def users_counts(session: Session, office_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many users each office has, in one query (offices without users are left out)."""
    if not office_ids:
        return {}
    rows = session.execute(
        select(User.office_id, func.count())
        .where(User.office_id.in_(office_ids))
        .group_by(User.office_id)
    )
    return {office_id: count for office_id, count in rows if office_id is not None}


def require_office(session: Session, company_id: uuid.UUID, office_id: uuid.UUID) -> Office:
    """An office of this company, else a field error on `office_id`."""
    office = session.get(Office, office_id)
    if office is None or office.company_id != company_id:
        raise FieldError("body", ["office_id"], "office not found")
    return office


def move_company(session: Session, from_company: uuid.UUID, to_company: uuid.UUID) -> None:
    session.execute(
        update(Office).where(Office.company_id == from_company).values(company_id=to_company)
    )
