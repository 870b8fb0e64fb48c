"""The address guard: only public unicast addresses, checked when the call is made."""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

from planroom.core.http import AddressRefused, check_target, refusal_reason

BLOCKED = [
    "10.254.0.0",
    "192.168.10.65",
    "172.16.10.65",
    "0.1.2.3",
    "0.0.0.0",
    "127.0.0.1",
    "169.254.45.1",
    "169.254.169.254",
    "255.255.255.255",
    "192.0.2.255",
    "198.51.100.65",
    "203.0.113.6",
    "100.100.0.0",
    "192.0.0.0",
    "250.10.20.30",
    "198.18.0.0",
    "224.0.0.1",
    "::1",
    "::ffff:127.0.0.1",
    "::ffff:0.0.0.1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::1",
    "::7f00:1",
    "fd00:ec2::254",
    "fe80::1",
    "ff02::1",
    "2001::1",
]
ALLOWED = ["1.1.1.1", "8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("address", BLOCKED)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_are_allowed(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is None


def test_metadata_address_is_named() -> None:
    reason = refusal_reason(ipaddress.ip_address("169.254.169.254"))
    assert reason == "a cloud metadata address"


def _resolving_to(monkeypatch: pytest.MonkeyPatch, *addresses: str) -> None:
    def fake(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        family = socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port)) for address in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", fake)


def test_a_name_resolving_to_loopback_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _resolving_to(monkeypatch, "127.0.0.1")
    with pytest.raises(AddressRefused, match="loopback"):
        check_target("https://sneaky.example.com/hook", allow_private=False)


def test_one_private_answer_among_public_ones_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _resolving_to(monkeypatch, "8.8.8.8", "10.0.0.5")
    with pytest.raises(AddressRefused, match="private"):
        check_target("https://mixed.example.com/hook", allow_private=False)


def test_the_checked_address_is_the_one_connected_to(monkeypatch: pytest.MonkeyPatch) -> None:
    _resolving_to(monkeypatch, "8.8.8.8")
    target = check_target("https://hooks.example.com:8443/in?x=1", allow_private=False)
    assert str(target.url) == "https://8.8.8.8:8443/in?x=1"
    assert target.host_header == "hooks.example.com:8443"
    assert target.sni_hostname == "hooks.example.com"


def test_allowing_private_addresses_skips_the_check() -> None:
    target = check_target("http://127.0.0.1:9/hook", allow_private=True)
    assert str(target.url) == "http://127.0.0.1:9/hook" and target.host_header is None
