"""The fonts shipped with Planroom, handed explicitly to every renderer.

Renderers never look up system fonts: a generic `sans-serif` renders no text at all with resvg on
a machine without Arial, and a system font would make output differ between machines.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent
FAMILY = "DejaVu Sans"
"""The family name inside the shipped files; SVG text must name exactly this."""

REGULAR_FILE = FONT_DIR / "DejaVuSans.ttf"
BOLD_FILE = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT_FILES: tuple[Path, ...] = (REGULAR_FILE, BOLD_FILE)

PDF_REGULAR = "PlanroomSans"
PDF_BOLD = "PlanroomSans-Bold"


@cache
def register_pdf_fonts() -> tuple[str, str]:
    """Register the shipped fonts with reportlab once; return the (regular, bold) font names."""
    pdfmetrics.registerFont(TTFont(PDF_REGULAR, str(REGULAR_FILE)))
    pdfmetrics.registerFont(TTFont(PDF_BOLD, str(BOLD_FILE)))
    pdfmetrics.registerFontFamily(PDF_REGULAR, normal=PDF_REGULAR, bold=PDF_BOLD)
    return PDF_REGULAR, PDF_BOLD


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Advance width of `text` set in the shipped font at `size`, in the unit of `size`."""
    regular, bold_name = register_pdf_fonts()
    return float(pdfmetrics.stringWidth(text, bold_name if bold else regular, size))
