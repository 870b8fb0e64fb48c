"""A scan upload, as bytes, into a floor model.

Accepts an Apple RoomPlan export (`CapturedRoom`, a list of them, a `CapturedStructure`) or a
Planroom floor model. Whatever a client sends, the answer is a model or an error that says what is
wrong with the file: too large (413), not JSON at all but an image, a PDF or a USDZ archive (415),
or JSON that is not a scan, with the element at fault named (422). Never an unhandled exception.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from shapely.errors import ShapelyError

from planroom.floormodel.errors import ScanTooLarge, ScanUnreadable, ScanWrongType
from planroom.floormodel.roomplan.importer import ImportOptions, import_roomplan
from planroom.floormodel.schema import SCHEMA_ID, Finding, FloorModel
from planroom.floormodel.validation import parse_floor_model

MAX_SCAN_BYTES = 32 * 1024 * 1024
"""A whole-house RoomPlan export is a few megabytes; anything this large is not one."""

ScanKind = Literal["roomplan", "planroom"]

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a USDZ export is one)"),
    (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)


_NOT_SCANS = frozenset(
    {"application/pdf", "application/zip", "model/vnd.usdz+zip", "application/gzip"}
)


@dataclass(frozen=True)
class ScanIntake:
    """The model read from an upload, what kind of upload it was, and anything worth a note."""

    model: FloorModel
    kind: ScanKind
    form: str
    warnings: list[Finding] = field(default_factory=list)


def _sniff(data: bytes) -> str | None:
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypisom", b"ftypqt  "):
        return "a HEIC image or a video"
    return None


def decode_json(
    data: bytes, max_bytes: int = MAX_SCAN_BYTES, content_type: str | None = None
) -> object:
    """The JSON document in `data`, or a clear error saying why there is none.

    `content_type` is what the client said the file is; the bytes decide, and the declared
    type only makes the message clearer when they are not JSON.
    """
    if len(data) > max_bytes:
        raise ScanTooLarge(
            f"The file is {len(data) / 1_048_576:.1f} MB; scans are accepted up to "
            f"{max_bytes / 1_048_576:.0f} MB."
        )
    if not data.strip():
        raise ScanUnreadable("The file is empty.")
    found = _sniff(data)
    if found is not None:
        raise ScanWrongType(
            f"The file is {found}, not a scan. Upload the RoomPlan JSON export "
            "(CapturedRoom or CapturedStructure) or a Planroom floor model."
        )
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared.startswith(("image/", "video/", "audio/")) or declared in _NOT_SCANS:
        raise ScanWrongType(
            f"The file was sent as {declared}, not a scan. Upload the RoomPlan JSON export "
            "(CapturedRoom or CapturedStructure) or a Planroom floor model."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScanWrongType(
            f"The file is not UTF-8 text (byte {error.start} is not valid); a scan is JSON."
        ) from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ScanUnreadable(
            f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except RecursionError:
        raise ScanUnreadable("The JSON is nested too deeply to be a scan.") from None


def _reject_constant(name: str) -> object:
    raise ScanUnreadable(f"The file contains {name}, which is not a number JSON allows.")


def looks_like_floor_model(document: object) -> bool:
    """A Planroom model names its schema and has levels; a RoomPlan export has neither."""
    return isinstance(document, dict) and (
        document.get("schema") == SCHEMA_ID or "levels" in document
    )


def read_scan_upload(
    data: bytes,
    *,
    content_type: str | None = None,
    options: ImportOptions | None = None,
    max_bytes: int = MAX_SCAN_BYTES,
) -> ScanIntake:
    """Read an uploaded scan: size and type checks, JSON, then RoomPlan or Planroom model."""
    document = decode_json(data, max_bytes, content_type)
    return read_scan_document(document, options=options)


def read_scan_document(document: object, *, options: ImportOptions | None = None) -> ScanIntake:
    """Read an already parsed JSON document (a JSON request body)."""
    if looks_like_floor_model(document):
        return ScanIntake(parse_floor_model(document), "planroom", "floor model")
    try:
        result = import_roomplan(document, options)
    except ScanUnreadable:
        raise
    except (ValueError, ArithmeticError, IndexError, KeyError, ShapelyError) as error:
        # Geometry so broken that it defeats the import (every wall on one point, and the
        # like) is still the file's fault, not ours.
        raise ScanUnreadable(
            f"The scan's geometry cannot be turned into rooms ({error})."
        ) from None
    return ScanIntake(result.model, "roomplan", result.form, result.warnings)
