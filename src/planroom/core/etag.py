"""Conditional GETs: an `ETag` for a JSON answer, and 304 when the client already has it.

The tag is a digest of the very bytes the answer would carry, so it changes exactly when any part
of the answer does (status, products, links, names) and a 304 can never hide a change.
"""

from __future__ import annotations

import hashlib

from fastapi import Response
from pydantic import BaseModel

CACHE_CONTROL = "private, no-cache"
"""Clients and proxies may keep the answer but must ask again (cheaply, with the tag) each time."""


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 asks)."""
    if not if_none_match:
        return False
    for candidate in if_none_match.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def conditional_json(model: BaseModel, if_none_match: str | None) -> Response:
    """`model` as JSON with its `ETag`, or an empty 304 when the client's copy is current."""
    body = model.model_dump_json(by_alias=True).encode()
    etag = etag_of(body)
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return Response(content=body, media_type="application/json", headers=headers)
