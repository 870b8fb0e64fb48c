"""A client for one Planroom server and API key, by hand: not generated.

from planroom_client.connect import connect

client = connect("https://planroom.example", "prk_...")
"""

from __future__ import annotations

from typing import Any

from planroom_client.client import AuthenticatedClient

API_PREFIX = "/api/integrate/v3"


def connect(server_url: str, api_key: str, **options: Any) -> AuthenticatedClient:
    """An `AuthenticatedClient` for the Integrate API of the server at `server_url` (with or
    without the `/api/integrate/v3` path) sending `api_key` in the `api-key` header. `options`
    go to `AuthenticatedClient` (`timeout`, `raise_on_unexpected_status`, `httpx_args`, ...)."""
    base_url = server_url.rstrip("/")
    if not base_url.endswith(API_PREFIX):
        base_url += API_PREFIX
    return AuthenticatedClient(base_url=base_url, token=api_key, prefix="", auth_header_name="api-key", **options)
