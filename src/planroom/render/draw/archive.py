"""Zip archives of rendered files that are the same bytes every time for the same files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from planroom.render.context import RenderedFile

ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
"""Every zip entry carries this date so the same plans always zip to the same bytes."""


def zip_files(files: Iterable[RenderedFile]) -> bytes:
    """A deterministic zip of `files` (fixed dates and permissions, given order)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in files:
            info = zipfile.ZipInfo(item.name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, item.data)
    return out.getvalue()
