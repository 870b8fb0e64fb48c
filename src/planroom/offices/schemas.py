from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from planroom.core.text import RequestBody


class OfficeCreate(RequestBody):
    name: str = Field(min_length=1, max_length=200)
    address: str | None = Field(default=None, max_length=500)


class OfficeOut(BaseModel):
    id: uuid.UUID
    name: str
    address: str | None
    created_at: float
    users_count: int
