"""Operators (drafters): created on the command line, identified by a bearer token.

The token is shown once and stored as a SHA-256 hash (a long random secret needs no slow hash,
and the hash is the indexed lookup key).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planroom.auth.tokens import new_secret, secret_hash
from planroom.core.clock import clock
from planroom.core.errors import NotFound
from planroom.production.models import Operator

TOKEN_PREFIX = "pro_"


@dataclass(frozen=True)
class CreatedOperator:
    operator: Operator
    token: str


def create_operator(session: Session, name: str) -> CreatedOperator:
    name = name.strip()
    if not name:
        raise ValueError("an operator needs a name")
    token = new_secret(TOKEN_PREFIX)
    operator = Operator(name=name[:200], token_hash=secret_hash(token))
    session.add(operator)
    session.flush()
    return CreatedOperator(operator=operator, token=token)


def list_operators(session: Session) -> list[Operator]:
    return list(session.scalars(select(Operator).order_by(Operator.created_at)))


def revoke_operator(session: Session, operator_id: uuid.UUID) -> Operator:
    operator = session.get(Operator, operator_id)
    if operator is None:
        raise NotFound("No operator with this id.")
    if operator.revoked_at is None:
        operator.revoked_at = clock.now()
    session.flush()
    return operator


def operator_for_token(session: Session, token: str) -> Operator | None:
    """One indexed lookup by hash; revoked operators resolve to nothing."""
    operator = session.scalar(select(Operator).where(Operator.token_hash == secret_hash(token)))
    if operator is None or operator.revoked_at is not None:
        return None
    return operator


def operator_names(session: Session, operator_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Names of many operators in one query; unknown ids are left out."""
    if not operator_ids:
        return {}
    rows = session.execute(select(Operator.id, Operator.name).where(Operator.id.in_(operator_ids)))
    return {operator_id: name for operator_id, name in rows}


def operator_name(session: Session, operator_id: uuid.UUID | None) -> str | None:
    if operator_id is None:
        return None
    operator = session.get(Operator, operator_id)
    return operator.name if operator else None


def active_operator(session: Session, operator_id: uuid.UUID) -> Operator | None:
    """The operator with this id unless revoked (a link issued to them checks this on use)."""
    operator = session.get(Operator, operator_id)
    if operator is None or operator.revoked_at is not None:
        return None
    return operator
