"""Stable, unguessable file links: `{PUBLIC_URL}/files/{signed token}/{filename}`.

The token signs the storage key and the download name, and nothing else: the same file always
gets the same link (order responses stay stable), and a link stops working when its file is
deleted or the secret key changes.
"""

from __future__ import annotations

from urllib.parse import quote

from itsdangerous import BadSignature, URLSafeSerializer

from planroom.files.keys import basename, check_key

SALT = "planroom.files.link"


class FileLinks:
    def __init__(self, secret_key: str, public_url: str) -> None:
        self._serializer = URLSafeSerializer(secret_key, salt=SALT)
        self._public_url = public_url.rstrip("/")

    def token(self, key: str, download_name: str | None = None) -> str:
        check_key(key)
        name = download_name or basename(key)
        return str(self._serializer.dumps([key, name]))

    def url(self, key: str, download_name: str | None = None) -> str:
        name = download_name or basename(key)
        return f"{self._public_url}/files/{self.token(key, name)}/{quote(name, safe='')}"

    def resolve(self, token: str) -> tuple[str, str] | None:
        """The (key, download name) a token was made for, or None if it was not made by us."""
        try:
            value = self._serializer.loads(token)
        except BadSignature:
            return None
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(part, str) for part in value)
        ):
            return None
        key, name = value
        try:
            check_key(key)
        except ValueError:
            return None
        return key, name
