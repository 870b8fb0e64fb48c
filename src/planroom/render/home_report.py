"""The Home Report: a printable PDF about the property for buyers, agents and appraisers.

Cover (address, the entry level's plan, key figures), a page per level with its dimensioned plan,
the room schedule, the area figures and room counts, then method and disclaimer. Plans are
vectors drawn from the listing plan's layers; every number comes from the property data
document, so the report agrees with `property_data` to the digit.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus.flowables import Flowable, HRFlowable

from planroom.render.context import RenderContext, RenderedFile
from planroom.render.i18n import disclaimer
from planroom.render.report_facts import ReportFacts, main_level, method_text, report_facts
from planroom.render.report_plans import PlanFlowable, plan_scene
from planroom.render.report_style import (
    MARGIN,
    RULE,
    data_table,
    numbered_canvas,
    page_size,
    styles,
    text,
    tiles,
)

POINTS_PER_MM = 72.0 / 25.4
PROPERTY_TYPES = {
    "detached": "Detached house",
    "attached": "Attached house",
    "apartment": "Apartment",
}


def key_figures(facts: ReportFacts) -> list[tuple[str, str]]:
    """The cover's tiles: the area figures first, then the counts."""
    items = [
        (figure.value, figure.name)
        for figure in facts.figures
        if figure.name != "Total scanned area"
    ]
    items += [
        (str(facts.bedrooms), "Bedrooms"),
        (facts.bathrooms, "Bathrooms"),
        (str(facts.level_count), "Levels" if facts.level_count != 1 else "Level"),
    ]
    return items


def _logo(ctx: RenderContext, max_height: float) -> list[Flowable]:
    if ctx.branding.logo_png is None:
        return []
    image = Image(io.BytesIO(ctx.branding.logo_png))
    scale = max_height / image.imageHeight
    image.drawWidth, image.drawHeight = image.imageWidth * scale, max_height
    image.hAlign = "RIGHT"
    return [image]


def levels_table(facts: ReportFacts, width: float) -> Flowable:
    """Each level's rooms and area figures, with the property's totals."""
    style = styles()
    names = [figure.name for figure in facts.figures]
    rows = [[e.level.name, str(e.rooms), *e.figures] for e in facts.levels]
    rows.append(["All levels", str(len(facts.schedule)), *[f.value for f in facts.figures]])
    first, count = 0.25, 0.11
    rest = (1.0 - first - count) / len(names)
    return data_table(
        ["Level", "Rooms", *names],
        rows,
        [width * first, width * count, *[width * rest] * len(names)],
        style,
        total_rows=1,
        right_align_from=1,
    )


def _main_plan(ctx: RenderContext, width: float, most: float) -> list[Flowable]:
    """The entry level's plan, as large as `most` points of height allow, and its name."""
    level = main_level(ctx.model)
    scene = plan_scene(ctx, level, (width / POINTS_PER_MM, most / POINTS_PER_MM), dimensions=False)
    plan_height = min(most, width * scene.frame.height / scene.frame.width)
    return [
        PlanFlowable(scene, width, plan_height),
        Spacer(1, 2 * mm),
        text(level.name, style=styles()["caption"]),
    ]


def _cover(ctx: RenderContext, facts: ReportFacts, width: float, height: float) -> list[Flowable]:
    style = styles()
    summary = " · ".join(
        part
        for part in (
            PROPERTY_TYPES.get(facts.property_type, facts.property_type),
            f"Prepared by {ctx.branding.company_name}" if ctx.branding.company_name else "",
        )
        if part
    )
    # The plan gets what the header, the tiles and the levels table leave on the page.
    fixed = (92 + 16 * (ctx.branding.logo_png is not None)) * mm
    table = (len(facts.levels) + 2) * 6.4 * mm + 8 * mm
    most = max(height - fixed - table, height * 0.3)
    return [
        *_logo(ctx, 14 * mm),
        text("HOME REPORT", style["eyebrow"]),
        Spacer(1, 2 * mm),
        text(facts.address[0] if facts.address else ctx.address.street, style["title"]),
        *[text(line, style["subtitle"]) for line in facts.address[1:]],
        Spacer(1, 1.5 * mm),
        text(summary, style["muted"]),
        Spacer(1, 5 * mm),
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=5 * mm),
        *(_main_plan(ctx, width, most) if ctx.model.levels else []),
        Spacer(1, 6 * mm),
        tiles(key_figures(facts), width, style),
        Spacer(1, 6 * mm),
        levels_table(facts, width),
    ]


