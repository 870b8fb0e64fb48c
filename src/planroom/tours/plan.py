"""The tour's plans: one inline SVG per level, drawn by the listing-plan renderer, plus room data.

The plan is the listing plan of the level without its title block (the page shows the address,
level name, figures and branding itself) and without dimension chains, cropped to what is drawn.
Room labels are tagged with their room and role (`data-space-id`, `data-role="dims"|"area"`) so the
page can re-write their numbers when the visitor switches units; rooms get `tabindex` and a label
so they can be chosen with a keyboard as well as by a tap.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from shapely.geometry import Point

from planroom.floormodel.figures import ModelFigures, model_figures, reported_sq_mm
from planroom.floormodel.schema import FloorModel, Level, Space
from planroom.render.context import RenderContext
from planroom.render.draw.scene import Box, Circle, Group, Image, Scene, Shape, Text
from planroom.render.draw.svg import render_svg
from planroom.render.fonts import text_width
from planroom.render.geometry import largest_polygon, level_poche, room_extent, space_polygon
from planroom.render.i18n import abbreviation, room_name
from planroom.render.plan.builder import label_obstacles
from planroom.render.plan.labels import (
    NO_AREA_TYPES,
    LabelOptions,
    RoomLabel,
    fit_label,
    label_texts,
    room_label,
)
from planroom.render.plan.style import Sizes
from planroom.render.plan.svg import image_sizes, level_scene, plan_options
from planroom.render.property import counts

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)

KEPT_GROUPS = ("rooms", "walls", "openings", "stairs", "fixtures", "labels")
"""The plan layers the tour shows: no dimension chains, title block or legend."""
COMPACT_LABELS = "compact-labels"
COMPACT_TEXT_FRACTION = 0.03
"""Name size of the compact labels as a share of the plan's long side (about 11 px on a phone)."""
TOUR_FONT_SCALE = 1.2
"""The tour shows the plan at screen size, smaller than a listing image: labels a bit larger."""


@dataclass(frozen=True)
class RoomData:
    """What a tap on a room shows, in millimetres so the page can format either unit."""

    id: str
    name: str
    type: str
    long_mm: float
    short_mm: float
    area_sq_mm: float
    measured: bool
    """False for stairs and openings to below: the plan prints no size for them either."""


@dataclass(frozen=True)
class LevelPlan:
    id: str
    name: str
    index: int
    grade: str
    figure_sq_mm: float
    svg: str
    rooms: tuple[RoomData, ...]


@dataclass(frozen=True)
class PlanSet:
    """Everything the tour draws from one model version under one style."""

    levels: tuple[LevelPlan, ...]
    figure_sq_mm: float
    counts: dict[str, int]

    @property
    def entry_level_id(self) -> str | None:
        """The level the tour opens on: the entry level (index 0), else the lowest level above
        grade, else the lowest one; never a basement while the house has a floor above it."""
        if not self.levels:
            return None
        for level in self.levels:
            if level.index == 0:
                return level.id
        above = [level for level in self.levels if level.grade == "above"]
        return min(above or self.levels, key=lambda level: level.index).id


def tour_context(ctx: RenderContext) -> RenderContext:
    """The order's context as the tour draws it: one unit system (the company's), so the page
    can swap every number for the other system; no logo inside the plan; labels a little larger."""
    scale = min(ctx.style.font_scale * TOUR_FONT_SCALE, 2.0)
    style = ctx.style.model_copy(
        update={"units": ctx.measurement_system, "show_logo": False, "font_scale": scale}
    )
    return replace(ctx, style=style)


def build_plans(ctx: RenderContext) -> PlanSet:
    """The plans and figures of every level of the order's model."""
    ctx = tour_context(ctx)
    model = ctx.model
    figures = model_figures(model)
    figure = ctx.style.area_figure
    levels = tuple(
        LevelPlan(
            id=level.id,
            name=level.name,
            index=level.index,
            grade=level.grade,
            figure_sq_mm=reported_sq_mm(figures, figure, level.id, ctx.measurement_system),
            svg=level_svg(ctx, level, figures),
            rooms=tuple(
                room_data(space, ctx.style.language) for space in model.spaces_on(level.id)
            ),
        )
        for level in model.levels_in_order()
    )
    total = reported_sq_mm(figures, figure, None, ctx.measurement_system)
    return PlanSet(levels=levels, figure_sq_mm=total, counts=counts(model))


def room_data(space: Space, language: str) -> RoomData:
    long_mm, short_mm = room_extent(space)
    return RoomData(
        id=space.id,
        name=room_name(space, language),
        type=space.type,
        long_mm=round(long_mm, 1),
        short_mm=round(short_mm, 1),
        area_sq_mm=round(space_polygon(space).area, 1),
        measured=space.type not in NO_AREA_TYPES,
    )


def level_svg(ctx: RenderContext, level: Level, figures: ModelFigures) -> str:
    """The level's plan as an inline `<svg>` element (no XML declaration, sized by CSS)."""
    scene = level_scene(ctx, level.id, dimensions=False, figures=figures)
    groups = [group for group in scene.groups if group.id in KEPT_GROUPS]
    margin = image_sizes(ctx, level.id).text * 0.5
    frame = drawn_box(groups).grow(margin)
    groups.append(compact_labels(ctx, level, max(frame.width, frame.height)))
    cropped = Scene(frame=frame, background=scene.background, groups=groups)
    # our own writer's output, not outside input
    root = ET.fromstring(render_svg(cropped))  # noqa: S314
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    root.set("class", "plan-svg")
    root.set("role", "group")
    root.set("aria-label", level.name)
    root.set("data-level-id", level.id)
    _layers_without_ids(root)
    _mark_rooms(root, ctx.model, level, ctx.style.language)
    labels = next((group for group in groups if group.id == "labels"), None)
    if labels is not None:
        options = plan_options(ctx, dimensions=False).labels
        _tag_labels(root, labels, ctx.model.spaces_on(level.id), options)
    return ET.tostring(root, encoding="unicode")


