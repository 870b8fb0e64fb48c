"""The Snapshot: a one-page summary of the property, as a PDF page and as a PNG image.

The page is composed once as a scene in paper millimetres (landscape Letter or A4): address,
the plan of every level, the area figures and the room counts. The same scene is written by the
SVG writer (rendered to the PNG) and by the PDF writer, so the image and the page match exactly.
"""

from __future__ import annotations

import io
import math

from PIL import Image as PilImage
from reportlab.pdfgen.canvas import Canvas

from planroom.floormodel.schema import Level
from planroom.render.context import RenderContext, RenderedFile
from planroom.render.draw.pdf import POINTS_PER_MM, Placement, draw_scene
from planroom.render.draw.raster import svg_to_png
from planroom.render.draw.scene import (
    Box,
    Group,
    Image,
    Scene,
    Shape,
    Text,
    polygon,
    polyline,
    rect_ring,
)
from planroom.render.draw.svg import render_svg
from planroom.render.fonts import text_width
from planroom.render.i18n import disclaimer
from planroom.render.plan.style import MIN_SHEET_TEXT_MM
from planroom.render.products.base import Product, ProductOutput
from planroom.render.report.facts import ReportFacts, report_facts
from planroom.render.report.i18n import report_text
from planroom.render.report.plans import fit, place, plan_scene
from planroom.render.report.style import ACCENT, INK, MUTED, PANEL, RULE, document_fonts

PAGES_MM = {"letter": (279.4, 215.9), "a4": (297.0, 210.0)}
"""Landscape page sizes: the summary reads like a listing sheet, plans beside figures."""
MARGIN = 12.0
GAP = 6.0
PLAN_SHARE = 0.62
"""Part of the width given to the plans; the figures take the rest."""
SMALL = 2.9
"""The page's smallest text in paper millimetres (8.2 pt): notes, tile labels, the footer."""


def _fitted(text: str, size: float, width: float, *, bold: bool) -> float:
    """`size`, shrunk until `text` fits in `width`, but never under 8 pt."""
    measured = text_width(text, size, bold=bold)
    fitted = size if measured <= width else size * width / measured
    return max(fitted, MIN_SHEET_TEXT_MM)


def _header(ctx: RenderContext, facts: ReportFacts, page: Box) -> tuple[Group, float]:
    """Address block and company; returns the group and the y where the body starts."""
    group = Group("header")
    top = page.max_y - MARGIN
    width = page.width - 2 * MARGIN
    street = facts.address[0] if facts.address else ctx.address.street
    company = ctx.branding.company_name
    logo = ctx.branding.logo_png
    right_width = width * 0.3
    group.add(
        Text(
            (MARGIN, top - 2.0),
            report_text(facts.language, "snapshot").upper(),
            3.0,
            ACCENT,
            bold=True,
            anchor="start",
        )
    )
    title_size = _fitted(street, 8.0, width - right_width, bold=True)
    group.add(Text((MARGIN, top - 9.5), street, title_size, INK, bold=True, anchor="start"))
    if len(facts.address) > 1:
        group.add(Text((MARGIN, top - 16.5), facts.address[1], 4.2, MUTED, anchor="start"))
    if logo is not None:
        group.add(_logo_image(logo, page.max_x - MARGIN, top, 28.0, 12.0))
    elif company:
        size = _fitted(company, 4.2, right_width, bold=True)
        group.add(
            Text((page.max_x - MARGIN, top - 9.5), company, size, INK, bold=True, anchor="end")
        )
    rule_y = top - 22.0
    group.add(polyline([(MARGIN, rule_y), (page.max_x - MARGIN, rule_y)], stroke=RULE, width=0.3))
    return group, rule_y - GAP


def _logo_image(png: bytes, right: float, top: float, max_w: float, max_h: float) -> Image:
    with PilImage.open(io.BytesIO(png)) as image:
        aspect = image.height / image.width
    width = min(max_w, max_h / aspect)
    height = width * aspect
    return Image(pos=(right - width, top - height), width=width, height=height, png=png)


