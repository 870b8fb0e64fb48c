"""The `gla_package` product: a GLA plan per level, the GLA report PDF, and the GLA JSON.

The figures, equations, reasons and assumptions all come from `planroom.floormodel.gla` and
`gla_output`; this module only draws and typesets them, so the plan, the report and the JSON
cannot disagree.
"""

from __future__ import annotations

import io
import json
from typing import Any, cast
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from planroom.floormodel.figures import ModelFigures, model_figures
from planroom.floormodel.gla import STANDARD, GlaLevel
from planroom.floormodel.gla_output import UNIT_LABELS, gla_document, gla_formula_text
from planroom.floormodel.units import area_unit_for
from planroom.render.context import RenderContext, RenderedFile
from planroom.render.draw.pdf import POINTS_PER_MM
from planroom.render.draw.raster import svg_to_png
from planroom.render.draw.raster_lanes import start_rasterizing
from planroom.render.draw.scene import Scene
from planroom.render.draw.svg import render_svg
from planroom.render.fonts import register_pdf_fonts
from planroom.render.i18n import fixed
from planroom.render.plan.annotate import address_lines
from planroom.render.plan.builder import plan_bounds
from planroom.render.plan.gla import gla_level_scene, level_figure_lines
from planroom.render.plan.svg import plan_options
from planroom.render.products.base import Product, ProductOutput
from planroom.render.report.i18n import reason_text, report_text
from planroom.render.report.plans import (
    REPORT_TEXT_MM,
    PlanFlowable,
    fitted_scene,
    sizes_for_report,
)
from planroom.render.report.style import MIN_TEXT_PT, document_fonts

PLAN_HEIGHT_SHARE = 0.55
"""Most of a page's height a level's plan takes in the report (its tables follow it)."""


def gla_plan_png(
    ctx: RenderContext, figures: ModelFigures, gla_level: GlaLevel, long_side_px: int
) -> bytes:
    """One level's GLA plan as a PNG."""
    scene = gla_level_scene(ctx, figures, gla_level)
    svg = render_svg(scene, title=f"GLA - {gla_level.level.name}")
    return svg_to_png(svg, long_side_px)


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12)
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=18, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", fontName=bold, fontSize=12, leading=15, spaceBefore=8, spaceAfter=4
        ),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=MIN_TEXT_PT, leading=10),
        "equation": ParagraphStyle("equation", parent=body, fontSize=MIN_TEXT_PT, leading=10),
        "cell": ParagraphStyle("cell", parent=body, fontSize=MIN_TEXT_PT, leading=10),
    }


def _levels(document: dict[str, object]) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], document["levels"])


