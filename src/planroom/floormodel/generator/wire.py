"""How an iPhone writes RoomPlan numbers and the small fields around them.

RoomPlan encodes `Float` (float32): a value reads back as its shortest float32 text
(`1.1920929e-07`, `0.99999994`), integral values as plain integers (`0`, `1`).
"""

from __future__ import annotations

import base64
import random

import numpy as np

Number = float | int
NEARLY_ONE = 0.99999994
"""The float32 just below 1, which real transforms carry in their last element."""


def f32(value: float) -> Number:
    """`value` as float32 text would read back: the shortest decimal of the nearest float32."""
    single = np.float32(value)
    if single == 0:
        return 0
    if float(single).is_integer() and abs(single) < 1e6:
        return int(single)
    return float(str(single))


def f32_list(values: list[float] | np.ndarray) -> list[Number]:
    return [f32(float(value)) for value in values]


def transform(matrix: np.ndarray, rng: random.Random) -> list[Number]:
    """A 4x4 matrix as RoomPlan's column-major list, with float32's near-ones where it has them."""
    flat = f32_list(matrix.T.flatten())
    if flat[5] == 1 and rng.random() < 0.5:
        flat[5] = NEARLY_ONE
    if rng.random() < 0.6:
        flat[15] = NEARLY_ONE
    return flat


def completed_edges(rng: random.Random) -> list[dict[str, object]]:
    edges = ["top", "bottom", "left", "right"]
    rng.shuffle(edges)
    count = rng.choice((0, 0, 1, 2, 4))
    return [{edge: {}} for edge in edges[:count]]


def confidence(rng: random.Random, high: float = 0.85) -> dict[str, object]:
    if rng.random() < high:
        return {"high": {}}
    return {rng.choice(("medium", "low")): {}}


def core_model(rng: random.Random) -> str:
    """An opaque stand-in for RoomPlan's `coreModel` blob: a few kB of seeded bytes."""
    return base64.b64encode(rng.randbytes(rng.randint(2048, 6144))).decode()


def floats_to_f32(value: object) -> object:
    """Every float in a JSON document rewritten as float32 text would read back."""
    if isinstance(value, float):
        return f32(value)
    if isinstance(value, list):
        return [floats_to_f32(item) for item in value]
    if isinstance(value, dict):
        return {key: floats_to_f32(item) for key, item in value.items()}
    return value
