"""Sample RoomPlan scans shipped with Planroom, for the sandbox, the demo and the docs.

They are synthetic (there are no public real RoomPlan exports): written by
`planroom.floormodel.generator` from drafted houses, with scan-like noise.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planroom.floormodel.schema import FloorModel

SAMPLE_NAMES = ("apartment", "house_garage_porch", "two_storey_basement")
SAMPLE_TITLES = {
    "apartment": "Two-bedroom apartment",
    "house_garage_porch": "One-storey house with garage and porch",
    "two_storey_basement": "Two-storey house with basement",
}


def sample_scan_bytes(name: str) -> bytes:
    """The RoomPlan JSON of sample `name` (one of `SAMPLE_NAMES`)."""
    if name not in SAMPLE_NAMES:
        raise KeyError(f"unknown sample {name!r}; choose one of {', '.join(SAMPLE_NAMES)}")
    return resources.files(__package__).joinpath(f"{name}.json").read_bytes()


def load_sample_model(name: str) -> FloorModel:
    """Sample `name` imported into a floor model, as an upload of it would be."""
    from planroom.floormodel.roomplan import parse_scan_bytes

    return parse_scan_bytes(sample_scan_bytes(name), "application/json")
