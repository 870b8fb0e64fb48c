"""`GET /files/{token}/{filename}`: the download behind every file link."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response, StreamingResponse

from planroom.api.deps import RuntimeDep
from planroom.core.errors import NotFound
from planroom.files.keys import INLINE_TYPES
from planroom.files.storage import LocalStorage

router = APIRouter(tags=["Files"])

GONE = "This file link is not valid, or its file was removed."


@router.api_route(
    "/files/{token}/{filename}",
    methods=["GET", "HEAD"],
    summary="Download a file",
    include_in_schema=False,
    response_model=None,
)
def download(token: str, filename: str, request: Request, runtime: RuntimeDep) -> Response:
    """Stream a file (with `Range` support) or, when files live in S3, redirect to a
    short-lived presigned URL. The link itself never expires; deleting the file revokes it."""
    storage = runtime.storage
    resolved = storage.links.resolve(token)
    if resolved is None:
        raise NotFound(GONE)
    key, name = resolved
    try:
        content_type = storage.content_type(key)
        disposition = "inline" if content_type in INLINE_TYPES else "attachment"
        url = storage.redirect_url(key, name, inline=disposition == "inline")
        if url is not None:
            return RedirectResponse(url, status_code=302, headers={"Cache-Control": "no-store"})
        headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-cache"}
        if isinstance(storage, LocalStorage):
            path = storage.path(key)
            response = FileResponse(
                path,
                media_type=content_type,
                filename=name,
                stat_result=path.stat(),
                content_disposition_type=disposition,
                headers=headers,
            )
            etag = response.headers["etag"]
            if request.headers.get("if-none-match") == etag and "range" not in request.headers:
                return Response(status_code=304, headers={"ETag": etag, **headers})
            return response
        size = storage.size(key)
        headers["Content-Length"] = str(size)
        return StreamingResponse(storage.iter_range(key), media_type=content_type, headers=headers)
    except FileNotFoundError:
        raise NotFound(GONE) from None
