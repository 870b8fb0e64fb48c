from __future__ import annotations

from pydantic import BaseModel, Field

from planroom.render.styles import StyleOptions


class StyleTemplateCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    options: StyleOptions = Field(default_factory=StyleOptions)


class StyleTemplateUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    options: StyleOptions | None = None


class StyleTemplateOut(BaseModel):
    id: str
    name: str
    builtin: bool
    options: StyleOptions
    created_at: float | None