def compact_labels(ctx: RenderContext, level: Level, extent_mm: float) -> Group:
    """Room names alone, set large enough to read when the plan is phone-sized (the page shows
    them instead of the full labels on narrow screens; a tap gives the numbers)."""
    model = ctx.model
    options = plan_options(ctx, dimensions=False)
    sizes = Sizes(text=extent_mm * COMPACT_TEXT_FRACTION, line=1.0)
    poche = level_poche(model, level.id)
    obstacles = label_obstacles(model, level.id, options)
    group = Group(COMPACT_LABELS)
    for space in model.spaces_on(level.id):
        room = largest_polygon(space_polygon(space).difference(poche))
        if room is None:
            continue
        name = room_name(space, ctx.style.language).upper()
        label = RoomLabel(
            name=name, short_name=abbreviation(space, ctx.style.language), dimensions=(), area=None
        )
        # like the full labels: keep clear of stairs, door swings and fixtures when there is room
        fitted = None
        clear = largest_polygon(room.difference(obstacles)) if not obstacles.is_empty else None
        if clear is not None and clear.area > room.area * 0.2:
            fitted = fit_label(clear, label, sizes)
        if fitted is None:
            fitted = fit_label(room, label, sizes)
        if fitted is not None:
            group.add(*label_texts(*fitted, options.palette.text))
    return group


def drawn_box(groups: Iterable[Group]) -> Box:
    """The box around everything drawn (shapes, circles, texts with their width)."""
    xs: list[float] = []
    ys: list[float] = []
    for group in groups:
        for item in group.items:
            if isinstance(item, Shape):
                for ring in item.rings:
                    xs.extend(point[0] for point in ring)
                    ys.extend(point[1] for point in ring)
            elif isinstance(item, Circle):
                xs.extend((item.centre[0] - item.radius, item.centre[0] + item.radius))
                ys.extend((item.centre[1] - item.radius, item.centre[1] + item.radius))
            elif isinstance(item, Text):
                half = text_width(item.text, item.size, bold=item.bold) / 2 + item.size * 0.2
                xs.extend((item.pos[0] - half, item.pos[0] + half))
                ys.extend((item.pos[1] - item.size, item.pos[1] + item.size))
            elif isinstance(item, Image):
                xs.extend((item.pos[0], item.pos[0] + item.width))
                ys.extend((item.pos[1], item.pos[1] + item.height))
    if not xs:
        return Box(0.0, 0.0, 1000.0, 1000.0)
    return Box(min(xs), min(ys), max(xs), max(ys))


def _layers_without_ids(root: ET.Element) -> None:
    """Several levels share one page, so the writer's group ids (`rooms`, `labels`...) would
    repeat: they become `data-layer` attributes and classes instead."""
    for element in root.iter():
        layer = element.attrib.pop("id", None)
        if layer is None:
            continue
        element.set("data-layer", layer)
        element.set("class", f"layer layer-{layer}")


def _svg(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


def _group(root: ET.Element, group_id: str) -> ET.Element | None:
    for element in root.iter(_svg("g")):
        if element.get("data-layer") == group_id:
            return element
    return None


def _mark_rooms(root: ET.Element, model: FloorModel, level: Level, language: str) -> None:
    names = {space.id: room_name(space, language) for space in model.spaces_on(level.id)}
    rooms = _group(root, "rooms")
    if rooms is None:
        return
    for path in rooms.iter(_svg("path")):
        space_id = path.get("data-space-id")
        if space_id is None:
            continue
        path.set("tabindex", "0")
        path.set("role", "button")
        path.set("aria-label", names.get(space_id, space_id))


def _tag_labels(
    root: ET.Element, labels: Group, spaces: list[Space], options: LabelOptions
) -> None:
    """Give each label line of a size its room and role; the n-th text of the `labels` group in
    the SVG is the n-th text of the scene's group (the writer keeps their order)."""
    element = _group(root, "labels")
    if element is None:
        return
    texts = list(element.iter(_svg("text")))
    items = [item for item in labels.items if isinstance(item, Text)]
    if len(texts) != len(items):
        return
    shapes = [(space, space_polygon(space), room_label(space, options)) for space in spaces]
    for text, item in zip(texts, items, strict=True):
        point = Point(item.pos)
        inside = [entry for entry in shapes if entry[1].covers(point)]
        candidates = inside or sorted(shapes, key=lambda entry: entry[1].distance(point))[:1]
        for space, _, label in candidates:
            role = None
            if item.text in label.dimensions:
                role = "dims"
            elif label.area is not None and item.text == label.area:
                role = "area"
            elif item.text in (label.name, label.short_name):
                role = "name"
            if role is not None:
                text.set("data-space-id", space.id)
                text.set("data-role", role)
                break


class PlanCache:
    """The last few plan sets, keyed by what they are drawn from (model version and style)."""

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._items: OrderedDict[tuple[str, ...], PlanSet] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], ctx: RenderContext) -> PlanSet:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        plans = build_plans(ctx)
        with self._lock:
            self._items[key] = plans
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return plans

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


plan_cache = PlanCache()


def cache_key(model_id: str, version: int, ctx: RenderContext) -> tuple[str, ...]:
    return (
        model_id,
        str(version),
        ctx.measurement_system,
        ctx.style.model_dump_json(),
    )
