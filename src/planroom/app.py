"""The ASGI application: the Integrate API, the production API, pages and files."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

import planroom.tasks  # noqa: F401 - the app is a composition root: it registers every job
from planroom import __version__
from planroom.api.api_keys import ApiKeys
from planroom.api.edge import Edge
from planroom.api.errors import install_error_handlers
from planroom.api.gate import DbGate
from planroom.api.openapi import finish_document, operation_id
from planroom.change_requests.api import router as change_requests_router
from planroom.companies.api import router as companies_router
from planroom.docs.api import ASSETS as DOCS_ASSETS
from planroom.docs.api import STATIC_DIR as DOCS_STATIC_DIR
from planroom.docs.api import router as docs_router
from planroom.files.api import router as files_router
from planroom.floormodel.api import router as floor_model_router
from planroom.idempotency.middleware import IdempotencyMiddleware
from planroom.jobs.consumer import embedded_consumer
from planroom.offices.api import router as offices_router
from planroom.orders.api import router as orders_router
from planroom.orders.api_production import router as orders_production_router
from planroom.orders.hot_reads import HotReads
from planroom.orders.webhook_docs import router as webhook_docs_router
from planroom.pages.accounts import router as accounts_router
from planroom.pages.scan import router as scan_router
from planroom.pages.templating import STATIC_DIR
from planroom.production.api import include_production_api
from planroom.quickedit.api import integrate_router as quickedit_router
from planroom.quickedit.api import page_router as quickedit_page_router
from planroom.quickedit.api import production_router as quickedit_production_router
from planroom.quickedit.signin import router as quickedit_signin_router
from planroom.runtime import Runtime
from planroom.sandbox.api import router as sandbox_router
from planroom.style_templates.api import router as style_templates_router
from planroom.tours.api import router as tours_router
from planroom.users.api import router as users_router
from planroom.webhooks.api import router as webhooks_router

API_PREFIX = "/api/integrate/v3"
PUBLIC_PATHS = {f"{API_PREFIX}/openapi.json", f"{API_PREFIX}/floor-model/schema"}
DESCRIPTION = (
    "Wire-compatible with the CubiCasa Integrate API v3: point your client at "
    f"`{{PUBLIC_URL}}{API_PREFIX}` and send your Planroom key in the `api-key` header. "
    "Errors are `{message, code}` (branch on `code`), or `400 {validation_error}` naming every "
    "field that failed. Every call to your webhook URLs is signed (Standard Webhooks): see "
    "the Webhooks section and the guides at `/docs/guides`."
)

log = logging.getLogger("planroom")

TAGS = [
    {"name": "Orders", "description": "Drafts, GoToScan links, redraws, scans and delivery."},
    {"name": "Company", "description": "Your company, its logo, webhooks and merge requests."},
    {"name": "Users", "description": "The people of your company."},
    {"name": "Office", "description": "Offices group users."},
    {"name": "Style templates", "description": "How plans look."},
    {"name": "Change requests", "description": "Corrections to delivered plans."},
    {"name": "Sandbox", "description": "Sandbox companies only: drive orders and time."},
    {"name": "Floor model", "description": "The document every deliverable is drawn from."},
    {"name": "Webhooks", "description": "The signed calls Planroom makes to your URLs."},
]


def create_app(runtime: Runtime) -> FastAPI:
    settings = runtime.settings
    gate = DbGate(settings.request_db_slots, settings.db_wait_seconds)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        gate.size_thread_pool()
        # worker threads for background jobs live as long as the app (none when set to 0)
        with embedded_consumer(runtime, settings.embedded_workers):
            yield

    app = FastAPI(
        title="Planroom Integrate API",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        generate_unique_id_function=operation_id,
        docs_url=None,  # served by planroom.docs from vendored assets
        redoc_url=None,
        lifespan=lifespan,
        # Tracing is ours (`api.tracing`, when an endpoint is set): FastAPI's own would trace
        # each request twice, and asks on every request whether a provider is set.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.runtime = runtime
    app.state.db_gate = gate
    install_error_handlers(app)
    # the edge is outermost: idempotent replays come after it has admitted the request
    app.add_middleware(IdempotencyMiddleware, session_factory=runtime.session_factory, gate=gate)
    app.add_middleware(
        Edge,
        max_bytes=settings.max_upload_bytes,
        max_in_flight=settings.max_concurrent_requests,
        api_keys=ApiKeys(runtime, gate, API_PREFIX, PUBLIC_PATHS),
        early=HotReads(runtime, gate, API_PREFIX),
        tracing_endpoint=settings.otel_endpoint,
    )

    # first: routes are matched in order, and probes come often
    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:  # async: no worker thread for a probe
        return {"status": "ok"}

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        """Prometheus text format: this process's requests, jobs, queue, webhooks."""
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        from planroom.core.metrics import QUEUE_DEPTH, QUEUE_SCHEDULED
        from planroom.jobs.registry import LANES

        for lane in LANES:
            QUEUE_DEPTH.labels(lane).set(runtime.queue.pending_count(lane))
        QUEUE_SCHEDULED.set(runtime.queue.scheduled_count())
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    @app.get("/readyz", include_in_schema=False)
    def readyz() -> JSONResponse:
        try:
            with runtime.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as exc:  # any driver error means "not ready"
            log.warning("database not reachable: %s", exc)
            return JSONResponse({"status": "database unreachable"}, status_code=503)
        return JSONResponse({"status": "ready"})

    integrate = APIRouter(prefix=API_PREFIX)
    for router in (
        companies_router,
        offices_router,
        users_router,
        webhooks_router,
        orders_router,
        orders_production_router,
        style_templates_router,
        change_requests_router,
        sandbox_router,
        floor_model_router,
        quickedit_router,
    ):
        integrate.include_router(router)
    app.include_router(integrate)
    include_production_api(app)
    app.include_router(quickedit_production_router)
    app.include_router(accounts_router)
    app.include_router(files_router)
    app.include_router(scan_router)
    app.include_router(tours_router)
    app.include_router(quickedit_signin_router)
    app.include_router(quickedit_page_router)
    app.include_router(docs_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount(DOCS_ASSETS, StaticFiles(directory=DOCS_STATIC_DIR), name="docs-assets")
    app.webhooks.include_router(webhook_docs_router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                webhooks=app.webhooks.routes,
                tags=TAGS,
            )
            app.openapi_schema = finish_document(
                document,
                prefix=API_PREFIX,
                server_url=settings.resolved_public_url,
                public_paths=PUBLIC_PATHS,
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    return app


def app_from_environment() -> FastAPI:
    """The app of one of `planroom serve --workers N`'s processes, from the environment."""
    from planroom.settings import Settings

    return create_app(Runtime.from_settings(Settings()))
