"""`/docs`: the API reference and the guides, served from this package alone.

The reference page is the vendored Swagger UI (see `static/vendor/README.md`) reading
`/api/integrate/v3/openapi.json`; its Content-Security-Policy lets the browser load nothing from
any other host (the "Try it out" calls go to this server's public URL).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.templating import Jinja2Templates

from planroom.docs import guides

DOCS_DIR = Path(__file__).parent
STATIC_DIR = DOCS_DIR / "static"
SWAGGER_UI = "vendor/swagger-ui-5.35.0"
ASSETS = "/docs/assets"
OPENAPI_URL = "/api/integrate/v3/openapi.json"

templates = Jinja2Templates(directory=DOCS_DIR / "templates")
router = APIRouter(include_in_schema=False)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(public_url: str) -> str:
    """Only this server: scripts, styles, images and the calls "Try it out" makes."""
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            # Swagger UI sets style attributes on its elements
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src 'self' {_origin(public_url)}",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )


def _public_url(request: Request) -> str:
    return str(request.app.state.runtime.settings.resolved_public_url)


def _page(request: Request, template: str, context: dict[str, object]) -> Response:
    public_url = _public_url(request)
    response = templates.TemplateResponse(
        request,
        template,
        {"assets": ASSETS, "swagger_ui": f"{ASSETS}/{SWAGGER_UI}", "guides": guides.guides()}
        | context,
    )
    response.headers["Content-Security-Policy"] = content_security_policy(public_url)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-cache"
    return response


@router.get("/docs", response_class=HTMLResponse)
def reference(request: Request) -> Response:
    return _page(request, "reference.html", {"openapi_url": OPENAPI_URL, "current": "reference"})


@router.get("/docs/guides", response_class=HTMLResponse)
def guide_index(request: Request) -> Response:
    return _page(request, "guides.html", {"current": "guides"})


@router.get("/docs/guides/{slug}", response_class=HTMLResponse)
def guide_page(request: Request, slug: str) -> Response:
    found = guides.guide(slug.removesuffix(".md"))
    if found is None:
        return PlainTextResponse("No such guide.", status_code=404)
    if slug.endswith(".md"):
        source = guides.for_server(guides.markdown_source(found.slug), _public_url(request))
        return PlainTextResponse(source, media_type="text/markdown")
    body = guides.for_server(found.body_html, _public_url(request))
    return _page(request, "guide.html", {"guide": found, "body": body, "current": found.slug})


@router.get(f"{ASSETS}/code.css")
def code_css() -> Response:
    return Response(
        guides.code_css(), media_type="text/css", headers={"Cache-Control": "public, max-age=3600"}
    )
