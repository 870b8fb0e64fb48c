"""The company logo: one image per company, placed on plans by a style's `logo` option."""

from __future__ import annotations

import io
import uuid

from PIL import Image, UnidentifiedImageError

from planroom.core.errors import FieldError, TooLarge, UnsupportedMediaType
from planroom.files.images import check_pixels
from planroom.files.storage import Storage

MAX_LOGO_PX = 1200
MAX_LOGO_SOURCE_PIXELS = 16_000_000
LOGO_TYPES = ("image/png", "image/jpeg")


def logo_key(company_id: uuid.UUID | str) -> str:
    return f"companies/{company_id}/logo.png"


def normalized_logo(data: bytes, content_type: str) -> bytes:
    """The uploaded image as a PNG at most 1200 px on its long side."""
    if content_type not in LOGO_TYPES:
        raise UnsupportedMediaType(f"The logo is {content_type}; upload a PNG or JPEG image.")
    # a logo needs no more than this; the check runs before a pixel is decoded
    check_pixels(data, MAX_LOGO_SOURCE_PIXELS)
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError as exc:
        raise TooLarge(f"The logo has too many pixels to be read safely: {exc}") from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise FieldError("body", ["file"], "not a readable PNG or JPEG image") from exc
    image.thumbnail((MAX_LOGO_PX, MAX_LOGO_PX))
    buffer = io.BytesIO()
    image.convert("RGBA").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def store_logo(storage: Storage, company_id: uuid.UUID, data: bytes, content_type: str) -> str:
    key = logo_key(company_id)
    storage.put(key, normalized_logo(data, content_type), "image/png")
    return key


def load_logo(storage: Storage, company_id: uuid.UUID | str) -> bytes | None:
    try:
        return storage.get(logo_key(company_id))
    except (FileNotFoundError, ValueError):
        return None
