from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, EmailStr, Field

from planroom.core.text import RequestBody

Role = Literal["Manager", "User", "Collaborator"]


class UserOut(BaseModel):
    id: uuid.UUID
    email: str
    name: str
    surname: str
    role: Role
    email_confirmed: bool
    created_at: float
    office_id: uuid.UUID | None


class UserCreate(RequestBody):
    email: EmailStr
    role: Role
    office_id: uuid.UUID | None = None
    password: str | None = Field(default=None, min_length=8, max_length=256)
    name: str = Field(default="", max_length=200)
    surname: str = Field(default="", max_length=200)


class UserCreated(BaseModel):
    email: str
    id: uuid.UUID
    message: str
    role: Role


class UserUpdate(RequestBody):
    name: str | None = Field(default=None, max_length=200)
    surname: str | None = Field(default=None, max_length=200)
    role: Role | None = None
    office_id: uuid.UUID | None = None


class ChangePassword(RequestBody):
    email: EmailStr
    old_password: str
    new_password: str = Field(min_length=8, max_length=256)


class ResetPassword(RequestBody):
    email: EmailStr


class Message(BaseModel):
    message: str
