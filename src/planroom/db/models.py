"""Imports every table so the metadata (and Alembic) sees the whole schema."""

from planroom.auth.models import ApiKey
from planroom.companies.models import Company, MergeRequest
from planroom.db.base import Base
from planroom.mail.models import OutboxMessage
from planroom.offices.models import Office
from planroom.users.models import User, UserToken

__all__ = [
    "ApiKey",
    "Base",
    "Company",
    "MergeRequest",
    "Office",
    "OutboxMessage",
    "User",
    "UserToken",
]
