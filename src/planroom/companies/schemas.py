from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, EmailStr, Field

from planroom.core.text import RequestBody


class CompanyProfile(RequestBody):
    name: str
    email: str | None


class CompanyInfo(BaseModel):
    id: uuid.UUID
    name: str
    email: str | None
    country: str
    customer_type: str
    measurement_system: Literal["imperial", "metric"]
    language: str
    created_at: float
    profile: CompanyProfile
    sandbox: bool = Field(description="Sandbox companies may call `/sandbox/...`.")


class CompanyPackage(BaseModel):
    package_type: str
    add_ons: list[str]
    available_package_types: list[str]
    available_add_ons: list[str]


class MergeRequestCreate(RequestBody):
    email: EmailStr = Field(description="A Manager's email in the company to merge into.")


class MergeRequestOut(BaseModel):
    id: uuid.UUID
    status: str
    target_company_name: str
    created_at: float
    direction: Literal["incoming", "outgoing"] | None = None
    requester_company_name: str | None = None
    accepted_at: float | None = None


class MergeRequestList(BaseModel):
    incoming: list[MergeRequestOut]
    outgoing: list[MergeRequestOut]
