"""One storage interface; a folder in the data dir by default, S3 when `storage_url` says so."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

from planroom.files.keys import check_key, guess_content_type
from planroom.files.links import FileLinks
from planroom.settings import Settings

CHUNK_BYTES = 64 * 1024


class Storage(Protocol):
    """Where generated and uploaded files live. Keys are relative paths (see `check_key`)."""

    links: FileLinks

    def put(self, key: str, data: bytes, content_type: str | None = None) -> None:
        """Store `data` at `key`, replacing what was there (atomically)."""

    def get(self, key: str) -> bytes:
        """The bytes at `key`; FileNotFoundError if there are none."""

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Remove `key`; its links answer 404 from now on. Missing keys are ignored."""

    def size(self, key: str) -> int:
        """The size in bytes; FileNotFoundError if missing."""

    def content_type(self, key: str) -> str:
        """The content type given to `put` (or guessed from the name)."""

    def iter_range(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        """Stream bytes `start`..`end` (inclusive; None = to the end) in chunks."""

    def url(self, key: str, download_name: str | None = None) -> str:
        """The stable public link of `key`, served at `{PUBLIC_URL}/files/...`."""

    def redirect_url(self, key: str, download_name: str, *, inline: bool) -> str | None:
        """Where a download of `key` is sent instead of streamed (a short-lived direct URL),
        or None to stream it from here."""


class LocalStorage:
    """Files in a folder; content types beside them in a `.meta` tree no key can reach."""

    def __init__(self, root: Path, links: FileLinks) -> None:
        self.root = root.resolve()
        self.links = links

    def path(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError(f"storage key {key!r} leaves the storage folder")
        return path

    def _meta_path(self, key: str) -> Path:
        return self.root / ".meta" / f"{check_key(key)}.json"

    def put(self, key: str, data: bytes, content_type: str | None = None) -> None:
        path = self.path(key)
        _write_atomically(path, data)
        meta = {"content_type": content_type or guess_content_type(key)}
        _write_atomically(self._meta_path(key), json.dumps(meta).encode())

    def get(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)
        self._meta_path(key).unlink(missing_ok=True)

    def size(self, key: str) -> int:
        return self.path(key).stat().st_size

    def content_type(self, key: str) -> str:
        try:
            meta = json.loads(self._meta_path(key).read_text())
            return str(meta["content_type"])
        except (OSError, ValueError, KeyError):
            return guess_content_type(key)

    def iter_range(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        with self.path(key).open("rb") as handle:
            handle.seek(start)
            remaining = None if end is None else end - start + 1
            while remaining is None or remaining > 0:
                chunk = handle.read(
                    CHUNK_BYTES if remaining is None else min(CHUNK_BYTES, remaining)
                )
                if not chunk:
                    return
                if remaining is not None:
                    remaining -= len(chunk)
                yield chunk

    def url(self, key: str, download_name: str | None = None) -> str:
        return self.links.url(key, download_name)

    def redirect_url(self, key: str, download_name: str, *, inline: bool) -> str | None:
        return None


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def make_storage(settings: Settings) -> Storage:
    """The backend `settings.storage_url` names: a local folder, or `s3://bucket/prefix`.

    `s3://bucket/prefix?create_bucket=true` creates a missing bucket on first write; without it
    a missing bucket is an error, so a typo never creates a stray bucket.
    """
    links = FileLinks(settings.resolved_secret_key(), settings.resolved_public_url)
    url = settings.storage_url
    if not url:
        return LocalStorage(settings.ensure_data_dir() / "files", links)
    parts = urlsplit(url)
    if parts.scheme == "file":
        return LocalStorage(Path(parts.path), links)
    if parts.scheme == "s3":
        from planroom.files.s3 import S3Storage

        if not parts.netloc:
            raise ValueError("PLANROOM_STORAGE_URL needs a bucket: s3://bucket/prefix")
        options = parse_qs(parts.query)
        create = options.get("create_bucket", ["false"])[0].lower() in ("1", "true", "yes")
        return S3Storage(
            bucket=parts.netloc,
            prefix=parts.path.strip("/"),
            links=links,
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
            create_bucket=create,
        )
    raise ValueError(f"PLANROOM_STORAGE_URL {url!r} is not supported: use s3://… or file:///…")
