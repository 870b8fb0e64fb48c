"""Scan uploads and redraw sources: stored unchanged, then handed to the production line."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planroom.companies.models import Company
from planroom.core.clock import clock
from planroom.files.keys import safe_segment
from planroom.floormodel.roomplan import parse_scan_bytes
from planroom.floormodel.schema import FloorModel
from planroom.orders import go2scan, lifecycle
from planroom.orders.models import Order, OrderSource
from planroom.production.pipeline import scan_received
from planroom.runtime import Runtime


@dataclass(frozen=True)
class Upload:
    """A file a client sent: its bytes, its name and what it says it is."""

    data: bytes
    filename: str
    content_type: str


def check_scan(upload: Upload) -> FloorModel:
    """Read the scan now so a client learns at once what is wrong with it (4xx naming the
    element); the production line converts the stored copy again on its own."""
    return parse_scan_bytes(upload.data, upload.content_type)


def receive_scan(
    session: Session, runtime: Runtime, order: Order, upload: Upload, *, actor: str
) -> OrderSource:
    """Store the scan unchanged, move the order to Pending (`moved_to_pending`), start intake."""
    lifecycle.require_status(order, "Draft", "New", "Failed", action="uploading a scan")
    link = go2scan.link_of(session, order.id)
    if link is not None and link.uploaded_at is None:
        link.uploaded_at = clock.now()
    source = store_source(session, runtime, order, upload, kind="scan")
    order.order_type = "Tier3-LiDAR"
    order.is_scan_order = True
    scan_received(
        session, runtime, order, actor=actor, priority_name=link.priority if link else "regular"
    )
    return source


def store_source(
    session: Session, runtime: Runtime, order: Order, upload: Upload, *, kind: str
) -> OrderSource:
    source_id = uuid.uuid4()
    name = safe_segment(upload.filename, f"{kind}.bin")
    key = f"orders/{order.id}/sources/{source_id}/{name}"
    runtime.storage.put(key, upload.data, upload.content_type)
    source = OrderSource(
        id=source_id,
        order_id=order.id,
        kind=kind,
        storage_key=key,
        filename=name,
        content_type=upload.content_type,
        size=len(upload.data),
        state="stored",
    )
    session.add(source)
    session.flush()
    return source


def latest_scan_source(session: Session, order_id: uuid.UUID) -> OrderSource | None:
    return session.scalar(
        select(OrderSource)
        .where(OrderSource.order_id == order_id, OrderSource.kind == "scan")
        .order_by(OrderSource.created_at.desc())
        .limit(1)
    )


def sources_of(session: Session, order_id: uuid.UUID) -> list[OrderSource]:
    return list(
        session.scalars(
            select(OrderSource)
            .where(OrderSource.order_id == order_id)
            .order_by(OrderSource.created_at)
        )
    )


def company_of(session: Session, order: Order) -> Company:
    company = session.get(Company, order.company_id)
    assert company is not None
    return company
