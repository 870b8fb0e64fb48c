"""The published JSON Schema of the floor model (`planroom.floor-model/1`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from planroom.floormodel.schema import SCHEMA_ID, json_schema

router = APIRouter(tags=["Floor model"])


@router.get(
    "/floor-model/schema",
    summary="Floor model JSON Schema",
    responses={200: {"description": f"The JSON Schema `{SCHEMA_ID}`."}},
)
def floor_model_schema() -> dict[str, Any]:
    """The JSON Schema of the Planroom floor model, the document every deliverable is drawn
    from. Upload one with `POST /orders/{order_id}/scan` instead of a RoomPlan scan; drafters
    read and replace it through the production API. Coordinates are integer millimetres, x to
    the right and y up."""
    return json_schema()
