from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from planroom.core.text import RequestBody
from planroom.sandbox.service import DEFAULT_SAMPLE, MAX_CLOCK_STEP_SECONDS


class ScanSample(RequestBody):
    sample: str = Field(
        default=DEFAULT_SAMPLE,
        description="apartment, house_garage_porch or two_storey_basement.",
    )


class Advance(RequestBody):
    to: Literal["Ready", "Failed"]
    reason: str | None = Field(default=None, max_length=5000, description="Why it failed.")
    sample: str = Field(
        default=DEFAULT_SAMPLE, description="The sample scan used when the order has none."
    )


class ClockAdvance(RequestBody):
    seconds: float = Field(gt=0, le=MAX_CLOCK_STEP_SECONDS, description="How far to move.")


class ClockOut(BaseModel):
    now: float = Field(description="The clock's time, epoch seconds.")
    offset_seconds: float = Field(description="How far it is ahead of real time.")
