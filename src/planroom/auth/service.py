"""Company API keys: created, listed, revoked, and resolved from the `api-key` header."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from planroom.auth.models import ApiKey
from planroom.auth.tokens import new_secret, secret_hash
from planroom.core.clock import clock
from planroom.core.errors import NotFound

API_KEY_PREFIX = "prk_"


@dataclass(frozen=True)
class CreatedKey:
    key: ApiKey
    secret: str


def create_api_key(session: Session, company_id: uuid.UUID, name: str = "default") -> CreatedKey:
    secret = new_secret(API_KEY_PREFIX)
    key = ApiKey(
        company_id=company_id,
        name=name,
        prefix=secret[: len(API_KEY_PREFIX) + 6],
        key_hash=secret_hash(secret),
    )
    session.add(key)
    session.flush()
    return CreatedKey(key=key, secret=secret)


def list_api_keys(session: Session, company_id: uuid.UUID) -> list[ApiKey]:
    statement = (
        select(ApiKey).where(ApiKey.company_id == company_id).order_by(ApiKey.created_at.desc())
    )
    return list(session.scalars(statement))


def revoke_api_key(session: Session, company_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey:
    key = session.get(ApiKey, key_id)
    if key is None or key.company_id != company_id:
        raise NotFound("No API key with this id belongs to this company.")
    if key.revoked_at is None:
        key.revoked_at = clock.now()
    return key


def revoke_all_api_keys(session: Session, company_id: uuid.UUID) -> None:
    session.execute(
        update(ApiKey)
        .where(ApiKey.company_id == company_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=clock.now())
    )


def company_id_for_secret(session: Session, secret: str) -> uuid.UUID | None:
    """One indexed lookup by hash; revoked keys resolve to nothing."""
    key = session.scalar(select(ApiKey).where(ApiKey.key_hash == secret_hash(secret)))
    if key is None or key.revoked_at is not None:
        return None
    return key.company_id
