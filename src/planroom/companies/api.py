from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel
from sqlalchemy.orm import Session

from planroom.api.deps import CurrentCompany, DbSession, RuntimeDep
from planroom.api.openapi import errors
from planroom.api.uploads import read_file_upload
from planroom.companies import service
from planroom.companies.logo import load_logo, logo_key, store_logo
from planroom.companies.models import Company, MergeRequest
from planroom.companies.schemas import (
    CompanyInfo,
    CompanyPackage,
    CompanyProfile,
    MergeRequestCreate,
    MergeRequestList,
    MergeRequestOut,
)
from planroom.core.clock import epoch
from planroom.core.errors import BadRequest, InvalidState, NotFound, UnsupportedMediaType

router = APIRouter(tags=["Company"])


@router.get("/companies/info", summary="Get company information")
def company_info(company: CurrentCompany) -> CompanyInfo:
    """The company the API key belongs to."""
    return CompanyInfo(
        id=company.id,
        name=company.name,
        email=company.email,
        country=company.country,
        customer_type=company.customer_type,
        measurement_system=company.measurement_system,
        language=company.language,
        created_at=epoch(company.created_at) or 0.0,
        profile=CompanyProfile(name=company.name, email=company.email),
        sandbox=company.sandbox,
    )


@router.get("/companies/package", summary="Get company package")
def company_package(company: CurrentCompany) -> CompanyPackage:
    """The default package and add-ons used when an order names none, and what exists."""
    return CompanyPackage.model_validate(service.package_info(company))


def _merge_out(session: Session, request: MergeRequest, viewer: Company) -> MergeRequestOut:
    requester = service.get_company(session, request.requester_company_id)
    return _merge_row(request, viewer, requester)


def _merge_row(request: MergeRequest, viewer: Company, requester: Company) -> MergeRequestOut:
    incoming = request.target_company_id == viewer.id
    return MergeRequestOut(
        id=request.id,
        status=request.status,
        # the requester sees the email it gave, never the name of a company behind it
        target_company_name=viewer.name if incoming else request.target_email,
        created_at=epoch(request.created_at) or 0.0,
        direction="incoming" if incoming else "outgoing",
        requester_company_name=requester.name,
        accepted_at=epoch(request.accepted_at),
    )


@router.post("/companies/merge-request", summary="Send a merge request to another company")
def create_merge_request(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep, body: MergeRequestCreate
) -> MergeRequestOut:
    """Ask the company of the Manager with this email to take your company in; its Managers
    get an email. The answer is the same whatever the email (`status` `pending`, and
    `target_company_name` repeats the email given), so it never tells whether the address is
    a Manager's or names their company; only that company sees the request and can accept it."""
    request = service.request_merge(
        session, runtime.mailer, runtime.settings.resolved_public_url, company, body.email
    )
    return _merge_out(session, request, company)


@router.get("/companies/merge-requests", summary="List merge requests")
def list_merge_requests(company: CurrentCompany, session: DbSession) -> MergeRequestList:
    """Requests your company sent (`outgoing`) and received (`incoming`)."""
    requests = service.merge_requests(session, company.id)
    # the requesting companies in one query, not one a row
    requesters = service.companies_by_id(session, {r.requester_company_id for r in requests})
    rows = [_merge_row(r, company, requesters[r.requester_company_id]) for r in requests]
    return MergeRequestList(
        incoming=[row for row in rows if row.direction == "incoming"],
        outgoing=[row for row in rows if row.direction == "outgoing"],
    )


@router.post(
    "/companies/merge-requests/{request_id}/accept",
    summary="Accept a merge request",
    responses=errors(NotFound, BadRequest, InvalidState),
)
def accept_merge_request(
    company: CurrentCompany, session: DbSession, request_id: uuid.UUID
) -> MergeRequestOut:
    """Move the requester's offices, users and orders into your company and revoke its API keys,
    all in one transaction."""
    request = service.accept_merge(session, company, request_id)
    return _merge_out(session, request, company)


class LogoOut(BaseModel):
    logo_url: str | None


MAX_LOGO_BYTES = 5 * 1024 * 1024
LOGO_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "image/png": {"schema": {"type": "string", "format": "binary"}},
            "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
        },
    }
}


@router.get("/companies/logo", summary="Get the company logo")
def get_logo(company: CurrentCompany, runtime: RuntimeDep) -> LogoOut:
    """A link to the logo plans show when their style sets `logo`; null when none is uploaded."""
    if load_logo(runtime.storage, company.id) is None:
        return LogoOut(logo_url=None)
    return LogoOut(logo_url=runtime.storage.url(logo_key(company.id), download_name="logo.png"))


@router.put(
    "/companies/logo",
    summary="Upload the company logo",
    openapi_extra=LOGO_BODY,
    responses=errors(BadRequest, UnsupportedMediaType),
)
async def put_logo(request: Request, company: CurrentCompany, runtime: RuntimeDep) -> LogoOut:
    """A PNG or JPEG (the body itself, or a multipart `file`), at most 5 MB; it is stored as a
    PNG of at most 1200 px. Styles place it with their `logo` option (position, width)."""
    upload = await read_file_upload(request, MAX_LOGO_BYTES, ("file", "logo"))
    key = await run_in_threadpool(
        store_logo, runtime.storage, company.id, upload.data, upload.content_type
    )
    return LogoOut(logo_url=runtime.storage.url(key, download_name="logo.png"))


@router.delete("/companies/logo", summary="Remove the company logo")
def delete_logo(company: CurrentCompany, runtime: RuntimeDep) -> LogoOut:
    """Plans delivered from now on carry no logo."""
    runtime.storage.delete(logo_key(company.id))
    return LogoOut(logo_url=None)
