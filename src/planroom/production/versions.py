"""Floor model versions: every save is a new version; old versions stay readable."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planroom.core.errors import NotFound
from planroom.floormodel.schema import FloorModel
from planroom.orders.models import Order
from planroom.production.models import FloorModelVersion


def save_version(
    session: Session, order: Order, model: FloorModel, *, author: str, note: str = ""
) -> FloorModelVersion:
    latest = session.scalar(
        select(func.max(FloorModelVersion.version)).where(
            FloorModelVersion.model_id == order.model_id
        )
    )
    row = FloorModelVersion(
        model_id=order.model_id,
        order_id=order.id,
        version=(latest or 0) + 1,
        document=model.to_json_dict(),
        author=author,
        note=note,
    )
    session.add(row)
    session.flush()
    return row


def latest_version(session: Session, order_id: uuid.UUID) -> FloorModelVersion | None:
    return session.scalar(
        select(FloorModelVersion)
        .where(FloorModelVersion.order_id == order_id)
        .order_by(FloorModelVersion.version.desc())
        .limit(1)
    )


def find_version(session: Session, order_id: uuid.UUID, version: int) -> FloorModelVersion | None:
    return session.scalar(
        select(FloorModelVersion).where(
            FloorModelVersion.order_id == order_id, FloorModelVersion.version == version
        )
    )


def get_version(session: Session, order_id: uuid.UUID, version: int) -> FloorModelVersion:
    row = find_version(session, order_id, version)
    if row is None:
        raise NotFound(f"The order has no model version {version}.")
    return row


def list_versions(session: Session, order_id: uuid.UUID) -> list[FloorModelVersion]:
    return list(
        session.scalars(
            select(FloorModelVersion)
            .where(FloorModelVersion.order_id == order_id)
            .order_by(FloorModelVersion.version.desc())
        )
    )


def model_of(row: FloorModelVersion) -> FloorModel:
    return FloorModel.model_validate(row.document)
