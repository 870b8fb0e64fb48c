"""Image uploads bounded in pixels before anything decodes them.

A PNG of a few hundred kilobytes can declare 9400 x 9400 pixels and cost hundreds of megabytes
once decoded. Pillow reads the size from the header without decoding, so the size is checked
first; Pillow's own bomb check (`DecompressionBombError`) is the backstop.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from planroom.core.errors import TooLarge


def too_many_pixels(width: int, height: int, limit: int) -> TooLarge:
    return TooLarge(
        f"The image is {width} x {height} pixels; at most {limit / 1e6:g} megapixels are "
        "accepted. Scale it down and upload it again."
    )


def check_pixels(data: bytes, limit: int) -> tuple[int, int] | None:
    """The image's size, after refusing more than `limit` pixels; None if Pillow cannot read
    its header (the caller decides what an unreadable file means)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
    except Image.DecompressionBombError as exc:
        raise TooLarge(f"The image has too many pixels to be read safely: {exc}") from exc
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    if width * height > limit:
        raise too_many_pixels(width, height, limit)
    return width, height
