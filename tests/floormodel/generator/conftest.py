from __future__ import annotations

from functools import cache

from planroom.floormodel.generator.api import GeneratedScan
from planroom.floormodel.generator.realistic import generate_realistic

SEEDS = range(24)


@cache
def generated(kind: str, seed: int) -> GeneratedScan:
    return generate_realistic(kind, seed)
