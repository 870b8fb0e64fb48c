"""The one error handler: every failure leaves as the contract's shape, never as a bare 500."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from planroom.api.uploads import too_deep
from planroom.core.errors import FieldError, Overloaded, PlanroomError

log = logging.getLogger(__name__)

_LOCATION_KEYS = {"body": "body_params", "query": "query_params", "path": "path_params"}
_STATUS_CODES = {
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}


def short_message(error: dict[str, Any]) -> str:
    """The short lower-case wording of the original API (pydantic v1 style)."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    messages = {
        "missing": "field required",
        "string_type": "str type expected",
        "int_type": "value is not a valid integer",
        "int_parsing": "value is not a valid integer",
        "int_from_float": "value is not a valid integer",
        "float_type": "value is not a valid float",
        "float_parsing": "value is not a valid float",
        "bool_type": "value could not be parsed to a boolean",
        "bool_parsing": "value could not be parsed to a boolean",
        "list_type": "value is not a valid list",
        "dict_type": "value is not a valid dict",
        "model_type": "value is not a valid dict",
        "model_attributes_type": "value is not a valid dict",
        "uuid_type": "value is not a valid uuid",
        "uuid_parsing": "value is not a valid uuid",
        "url_parsing": "invalid or missing URL scheme",
        "url_scheme": "URL scheme not permitted",
        "json_invalid": "invalid json",
        "none_required": "none is not an allowed value",
    }
    if kind in messages:
        return messages[kind]
    if kind == "less_than_equal":
        return f"ensure this value is less than or equal to {ctx.get('le')}"
    if kind == "greater_than_equal":
        return f"ensure this value is greater than or equal to {ctx.get('ge')}"
    if kind == "less_than":
        return f"ensure this value is less than {ctx.get('lt')}"
    if kind == "greater_than":
        return f"ensure this value is greater than {ctx.get('gt')}"
    if kind in ("string_too_short", "too_short"):
        return f"ensure this value has at least {ctx.get('min_length')} items or characters"
    if kind in ("string_too_long", "too_long"):
        return f"ensure this value has at most {ctx.get('max_length')} items or characters"
    if kind in ("literal_error", "enum"):
        return f"unexpected value; permitted: {ctx.get('expected', '')}"
    if kind == "value_error" and "email" in str(ctx.get("reason", error.get("msg", ""))).lower():
        return "value is not a valid email address"
    message = str(error.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message[:1].lower() + message[1:]


def validation_body(errors: Sequence[Any]) -> dict[str, Any]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for error in errors:
        loc = list(error.get("loc", ()))
        where = str(loc[0]) if loc else "body"
        key = _LOCATION_KEYS.get(where, "body_params")
        field_loc = loc[1:] if where in _LOCATION_KEYS else loc
        if error.get("type") == "json_invalid":
            field_loc = []
        # pydantic puts the union/tag member name in the location; clients expect field names
        field_loc = [part for part in field_loc if not _is_type_tag(part)]
        grouped.setdefault(key, []).append({"loc": field_loc, "msg": short_message(error)})
    return {"validation_error": grouped}


def _is_type_tag(part: Any) -> bool:
    return isinstance(part, str) and (
        part.startswith(("function-", "json-or-python")) or part in ("str", "int", "float")
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(validation_body(exc.errors()), status_code=400)

    @app.exception_handler(FieldError)
    async def _field(_request: Request, exc: FieldError) -> JSONResponse:
        key = _LOCATION_KEYS.get(exc.location, "body_params")
        body = {"validation_error": {key: [{"loc": exc.field, "msg": exc.msg}]}}
        return JSONResponse(body, status_code=400)

    @app.exception_handler(PlanroomError)
    async def _planroom(_request: Request, exc: PlanroomError) -> JSONResponse:
        return JSONResponse(
            {"message": exc.message, "code": exc.code},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    @app.exception_handler(PoolTimeout)
    async def _pool(_request: Request, _exc: PoolTimeout) -> JSONResponse:
        # only jobs and the mailer share the pool beyond the request slots; still, never a 500
        overloaded = Overloaded("The server is busy right now; retry in a second.")
        return JSONResponse(
            {"message": overloaded.message, "code": overloaded.code},
            status_code=503,
            headers=overloaded.headers,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and isinstance(exc.__cause__, RecursionError):
            # FastAPI's own body parsing says only "error parsing the body" for deep JSON
            return JSONResponse(validation_body(too_deep().errors()), status_code=400)
        code = _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404 and message == "Not Found":
            message = "Nothing is served at this path; see /docs for the API."
        return JSONResponse(
            {"message": message, "code": code},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return JSONResponse(
            {"message": "Something went wrong on our side; it was logged.", "code": "internal"},
            status_code=500,
        )
