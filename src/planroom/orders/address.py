"""Addresses: the full line built from parts, the house number, the file-name slug."""

from __future__ import annotations

import re
import unicodedata

_HOUSE_NUMBER = re.compile(r"^\s*(\d+[\w-]*)\s+")


def house_number(street: str) -> str:
    """`121 North Washington Avenue` → `121`; empty when the street starts with no number."""
    match = _HOUSE_NUMBER.match(street)
    return match.group(1) if match else ""


def full_address(
    street: str, suite: str, city: str, state: str, postal_code: str, country: str
) -> str:
    """`121 North Washington Avenue, Minneapolis, Minnesota 55411, United States`."""
    first = f"{street} {suite}".strip() if suite else street
    region = " ".join(part for part in (state, postal_code) if part)
    return ", ".join(part for part in (first, city, region, country) if part)


def location(street: str, suite: str, city: str) -> str:
    """The order's short human-readable location, as the original formats it."""
    return " ".join(part for part in (street, suite, city) if part)


def slug(text: str, max_length: int = 60) -> str:
    """`121 North Washington Avenue` → `121-north-washington-avenue` (ASCII, file-name safe)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:max_length].rstrip("-") or "plan"
