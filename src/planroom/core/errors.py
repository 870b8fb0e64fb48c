"""The one exception hierarchy. Every error a client can cause is one of these."""

from __future__ import annotations


class PlanroomError(Exception):
    """An error with a status, a snake_case code and a sentence a person can act on."""

    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers or {}


class BadRequest(PlanroomError):
    status_code = 400
    code = "bad_request"


class Unauthorized(PlanroomError):
    status_code = 401
    code = "unauthorized"


class Forbidden(PlanroomError):
    status_code = 403
    code = "forbidden"


class NotFound(PlanroomError):
    status_code = 404
    code = "not_found"


class InvalidState(PlanroomError):
    status_code = 409
    code = "invalid_state"


class Conflict(PlanroomError):
    status_code = 409
    code = "conflict"


class TooLarge(PlanroomError):
    status_code = 413
    code = "too_large"


class UnsupportedMediaType(PlanroomError):
    status_code = 415
    code = "unsupported_media_type"


class Unprocessable(PlanroomError):
    status_code = 422
    code = "unprocessable"


class RateLimited(PlanroomError):
    status_code = 429
    code = "rate_limited"


class Overloaded(PlanroomError):
    """Every database slot of this process is busy: retry shortly, ideally on another one."""

    status_code = 503
    code = "overloaded"

    def __init__(self, message: str, *, retry_after: int = 1) -> None:
        super().__init__(message, headers={"Retry-After": str(retry_after)})


class FieldError(PlanroomError):
    """A validation problem found by a service, reported like a schema error."""

    status_code = 400
    code = "validation_error"

    def __init__(self, location: str, field: list[str | int], msg: str) -> None:
        super().__init__(f"{'.'.join(map(str, field))}: {msg}")
        self.location = location
        self.field = field
        self.msg = msg
