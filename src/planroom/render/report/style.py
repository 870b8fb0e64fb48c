"""Typography, colours and page furniture shared by the Home Report and the Snapshot PDFs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from planroom.render.context import RenderContext
from planroom.render.fonts import register_pdf_fonts
from planroom.render.report.i18n import report_text

INK = "#1f2933"
MUTED = "#6b7480"
ACCENT = "#2f6690"
PANEL = "#f2f4f6"
RULE = "#d5dae0"
MARGIN = 16 * mm
MIN_TEXT_PT = 8.0
"""The smallest text a printed report carries (labels, footers, table heads)."""


def page_size(ctx: RenderContext) -> tuple[float, float]:
    """A4 or US Letter, by the company's country (decided upstream into `ctx.paper`)."""
    size = A4 if ctx.paper == "a4" else LETTER
    return float(size[0]), float(size[1])


def document_fonts() -> dict[str, object]:
    """Keyword arguments that make a document's pages open in the shipped font (reportlab
    otherwise names a Helvetica on every page that it never embeds)."""
    regular, _ = register_pdf_fonts()
    return {"initialFontName": regular, "initialFontSize": 10}


def styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_pdf_fonts()
    body = ParagraphStyle(
        "body", fontName=regular, fontSize=9.5, leading=13.5, textColor=colors.HexColor(INK)
    )
    return {
        "eyebrow": ParagraphStyle(
            "eyebrow", fontName=bold, fontSize=8.5, leading=11, textColor=colors.HexColor(ACCENT)
        ),
        "title": ParagraphStyle(
            "title", fontName=bold, fontSize=22, leading=27, textColor=colors.HexColor(INK)
        ),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=regular, fontSize=12, leading=16, textColor=colors.HexColor(MUTED)
        ),
        "h1": ParagraphStyle(
            "h1", fontName=bold, fontSize=16, leading=20, textColor=colors.HexColor(INK)
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName=bold,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
            textColor=colors.HexColor(INK),
        ),
        "body": body,
        "muted": ParagraphStyle("muted", parent=body, textColor=colors.HexColor(MUTED)),
        "paragraph": ParagraphStyle("paragraph", parent=body, spaceAfter=5),
        "small": ParagraphStyle(
            "small",
            parent=body,
            fontSize=MIN_TEXT_PT,
            leading=10.5,
            textColor=colors.HexColor(MUTED),
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=body,
            fontSize=8.5,
            leading=11,
            alignment=1,
            textColor=colors.HexColor(MUTED),
        ),
        "tile_value": ParagraphStyle(
            "tile_value",
            fontName=bold,
            fontSize=15,
            leading=19,
            alignment=1,
            textColor=colors.HexColor(INK),
        ),
        "tile_label": ParagraphStyle(
            "tile_label",
            fontName=regular,
            fontSize=MIN_TEXT_PT,
            leading=10.5,
            alignment=1,
            textColor=colors.HexColor(MUTED),
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=bold, fontSize=8.5),
        "head": ParagraphStyle(
            "head", fontName=bold, fontSize=MIN_TEXT_PT, leading=10, textColor=colors.white
        ),
    }


def text(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped, so room names cannot break the markup)."""
    return Paragraph(escape(value), style)


def tiles(
    items: Sequence[tuple[str, str]], width: float, style: dict[str, ParagraphStyle]
) -> Table:
    """Key figures as a row of tiles: a big value over a small label."""
    cells = [
        [[text(value, style["tile_value"]), text(label, style["tile_label"])]]
        for value, label in items
    ]
    row = [cell[0] for cell in cells]
    table = Table([row], colWidths=[width / len(items)] * len(items))
    table.setStyle(
        TableStyle(
            [
                # every cell is a paragraph, but a table sets its own font around them too
                ("FONTNAME", (0, 0), (-1, -1), register_pdf_fonts()[0]),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(PANEL)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                # White rules between the cells make separate tiles of one table.
                ("LINEAFTER", (0, 0), (-2, -1), 5, colors.white),
            ]
        )
    )
    return table


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    style: dict[str, ParagraphStyle],
    *,
    total_rows: int = 0,
    right_align_from: int | None = None,
) -> Table:
    """A table with a dark header, zebra rows and, optionally, bold total rows at the bottom."""
    body: list[list[Any]] = [[text(cell, style["head"]) for cell in header]]
    for index, row in enumerate(rows):
        bold = index >= len(rows) - total_rows
        body.append([text(cell, style["cell_bold" if bold else "cell"]) for cell in row])
    table = Table(body, colWidths=list(widths), repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), register_pdf_fonts()[0]),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(INK)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor(RULE)),
    ]
    for index in range(1, len(body)):
        if index % 2 == 0:
            commands.append(("BACKGROUND", (0, index), (-1, index), colors.HexColor(PANEL)))
    if total_rows:
        commands.append(
            ("LINEABOVE", (0, -total_rows), (-1, -total_rows), 1.0, colors.HexColor(INK))
        )
    table.setStyle(TableStyle(commands))
    if right_align_from is not None:
        for row in body:
            for cell in row[right_align_from:]:
                cell.style = ParagraphStyle(
                    f"{cell.style.name}-right", parent=cell.style, alignment=2
                )
    return table


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that writes "Page n of N" and a footer line once the page count is known."""

    footer_left = ""
    footer_right = ""
    language = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        regular, _ = register_pdf_fonts()
        width, _ = self._pagesize
        self.saveState()
        self.setStrokeColor(colors.HexColor(RULE))
        self.setLineWidth(0.5)
        self.line(MARGIN, 11 * mm, width - MARGIN, 11 * mm)
        self.setFont(regular, MIN_TEXT_PT)
        self.setFillColor(colors.HexColor(MUTED))
        self.drawString(MARGIN, 7 * mm, self.footer_left)
        page_of = report_text(self.language, "page_of", page=self._pageNumber, total=total)
        page = f"{self.footer_right}{page_of}"
        self.drawRightString(width - MARGIN, 7 * mm, page)
        self.restoreState()


def numbered_canvas(left: str, right: str, language: str = "en") -> type[NumberedCanvas]:
    """A canvas class whose footer reads `left` ... `right`Page n of N (in `language`)."""
    return type(
        "FooterCanvas",
        (NumberedCanvas,),
        {"footer_left": left, "footer_right": right, "language": language},
    )
