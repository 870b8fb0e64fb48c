"""Quick Edit: what the page shows, saving an edit as a new model version, undo.

A save is checked with the production API's own rules (`parse_floor_model`, `check_model`: the
same 422 `invalid_floor_model` naming each element), stored as a new floor-model version with the
editor and one sentence per change, and then every deliverable of the order is rendered again in
the background by the production line's render jobs, as an `update` round: the order stays Ready
and each delivery group is announced again with `moved_to_ready`, `previous_status: "Ready"`.

Saves are versioned: a save names the version it was made on, and one made on an older version
is a 409 `conflict` (the page fetches the new version, applies its edit on top and saves again,
so neither editor's change is lost). Services never commit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planroom.companies import service as companies
from planroom.core.clock import epoch
from planroom.core.errors import BadRequest, Conflict, Forbidden, InvalidState, NotFound
from planroom.floormodel.figures import FigureKey, model_figures, reported_sq_mm
from planroom.floormodel.geometry import polygon_of
from planroom.floormodel.schema import FloorModel
from planroom.floormodel.validation import check_model, parse_floor_model
from planroom.orders import service as orders
from planroom.orders.address import full_address
from planroom.orders.models import Order, ProductState
from planroom.production import line, pipeline
from planroom.production.line import ItemState, RoundKind
from planroom.production.model_facts import record_model
from planroom.production.versions import (
    get_version,
    latest_version,
    list_versions,
    model_of,
    save_version,
)
from planroom.quickedit.affected import unchanged_products
from planroom.quickedit.edits import Operation, apply_operations, require_allowed
from planroom.quickedit.links import Editor
from planroom.quickedit.models import QuickEdit
from planroom.quickedit.outlines import closed_rooms, follow_walls
from planroom.render.measure_text import Units, area_text

EDITABLE_ITEM_STATES = (ItemState.DONE, ItemState.RENDERING)
"""A delivered order, or one whose files are being rendered again (by an earlier edit)."""


def require_editable(session: Session, order: Order) -> None:
    """Quick Edit works on a delivered (Ready) order that no drafter is fixing."""
    if order.status != "Ready":
        raise InvalidState(
            f"The order is {order.status}; Quick Edit works once it is Ready (delivered)."
        )
    item = line.item_of(session, order.id)
    if item is None or item.state not in EDITABLE_ITEM_STATES:
        state = item.state if item is not None else "not produced"
        raise InvalidState(
            f"The order is {state} on the production line; Quick Edit works on a delivered order."
        )


def _units(session: Session, order: Order) -> tuple[Units, str]:
    company = companies.get_company(session, order.company_id)
    units: Units = "metric" if company.measurement_system == "metric" else "imperial"
    return units, company.language if company.language else "en"


def figures_of(model: FloorModel, units: Units, language: str) -> dict[str, Any]:
    """GIA, GLA and total scanned area, in total and per level, computed here on the server."""
    figures = model_figures(model)

    def shown(key: FigureKey, level_id: str | None = None) -> dict[str, Any]:
        sq_mm = reported_sq_mm(
            figures, key, level_id, "metric" if units == "metric" else "imperial"
        )
        return {"sq_mm": round(sq_mm), "text": area_text(sq_mm, units, language)}

    levels = []
    for level in model.levels_in_order():
        levels.append(
            {
                "id": level.id,
                "name": level.name,
                "grade": level.grade,
                "gia": shown("gia", level.id),
                "gla": shown("gla", level.id),
                "total": shown("total", level.id),
            }
        )
    return {
        "gia": shown("gia"),
        "gla": shown("gla"),
        "total": shown("total"),
        "levels": levels,
    }


def rooms_of(model: FloorModel, units: Units, language: str) -> list[dict[str, Any]]:
    closed = closed_rooms(model)
    return [
        {
            "id": space.id,
            "level_id": space.level_id,
            "area": {
                "sq_mm": round(polygon_of(space.polygon).area),
                "text": area_text(polygon_of(space.polygon).area, units, language),
            },
            "closed": space.id in closed,
        }
        for space in model.spaces
    ]


def progress_of(session: Session, order: Order, version: int) -> dict[str, Any]:
    """How far the re-render of `version` is: products rendered from it, and whether every
    delivery group has been delivered again."""
    rows = orders.order_products(session, order.id)
    products = [
        {
            "product": row.product,
            "state": str(row.state),
            "model_version": row.model_version,
            "done": row.state == ProductState.DELIVERED and row.model_version == version,
            "error": row.error,
        }
        for row in rows
    ]
    done = sum(1 for product in products if product["done"])
    item = line.item_of(session, order.id)
    return {
        "version": version,
        "done": done,
        "total": len(products),
        "finished": done == len(products) and (item is None or item.state == ItemState.DONE),
        "products": products,
    }


def history_of(session: Session, order_id: uuid.UUID) -> list[dict[str, Any]]:
    edits = {
        edit.version: edit
        for edit in session.scalars(select(QuickEdit).where(QuickEdit.order_id == order_id))
    }
    history = []
    for row in list_versions(session, order_id):
        edit = edits.get(row.version)
        history.append(
            {
                "version": row.version,
                "author": row.author,
                "note": row.note,
                "changes": list(edit.changes) if edit is not None else [],
                "created_at": epoch(row.created_at),
            }
        )
    return history


def state_of(session: Session, editor: Editor) -> dict[str, Any]:
    """Everything the page shows: the newest model, its figures, re-render progress, history."""
    order = orders.get_any_order(session, editor.order_id)
    if order is None:
        raise NotFound("No such order.")
    latest = latest_version(session, order.id)
    if latest is None:
        raise InvalidState("The order has no floor model yet.")
    model = model_of(latest)
    units, language = _units(session, order)
    return {
        "order_id": str(order.id),
        "address": full_address(
            order.street, order.suite, order.city, order.state, order.postal_code, order.country
        ),
        "status": order.status,
        "mode": editor.mode,
        "editor": editor.name,
        "units": units,
        "version": latest.version,
        "model": latest.document,
        "figures": figures_of(model, units, language),
        "rooms": rooms_of(model, units, language),
        "progress": progress_of(session, order, latest.version),
        "history": history_of(session, order.id),
    }


@dataclass(frozen=True)
class Saved:
    version: int
    changes: list[str]


def _locked_latest(session: Session, editor: Editor, base_version: int) -> tuple[Order, Any]:
    order = pipeline.lock_order(session, editor.order_id)
    require_editable(session, order)
    latest = latest_version(session, order.id)
    if latest is None:
        raise InvalidState("The order has no floor model yet.")
    if base_version != latest.version:
        raise Conflict(
            f"Version {latest.version} was saved by {latest.author} after the version "
            f"{base_version} you edited: load it, apply your changes to it and save again."
        )
    return order, latest


def _store(
    session: Session,
    editor: Editor,
    order: Order,
    model: FloorModel,
    *,
    base_version: int,
    changes: list[str],
    operations: list[dict[str, Any]],
    before: FloorModel,
    property_changed: bool = False,
) -> Saved:
    note = "Quick Edit: " + "; ".join(changes)
    row = save_version(session, order, model, author=editor.name, note=note[:2000])
    # the order takes the property type and north from the model when the edit set them
    record_model(order, model, drafted=property_changed)
    session.add(
        QuickEdit(
            order_id=order.id,
            link_id=editor.link_id,
            version=row.version,
            base_version=base_version,
            editor=editor.name,
            mode=editor.mode,
            changes=changes,
            operations=operations,
        )
    )
    rerender_changed(session, order, before, model, row.version)
    return Saved(version=row.version, changes=changes)


def rerender_changed(
    session: Session, order: Order, before: FloorModel, after: FloorModel, version: int
) -> None:
    """Owe again, as an `update` round (the order stays Ready), every product the edit changes;
    the others are carried to the new version with their files as they are."""
    item = line.item_of(session, order.id)
    if item is None:
        raise InvalidState("The order has not been produced yet.")
    products = [row.product for row in orders.order_products(session, order.id)]
    same = unchanged_products(before, after, products)
    owed = [product for product in products if product not in same]
    pipeline.start_rendering(session, order, item, owed, round=RoundKind.UPDATE)
    if same:
        pipeline.carry_forward(session, order, same, version)
        pipeline.deliver_finished_groups(session, order)


def save_edit(
    session: Session, editor: Editor, base_version: int, operations: list[Operation]
) -> Saved:
    """Apply `operations` to version `base_version` (the newest, or 409), check the result like
    the production API does, store it as a new version and re-render every deliverable."""
    require_allowed(operations, editor.mode)
    order, latest = _locked_latest(session, editor, base_version)
    applied = apply_operations(model_of(latest), operations)
    model, changes = applied.model, list(applied.changes)
    if applied.touched_walls:
        model, followed = follow_walls(model, applied.touched_walls)
        changes.extend(followed)
    if not changes:
        raise BadRequest("The edit changes nothing; nothing was saved.")
    # the production API's own parsing and quality gate: same rules, same messages
    model = parse_floor_model(model.to_json_dict())
    check_model(model)
    return _store(
        session,
        editor,
        order,
        model,
        base_version=base_version,
        changes=changes,
        operations=[operation.model_dump(mode="json") for operation in operations],
        before=model_of(latest),
        property_changed=applied.property_changed,
    )


def undo_to(session: Session, editor: Editor, base_version: int, to_version: int) -> Saved:
    """Bring back version `to_version` as a new version (history is never rewritten)."""
    order, latest = _locked_latest(session, editor, base_version)
    if to_version == latest.version:
        raise BadRequest(f"Version {to_version} is the current version already.")
    target = get_version(session, order.id, to_version)
    model, current = model_of(target), model_of(latest)
    if editor.mode == "customer" and (
        model.walls != current.walls
        or model.openings != current.openings
        or [(s.id, s.polygon) for s in model.spaces] != [(s.id, s.polygon) for s in current.spaces]
    ):
        raise Forbidden(
            f"Version {to_version} has other walls, openings or room boundaries than the current "
            "plan; a drafter "
            "changes those (ask with a change request)."
        )
    check_model(model)
    changes = [f"Back to version {to_version}"]
    return _store(
        session,
        editor,
        order,
        model,
        base_version=base_version,
        changes=changes,
        operations=[{"op": "undo", "to": to_version}],
        before=current,
        property_changed=model.property != current.property,
    )
