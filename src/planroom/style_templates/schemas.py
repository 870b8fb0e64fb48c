from __future__ import annotations

from pydantic import BaseModel, Field

from planroom.core.text import RequestBody
from planroom.render.styles import StyleOptions


class StyleTemplateCreate(RequestBody):
    name: str = Field(min_length=1, max_length=200)
    options: StyleOptions = Field(default_factory=StyleOptions)


class StyleTemplateUpdate(RequestBody):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    options: StyleOptions | None = None


class StyleTemplateOut(BaseModel):
    id: str
    name: str
    builtin: bool
    options: StyleOptions
    created_at: float | None
