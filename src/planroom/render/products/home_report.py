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
from planroom.render.products.base import Product, ProductOutput
from planroom.render.report.facts import ReportFacts, main_level, method_text, report_facts
from planroom.render.report.i18n import report_text
from planroom.render.report.plans import PlanFlowable, plan_scene
from planroom.render.report.style import (
    MARGIN,
    RULE,
    data_table,
    document_fonts,
    numbered_canvas,
    page_size,
    styles,
    text,
    tiles,
)

POINTS_PER_MM = 72.0 / 25.4
PROPERTY_TYPES = frozenset({"detached", "attached", "apartment"})


def property_type_name(property_type: str, language: str) -> str:
    """`Detached house`, `Einfamilienhaus`...; an unknown type prints as it is."""
    if property_type in PROPERTY_TYPES:
        return report_text(language, f"type_{property_type}")
    return property_type


def key_figures(facts: ReportFacts) -> list[tuple[str, str]]:
    """The cover's tiles: the one headline figure, then the counts (the other figures are in
    the levels table under them, never competing headlines)."""
    language = facts.language
    items = [(facts.headline.value, facts.headline.name)]
    items += [
        (str(facts.bedrooms), report_text(language, "bedrooms")),
        (facts.bathrooms, report_text(language, "bathrooms")),
        (
            str(facts.level_count),
            report_text(language, "levels" if facts.level_count != 1 else "level"),
        ),
    ]
    return items


SCHEDULE_KEYS = ("dimensions", "area", "ceiling_height")
"""The room columns after the room's name, as report string keys."""


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
    language = facts.language
    names = [figure.name for figure in facts.figures]
    rows = [[e.level.name, str(e.rooms), *e.figures] for e in facts.levels]
    rows.append(
        [
            report_text(language, "all_levels"),
            str(len(facts.schedule)),
            *[f.value for f in facts.figures],
        ]
    )
    first, count = 0.25, 0.11
    rest = (1.0 - first - count) / len(names)
    return data_table(
        [report_text(language, "level"), report_text(language, "rooms"), *names],
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
    language = facts.language
    company = ctx.branding.company_name
    summary = " · ".join(
        part
        for part in (
            property_type_name(facts.property_type, language),
            facts.method,
            report_text(language, "prepared_by", company=company) if company else "",
        )
        if part
    )
    # The plan gets what the header, the tiles and the levels table leave on the page.
    fixed = (92 + 16 * (ctx.branding.logo_png is not None)) * mm
    table = (len(facts.levels) + 2) * 6.4 * mm + 8 * mm
    most = max(height - fixed - table, height * 0.3)
    return [
        *_logo(ctx, 14 * mm),
        text(report_text(language, "home_report").upper(), style["eyebrow"]),
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
    language = facts.language
    story: list[Flowable] = []
    names = [figure.name for figure in facts.figures]
    for entry in facts.levels:
        figures = " · ".join(
            f"{name} {value}" for name, value in zip(names, entry.figures, strict=True)
        )
        rooms = [row for row in facts.schedule if row.level == entry.level.name]
        room_count = report_text(
            language, "room_count_one" if len(rooms) == 1 else "room_count_many", count=len(rooms)
        )
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
                [report_text(language, key) for key in ("room", *SCHEDULE_KEYS)],
                [[row.room, row.dimensions, row.area, row.ceiling] for row in rooms],
                [width * w for w in (0.4, 0.24, 0.18, 0.18)],
                style,
            ),
        ]
    return story


def _schedule(facts: ReportFacts, width: float) -> list[Flowable]:
    style = styles()
    language = facts.language
    rows = [[row.level, row.room, row.dimensions, row.area, row.ceiling] for row in facts.schedule]
    widths = [0.19, 0.27, 0.22, 0.16, 0.16]
    return [
        PageBreak(),
        text(report_text(language, "room_schedule"), style["h1"]),
        Spacer(1, 1 * mm),
        text(report_text(language, "schedule_intro"), style["muted"]),
        Spacer(1, 4 * mm),
        data_table(
            [report_text(language, key) for key in ("level", "room", *SCHEDULE_KEYS)],
            rows,
            [width * w for w in widths],
            style,
        ),
    ]


def _totals(facts: ReportFacts, width: float) -> list[Flowable]:
    style = styles()
    language = facts.language
    counts = [
        (str(facts.bedrooms), report_text(language, "bedrooms")),
        (str(facts.bathrooms_full), report_text(language, "full_bathrooms")),
        (str(facts.bathrooms_half), report_text(language, "half_bathrooms")),
        (str(facts.level_count), report_text(language, "levels")),
    ]
    return [
        KeepTogether(
            [text(report_text(language, "area_figures"), style["h2"]), levels_table(facts, width)]
        ),
        KeepTogether(
            [text(report_text(language, "rooms"), style["h2"]), tiles(counts, width, style)]
        ),
    ]


def _method(ctx: RenderContext) -> list[Flowable]:
    style = styles()
    language = ctx.style.language
    notice = disclaimer(ctx.style.disclaimer, language)
    return [
        KeepTogether(
            [
                text(report_text(language, "method"), style["h2"]),
                *[Paragraph(line, style["paragraph"]) for line in method_text(ctx)],
            ]
        ),
        KeepTogether(
            [
                text(report_text(language, "disclaimer"), style["h2"]),
                text(report_text(language, "disclaimer_body", notice=notice), style["body"]),
            ]
        ),
    ]


def home_report_pdf(ctx: RenderContext) -> bytes:
    """The Home Report as PDF bytes (the same context always gives the same bytes)."""
    facts = report_facts(ctx)
    title = report_text(ctx.style.language, "home_report")
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
        title=f"{title} - {ctx.address.street}",
        author=ctx.branding.company_name,
        creator="Planroom",
        invariant=1,
        **document_fonts(),
    )
    story = [
        *_cover(ctx, facts, width, height),
        *_level_pages(ctx, facts, width, height),
        *_schedule(facts, width),
        *_totals(facts, width),
        *_method(ctx),
    ]
    footer = " · ".join(line for line in (ctx.address.street, title) if line)
    doc.build(story, canvasmaker=numbered_canvas(footer, "", ctx.style.language))
    return out.getvalue()


def render_home_report(ctx: RenderContext) -> list[RenderedFile]:
    """The `home_report` product: one PDF in `pdf_urls`."""
    return [
        RenderedFile(
            "pdf_urls", f"{ctx.file_stem}-home-report.pdf", "application/pdf", home_report_pdf(ctx)
        )
    ]


def _render(ctx: RenderContext) -> ProductOutput:
    return PRODUCT.output(render_home_report(ctx))


PRODUCT = Product(
    key="home_report",
    group="products_2d",
    slots={"pdf_urls": []},
    render=_render,
    packages=("plus", "plus_3d"),
    styled=True,
    pdf_slots=("pdf_urls",),
)
