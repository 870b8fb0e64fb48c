"""Writes a `Scene` as a deterministic SVG document.

Numbers are written with a fixed precision (0.1 mm), groups keep their semantic ids, and text names
the shipped font family. With `outline_text` (delivered files) text is drawn as the shipped font's
glyph outlines, so the document looks the same in any viewer with no font installed; the words
stay in the document as transparent `<text>` over the outlines, to be found, selected and read.
"""

from __future__ import annotations

import base64
from xml.sax.saxutils import escape, quoteattr

from planroom.render.draw.glyphs import GlyphSheet, face, set_line
from planroom.render.draw.scene import (
    CAP_CENTRE,
    Box,
    Circle,
    Group,
    Image,
    Primitive,
    Scene,
    Shape,
    Text,
)
from planroom.render.fonts import FAMILY

XLINK = ' xmlns:xlink="http://www.w3.org/1999/xlink"'
NOMINAL_LONG_SIDE_PX = 3000
"""The width/height attributes describe the document at this size; the viewBox is in plan mm."""


def num(value: float) -> str:
    """A coordinate with one decimal, never `-0.0`, so the same model gives the same bytes."""
    text = f"{value:.1f}"
    if text == "-0.0":
        return "0.0"
    return text


class _Sheet:
    """Plan millimetres (y up) to sheet millimetres (y down) inside the frame."""

    def __init__(self, frame: Box, glyphs: GlyphSheet | None = None) -> None:
        self.frame = frame
        self.glyphs = glyphs

    def x(self, x: float) -> str:
        return num(x - self.frame.min_x)

    def y(self, y: float) -> str:
        return num(self.frame.max_y - y)


def render_svg(scene: Scene, *, title: str = "", outline_text: bool = False) -> str:
    """Serialise `scene` as an SVG document string; `outline_text` draws text as glyph outlines."""
    frame = scene.frame
    sheet = _Sheet(frame, GlyphSheet() if outline_text else None)
    long_side = max(frame.width, frame.height)
    px_per_mm = NOMINAL_LONG_SIDE_PX / long_side
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            f'<svg xmlns="http://www.w3.org/2000/svg"{XLINK if outline_text else ""} version="1.1" '
            f'width="{round(frame.width * px_per_mm)}" height="{round(frame.height * px_per_mm)}" '
            f'viewBox="0 0 {num(frame.width)} {num(frame.height)}" '
            f'font-family="{FAMILY}">'
        ),
    ]
    if title:
        out.append(f"<title>{escape(title)}</title>")
    out.append(
        f'<rect id="background" x="0" y="0" width="{num(frame.width)}" '
        f'height="{num(frame.height)}" fill="{scene.background}"/>'
    )
    head = len(out)
    for group in scene.groups:
        out.append(_group(group, sheet))
    if sheet.glyphs is not None and sheet.glyphs.used:
        out.insert(head, sheet.glyphs.defs())
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _group(group: Group, sheet: _Sheet) -> str:
    if not group.items:
        return f'<g id="{group.id}"/>'
    body = "\n".join(_primitive(item, sheet) for item in group.items)
    return f'<g id="{group.id}">\n{body}\n</g>'


def _primitive(item: Primitive, sheet: _Sheet) -> str:
    if isinstance(item, Shape):
        return _shape(item, sheet)
    if isinstance(item, Circle):
        return (
            f'<circle cx="{sheet.x(item.centre[0])}" cy="{sheet.y(item.centre[1])}" '
            f'r="{num(item.radius)}"{_paint(item.fill, item.stroke, item.width)}/>'
        )
    if isinstance(item, Text):
        return _text(item, sheet)
    return _image(item, sheet)


def _paint(fill: str | None, stroke: str | None, width: float) -> str:
    parts = [f' fill="{fill or "none"}"']
    if stroke and width > 0:
        parts.append(f' stroke="{stroke}" stroke-width="{num(width)}"')
    return "".join(parts)


def _shape(shape: Shape, sheet: _Sheet) -> str:
    commands: list[str] = []
    for ring in shape.rings:
        if not ring:
            continue
        head, *rest = ring
        commands.append(f"M{sheet.x(head[0])} {sheet.y(head[1])}")
        commands.extend(f"L{sheet.x(x)} {sheet.y(y)}" for x, y in rest)
        if shape.closed:
            commands.append("Z")
    attrs = [f'd="{" ".join(commands)}"', _paint(shape.fill, shape.stroke, shape.width).strip()]
    if shape.closed and len(shape.rings) > 1:
        attrs.append('fill-rule="evenodd"')
    if shape.stroke and shape.width > 0:
        join = "round" if shape.round_joins else "miter"
        attrs.append(f'stroke-linejoin="{join}"')
        if not shape.closed:
            attrs.append('stroke-linecap="butt"')
    if shape.dash:
        attrs.append(f'stroke-dasharray="{" ".join(num(d) for d in shape.dash)}"')
    if shape.css_class:
        attrs.append(f'class="{shape.css_class}"')
    attrs.extend(f"data-{key}={quoteattr(value)}" for key, value in shape.data)
    return f"<path {' '.join(attrs)}/>"


def _text(text: Text, sheet: _Sheet) -> str:
    weight = ' font-weight="bold"' if text.bold else ""
    offset = num(text.size * CAP_CENTRE)
    placement = f'transform="translate({sheet.x(text.pos[0])} {sheet.y(text.pos[1])})'
    if text.angle_deg:
        placement += f" rotate({num(-text.angle_deg)})"
    placement += '"'
    if sheet.glyphs is not None:
        return _outlined(text, sheet.glyphs, placement) + (
            f'<text {placement} x="0" y="{offset}" font-size="{num(text.size)}"{weight} '
            f'text-anchor="{text.anchor}" fill="{text.fill}" fill-opacity="0">'
            f"{escape(text.text)}</text>"
        )
    return (
        f'<text {placement} x="0" y="{offset}" font-size="{num(text.size)}"{weight} '
        f'text-anchor="{text.anchor}" fill="{text.fill}">{escape(text.text)}</text>'
    )


def _outlined(text: Text, glyphs: GlyphSheet, placement: str) -> str:
    """The line as `<use>`s of glyph outlines: font units, y up, scaled to the text size."""
    placed, advance = set_line(glyphs, text.text, bold=text.bold)
    if not placed:
        return ""
    em = face(text.bold).units_per_em
    shift = {"start": 0, "middle": advance / 2, "end": advance}[text.anchor]
    scale = text.size / em
    inner = (
        f"translate({num(-shift * scale)} {num(text.size * CAP_CENTRE)}) "
        f"scale({scale:.6g} {-scale:.6g})"
    )
    uses = "".join(f'<use xlink:href="#{glyph}" x="{x}"/>' for glyph, x in placed)
    return f'<g class="glyphs" {placement[:-1]} {inner}" fill="{text.fill}">{uses}</g>'


def _image(image: Image, sheet: _Sheet) -> str:
    encoded = base64.b64encode(image.png).decode("ascii")
    return (
        f'<image x="{sheet.x(image.pos[0])}" y="{sheet.y(image.pos[1] + image.height)}" '
        f'width="{num(image.width)}" height="{num(image.height)}" '
        f'href="data:image/png;base64,{encoded}"/>'
    )
