"""The OpenAPI document as the server really answers.

FastAPI describes what a route returns on success; everything around it is said here. A route
names the errors its own rules raise with `errors(NotFound, InvalidState, ...)` in its
decorator; `finish_document` adds the answers every operation can get from the layers in front
of it (`planroom.api.edge`, the database gate, the idempotency middleware), replaces FastAPI's
`422 {"detail": [...]}` by the `400 {"validation_error": ...}` the error handler really sends,
and moves the API prefix into `servers`, so a client given the documented base URL calls the
right paths.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from planroom.api.field_docs import document_fields, document_parameters
from planroom.core.errors import (
    BadRequest,
    Conflict,
    Overloaded,
    PlanroomError,
    RateLimited,
    TooLarge,
    Unauthorized,
)

ERROR_REF = "#/components/schemas/Error"
VALIDATION_REF = "#/components/schemas/ValidationError"
METHODS = ("get", "put", "post", "patch", "delete", "head", "options")

STATUS_DESCRIPTIONS = {
    304: "Not modified: the `If-None-Match` ETag is still current; no body.",
    400: "The request is malformed: a field failed validation (`validation_error`) or the "
    "request cannot be understood (`bad_request`).",
    401: "No `api-key` header, or the key is not valid or revoked.",
    403: "The key's company may not do this.",
    404: "No such resource in your company.",
    409: "The resource's state does not allow this now (`invalid_state`), or the request "
    "clashes with another (`conflict`).",
    413: "The body is larger than the upload limit.",
    415: "The body's content type is not one this operation reads.",
    422: "The upload was read but its content cannot be used; the message names the problem.",
    429: "Too many requests: wait `Retry-After` seconds.",
    503: "Every request slot of the server is busy: retry after `Retry-After` seconds.",
}

RETRY_AFTER = {
    "description": "Seconds to wait before retrying.",
    "schema": {"type": "integer", "minimum": 1, "examples": [1]},
}
RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": {
        "description": "Requests allowed per window for this API key.",
        "schema": {"type": "integer"},
    },
    "RateLimit-Remaining": {
        "description": "Requests left in the current window.",
        "schema": {"type": "integer"},
    },
    "RateLimit-Reset": {
        "description": "Seconds until the window resets.",
        "schema": {"type": "integer"},
    },
}

IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Any unique string (at most 255 characters), e.g. a UUID. Repeating a POST "
    "with the same key within 24 hours replays the first answer instead of acting twice; the "
    "same key with another body is a 409 `conflict`.",
    "schema": {"type": "string", "maxLength": 255, "examples": ["6f1c1c2e-8d4b-4c52-9d0f"]},
}


class Error(BaseModel):
    """Every error except field validation has this shape."""

    message: str = Field(
        description="A sentence saying what went wrong and what to do about it.",
        examples=["The order is Draft; uploading a scan needs it to be Draft or New or Failed."],
    )
    code: str = Field(
        description="A stable snake_case code: branch on it, not on the message.",
        examples=["invalid_state"],
    )


class FieldProblem(BaseModel):
    loc: list[str | int] = Field(
        description="The path of the field inside its part of the request.",
        examples=[["street"]],
    )
    msg: str = Field(description="What is wrong with it.", examples=["field required"])


class ValidationGroups(BaseModel):
    body_params: list[FieldProblem] | None = Field(
        default=None, description="Problems in the body; absent when none."
    )
    query_params: list[FieldProblem] | None = Field(
        default=None, description="Problems in the query string; absent when none."
    )
    path_params: list[FieldProblem] | None = Field(
        default=None, description="Problems in the path; absent when none."
    )


class ValidationError(BaseModel):
    """A 400 listing every field that failed validation, grouped by where it was sent."""

    validation_error: ValidationGroups = Field(
        examples=[{"body_params": [{"loc": ["street"], "msg": "field required"}]}]
    )


def errors(*kinds: type[PlanroomError]) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route whose own rules raise `kinds` (besides the answers every
    operation can get, which `finish_document` adds)."""
    codes: dict[int, list[str]] = {}
    for kind in kinds:
        codes.setdefault(kind.status_code, [])
        if kind.code not in codes[kind.status_code]:
            codes[kind.status_code].append(kind.code)
    return {status: _error_response(status, names) for status, names in sorted(codes.items())}


def _error_schema(codes: Iterable[str]) -> dict[str, Any]:
    names = sorted(set(codes))
    return {
        "allOf": [{"$ref": ERROR_REF}],
        "properties": {"code": {"type": "string", "enum": names}},
    }