def _table(rows: list[list[Flowable | str]], widths: list[float]) -> Table:
    regular, bold = register_pdf_fonts()
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),
                ("FONTNAME", (0, 0), (-1, 0), bold),
                ("FONTSIZE", (0, 0), (-1, -1), MIN_TEXT_PT),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _cell(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _grade(grade: object, language: str) -> str:
    """`above`/`below` in the report's language; anything else as the engine wrote it."""
    return report_text(language, f"grade_{grade}") if grade in ("above", "below") else str(grade)


def _summary(document: dict[str, object], unit_label: str, width: float, language: str) -> Table:
    header_text = [
        report_text(language, "level"),
        report_text(language, "grade"),
        f"GLA ({unit_label})",
        "ADU",
        fixed(language, "excluded"),
        report_text(language, "below_finished"),
        report_text(language, "below_unfinished"),
        report_text(language, "non_standard"),
    ]
    header_style = ParagraphStyle(
        "header", fontName=register_pdf_fonts()[1], fontSize=MIN_TEXT_PT, leading=10
    )
    header: list[Flowable | str] = [_cell(text, header_style) for text in header_text]
    # Names and grades wrap in their cells: translated grades and long level names are wider
    # than the number columns beside them.
    cell_style = _styles()["cell"]
    rows: list[list[Flowable | str]] = [header]
    for level in _levels(document):
        rows.append(
            [
                _cell(level["name"], cell_style),
                _cell(_grade(level["grade"], language), cell_style),
                f"{level['gla']:,}",
                f"{level['adu_gla']:,}",
                f"{level['excluded_total']:,}",
                f"{level['below_grade_finished']:,}",
                f"{level['below_grade_unfinished']:,}",
                f"{level['non_standard_finished']:,}",
            ]
        )
    totals = cast(dict[str, int], document["totals"])
    rows.append(
        [
            report_text(language, "total"),
            "",
            f"{totals.get('gla', 0):,}",
            f"{totals.get('adu_gla', 0):,}",
            f"{totals.get('excluded', 0):,}",
            f"{totals.get('below_grade_finished', 0):,}",
            f"{totals.get('below_grade_unfinished', 0):,}",
            f"{totals.get('non_standard_finished', 0):,}",
        ]
    )
    share = width / 8
    return _table(
        rows,
        [
            share * 1.2,
            share * 0.85,
            share * 0.85,
            share * 0.7,
            share * 0.95,
            share * 1.15,
            share * 1.15,
            share * 1.15,
        ],
    )


def _level_tables(
    level: dict[str, Any],
    unit_label: str,
    width: float,
    styles: dict[str, ParagraphStyle],
    language: str,
) -> list[Flowable]:
    flow: list[Flowable] = []
    counted = cast(list[dict[str, Any]], level["included"] or level["below_grade_areas"])
    equation = report_text(language, "equation")
    if counted:
        title = report_text(
            language, "included_in_gla" if level["included"] else "below_grade_area"
        )
        rows: list[list[Flowable | str]] = [
            [report_text(language, "area"), f"{unit_label}", equation]
        ]
        for entry in counted:
            rows.append(
                [
                    _cell(entry["name"], styles["cell"]),
                    f"{entry['area']:,}",
                    _cell(entry["equation"], styles["equation"]),
                ]
            )
        flow += [
            Paragraph(title, styles["body"]),
            Spacer(1, 2 * mm),
            _table(rows, [width * 0.22, width * 0.1, width * 0.68]),
            Spacer(1, 3 * mm),
        ]
    excluded = cast(list[dict[str, Any]], level["excluded"])
    if excluded:
        rows = [
            [
                report_text(language, "excluded_area"),
                f"{unit_label}",
                report_text(language, "reasons"),
                equation,
            ]
        ]
        for entry in excluded:
            rows.append(
                [
                    _cell(entry["name"], styles["cell"]),
                    f"{entry['area']:,}",
                    _cell(
                        ", ".join(reason_text(reason, language) for reason in entry["reasons"]),
                        styles["cell"],
                    ),
                    _cell(entry["equation"], styles["equation"]),
                ]
            )
        flow += [
            Paragraph(escape(report_text(language, "excluded_from_gla")), styles["body"]),
            Spacer(1, 2 * mm),
            _table(rows, [width * 0.2, width * 0.1, width * 0.2, width * 0.5]),
        ]
    return flow


def gla_plan_flowable(
    ctx: RenderContext, figures: ModelFigures, gla_level: GlaLevel, box_pt: tuple[float, float]
) -> PlanFlowable:
    """One level's GLA plan as vectors, its text sized for the scale it prints at in `box_pt`
    (never under 8 pt), the box shrunk to the plan's shape."""
    paper_mm = (box_pt[0] / POINTS_PER_MM, box_pt[1] / POINTS_PER_MM)
    bounds = plan_bounds(ctx.model, gla_level.level.id)
    first_guess = max(bounds.width / paper_mm[0], bounds.height / paper_mm[1]) * 1.5

    def build(denominator: float) -> Scene:
        sizes = sizes_for_report(denominator, ctx.style.font_scale, REPORT_TEXT_MM)
        return gla_level_scene(ctx, figures, gla_level, sizes, title_band=False)

    scene = fitted_scene(build, paper_mm, first_guess)
    frame = scene.frame
    factor = min(box_pt[0] / frame.width, box_pt[1] / frame.height)
    return PlanFlowable(scene, frame.width * factor, frame.height * factor)


def render_gla_report(ctx: RenderContext, figures: ModelFigures) -> bytes:
    """The GLA report: summary, a page per level with its plan and tables, method and disclaimer."""
    unit = area_unit_for(ctx.measurement_system)
    unit_label = UNIT_LABELS[unit]
    document = gla_document(figures, unit)
    report = figures.gla
    language = ctx.style.language
    styles = _styles()
    out = io.BytesIO()
    page = A4 if ctx.paper == "a4" else LETTER
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"{report_text(language, 'gla_title')} - {ctx.address.street}",
        author=ctx.branding.company_name,
        creator="Planroom",
        invariant=1,
        **document_fonts(),
    )
    width = page[0] - 30 * mm
    story: list[Flowable] = [
        Paragraph(escape(report_text(language, "gla_report")), styles["title"]),
        Paragraph(escape(" · ".join(address_lines(ctx))), styles["body"]),
        Paragraph(
            escape(
                " · ".join(
                    (
                        f"{report_text(language, 'standard')}: {STANDARD}",
                        f"{report_text(language, 'property_type')}: "
                        f"{report_text(language, f'kind_{report.property_type}')}",
                        report_text(language, "model_version", version=ctx.model_version),
                    )
                )
            ),
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        Paragraph(escape(report_text(language, "summary")), styles["h2"]),
        _summary(document, unit_label, width, language),
        Paragraph(escape(report_text(language, "method_assumptions")), styles["h2"]),
        *[Paragraph(escape(f"• {note}"), styles["body"]) for note in report.assumptions()],
        Paragraph(escape(report_text(language, "area_calculation")), styles["h2"]),
        *[
            Paragraph(escape(line) or "&nbsp;", styles["equation"])
            for line in gla_formula_text(figures, unit).splitlines()
        ],
        Paragraph(escape(report_text(language, "disclaimer")), styles["h2"]),
        Paragraph(escape(report_text(language, "gla_disclaimer")), styles["body"]),
    ]
    for level, gla_level in zip(_levels(document), report.levels, strict=True):
        plan = gla_plan_flowable(ctx, figures, gla_level, (width, page[1] * PLAN_HEIGHT_SHARE))
        lines = level_figure_lines(
            figures, gla_level, plan_options(ctx, dimensions=False).units, language
        )
        story += [
            PageBreak(),
            Paragraph(escape(str(level["name"])), styles["h2"]),
            Paragraph(escape(" · ".join(lines)), styles["body"]),
            Spacer(1, 3 * mm),
            KeepTogether([plan]),
            Spacer(1, 4 * mm),
        ]
        story += _level_tables(level, unit_label, width, styles, language)
    doc.build(story)
    return out.getvalue()


def render_gla_package(ctx: RenderContext) -> list[RenderedFile]:
    """Every file of the GLA add-on: `image_urls` per level, `report_urls`, `json_urls`."""
    figures = model_figures(ctx.model)
    report = figures.gla
    unit = area_unit_for(ctx.measurement_system)
    files: list[RenderedFile] = []
    svgs = [
        render_svg(gla_level_scene(ctx, figures, level), title=f"GLA - {level.level.name}")
        for level in report.levels
    ]
    full = start_rasterizing(svgs, ctx.image_long_side_px)
    # The report draws its plans as vectors, so it is built while the images are rasterised.
    pdf = render_gla_report(ctx, figures)
    images = [png for png, _ in full()]
    for gla_level, png in zip(report.levels, images, strict=True):
        files.append(
            RenderedFile(
                "image_urls", f"0_{ctx.file_stem}_{gla_level.level.index}_gla.png", "image/png", png
            )
        )
    files.append(
        RenderedFile("report_urls", f"{ctx.file_stem}-gla-report.pdf", "application/pdf", pdf)
    )
    data = json.dumps(gla_document(figures, unit), indent=2, ensure_ascii=False).encode("utf-8")
    files.append(RenderedFile("json_urls", f"{ctx.file_stem}-gla.json", "application/json", data))
    return files


def gla_formula(ctx: RenderContext) -> str:
    """`gla_package.gla_formula_text` for the order (a string field, not a file)."""
    return gla_formula_text(model_figures(ctx.model), area_unit_for(ctx.measurement_system))


def _render(ctx: RenderContext) -> ProductOutput:
    return PRODUCT.output(render_gla_package(ctx), {"gla_formula_text": gla_formula(ctx)})


PRODUCT = Product(
    key="gla_package",
    group="products_2d",
    slots={"image_urls": [], "report_urls": [], "json_urls": [], "gla_formula_text": None},
    render=_render,
    add_ons=("gla",),
    styled=True,
    pdf_slots=("report_urls",),
)
