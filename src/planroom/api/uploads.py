"""The one way Planroom reads what a client uploads: a JSON body, a raw body or the files of a
multipart form, each under a size cap past which the client gets a 413 before more is read."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from planroom.core.errors import BadRequest, TooLarge, UnsupportedMediaType
from planroom.core.text import byte_size, clean_text
from planroom.orders.intake import Upload

# a multipart form carries boundaries and part headers around its file
MULTIPART_OVERHEAD = 64 * 1024
CHUNK_BYTES = 64 * 1024
ModelT = TypeVar("ModelT", bound=BaseModel)


def _too_large(limit: int) -> TooLarge:
    return TooLarge(f"The upload is larger than the limit of {byte_size(limit)}.")


def check_declared_length(request: Request, limit: int) -> None:
    """Refuse a request whose declared `Content-Length` is over `limit` before reading it."""
    declared = request.headers.get("content-length")
    overhead = MULTIPART_OVERHEAD if is_multipart(request) else 0
    if declared and declared.isdigit() and int(declared) > limit + overhead:
        raise _too_large(limit)


async def read_limited(chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """Collect `chunks`, stopping as soon as more than `limit` bytes came."""
    buffer = bytearray()
    async for chunk in chunks:
        buffer.extend(chunk)
        if len(buffer) > limit:
            raise _too_large(limit)
    return bytes(buffer)


async def read_body(request: Request, limit: int) -> bytes:
    """The raw request body, refusing more than `limit` bytes without reading them all."""
    check_declared_length(request, limit)
    return await read_limited(request.stream(), limit)


def is_multipart(request: Request) -> bool:
    return request.headers.get("content-type", "").startswith("multipart/form-data")


async def read_file_upload(request: Request, limit: int, fields: tuple[str, ...]) -> Upload:
    """One upload: the body itself (JSON or raw), or the first of `fields` in a multipart form."""
    if not is_multipart(request):
        content_type = request.headers.get("content-type", "application/octet-stream")
        data = await read_body(request, limit)
        return Upload(data=data, filename="", content_type=content_type.split(";")[0].strip())
    check_declared_length(request, limit)
    form = await request.form()
    for name in fields:
        value = form.get(name)
        if isinstance(value, UploadFile):
            return await _read_upload_file(value, limit)
    raise BadRequest(f"Send the file in a multipart field named {' or '.join(fields)}.")


async def read_form_files(
    request: Request, limit: int, field: str
) -> tuple[dict[str, Any], list[Upload]]:
    """A multipart form's plain fields and every file in `field`."""
    check_declared_length(request, limit)
    form = await request.form()
    values: dict[str, Any] = {}
    uploads: list[Upload] = []
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            if name == field:
                uploads.append(await _read_upload_file(value, limit))
        else:
            values[name] = value
    return values, uploads


async def _read_upload_file(upload: UploadFile, limit: int) -> Upload:
    if upload.size is not None and upload.size > limit:
        raise _too_large(limit)

    async def chunks() -> AsyncIterator[bytes]:
        while chunk := await upload.read(CHUNK_BYTES):
            yield chunk

    data = await read_limited(chunks(), limit)
    return Upload(
        data=data,
        filename=clean_text(upload.filename or ""),
        content_type=upload.content_type or "application/octet-stream",
    )


async def read_json_body(request: Request, limit: int) -> Any:
    content_type = request.headers.get("content-type", "")
    if content_type and "json" not in content_type:
        raise UnsupportedMediaType(
            "Send JSON (`Content-Type: application/json`) or a multipart form."
        )
    raw = await read_body(request, limit)
    try:
        return json.loads(raw)
    except RecursionError as exc:
        raise too_deep() from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise RequestValidationError(
            [{"type": "json_invalid", "loc": ("body",), "msg": str(exc), "input": None}]
        ) from exc


def too_deep() -> RequestValidationError:
    """JSON nested deeper than the parser recurses: named as such, not a bare parse error."""
    message = "the JSON is nested too deeply (more than about 1000 levels of arrays or objects)"
    return RequestValidationError([{"type": "json_too_deep", "loc": ("body",), "msg": message}])


def validate_body(model: type[ModelT], data: Any) -> ModelT:
    """Validate a body read by hand, reporting errors exactly as FastAPI would."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]
        raise RequestValidationError(errors) from exc
