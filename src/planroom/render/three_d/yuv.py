"""Video frames as the encoder takes them: planar YUV 4:2:0, BT.709, limited range.

Converting here keeps the colour matrix under our control (and matching the BT.709 tags on the
stream), so a player shows the colours the renderer drew. The OpenGL frames do the same sums in a
shader (`gl_block_shader`) with these weights.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray
from PIL import Image

LUMA = np.array([0.2126, 0.7152, 0.0722], dtype=np.float32) * np.float32(219.0 / 255.0)
CHROMA = np.array(
    [[-0.1146, 0.5], [-0.3854, -0.4542], [0.5, -0.0458]], dtype=np.float32
) * np.float32(224.0 / 255.0 / 4.0)
"""BT.709 limited-range weights; chroma ones take the sum of a 2 x 2 block, hence the / 4."""


@dataclass(frozen=True)
class Caption:
    """An RGBA label laid over the frame with its top-left corner at `origin` (pixels)."""

    image: Image.Image
    origin: tuple[int, int]


def rgb_to_yuv420(rgb: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """RGB bytes (h, w, 3) to planar YUV 4:2:0 (BT.709, limited range), as (h * 3 / 2, w) bytes."""
    height, width, _ = rgb.shape
    out = np.empty((height * 3 // 2, width), dtype=np.uint8)
    luma = rgb.reshape(-1, 3).astype(np.float32) @ LUMA
    # Adding 0.5 before the cast to bytes rounds; every value is already within 16..235.
    luma += np.float32(16.5)
    out[:height] = luma.reshape(height, width)
    wide = rgb.astype(np.uint16)
    blocks = wide[0::2, 0::2] + wide[1::2, 0::2] + wide[0::2, 1::2] + wide[1::2, 1::2]
    chroma = blocks.reshape(-1, 3).astype(np.float32) @ CHROMA
    chroma += np.float32(128.5)
    quarter = (height // 2) * (width // 2)
    planes = out[height:].reshape(-1)
    planes[:quarter] = chroma[:, 0]
    planes[quarter:] = chroma[:, 1]
    return out


Level = TypeVar("Level")


def compose_levels(
    render: Callable[[Level], Image.Image],
    scenes: tuple[Level, Level | None],
    weight: float,
    caption: Caption,
) -> NDArray[np.uint8]:
    """A video frame composed on the CPU: each level on show rendered as RGB, then
    `compose_yuv` (the second level only when it shows, at a `weight` above 0)."""
    first, second = scenes
    image = render(first)
    other = render(second) if second is not None and weight > 0 else None
    return compose_yuv(image, other, weight, caption)


def compose_yuv(
    first: Image.Image, second: Image.Image | None, weight: float, caption: Caption
) -> NDArray[np.uint8]:
    """`second` blended over `first` by `weight`, the caption laid over, as YUV 4:2:0 bytes."""
    image = first if second is None or weight <= 0 else Image.blend(first, second, weight)
    image.paste(caption.image, caption.origin, caption.image)
    return rgb_to_yuv420(np.asarray(image))
