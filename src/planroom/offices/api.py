from __future__ import annotations

from fastapi import APIRouter

from planroom.api.deps import CurrentCompany, DbSession
from planroom.core.clock import epoch
from planroom.core.pagination import Page, PageParamsDep, paginate_batch
from planroom.offices import service
from planroom.offices.models import Office
from planroom.offices.schemas import OfficeCreate, OfficeOut
from planroom.users import service as users

router = APIRouter(tags=["Office"])


def _office_out(session: DbSession, office: Office, users_count: int | None = None) -> OfficeOut:
    return OfficeOut(
        id=office.id,
        name=office.name,
        address=office.address,
        created_at=epoch(office.created_at) or 0.0,
        users_count=users.count_in_office(session, office.id)
        if users_count is None
        else users_count,
    )


def _office_rows(session: DbSession, offices: list[Office]) -> list[OfficeOut]:
    counts = users.count_in_offices(session, [office.id for office in offices])
    return [_office_out(session, office, counts.get(office.id, 0)) for office in offices]


@router.get("/offices", summary="List all offices")
def list_offices(
    company: CurrentCompany, session: DbSession, params: PageParamsDep
) -> Page[OfficeOut]:
    """The company's offices, newest first, with how many users each has."""
    return paginate_batch(
        session,
        service.offices_statement(company.id),
        params,
        lambda offices: _office_rows(session, offices),
    )


@router.post("/offices", summary="Add new office", status_code=200)
def create_office(company: CurrentCompany, session: DbSession, body: OfficeCreate) -> OfficeOut:
    """Create an office; users can then be placed in it with `office_id`."""
    office = service.create_office(session, company.id, body.name, body.address)
    return _office_out(session, office)
