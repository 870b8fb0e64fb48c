"""Dependencies every endpoint uses: the session (one commit per request) and the company."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from sqlalchemy.orm import Session

from planroom.auth.service import company_id_for_secret
from planroom.companies.models import Company
from planroom.core.errors import Unauthorized
from planroom.runtime import Runtime
from planroom.settings import Settings


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_settings(runtime: Annotated[Runtime, Depends(get_runtime)]) -> Settings:
    return runtime.settings


def get_session(runtime: Annotated[Runtime, Depends(get_runtime)]) -> Iterator[Session]:
    """The request's unit of work: committed once after the endpoint returns, before the
    response is sent, and rolled back on any error."""
    session = runtime.session_factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


DbSession = Annotated[Session, Depends(get_session, scope="function")]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

api_key_header = APIKeyHeader(
    name="api-key", auto_error=False, description="Your company's API key."
)


def get_company(
    session: DbSession, api_key: Annotated[str | None, Security(api_key_header)]
) -> Company:
    if not api_key:
        raise Unauthorized("Send your company's API key in the `api-key` header.")
    company_id = company_id_for_secret(session, api_key)
    company = session.get(Company, company_id) if company_id else None
    if company is None:
        raise Unauthorized("The API key is not valid or has been revoked.")
    return company


CurrentCompany = Annotated[Company, Depends(get_company)]
