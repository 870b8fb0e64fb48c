"""The ASGI application: the Integrate API, the production API, pages and files."""

from __future__ import annotations

import logging

from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from planroom import __version__
from planroom.api.errors import install_error_handlers
from planroom.companies.api import router as companies_router
from planroom.offices.api import router as offices_router
from planroom.pages.accounts import router as accounts_router
from planroom.pages.templating import STATIC_DIR
from planroom.runtime import Runtime
from planroom.users.api import router as users_router

API_PREFIX = "/api/integrate/v3"

log = logging.getLogger("planroom")


def create_app(runtime: Runtime) -> FastAPI:
    app = FastAPI(
        title="Planroom Integrate API",
        version=__version__,
        description=(
            "Wire-compatible with the CubiCasa Integrate API v3: point your client at "
            f"`{{PUBLIC_URL}}{API_PREFIX}` and send your Planroom key in the `api-key` header."
        ),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.runtime = runtime
    install_error_handlers(app)

    integrate = APIRouter(prefix=API_PREFIX)
    for router in (companies_router, offices_router, users_router):
        integrate.include_router(router)
    app.include_router(integrate)
    app.include_router(accounts_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    def readyz() -> JSONResponse:
        try:
            with runtime.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as exc:  # any driver error means "not ready"
            log.warning("database not reachable: %s", exc)
            return JSONResponse({"status": "database unreachable"}, status_code=503)
        return JSONResponse({"status": "ready"})

    return app
