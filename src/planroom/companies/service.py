"""Companies: creation with a first key, info, packages, and merging one into another."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, ScalarSelect, or_, select
from sqlalchemy.orm import Session

from planroom.auth.service import create_api_key, revoke_all_api_keys
from planroom.companies.models import Company, MergeRequest
from planroom.core.clock import clock
from planroom.core.errors import BadRequest, InvalidState, NotFound
from planroom.mail.service import Mailer
from planroom.offices import service as offices
from planroom.orders.products import ADD_ONS, PACKAGE_TYPES
from planroom.users import service as users

MergeStep = Callable[[Session, uuid.UUID, uuid.UUID], None]

# Domains whose rows belong to a company and move with it on a merge. Orders register
# themselves here (the orders package depends on companies, not the other way round).
MERGE_STEPS: list[MergeStep] = [offices.move_company, users.move_company]


@dataclass(frozen=True)
class NewCompany:
    company: Company
    api_key: str


def create_company(
    session: Session,
    *,
    name: str,
    email: str | None = None,
    sandbox: bool = False,
    measurement_system: str = "imperial",
    country: str = "United States",
) -> NewCompany:
    company = Company(
        name=name,
        email=email,
        sandbox=sandbox,
        measurement_system=measurement_system,
        country=country,
    )
    session.add(company)
    session.flush()
    key = create_api_key(session, company.id)
    return NewCompany(company=company, api_key=key.secret)


def list_companies(session: Session) -> list[Company]:
    return list(session.scalars(select(Company).order_by(Company.created_at)))


def company_named(session: Session, name: str) -> Company | None:
    """The oldest live (not merged away) company of that name."""
    return session.scalar(
        select(Company)
        .where(Company.name == name, Company.merged_into_id.is_(None))
        .order_by(Company.created_at)
        .limit(1)
    )


def find_company(session: Session, company_id: uuid.UUID) -> Company | None:
    return session.get(Company, company_id)


def version_of(company_id: uuid.UUID | ColumnElement[uuid.UUID]) -> ScalarSelect[int]:
    """The company's `version` as a column of another statement: it changes whenever anything
    an answer shows of the company (its unit, its templates' names) does."""
    return select(Company.version).where(Company.id == company_id).scalar_subquery()


def companies_by_id(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Company]:
    """The companies with these ids, in one query."""
    if not ids:
        return {}
    return {row.id: row for row in session.scalars(select(Company).where(Company.id.in_(ids)))}


def get_company(session: Session, company_id: uuid.UUID) -> Company:
    company = session.get(Company, company_id)
    if company is None:
        raise NotFound("No company with this id.")
    return company


def setting(company: Company, key: str, default: float) -> float:
    """A number kept in the company's settings (the sandbox clock's offset, for one)."""
    value = company.settings_json.get(key, default)
    return float(value) if isinstance(value, int | float) else default


def set_setting(company: Company, key: str, value: float) -> None:
    # a new dict, so the JSON column sees the change
    company.settings_json = {**company.settings_json, key: value}


def any_company_exists(session: Session) -> bool:
    return session.scalar(select(Company.id).limit(1)) is not None


def package_info(company: Company) -> dict[str, object]:
    return {
        "package_type": company.default_package_type,
        "add_ons": list(company.default_add_ons),
        "available_package_types": list(PACKAGE_TYPES),
        "available_add_ons": list(ADD_ONS),
    }


def request_merge(
    session: Session, mailer: Mailer, public_url: str, requester: Company, email: str
) -> MergeRequest:
    """Ask the company of the Manager with `email` to take this company in.

    The request is stored and answered the same whatever the email, so that nobody learns from
    the answer (or from the requests list) whether an address is a Manager's or which company
    it belongs to. Only when it is another company's Manager does that company get the request
    (its Managers are emailed); otherwise it stays pending with no one to accept it.
    """
    manager = users.find_by_email(session, email)
    known = manager is not None and manager.role == "Manager" and manager.company_id != requester.id
    request = MergeRequest(
        requester_company_id=requester.id,
        target_company_id=manager.company_id if known and manager is not None else None,
        target_email=email.lower(),
    )
    session.add(request)
    session.flush()
    if request.target_company_id is None:
        return request
    for target_manager in users.managers_of(session, request.target_company_id):
        mailer.send(
            session,
            to=target_manager.email,
            subject=f"{requester.name} asks to merge into your Planroom company",
            body=(
                f"{requester.name} asked to merge its offices, users and orders into your "
                f"company. Accept it with POST {public_url}/api/integrate/v3/companies/"
                f"merge-requests/{request.id}/accept using your company's API key.\n"
            ),
            kind="merge_request",
        )
    return request


def merge_requests(session: Session, company_id: uuid.UUID) -> list[MergeRequest]:
    statement = (
        select(MergeRequest)
        .where(
            or_(
                MergeRequest.requester_company_id == company_id,
                MergeRequest.target_company_id == company_id,
            )
        )
        .order_by(MergeRequest.created_at.desc())
    )
    return list(session.scalars(statement))


def accept_merge(session: Session, target: Company, request_id: uuid.UUID) -> MergeRequest:
    """Move the requester's offices, users and orders into `target` and revoke its keys.

    Runs inside the caller's single transaction: it all happens or none of it does.
    """
    request = session.get(MergeRequest, request_id)
    if request is None or target.id not in (
        request.target_company_id,
        request.requester_company_id,
    ):
        raise NotFound("No merge request with this id for your company.")
    if request.target_company_id != target.id:
        raise BadRequest("Only the company asked to take the other in can accept the request.")
    if request.status != "pending":
        raise InvalidState(f"This merge request is already {request.status}.")
    source_id = request.requester_company_id
    for step in MERGE_STEPS:
        step(session, source_id, target.id)
    revoke_all_api_keys(session, source_id)
    requester = get_company(session, source_id)
    requester.merged_into_id = target.id
    request.status = "accepted"
    request.accepted_at = clock.now()
    session.flush()
    return request
