"""Storage keys and content types: one validation for every backend."""

from __future__ import annotations

import mimetypes
import re

MAX_KEY_LENGTH = 512
_SEGMENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")

EXTRA_TYPES = {
    ".glb": "model/gltf-binary",
    ".gltf": "model/gltf+json",
    ".dxf": "image/vnd.dxf",
    ".usdz": "model/vnd.usdz+zip",
    ".webp": "image/webp",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".mp4": "video/mp4",
}

# shown in the browser; everything else (SVG included: it can carry script) downloads
INLINE_TYPES = frozenset(
    {"image/png", "image/jpeg", "image/webp", "application/pdf", "video/mp4", "application/json"}
)


def check_key(key: str) -> str:
    """Return `key` if it is a safe relative path of plain segments, else raise ValueError.

    Keys are built by our code (`companies/{id}/orders/{id}/...`); no segment may be empty,
    `.`/`..`, start with a dot, or hold anything but letters, digits, `.`, `_` and `-`.
    """
    if not key or len(key) > MAX_KEY_LENGTH:
        raise ValueError(f"storage key must be 1..{MAX_KEY_LENGTH} characters")
    for segment in key.split("/"):
        if not _SEGMENT.match(segment):
            raise ValueError(f"storage key {key!r} has an unsafe segment {segment!r}")
    return key


def guess_content_type(name: str) -> str:
    lower = name.lower()
    for suffix, content_type in EXTRA_TYPES.items():
        if lower.endswith(suffix):
            return content_type
    return mimetypes.guess_type(lower)[0] or "application/octet-stream"


def basename(key: str) -> str:
    return key.rsplit("/", 1)[-1]


def safe_segment(name: str, fallback: str, max_length: int = 120) -> str:
    """A key segment made from a client's file name: `My plan (1).PDF` → `My-plan-1-.PDF`."""
    ascii_name = name.encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).lstrip(".-")[:max_length]
    return cleaned if _SEGMENT.match(cleaned) else fallback
