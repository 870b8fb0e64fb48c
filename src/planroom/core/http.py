"""Outgoing HTTP to URLs customers give (webhook receivers, redraw plan downloads).

The address guard: such URLs are customer input, so where they point is checked at call time.
The host is resolved right before each call; if any address it resolves to is not a public
unicast address the call is refused. The request then goes to the checked address itself (with
the original `Host` and TLS server name), so a second DNS answer cannot swap in another one.

Connections are kept alive between calls: the process keeps one httpx client per receiving
host, all sharing one TLS context. A client per host name, not one for all, because the guard
pins the checked address: a pool keyed by address alone would send one host's requests over a
TLS connection opened for another host on the same address.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

import httpx

MAX_SHARED_HOSTS = 256

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
# ranges `is_global` gets wrong on some Python releases, or that tunnel to IPv4 space
DENIED_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",
        "100.64.0.0/10",
        "64:ff9b::/96",
        "64:ff9b:1::/48",
        "2002::/16",
        "::/96",
        "2001::/32",
    )
)


class AddressRefused(Exception):
    """The URL points somewhere outgoing calls may not go."""


@dataclass(frozen=True)
class Target:
    """Where to connect: the request URL (host replaced by the checked address) and the
    `Host` header and TLS server name of the original URL."""

    url: httpx.URL
    host_header: str | None
    sni_hostname: str | None


def refusal_reason(address: IPAddress) -> str | None:
    """Why `address` is refused, or None when it is a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    checks = (
        (address.is_loopback, "a loopback address"),
        (address.is_private, "a private address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_reserved, "a reserved address"),
        (address.is_unspecified, "an unspecified address"),
    )
    for hit, reason in checks:
        if hit:
            return reason
    if any(address in network for network in DENIED_NETWORKS) or not address.is_global:
        return "not a public address"
    return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to now (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def check_target(url: str, *, allow_private: bool) -> Target:
    """Resolve and check `url`; raise AddressRefused, or OSError when the name does not resolve."""
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise AddressRefused(f"{url} is not an http(s) URL")
    if allow_private:
        return Target(url=parsed, host_header=None, sni_hostname=None)
    host = parsed.host
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    addresses = resolve(host, port)
    if not addresses:
        raise OSError(f"{host} did not resolve to any address")
    for address in addresses:
        reason = refusal_reason(address)
        if reason is not None:
            raise AddressRefused(
                f"refused: {host} resolves to {address}, {reason}; only public addresses are "
                "called (set PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true to allow private ones)"
            )
    pinned = str(addresses[0])
    host_header = host if parsed.port is None else f"{host}:{parsed.port}"
    return Target(
        url=parsed.copy_with(host=pinned),
        host_header=host_header,
        sni_hostname=host if parsed.scheme == "https" else None,
    )


@cache
def tls_context() -> ssl.SSLContext:
    """The one TLS context (certificate store loaded once) every outgoing client uses."""
    return httpx.create_ssl_context()


def new_client() -> httpx.Client:
    return httpx.Client(
        follow_redirects=False,
        trust_env=False,
        verify=tls_context(),
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=5, keepalive_expiry=30),
    )


class SharedClients:
    """Kept-alive httpx clients, one per (scheme, host name, port); thread-safe."""

    def __init__(self, max_hosts: int = MAX_SHARED_HOSTS) -> None:
        self._clients: dict[tuple[str, str], httpx.Client] = {}
        self._lock = threading.Lock()
        self._max_hosts = max_hosts

    def get(self, key: tuple[str, str]) -> httpx.Client | None:
        """The host's client; None once `max_hosts` hosts have one (call with a fresh client)."""
        with self._lock:
            client = self._clients.get(key)
            if client is None and len(self._clients) < self._max_hosts:
                client = self._clients[key] = new_client()
            return client

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()


shared_clients = SharedClients()
"""The process's outgoing clients."""


@contextmanager
def guarded_stream(
    method: str,
    url: str,
    *,
    allow_private: bool,
    timeout: httpx.Timeout | float,
    headers: dict[str, str] | None = None,
    content: bytes | None = None,
    clients: SharedClients | None = shared_clients,
) -> Iterator[httpx.Response]:
    """Call `url` through the address guard, never following redirects; the response streams.

    Raises AddressRefused for a refused address, OSError when the name does not resolve, and
    httpx's errors for the call itself.
    """
    target = check_target(url, allow_private=allow_private)
    request_headers = dict(headers or {})
    extensions: dict[str, str] = {}
    if target.host_header:
        request_headers["host"] = target.host_header
    if target.sni_hostname:
        extensions["sni_hostname"] = target.sni_hostname
    key = (target.url.scheme, f"{target.host_header or target.url.netloc.decode()}")
    shared = clients.get(key) if clients is not None else None
    client = shared or new_client()
    try:
        with client.stream(
            method,
            target.url,
            content=content,
            headers=request_headers,
            extensions=extensions,
            timeout=timeout,
        ) as response:
            yield response
    finally:
        if shared is None:
            client.close()
