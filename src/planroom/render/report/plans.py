"""Floor plans inside the reports, drawn as vectors from the listing plan's own layers.

A report plan is the listing plan of the level (same walls, symbols and labels) without its title
band, with text sized for the printed page it lands on. It goes into a PDF as a flowable, or is
moved and scaled into a larger scene (the Snapshot sheet) so one scene feeds both the PDF and PNG.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reportlab.platypus.flowables import Flowable

from planroom.floormodel.schema import Level
from planroom.render.context import RenderContext
from planroom.render.draw.pdf import Placement, draw_scene
from planroom.render.draw.scene import Box, Circle, Group, Image, Primitive, Scene, Shape, Text
from planroom.render.plan.builder import plan_bounds, plan_layers, plan_margin
from planroom.render.plan.style import MIN_SHEET_TEXT_MM, Sizes
from planroom.render.plan.svg import plan_options

REPORT_TEXT_MM = 2.2 * 1.35
"""A room name on a report page (8.4 pt): a report is read closer than a wall sheet, so its
names are a third larger than a printed plan's 2.2 mm; no text is ever under 8 pt."""
THUMBNAIL_TEXT_MM = MIN_SHEET_TEXT_MM
"""A room name on a small plan (the Snapshot's levels, names only): 8 pt."""
FIT_ROUNDS = 6


def sizes_for_report(
    scale_denominator: float, font_scale: float, text_mm: float, *, dimensions: bool = True
) -> Sizes:
    """Sizes for a plan printed at 1:`scale_denominator` on a report page: `text_mm` names,
    0.25 mm thin lines, and nothing under 8 pt however small the style's `font_scale` (with
    `dimensions`, the dimension text, 0.78 of a name, is held at 8 pt too)."""
    floor = MIN_SHEET_TEXT_MM / 0.78 if dimensions else MIN_SHEET_TEXT_MM
    text = max(text_mm * font_scale, floor)
    return Sizes(
        text=text * scale_denominator,
        line=0.25 * scale_denominator,
        min_text=MIN_SHEET_TEXT_MM * scale_denominator,
    )


def fitted_scene(
    build: Callable[[float], Scene], paper_mm: tuple[float, float], first_guess: float
) -> Scene:
    """The scene `build(denominator)` gives, for the denominator at which it fits `paper_mm`.

    Text and margins are sized for the scale the scene will print at, and they take room
    themselves; so the denominator is raised until the scene, fitted into `paper_mm`, prints no
    smaller than it was sized for (text never shrinks under its print size).
    """
    denominator = first_guess
    scene = build(denominator)
    for _ in range(FIT_ROUNDS):
        frame = scene.frame
        needed = max(frame.width / paper_mm[0], frame.height / paper_mm[1])
        if needed <= denominator:
            return scene
        denominator = needed * 1.01
        scene = build(denominator)
    return scene


def plan_scene(
    ctx: RenderContext,
    level: Level,
    paper_mm: tuple[float, float],
    *,
    dimensions: bool,
    room_details: bool = True,
) -> Scene:
    """The level's plan, its text sized to read at print size when fitted into `paper_mm`.

    `room_details` off keeps only room names in the labels (for small thumbnails).
    """
    bounds = plan_bounds(ctx.model, level.id)
    # Plan millimetres per paper millimetre, leaving room for dimension chains around the plan.
    allowance = 1.3 if dimensions else 1.1
    first_guess = max(bounds.width / paper_mm[0], bounds.height / paper_mm[1]) * allowance
    text_mm = REPORT_TEXT_MM if room_details else THUMBNAIL_TEXT_MM
    options = plan_options(ctx, dimensions=dimensions)
    if not room_details:
        options = replace(options, labels=replace(options.labels, dimensions=False, areas=False))

    def build(denominator: float) -> Scene:
        sizes = sizes_for_report(
            denominator, ctx.style.font_scale, text_mm, dimensions=room_details or dimensions
        )
        layers = plan_layers(ctx.model, level.id, sizes, options)
        margin = plan_margin(sizes) if dimensions else sizes.text * 0.6
        return Scene(
            frame=bounds.grow(margin), background=options.palette.background, groups=layers
        )

    return fitted_scene(build, paper_mm, first_guess)


def fit(frame: Box, target: Box) -> tuple[float, float, float]:
    """Scale and offset that fit `frame` into `target`, centred: (factor, origin x, origin y)."""
    factor = min(target.width / frame.width, target.height / frame.height)
    origin_x = target.min_x + (target.width - frame.width * factor) / 2.0
    origin_y = target.min_y + (target.height - frame.height * factor) / 2.0
    return factor, origin_x, origin_y


class PlanFlowable(Flowable):  # type: ignore[misc]
    """A plan scene drawn as vectors, fitted and centred in a fixed box on the page."""

    def __init__(self, scene: Scene, width: float, height: float) -> None:
        super().__init__()
        self.scene = scene
        self.box_width = width
        self.box_height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.box_width, self.box_height

    def draw(self) -> None:
        factor, x, y = fit(self.scene.frame, Box(0.0, 0.0, self.box_width, self.box_height))
        draw_scene(self.canv, self.scene, Placement(x, y, factor), background=False)


def place(scene: Scene, target: Box) -> list[Group]:
    """The scene's groups moved and scaled into `target` (for composing a larger scene)."""
    factor, origin_x, origin_y = fit(scene.frame, target)
    frame = scene.frame

    def point(p: tuple[float, float]) -> tuple[float, float]:
        return (
            origin_x + (p[0] - frame.min_x) * factor,
            origin_y + (p[1] - frame.min_y) * factor,
        )

    def moved(item: Primitive) -> Primitive:
        if isinstance(item, Shape):
            rings = tuple(tuple(point(p) for p in ring) for ring in item.rings)
            return replace(item, rings=rings, width=item.width * factor)
        if isinstance(item, Circle):
            return replace(
                item,
                centre=point(item.centre),
                radius=item.radius * factor,
                width=item.width * factor,
            )
        if isinstance(item, Text):
            return replace(item, pos=point(item.pos), size=item.size * factor)
        assert isinstance(item, Image)
        return replace(
            item, pos=point(item.pos), width=item.width * factor, height=item.height * factor
        )

    return [Group(group.id, [moved(item) for item in group.items]) for group in scene.groups]
