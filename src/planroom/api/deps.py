"""Dependencies every endpoint uses: the session (one commit per request) and the company."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager
from typing import Annotated, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from sqlalchemy.orm import Session

from planroom.api.gate import DbGate
from planroom.auth.service import (
    company_id_for_secret,
    remembered_company_id,
    resolve_company_id,
)
from planroom.companies.models import Company
from planroom.companies.service import find_company
from planroom.core import logs
from planroom.core.errors import Unauthorized
from planroom.db.engine import unit_of_work
from planroom.runtime import Runtime
from planroom.settings import Settings

ResultT = TypeVar("ResultT")

COMPANY_STATE_KEY = "planroom_company_id"
NO_KEY = "Send your company's API key in the `api-key` header."
BAD_KEY = "The API key is not valid or has been revoked."


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_settings(runtime: Annotated[Runtime, Depends(get_runtime)]) -> Settings:
    return runtime.settings


def _leave(work: AbstractContextManager[Session], error: BaseException | None) -> None:
    if error is None:
        work.__exit__(None, None, None)
    else:
        work.__exit__(type(error), error, error.__traceback__)


async def get_session(
    request: Request, runtime: Annotated[Runtime, Depends(get_runtime)]
) -> AsyncIterator[Session]:
    """The request's unit of work: committed once after the endpoint returns, before the
    response is sent, and rolled back on any error. It holds one slot of the database gate
    (503 `overloaded` when none frees up in time)."""
    gate: DbGate = request.app.state.db_gate
    async with gate.slot():
        # the jobs' own unit of work, entered here and left in a thread: commit and rollback
        # talk to the database
        work = unit_of_work(runtime.session_factory)
        session = work.__enter__()
        try:
            yield session
        except BaseException as error:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(_leave, work, error)
            raise
        await anyio.to_thread.run_sync(_leave, work, None)


DbSession = Annotated[Session, Depends(get_session, scope="function")]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

api_key_header = APIKeyHeader(
    name="api-key", auto_error=False, description="Your company's API key."
)


def get_company(
    request: Request, session: DbSession, api_key: Annotated[str | None, Security(api_key_header)]
) -> Company:
    # the edge middleware has usually resolved the key already, before the body was read
    resolved: uuid.UUID | None = getattr(request.state, COMPANY_STATE_KEY, None)
    if resolved is None:
        if not api_key:
            raise Unauthorized(NO_KEY)
        resolved = company_id_for_secret(session, api_key)
    company = find_company(session, resolved) if resolved else None
    if company is None:
        raise Unauthorized(BAD_KEY)
    logs.set_company(company.id)
    return company


CurrentCompany = Annotated[Company, Depends(get_company)]


async def get_company_id(
    request: Request,
    runtime: Annotated[Runtime, Depends(get_runtime)],
    api_key: Annotated[str | None, Security(api_key_header)],
) -> uuid.UUID:
    """The caller's company id, as the edge resolved it (no database work here); the company
    itself is read with the request's data by `read_as_company`."""
    resolved: uuid.UUID | None = getattr(request.state, COMPANY_STATE_KEY, None)
    if resolved is not None:
        return resolved
    if not api_key:
        raise Unauthorized(NO_KEY)
    ttl = runtime.settings.api_key_cache_seconds
    resolved = remembered_company_id(api_key, ttl)
    if resolved is None:
        gate: DbGate = request.app.state.db_gate
        resolved = await gate.run(_resolve, runtime, api_key, ttl)
    if resolved is None:
        raise Unauthorized(BAD_KEY)
    return resolved


def _resolve(runtime: Runtime, api_key: str, ttl: float) -> uuid.UUID | None:
    with runtime.session_factory() as session:
        return resolve_company_id(session, api_key, ttl)


CurrentCompanyId = Annotated[uuid.UUID, Depends(get_company_id)]


async def read_as_company(
    request: Request,
    company_id: uuid.UUID,
    read: Callable[[Session, Company], ResultT],
    *,
    on_thread: bool = False,
) -> ResultT:
    """The lean path of a read: the company and `read(session, company)` in one unit of work
    holding one gate slot, run on the event loop itself.

    `DbSession` and `CurrentCompany` hop to a worker thread for the company, for the endpoint
    and for the commit. A hop costs more than the index lookups of a read by key or of a first
    page: each time the thread wants the GIL back it waits for the loop to let go (up to the
    switch interval), so under load requests queue on handoffs, not on work. Reads whose
    statements may take long (a page deep into a list, `on_thread=True`) still run on a thread,
    so the loop never waits on them.
    """
    runtime: Runtime = request.app.state.runtime
    gate: DbGate = request.app.state.db_gate

    def work() -> ResultT:
        return read_with_company(runtime, company_id, read)

    if on_thread:
        return await gate.run(work)
    async with gate.slot():
        return work()


def read_with_company(
    runtime: Runtime, company_id: uuid.UUID, read: Callable[[Session, Company], ResultT]
) -> ResultT:
    """`read(session, company)` in one unit of work; 401 when the company is gone."""
    with unit_of_work(runtime.session_factory) as session:
        company = find_company(session, company_id)
        if company is None:
            raise Unauthorized(BAD_KEY)
        return read(session, company)
