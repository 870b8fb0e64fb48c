"""Company API keys: created, listed, revoked, and resolved from the `api-key` header."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from planroom.auth.keycache import KEYS
from planroom.auth.models import ApiKey
from planroom.auth.tokens import new_secret, secret_hash
from planroom.core.clock import clock
from planroom.core.errors import NotFound
from planroom.db.engine import after_commit

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
        after_commit(session, KEYS.forget_all)
    return key


def revoke_all_api_keys(session: Session, company_id: uuid.UUID) -> None:
    session.execute(
        update(ApiKey)
        .where(ApiKey.company_id == company_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=clock.now())
    )
    after_commit(session, KEYS.forget_all)


def company_id_for_secret(session: Session, secret: str) -> uuid.UUID | None:
    """One indexed lookup by hash; revoked keys resolve to nothing."""
    row = session.execute(
        select(ApiKey.company_id, ApiKey.revoked_at).where(ApiKey.key_hash == secret_hash(secret))
    ).first()
    if row is None or row.revoked_at is not None:
        return None
    company_id: uuid.UUID = row.company_id
    return company_id


def remembered_company_id(secret: str, ttl: float) -> uuid.UUID | None:
    """The company of a key that resolved less than `ttl` seconds ago (see `keycache`), else
    None: then `resolve_company_id` asks the database."""
    return KEYS.get(secret_hash(secret), ttl) if ttl > 0 else None


def resolve_company_id(session: Session, secret: str, ttl: float) -> uuid.UUID | None:
    """`company_id_for_secret`, remembered for `ttl` seconds when it resolves."""
    company_id = company_id_for_secret(session, secret)
    if company_id is not None and ttl > 0:
        KEYS.put(secret_hash(secret), company_id)
    return company_id