def _level_pages(
    ctx: RenderContext, facts: ReportFacts, width: float, height: float
) -> list[Flowable]:
    """Per level: its figures, its dimensioned plan, and the rooms on it."""
    style = styles()
    story: list[Flowable] = []
    names = [figure.name for figure in facts.figures]
    for entry in facts.levels:
        figures = " · ".join(
            f"{name} {value}" for name, value in zip(names, entry.figures, strict=True)
        )
        rooms = [row for row in facts.schedule if row.level == entry.level.name]
        room_count = f"{len(rooms)} room{'s' if len(rooms) != 1 else ''}"
        # The plan takes what the room list leaves, and no more height than its shape needs.
        list_height = (len(rooms) + 1) * 6.2 * mm + 14 * mm
        most = max(height - 30 * mm - list_height, height * 0.45)
        scene = plan_scene(
            ctx, entry.level, (width / POINTS_PER_MM, most / POINTS_PER_MM), dimensions=True
        )
        frame = scene.frame
        plan_height = min(most, width * frame.height / frame.width)
        story += [
            PageBreak(),
            text(entry.level.name, style["h1"]),
            Spacer(1, 1 * mm),
            text(f"{figures} · {room_count}", style["muted"]),
            Spacer(1, 5 * mm),
            PlanFlowable(scene, width, plan_height),
            Spacer(1, 6 * mm),
            data_table(
                ["Room", "Dimensions", "Area", "Ceiling height"],
                [[row.room, row.dimensions, row.area, row.ceiling] for row in rooms],
                [width * w for w in (0.4, 0.24, 0.18, 0.18)],
                style,
            ),
        ]
    return story


def _schedule(facts: ReportFacts, width: float) -> list[Flowable]:
    style = styles()
    rows = [[row.level, row.room, row.dimensions, row.area, row.ceiling] for row in facts.schedule]
    widths = [0.19, 0.27, 0.22, 0.16, 0.16]
    return [
        PageBreak(),
        text("Room schedule", style["h1"]),
        Spacer(1, 1 * mm),
        text("Interior dimensions, floor area and ceiling height of every room.", style["muted"]),
        Spacer(1, 4 * mm),
        data_table(
            ["Level", "Room", "Dimensions", "Area", "Ceiling height"],
            rows,
            [width * w for w in widths],
            style,
        ),
    ]


def _totals(facts: ReportFacts, width: float) -> list[Flowable]:
    style = styles()
    counts = [
        (str(facts.bedrooms), "Bedrooms"),
        (str(facts.bathrooms_full), "Full bathrooms"),
        (str(facts.bathrooms_half), "Half bathrooms"),
        (str(facts.level_count), "Levels"),
    ]
    return [
        KeepTogether([text("Area figures", style["h2"]), levels_table(facts, width)]),
        KeepTogether([text("Rooms", style["h2"]), tiles(counts, width, style)]),
    ]


def _method(ctx: RenderContext) -> list[Flowable]:
    style = styles()
    notice = disclaimer(ctx.style.disclaimer, ctx.style.language)
    return [
        KeepTogether(
            [
                text("Method", style["h2"]),
                *[Paragraph(line, style["paragraph"]) for line in method_text(ctx)],
            ]
        ),
        KeepTogether(
            [
                text("Disclaimer", style["h2"]),
                text(
                    f"{notice}. The figures were computed from the floor model and were not "
                    "verified on site. This report is not an appraisal and not a survey.",
                    style["body"],
                ),
            ]
        ),
    ]


def home_report_pdf(ctx: RenderContext) -> bytes:
    """The Home Report as PDF bytes (the same context always gives the same bytes)."""
    facts = report_facts(ctx)
    page = page_size(ctx)
    width = page[0] - 2 * MARGIN
    height = page[1] - 2 * MARGIN - 10 * mm
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=f"Home Report - {ctx.address.street}",
        author=ctx.branding.company_name,
        creator="Planroom",
        invariant=1,
    )
    story = [
        *_cover(ctx, facts, width, height),
        *_level_pages(ctx, facts, width, height),
        *_schedule(facts, width),
        *_totals(facts, width),
        *_method(ctx),
    ]
    footer = " · ".join(line for line in (ctx.address.street, "Home Report") if line)
    doc.build(story, canvasmaker=numbered_canvas(footer, ""))
    return out.getvalue()


def render_home_report(ctx: RenderContext) -> list[RenderedFile]:
    """The `home_report` product: one PDF in `pdf_urls`."""
    return [
        RenderedFile(
            "pdf_urls", f"{ctx.file_stem}-home-report.pdf", "application/pdf", home_report_pdf(ctx)
        )
    ]
