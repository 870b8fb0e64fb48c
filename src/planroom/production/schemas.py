"""Wire shapes of the production API (`/api/production/v1`)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, Field

from planroom.change_requests.schemas import ChangeRequestStatus


class OpenChangeRequest(BaseModel):
    id: uuid.UUID
    status: ChangeRequestStatus
    message: str
    attachments: list[str]
    created_by: str | None
    created_at: float


class WorkItemOut(BaseModel):
    order_id: uuid.UUID
    company_id: uuid.UUID
    company_name: str
    address: str
    order_status: str = Field(description="The order's status as the customer sees it.")
    order_type: str | None
    package_type: str
    add_ons: list[str]
    add_info: str = Field(description="The customer's notes for this order.")
    state: str = Field(
        description="new, converting, drafting, approval, rendering, done, failed or fixing."
    )
    round_kind: str = Field(description="new, fix, update or upgrade.")
    priority: str = Field(
        description="6h_turnaround, ultrafast, ultrafast-12, ultrafast-16, fast or regular."
    )
    priority_rank: int
    due_at: float
    late: bool
    claimed_by: str | None = Field(description="The drafter holding a live claim, if any.")
    claim_expires_at: float | None
    problems: list[str] = Field(description="Why the order waits for a drafter.")
    change_request: OpenChangeRequest | None
    created_at: float


class SourceOut(BaseModel):
    id: uuid.UUID
    kind: str = Field(description="`scan` (RoomPlan or floor model) or `image` (a plan to redraw).")
    filename: str
    content_type: str
    size: int
    state: str = Field(description="stored, pending (still downloading) or failed.")
    url: str | None = Field(description="Download link of the stored file.")
    original_url: str | None = Field(description="Where a redraw source was downloaded from.")
    error: str | None
    created_at: float


class SourcesOut(BaseModel):
    order_id: uuid.UUID
    order_type: str | None
    items: list[SourceOut]


class ModelVersionRow(BaseModel):
    version: int
    author: str
    note: str
    created_at: float


class ModelVersionsOut(BaseModel):
    order_id: uuid.UUID
    model_id: uuid.UUID
    items: list[ModelVersionRow] = Field(description="Newest first.")


class ModelOut(ModelVersionRow):
    order_id: uuid.UUID
    model_id: uuid.UUID
    latest_version: int
    model: dict[str, Any] = Field(description="The floor model (`planroom.floor-model/1`).")


class ModelSaved(ModelOut):
    warnings: list[str] = Field(description="Problems that do not stop rendering.")


class RejectOrder(BaseModel):
    reason: str = Field(min_length=1, max_length=5000, description="The customer reads it.")


class ClaimOut(WorkItemOut):
    pass
