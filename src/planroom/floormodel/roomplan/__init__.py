"""Apple RoomPlan scans (`CapturedRoom`, a list of them, `CapturedStructure`) into floor models.

`parse_scan_bytes` is the entry point for an upload: it accepts a RoomPlan export or a Planroom
floor model and answers with the model or an error a client can act on (413, 415 or 422).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planroom.floormodel.roomplan.importer import ImportOptions
    from planroom.floormodel.schema import FloorModel


def parse_scan_bytes(
    data: bytes, content_type: str | None = None, *, options: ImportOptions | None = None
) -> FloorModel:
    """The floor model in an uploaded scan file (RoomPlan JSON or a Planroom model)."""
    from planroom.floormodel.intake import read_scan_upload

    return read_scan_upload(data, content_type=content_type, options=options).model
