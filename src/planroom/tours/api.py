"""The tour pages: `/tours/{order_id}` (branded) and `/tours/{order_id}/mls` (unbranded), the
3D model they show, and their scripts, styles and fonts. Every byte the page needs comes from
here; the Content-Security-Policy tells the browser to refuse anything else."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates

from planroom.api.deps import DbSession, RuntimeDep
from planroom.tours import assets
from planroom.tours.service import build_page, find_tour
from planroom.tours.text import ui_text

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
templates.env.globals["asset_url"] = assets.asset_url

PAGE_HEADERS = {
    "Cache-Control": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    # The link is a capability: keep it out of search indexes (listing sites embed it anyway).
    "X-Robots-Tag": "noindex, nofollow",
}


def _not_found(request: Request) -> Response:
    response = templates.TemplateResponse(
        request, "not_found.html", {"text": ui_text("en")}, status_code=404
    )
    response.headers.update(PAGE_HEADERS)
    return response


@router.api_route("/tours/assets/{path:path}", methods=["GET", "HEAD"])
def tour_asset(path: str, request: Request) -> Response:
    found = assets.asset(path)
    if found is None:
        return Response("Not found", status_code=404, media_type="text/plain")
    compressed = found.gzipped is not None and "gzip" in request.headers.get("accept-encoding", "")
    etag = f'{found.etag[:-1]}-gz"' if compressed else found.etag
    headers = {
        "ETag": etag,
        "Cache-Control": "public, max-age=86400",
        "X-Content-Type-Options": "nosniff",
        "Vary": "Accept-Encoding",
    }
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    body = found.data
    if compressed and found.gzipped is not None:
        body = found.gzipped
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type=found.content_type, headers=headers)


def _page(
    request: Request, session: DbSession, runtime: RuntimeDep, order_id: str, *, mls: bool
) -> Response:
    source = find_tour(session, order_id)
    if source is None:
        return _not_found(request)
    page = build_page(session, runtime, source, mls=mls)
    import_map = assets.import_map()
    response = templates.TemplateResponse(
        request,
        "tour.html",
        {"page": page, "data": page.data(), "import_map": import_map},
    )
    response.headers.update(PAGE_HEADERS)
    response.headers["Content-Security-Policy"] = assets.content_security_policy(import_map)
    return response


@router.api_route("/tours/{order_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def tour_page(request: Request, session: DbSession, runtime: RuntimeDep, order_id: str) -> Response:
    """The tour with the company's branding."""
    return _page(request, session, runtime, order_id, mls=False)


@router.api_route("/tours/{order_id}/mls", methods=["GET", "HEAD"], response_class=HTMLResponse)
def tour_page_mls(
    request: Request, session: DbSession, runtime: RuntimeDep, order_id: str
) -> Response:
    """The same tour without branding, agent or contact details (MLS compliance)."""
    return _page(request, session, runtime, order_id, mls=True)


@router.get("/tours/{order_id}/model.glb")
def tour_model(
    request: Request, session: DbSession, runtime: RuntimeDep, order_id: str
) -> Response:
    """The delivered 3D model, streamed from storage so it comes from the page's own host
    whatever the storage backend (an S3 presigned redirect would be an external request)."""
    source = find_tour(session, order_id)
    key = source.glb_key if source is not None else None
    storage = runtime.storage
    if key is None or not storage.exists(key):
        return _not_found(request)
    headers = {
        "Content-Length": str(storage.size(key)),
        "Cache-Control": "private, max-age=300",
        "X-Content-Type-Options": "nosniff",
    }
    return StreamingResponse(
        storage.iter_range(key), media_type="model/gltf-binary", headers=headers
    )
