"""Read uploads with a size cap: past `settings.max_upload_bytes` the client gets a 413."""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import Request, UploadFile

from planroom.core.errors import TooLarge

CHUNK_BYTES = 64 * 1024


def too_large(limit: int) -> TooLarge:
    return TooLarge(f"The upload is larger than the limit of {_size(limit)}.")


def check_content_length(request: Request, limit: int) -> None:
    """Refuse a request whose declared `Content-Length` is over `limit` before reading it."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_large(limit)


async def read_limited(chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """Collect `chunks`, stopping with TooLarge as soon as more than `limit` bytes came."""
    buffer = bytearray()
    async for chunk in chunks:
        buffer.extend(chunk)
        if len(buffer) > limit:
            raise too_large(limit)
    return bytes(buffer)


async def read_body(request: Request, limit: int) -> bytes:
    """The raw request body, at most `limit` bytes."""
    check_content_length(request, limit)
    return await read_limited(request.stream(), limit)


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """The content of one multipart file, at most `limit` bytes."""
    if upload.size is not None and upload.size > limit:
        raise too_large(limit)

    async def chunks() -> AsyncIterator[bytes]:
        while chunk := await upload.read(CHUNK_BYTES):
            yield chunk

    return await read_limited(chunks(), limit)


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    if limit >= 1024:
        return f"{limit / 1024:g} KB"
    return f"{limit} bytes"
