"""The address guard: webhook URLs are customer input, so where they point is checked at call time.

The host is resolved right before each attempt; if any address it resolves to is not a public
unicast address the call is refused. The request then goes to the checked address itself (with
the original `Host` and TLS server name), so a second DNS answer cannot swap in another one.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import httpx

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
    """The URL points somewhere webhooks may not go."""


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
                f"refused: {host} resolves to {address}, {reason}; webhooks only go to public "
                "addresses (an operator can allow private ones in the settings)"
            )
    pinned = str(addresses[0])
    host_header = host if parsed.port is None else f"{host}:{parsed.port}"
    return Target(
        url=parsed.copy_with(host=pinned),
        host_header=host_header,
        sni_hostname=host if parsed.scheme == "https" else None,
    )
