"""The tour's scripts, styles and fonts, served by Planroom from `tours/static/`.

Files are read once and kept in memory with their hash (the ETag and the `?v=` cache-buster in
the page) and, for text files, a gzip copy for phones on slow links. Only files inside the static
folder are served; anything else is a 404.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
ASSET_PREFIX = "/tours/assets"
THREE_DIR = "vendor/three-0.170.0"

CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
COMPRESSIBLE = frozenset({".js", ".css", ".txt", ".md", ".svg"})


@dataclass(frozen=True)
class Asset:
    data: bytes
    gzipped: bytes | None
    etag: str
    content_type: str


_cache: dict[str, Asset] = {}
_lock = threading.Lock()


def asset(path: str) -> Asset | None:
    """The static file at `path` (relative to the static folder), or None if there is none."""
    with _lock:
        found = _cache.get(path)
    if found is not None:
        return found
    file = (STATIC_DIR / path).resolve()
    if not file.is_relative_to(STATIC_DIR) or not file.is_file():
        return None
    content_type = CONTENT_TYPES.get(file.suffix)
    if content_type is None:
        return None
    data = file.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    gzipped = gzip.compress(data, 9, mtime=0) if file.suffix in COMPRESSIBLE else None
    loaded = Asset(data=data, gzipped=gzipped, etag=f'"{digest}"', content_type=content_type)
    with _lock:
        _cache[path] = loaded
    return loaded


def asset_url(path: str) -> str:
    """The page's link to a static file, versioned by its content so caches never go stale."""
    found = asset(path)
    version = found.etag.strip('"')[:10] if found else "missing"
    return f"{ASSET_PREFIX}/{path}?v={version}"


def import_map() -> str:
    """The page's import map: the bare `three` specifier and its add-ons, both served here."""
    base = f"{ASSET_PREFIX}/{THREE_DIR}"
    return json.dumps(
        {
            "imports": {
                "three": f"{base}/build/three.module.min.js",
                "three/addons/": f"{base}/examples/jsm/",
            }
        },
        separators=(",", ":"),
    )


def csp_hash(inline: str) -> str:
    """A Content-Security-Policy source allowing exactly this inline script."""
    digest = hashlib.sha256(inline.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(import_map_text: str) -> str:
    """Nothing may load from anywhere but Planroom: the spec's "no external request", enforced
    by the browser too. Inline data URIs cover the logo; blob URIs are what the glTF loader uses."""
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src 'self' {csp_hash(import_map_text)}",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self' data: blob:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
