"""Wire shapes of change requests (api.md §3.3)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, Field, field_validator

from planroom.core.text import RequestBody

ChangeRequestStatus = Literal["Open", "InProgress", "Done", "Rejected"]

MAX_ATTACHMENTS = 20


def _http_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("invalid or missing URL scheme")
    if len(url) > 2000:
        raise ValueError("ensure this value has at most 2000 items or characters")
    return url


AttachmentUrl = Annotated[str, AfterValidator(_http_url)]


class ChangeRequestCreate(RequestBody):
    message: str = Field(
        min_length=1, max_length=10_000, description="What to correct, in words a drafter acts on."
    )
    attachments: list[AttachmentUrl] = Field(
        default_factory=list,
        max_length=MAX_ATTACHMENTS,
        description="Links (http or https) to marked-up plans, photos or notes.",
    )

    @field_validator("message")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("ensure this value has at least 1 items or characters")
        return value.strip()

    @field_validator("attachments", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class ChangeRequestOut(BaseModel):
    id: uuid.UUID
    order_id: uuid.UUID
    status: ChangeRequestStatus
    message: str
    attachments: list[str]
    created_by: str | None
    created_at: float
    resolved_at: float | None
    resolution_note: str | None


class ResolutionNote(RequestBody):
    note: str = Field(
        default="", max_length=10_000, description="What was done; the customer reads it."
    )


class RejectionNote(RequestBody):
    note: str = Field(
        min_length=1,
        max_length=10_000,
        description="Why the change is not made; the customer reads it.",
    )