def _error_response(status: int, codes: Iterable[str]) -> dict[str, Any]:
    codes = sorted(set(codes))
    if status == 400 and "validation_error" in codes:
        others = [code for code in codes if code != "validation_error"]
        schema: dict[str, Any] = {"$ref": VALIDATION_REF}
        if others:
            schema = {"oneOf": [schema, _error_schema(others)]}
    else:
        schema = _error_schema(codes)
    response: dict[str, Any] = {
        "description": STATUS_DESCRIPTIONS.get(status, "Error."),
        "content": {"application/json": {"schema": schema}},
    }
    if status == 503:
        response["headers"] = {"Retry-After": RETRY_AFTER}
    if status == 429:
        response["headers"] = {"Retry-After": RETRY_AFTER, **RATE_LIMIT_HEADERS}
    return response


def _declared_codes(response: dict[str, Any]) -> list[str]:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    found: list[str] = []
    for part in [schema, *schema.get("oneOf", [])]:
        if part.get("$ref") == VALIDATION_REF:
            found.append("validation_error")
        found += part.get("properties", {}).get("code", {}).get("enum", [])
    return found


def _add_error(operation: dict[str, Any], status: int, *codes: str) -> None:
    responses = operation.setdefault("responses", {})
    present = responses.get(str(status))
    merged = [*codes, *(_declared_codes(present) if present else [])]
    responses[str(status)] = _error_response(status, merged)


def operation_id(route: APIRoute) -> str:
    """Short and stable: the endpoint function's name in camelCase (`createDraft`)."""
    return camel_case(route.name)


def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def finish_document(
    document: dict[str, Any],
    *,
    prefix: str,
    server_url: str,
    public_paths: Iterable[str] = (),
    api_key_edge: bool = True,
) -> dict[str, Any]:
    """`api_key_edge`: the operations pass the edge's key check and the idempotency layer (the
    Integrate API: 429 and `Idempotency-Key`); otherwise only authentication applies."""
    public = set(public_paths)
    paths: dict[str, Any] = {}
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            if method in METHODS:
                _finish_operation(operation, method, path in public, api_key_edge)
        paths[path.removeprefix(prefix) or "/"] = operations
    document["paths"] = paths
    for name, operations in document.get("webhooks", {}).items():
        for operation in operations.values():
            operation["operationId"] = camel_case(name)  # `movedToReady`
    document["servers"] = [
        {"url": f"{server_url.rstrip('/')}{prefix}", "description": "This Planroom server."},
        {"url": prefix, "description": "The server this document was loaded from."},
    ]
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    shared: list[type[BaseModel]] = [Error, FieldProblem, ValidationGroups, ValidationError]
    for model in [*shared, *_DECLARED]:
        add_component(schemas, model)
    document_fields(schemas)
    document_parameters(document["paths"])
    return document


_DECLARED: list[type[BaseModel]] = []


def declare_component(model: type[BaseModel]) -> str:
    """Put `model` in `components.schemas` of every document, for a body an operation declares
    by hand (`openapi_extra`); the reference to it is returned."""
    if model not in _DECLARED:
        _DECLARED.append(model)
    return f"#/components/schemas/{model.__name__}"


def add_component(schemas: dict[str, Any], model: type[BaseModel]) -> None:
    """Add `model` and the models it uses to `components.schemas`."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.pop("$defs", {}).items():
        schemas.setdefault(name, definition)
    schemas[model.__name__] = schema


def _finish_operation(
    operation: dict[str, Any], method: str, public: bool, api_key_edge: bool
) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    if _is_fastapi_422(responses.get("422")):
        responses.pop("422")
    reads_input = bool(operation.get("parameters")) or "requestBody" in operation
    if method == "post" and not public and api_key_edge:
        operation.setdefault("parameters", []).append(dict(IDEMPOTENCY_KEY))
        _add_error(operation, 409, Conflict.code)
        _add_error(operation, 400, BadRequest.code)
    if reads_input:
        _add_error(operation, 400, "validation_error")
    if "requestBody" in operation or method in ("post", "put", "patch"):
        _add_error(operation, 413, TooLarge.code)
    if not public:
        _add_error(operation, 401, Unauthorized.code)
        if api_key_edge:
            _add_error(operation, 429, RateLimited.code)
    _add_error(operation, 503, Overloaded.code)
    operation["responses"] = dict(sorted(responses.items()))


def _is_fastapi_422(response: dict[str, Any] | None) -> bool:
    return response is not None and "HTTPValidationError" in str(response)
