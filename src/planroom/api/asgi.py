"""Reading an ASGI scope on the request path, without building a request object."""

from __future__ import annotations

from starlette.types import Scope


def header(scope: Scope, name: bytes) -> bytes | None:
    """The first value of header `name` (lowercase, as servers give them), or None. One scan:
    starlette's `Headers` would first copy every header to answer one."""
    for key, value in scope["headers"]:
        if key == name:
            found: bytes = value
            return found
    return None
