"""What a client sent: an uploaded file, before the production line stores it
(`production.sources`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Upload:
    """A file a client sent: its bytes, its name and what it says it is."""

    data: bytes
    filename: str
    content_type: str
