"""Text as outlines of the shipped font, for SVG files that need no font at all.

A viewer without DejaVu Sans (most browsers, resvg with no system fonts) would substitute another
font or draw nothing; a delivered SVG therefore draws each glyph it uses once, in `<defs>`, and
sets text as `<use>` references to them. Glyphs advance by the font's own widths without
kerning, exactly as reportlab sets the same text in the PDF, so every output lines up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTFont

from planroom.render.fonts import BOLD_FILE, REGULAR_FILE


@dataclass(frozen=True)
class Face:
    key: str
    """`r` or `b`: the prefix of the face's glyph ids in a document."""
    units_per_em: int
    cmap: dict[int, str]
    advances: dict[str, int]
    font: TTFont

    def glyph_name(self, char: str) -> str:
        return self.cmap.get(ord(char), ".notdef")

    def outline(self, name: str) -> str:
        """The glyph's outline as SVG path data in font units (y up)."""
        glyph_set = self.font.getGlyphSet()
        pen = SVGPathPen(glyph_set, ntos=lambda value: f"{value:g}")
        glyph_set[name].draw(pen)
        return str(pen.getCommands())


@cache
def face(bold: bool) -> Face:
    path: Path = BOLD_FILE if bold else REGULAR_FILE
    font = TTFont(str(path), lazy=True)
    cmap = dict(font.getBestCmap())
    advances = {name: width for name, (width, _) in font["hmtx"].metrics.items()}
    return Face("b" if bold else "r", int(font["head"].unitsPerEm), cmap, advances, font)


@dataclass
class GlyphSheet:
    """The glyphs a document has used so far; written once as `<defs>`."""

    used: dict[str, tuple[Face, str]] = field(default_factory=dict)

    def glyph_id(self, font_face: Face, name: str) -> str:
        order = font_face.font.getGlyphID(name)
        glyph_id = f"g{font_face.key}{order}"
        self.used.setdefault(glyph_id, (font_face, name))
        return glyph_id

    def defs(self) -> str:
        if not self.used:
            return ""
        paths = "\n".join(
            f'<path id="{glyph_id}" d="{font_face.outline(name)}"/>'
            for glyph_id, (font_face, name) in sorted(self.used.items())
        )
        return f'<defs id="glyphs">\n{paths}\n</defs>'


def set_line(sheet: GlyphSheet, text: str, *, bold: bool) -> tuple[list[tuple[str, int]], int]:
    """The glyph ids of `text` with each one's x offset (font units), and the line's advance."""
    font_face = face(bold)
    x = 0
    placed: list[tuple[str, int]] = []
    for char in text:
        name = font_face.glyph_name(char)
        if char != " ":
            placed.append((sheet.glyph_id(font_face, name), x))
        x += font_face.advances.get(name, 0)
    return placed, x
