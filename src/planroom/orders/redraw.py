"""Redraw orders: a floor plan drawn by a drafter from an existing plan image or PDF."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
from sqlalchemy.orm import Session

from planroom.companies.models import Company
from planroom.core.errors import FieldError, UnsupportedMediaType
from planroom.files.images import check_pixels
from planroom.orders import lifecycle
from planroom.orders.intake import Upload
from planroom.orders.models import Order
from planroom.orders.schemas import RedrawCreate
from planroom.orders.service import fields_of, new_order, require_owner
from planroom.runtime import Runtime

SOURCE_TYPES = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/pdf": "pdf",
}
MAX_SOURCES = 20


def source_urls(body: RedrawCreate) -> list[str]:
    urls = [body.source] if isinstance(body.source, str) else list(body.source)
    if not urls:
        raise FieldError("body", ["source"], "at least one URL is required")
    if len(urls) > MAX_SOURCES:
        raise FieldError("body", ["source"], f"at most {MAX_SOURCES} sources")
    for index, url in enumerate(urls):
        problem = url_problem(url)
        if problem:
            where: list[str | int] = (
                ["source"] if isinstance(body.source, str) else ["source", index]
            )
            raise FieldError("body", where, problem)
    return urls


def url_problem(url: str) -> str | None:
    """Why the download job could not fetch `url`, checked as its HTTP client will parse it."""
    try:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "invalid or missing URL scheme"
        parts.port  # noqa: B018 - raises on a port out of range
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        return f"not a URL that can be downloaded: {exc}"
    return None


def check_source_file(upload: Upload, max_pixels: int) -> None:
    if upload.content_type not in SOURCE_TYPES:
        raise UnsupportedMediaType(
            f"{upload.filename or 'The file'} is {upload.content_type}; send PNG, JPG or PDF plans."
        )
    if upload.content_type != "application/pdf":
        check_pixels(upload.data, max_pixels)


def create_redraw(
    session: Session,
    runtime: Runtime,
    company: Company,
    body: RedrawCreate,
    uploads: list[Upload],
) -> tuple[Order, list[str]]:
    """A new Pending redraw order; returns it and the URLs of its plans (none when plans were
    uploaded), for the production line to store or download (`production.sources`)."""
    urls = source_urls(body) if not uploads else []
    for upload in uploads:
        check_source_file(upload, runtime.settings.max_image_pixels)
    owner = require_owner(session, company.id, body.owner_email) if body.owner_email else None
    order = new_order(
        session,
        company,
        fields_of(body),
        status="Pending",
        owner=owner,
        order_type="redraw",
        is_scan_order=False,
    )
    lifecycle.move(
        session,
        order,
        "Pending",
        actor=owner.email if owner else "api",
        reason="redraw order",
        creating=True,
    )
    return order, urls
