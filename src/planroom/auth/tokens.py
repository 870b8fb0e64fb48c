"""Random secrets that are shown once and stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets


def new_secret(prefix: str, nbytes: int = 32) -> str:
    return f"{prefix}{secrets.token_urlsafe(nbytes)}"


def secret_hash(secret: str) -> str:
    """SHA-256 is right here: the secrets are long and random, so no slow hash is needed,
    and the hash must be an indexed lookup key."""
    return hashlib.sha256(secret.encode()).hexdigest()
