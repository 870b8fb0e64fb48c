"""SVG to PNG (resvg, with the shipped fonts only) and PNG to JPG (Pillow)."""

from __future__ import annotations

import io
import re

import resvg_py
from PIL import Image

from planroom.render.fonts import FAMILY, FONT_FILES

_VIEWBOX = re.compile(r'viewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)\s*"')


def _aspect(svg: str) -> float:
    """Height over width of the document, from its viewBox."""
    match = _VIEWBOX.search(svg)
    if match is None:
        raise ValueError("the SVG has no viewBox")
    width, height = float(match.group(3)), float(match.group(4))
    return height / width


def svg_to_png(svg: str, long_side_px: int) -> bytes:
    """Render `svg` to a PNG whose longer side is `long_side_px` pixels.

    Fonts come from the package only (`skip_system_fonts`), so the same SVG gives the same pixels
    on every machine and text never silently disappears.
    """
    aspect = _aspect(svg)
    landscape = aspect <= 1
    data = resvg_py.svg_to_bytes(
        svg_string=svg,
        font_files=[str(path) for path in FONT_FILES],
        skip_system_fonts=True,
        font_family=FAMILY,
        sans_serif_family=FAMILY,
        width=long_side_px if landscape else None,
        height=None if landscape else long_side_px,
    )
    return bytes(data)


def png_to_jpg(png: bytes, quality: int = 90, background: str = "#ffffff") -> bytes:
    """A JPEG of `png`, transparent pixels flattened onto `background`."""
    with Image.open(io.BytesIO(png)) as image:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, background)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        out = io.BytesIO()
        flat.save(out, format="JPEG", quality=quality, optimize=True)
        return out.getvalue()
