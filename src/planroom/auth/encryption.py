"""Secrets we must read back (webhook signing secrets, GoToScan links) encrypted at rest.

Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`) with the key(s) from
`PLANROOM_SECRET_ENCRYPTION_KEY`, or a key generated once into the data dir. Several
comma-separated keys rotate: the first encrypts, every one decrypts.
"""

from __future__ import annotations

import threading

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from planroom.settings import Settings


class SecretUnreadable(Exception):
    """A stored secret does not decrypt with any configured key."""


class SecretBox:
    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise ValueError("at least one encryption key is needed")
        try:
            self._fernet = MultiFernet([Fernet(key.encode()) for key in keys])
        except ValueError as exc:
            raise ValueError(
                "PLANROOM_SECRET_ENCRYPTION_KEY must hold Fernet keys (32 url-safe base64 "
                "bytes, e.g. from `python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`), comma-separated"
            ) from exc

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken:
            raise SecretUnreadable(
                "a stored secret does not decrypt: PLANROOM_SECRET_ENCRYPTION_KEY (or the data "
                "dir's secret-encryption.key) is not the key it was encrypted with"
            ) from None


_boxes: dict[tuple[str, ...], SecretBox] = {}
_lock = threading.Lock()


def secret_box(settings: Settings) -> SecretBox:
    """The box for these settings' keys (built once per key set)."""
    keys = tuple(settings.resolved_secret_encryption_keys())
    with _lock:
        box = _boxes.get(keys)
        if box is None:
            box = _boxes[keys] = SecretBox(list(keys))
        return box