def _grid(count: int) -> tuple[int, int]:
    """Columns and rows for `count` plans."""
    if count <= 1:
        return 1, 1
    if count == 2:
        return 2, 1
    columns = 2 if count <= 4 else 3
    return columns, math.ceil(count / columns)


def _plans(ctx: RenderContext, levels: list[Level], area: Box) -> list[Group]:
    """Every level's plan in a grid inside `area`, each captioned with the level's name."""
    columns, rows = _grid(len(levels))
    cell_w = (area.width - GAP * (columns - 1)) / columns
    cell_h = (area.height - GAP * (rows - 1)) / rows
    caption = 3.6
    groups: list[Group] = []
    captions = Group("captions")
    for index, level in enumerate(levels):
        column, row = index % columns, index // columns
        x0 = area.min_x + column * (cell_w + GAP)
        y1 = area.max_y - row * (cell_h + GAP)
        cell = Box(x0, y1 - cell_h + caption * 2.0, x0 + cell_w, y1)
        scene = plan_scene(
            ctx,
            level,
            (cell.width, cell.height),
            dimensions=False,
            room_details=len(levels) == 1,
        )
        groups.extend(place(scene, cell))
        # The caption hangs just under the plan as placed, not at the foot of a tall cell.
        _, _, plan_bottom = fit(scene.frame, cell)
        captions.add(
            Text((x0 + cell_w / 2, plan_bottom - caption), level.name, caption, MUTED, bold=True)
        )
    return [*groups, captions]


def _tile(box: Box, value: str, label: str) -> list[Shape | Text]:
    value_size = _fitted(value, 7.0, box.width - 4.0, bold=True)
    middle = (box.min_x + box.max_x) / 2
    return [
        polygon([rect_ring(box.min_x, box.min_y, box.max_x, box.max_y)], fill=PANEL),
        Text((middle, box.min_y + box.height * 0.6), value, value_size, INK, bold=True),
        Text((middle, box.min_y + box.height * 0.24), label, SMALL, MUTED),
    ]


def _figures(facts: ReportFacts, area: Box) -> Group:
    """One headline tile, the counts two to a row, the other figures as a list, then the
    headline by level (its levels add up to it: each is rounded once, the total is their sum)."""
    group = Group("figures")
    language = facts.language
    counts = [
        (str(facts.bedrooms), report_text(language, "bedrooms")),
        (facts.bathrooms, report_text(language, "bathrooms")),
        (
            str(facts.level_count),
            report_text(language, "levels" if facts.level_count != 1 else "level"),
        ),
        (str(len(facts.schedule)), report_text(language, "rooms")),
    ]
    headline = facts.headline
    rows: list[list[tuple[str, str]]] = [[(headline.value, headline.name)]]
    rows += [counts[index : index + 2] for index in range(0, len(counts), 2)]
    tile_h, gap = 16.0, 3.0
    y = area.max_y
    for row in rows:
        width = (area.width - gap * (len(row) - 1)) / len(row)
        for column, (value, label) in enumerate(row):
            x = area.min_x + column * (width + gap)
            group.add(*_tile(Box(x, y - tile_h, x + width, y), value, label))
        y -= tile_h + gap
    y -= GAP * 0.5
    for figure in facts.figures[1:]:
        y -= 5.2
        name_size = _fitted(figure.name, 3.2, area.width * 0.62, bold=False)
        group.add(Text((area.min_x, y), figure.name, name_size, MUTED, anchor="start"))
        group.add(Text((area.max_x, y), figure.value, 3.2, INK, anchor="end"))
    y -= GAP + 2.0
    by_level = report_text(language, "by_level", name=headline.name)
    group.add(Text((area.min_x, y), by_level, 3.4, INK, bold=True, anchor="start"))
    for entry in facts.levels:
        y -= 5.2
        group.add(Text((area.min_x, y), entry.level.name, 3.2, MUTED, anchor="start"))
        group.add(Text((area.max_x, y), entry.figures[0], 3.2, INK, anchor="end"))
    y -= 5.2
    group.add(polyline([(area.min_x, y + 2.4), (area.max_x, y + 2.4)], stroke=RULE, width=0.2))
    group.add(
        Text((area.min_x, y), report_text(language, "all_levels"), 3.2, INK, anchor="start"),
        Text((area.max_x, y), headline.value, 3.2, INK, bold=True, anchor="end"),
    )
    y -= 6.0
    for line in _wrapped(facts.method, SMALL, area.width):
        group.add(Text((area.min_x, y), line, SMALL, MUTED, anchor="start"))
        y -= SMALL * 1.3
    return group


