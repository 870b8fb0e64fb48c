"""What the production line works from: scans and redraw plans, stored unchanged.

A scan upload is read once at once (so the client learns what is wrong with it), stored, and
starts conversion; a redraw's plans are stored or downloaded for the drafter. The source rows
are orders' table and are written through `orders.service`.
"""

from __future__ import annotations

import logging
import uuid

import httpx
from sqlalchemy.orm import Session

from planroom.core.clock import clock
from planroom.core.errors import TooLarge
from planroom.core.http import AddressRefused, guarded_stream
from planroom.db.engine import unit_of_work
from planroom.files.images import check_pixels
from planroom.files.keys import safe_segment
from planroom.floormodel.roomplan import parse_scan_bytes
from planroom.floormodel.schema import FloorModel
from planroom.jobs.context import JobContext
from planroom.jobs.queue import enqueue
from planroom.jobs.registry import job
from planroom.orders import go2scan, lifecycle
from planroom.orders import service as orders
from planroom.orders.intake import Upload
from planroom.orders.models import Order, OrderSource
from planroom.orders.redraw import SOURCE_TYPES
from planroom.production import line, pipeline

log = logging.getLogger("planroom.production")

DOWNLOAD_TIMEOUT_SECONDS = 30.0


def check_scan(upload: Upload) -> FloorModel:
    """Read the scan now so a client learns at once what is wrong with it (4xx naming the
    element); the production line converts the stored copy again on its own."""
    return parse_scan_bytes(upload.data, upload.content_type)


def receive_scan(
    session: Session, runtime: JobContext, order: Order, upload: Upload, *, actor: str
) -> OrderSource:
    """Store the scan unchanged, move the order to Pending (`moved_to_pending`), start intake.

    The one status check of an upload: call with the order locked."""
    lifecycle.require_status(order, "Draft", "New", "Failed", action="uploading a scan")
    link = go2scan.link_of(session, order.id)
    if link is not None and link.uploaded_at is None:
        link.uploaded_at = clock.now()
    source = store_source(session, runtime, order, upload, kind="scan")
    order.order_type = "Tier3-LiDAR"
    order.is_scan_order = True
    pipeline.scan_received(
        session, order, actor=actor, priority_name=link.priority if link else "regular"
    )
    return source


def store_source(
    session: Session, runtime: JobContext, order: Order, upload: Upload, *, kind: str
) -> OrderSource:
    source_id = uuid.uuid4()
    name = safe_segment(upload.filename, f"{kind}.bin")
    key = f"orders/{order.id}/sources/{source_id}/{name}"
    runtime.storage.put(key, upload.data, upload.content_type)
    return orders.add_source(
        session,
        order,
        id=source_id,
        kind=kind,
        storage_key=key,
        filename=name,
        content_type=upload.content_type,
        size=len(upload.data),
        state="stored",
    )


def redraw_received(
    session: Session, runtime: JobContext, order: Order, uploads: list[Upload], urls: list[str]
) -> None:
    """A new redraw order's plans: the uploaded ones are stored, the linked ones downloaded
    after commit; the order waits for a drafter."""
    for upload in uploads:
        store_source(session, runtime, order, upload, kind="image")
    for url in urls:
        source = orders.add_source(session, order, kind="image", url=url, state="pending")
        enqueue(session, line.DOWNLOAD_JOB, source_id=str(source.id))
    line.move_item(line.ensure_item(session, order), line.ItemState.DRAFTING)


class SourceProblem(Exception):
    """Why a source URL could not be fetched, in words for the drafter and the client."""


def _unexpected(exc: Exception) -> str:
    log.warning("source download failed unexpectedly", exc_info=exc)
    return f"the download failed ({type(exc).__name__}: {exc})"


def fetch(url: str, *, limit: int, allow_private: bool) -> tuple[bytes, str]:
    """GET `url` through the address guard, refusing redirects, other types and big files."""
    try:
        with guarded_stream(
            "GET", url, allow_private=allow_private, timeout=DOWNLOAD_TIMEOUT_SECONDS
        ) as response:
            if response.status_code != 200:
                raise SourceProblem(f"the server answered {response.status_code}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip()
            if content_type not in SOURCE_TYPES:
                raise SourceProblem(f"it is {content_type or 'of no type'}, not PNG, JPG or PDF")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise SourceProblem(f"it is larger than {limit // (1024 * 1024)} MB")
                chunks.append(chunk)
    except AddressRefused as exc:
        raise SourceProblem(str(exc)) from exc
    except httpx.HTTPError as exc:
        raise SourceProblem(f"{type(exc).__name__}: {exc}") from exc
    except OSError as exc:
        raise SourceProblem(f"could not resolve the host: {exc}") from exc
    return b"".join(chunks), content_type


@job(line.DOWNLOAD_JOB, renamed_from="download_source")
def download_source(runtime: JobContext, source_id: str) -> None:
    """Download one source plan and store it unchanged; a failure is shown to the drafter."""
    with unit_of_work(runtime.session_factory) as session:
        source = orders.get_source(session, uuid.UUID(source_id))
        if source is None or source.state != "pending" or source.url is None:
            return
        url, order_id = source.url, source.order_id
    settings = runtime.settings
    try:
        data, content_type = fetch(
            url,
            limit=settings.max_upload_bytes,
            allow_private=settings.webhook_allow_private_addresses,
        )
    except Exception as exc:
        problem = exc if isinstance(exc, SourceProblem) else SourceProblem(_unexpected(exc))
        log.warning("source %s of order %s not downloaded: %s", url, order_id, problem)
        _mark_failed(runtime, source_id, url, problem)
        return
    try:
        if content_type != "application/pdf":
            check_pixels(data, settings.max_image_pixels)
    except TooLarge as exc:
        _mark_failed(runtime, source_id, url, SourceProblem(exc.message))
        return
    fallback = f"source.{SOURCE_TYPES[content_type]}"
    name = safe_segment(url.rstrip("/").rsplit("/", 1)[-1].split("?")[0], fallback)
    key = f"orders/{order_id}/sources/{source_id}/{name}"
    runtime.storage.put(key, data, content_type)
    with unit_of_work(runtime.session_factory) as session:
        orders.source_stored(
            session,
            uuid.UUID(source_id),
            key=key,
            filename=name,
            content_type=content_type,
            size=len(data),
        )


def _mark_failed(runtime: JobContext, source_id: str, url: str, problem: SourceProblem) -> None:
    """The source failed for good: the order shows why (`redraw_sources`), the drafter too."""
    with unit_of_work(runtime.session_factory) as session:
        source = orders.source_failed(session, uuid.UUID(source_id), str(problem))
        item = line.item_of(session, source.order_id) if source is not None else None
        if item is not None:
            line.add_problem(item, f"{url} could not be downloaded: {problem}")
