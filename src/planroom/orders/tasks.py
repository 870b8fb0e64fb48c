"""Order jobs: fetch a redraw order's source plans from the URLs the client gave."""

from __future__ import annotations

import logging
import uuid

import httpx

from planroom.core.errors import TooLarge
from planroom.db.engine import unit_of_work
from planroom.files.images import check_pixels
from planroom.files.keys import safe_segment
from planroom.jobs.registry import job
from planroom.orders.models import OrderSource
from planroom.orders.redraw import SOURCE_TYPES
from planroom.production.line import add_problem, item_of
from planroom.runtime import Runtime
from planroom.webhooks.guard import AddressRefused, check_target

log = logging.getLogger("planroom.orders")

DOWNLOAD_TIMEOUT_SECONDS = 30.0


class SourceProblem(Exception):
    """Why a source URL could not be fetched, in words for the drafter and the client."""


def _unexpected(exc: Exception) -> str:
    log.warning("source download failed unexpectedly", exc_info=exc)
    return f"the download failed ({type(exc).__name__}: {exc})"


def fetch(url: str, *, limit: int, allow_private: bool) -> tuple[bytes, str]:
    """GET `url` through the address guard, refusing redirects, other types and big files."""
    try:
        target = check_target(url, allow_private=allow_private)
    except AddressRefused as exc:
        raise SourceProblem(str(exc).replace("webhooks only go", "downloads only go")) from exc
    except OSError as exc:
        raise SourceProblem(f"could not resolve the host: {exc}") from exc
    headers = {"host": target.host_header} if target.host_header else {}
    extensions = {"sni_hostname": target.sni_hostname} if target.sni_hostname else {}
    try:
        with (
            httpx.Client(
                follow_redirects=False, trust_env=False, timeout=DOWNLOAD_TIMEOUT_SECONDS
            ) as client,
            client.stream("GET", target.url, headers=headers, extensions=extensions) as response,
        ):
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
    except httpx.HTTPError as exc:
        raise SourceProblem(f"{type(exc).__name__}: {exc}") from exc
    return b"".join(chunks), content_type


@job("download_source")
def download_source(runtime: Runtime, source_id: str) -> None:
    """Download one source plan and store it unchanged; a failure is shown to the drafter."""
    with unit_of_work(runtime.session_factory) as session:
        source = session.get(OrderSource, uuid.UUID(source_id))
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
        source = session.get(OrderSource, uuid.UUID(source_id))
        if source is not None:
            source.storage_key = key
            source.filename = name
            source.content_type = content_type
            source.size = len(data)
            source.state = "stored"


def _mark_failed(runtime: Runtime, source_id: str, url: str, problem: SourceProblem) -> None:
    """The source failed for good: the order shows why (`redraw_sources`), the drafter too."""
    with unit_of_work(runtime.session_factory) as session:
        source = session.get(OrderSource, uuid.UUID(source_id))
        if source is not None:
            source.state = "failed"
            source.error = str(problem)
            item = item_of(session, source.order_id)
            if item is not None:
                add_problem(item, f"{url} could not be downloaded: {problem}")