def _wrapped(text: str, size: float, width: float) -> list[str]:
    """`text` broken into lines of whole words that fit in `width`."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and text_width(trial, size, bold=False) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def snapshot_scene(ctx: RenderContext, facts: ReportFacts) -> Scene:
    """The whole summary page as a scene in paper millimetres."""
    page_w, page_h = PAGES_MM[ctx.paper]
    page = Box(0.0, 0.0, page_w, page_h)
    header, body_top = _header(ctx, facts, page)
    footer_y = MARGIN + 2.0
    body = Box(MARGIN, footer_y + GAP, page_w - MARGIN, body_top)
    split = body.min_x + body.width * PLAN_SHARE
    plans = _plans(ctx, ctx.model.levels_in_order(), Box(body.min_x, body.min_y, split, body.max_y))
    figures = _figures(facts, Box(split + GAP * 1.5, body.min_y, body.max_x, body.max_y))
    language = ctx.style.language
    notice = disclaimer(ctx.style.disclaimer, language)
    not_verified = report_text(language, "not_verified")
    footer = Group("footer")
    footer.add(
        Text((MARGIN, footer_y), f"{notice}. {not_verified}", SMALL, MUTED, anchor="start"),
        Text(
            (page_w - MARGIN, footer_y),
            report_text(language, "model_version", version=ctx.model_version),
            SMALL,
            MUTED,
            anchor="end",
        ),
    )
    return Scene(frame=page, background="#ffffff", groups=[header, *plans, figures, footer])


def _title(ctx: RenderContext) -> str:
    return f"{report_text(ctx.style.language, 'snapshot_title')} - {ctx.address.street}"


def snapshot_pdf(scene: Scene, ctx: RenderContext) -> bytes:
    out = io.BytesIO()
    size = (scene.frame.width * POINTS_PER_MM, scene.frame.height * POINTS_PER_MM)
    canvas = Canvas(out, pagesize=size, invariant=1, pageCompression=1, **document_fonts())
    canvas.setTitle(_title(ctx))
    canvas.setAuthor(ctx.branding.company_name)
    canvas.setCreator("Planroom")
    draw_scene(canvas, scene, Placement(0.0, 0.0, POINTS_PER_MM))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def render_snapshot(ctx: RenderContext) -> list[RenderedFile]:
    """The `snapshot` product: the summary page as PDF (`pdf_urls`) and PNG (`image_urls`)."""
    scene = snapshot_scene(ctx, report_facts(ctx))
    png = svg_to_png(render_svg(scene, title=_title(ctx)), ctx.image_long_side_px)
    stem = ctx.file_stem
    return [
        RenderedFile(
            "pdf_urls", f"{stem}-snapshot.pdf", "application/pdf", snapshot_pdf(scene, ctx)
        ),
        RenderedFile("image_urls", f"{stem}-snapshot.png", "image/png", png),
    ]


def _render(ctx: RenderContext) -> ProductOutput:
    return PRODUCT.output(render_snapshot(ctx))


PRODUCT = Product(
    key="snapshot",
    group="products_2d",
    slots={"pdf_urls": [], "image_urls": []},
    render=_render,
    packages=("plus", "plus_3d"),
    styled=True,
    pdf_slots=("pdf_urls",),
)
