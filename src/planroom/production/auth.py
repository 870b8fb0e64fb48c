"""Bearer-token authentication of the production API: operators only, never company keys."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from planroom.api.deps import DbSession
from planroom.core.errors import Unauthorized
from planroom.production.models import Operator
from planroom.production.operators import operator_for_token

bearer = HTTPBearer(
    auto_error=False,
    description="An operator token from `planroom operator create --name NAME`.",
)


def get_operator(
    session: DbSession,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> Operator:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise Unauthorized(
            "Send an operator token as `Authorization: Bearer <token>` "
            "(create one with `planroom operator create --name NAME`)."
        )
    operator = operator_for_token(session, credentials.credentials)
    if operator is None:
        raise Unauthorized("The operator token is not valid or has been revoked.")
    return operator


CurrentOperator = Annotated[Operator, Depends(get_operator)]
