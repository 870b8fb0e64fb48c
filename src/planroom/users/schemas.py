from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, EmailStr, Field

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


class UserCreate(BaseModel):
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


class UserUpdate(BaseModel):
    name: str | None = Field(default=None, max_length=200)
    surname: str | None = Field(default=None, max_length=200)
    role: Role | None = None
    office_id: uuid.UUID | None = None


class ChangePassword(BaseModel):
    email: EmailStr
    old_password: str
    new_password: str = Field(min_length=8, max_length=256)


class ResetPassword(BaseModel):
    email: EmailStr


class Message(BaseModel):
    message: str
