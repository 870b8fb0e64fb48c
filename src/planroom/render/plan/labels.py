"""Room labels: name, interior dimensions and area, fitted inside the room.

The label sits at the room's pole of inaccessibility (the point farthest from its walls), which
stays inside L- and U-shaped rooms where a centroid would not. A label that does not fit is first
set smaller, then loses its dimensions, then its area, then its name is abbreviated (CL, WIC, W/D).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from planroom.floormodel.schema import FloorModel, Space
from planroom.render.fonts import text_width
from planroom.render.geometry import largest_polygon, room_extent, space_polygon
from planroom.render.i18n import abbreviation, room_name
from planroom.render.measure_text import Units, area_text, dimension_lines
from planroom.render.plan.style import Palette, Sizes
from planroom.render.scene import Group, Pt, Text

LINE_SPACING = 1.3
SHRINK_STEPS = (1.0, 0.86, 0.74)
NO_AREA_TYPES = frozenset({"stair", "open_to_below"})


@dataclass(frozen=True)
class LabelOptions:
    units: Units
    language: str
    names: bool
    dimensions: bool
    areas: bool


@dataclass(frozen=True)
class Line:
    text: str
    size: float
    bold: bool


@dataclass(frozen=True)
class RoomLabel:
    """What a label says, before it is fitted: extra lines under the name in display order."""

    name: str
    short_name: str
    dimensions: tuple[str, ...]
    area: str | None
    reasons: tuple[str, ...] = ()


def room_label(space: Space, options: LabelOptions) -> RoomLabel:
    """The label text of a space under the style's options."""
    dims: tuple[str, ...] = ()
    area: str | None = None
    if space.type not in NO_AREA_TYPES:
        if options.dimensions:
            long_mm, short_mm = room_extent(space)
            dims = tuple(dimension_lines(long_mm, short_mm, options.units, options.language))
        if options.areas:
            area = area_text(space_polygon(space).area, options.units, options.language)
    name = room_name(space, options.language).upper() if options.names else ""
    return RoomLabel(
        name=name, short_name=abbreviation(space, options.language), dimensions=dims, area=area
    )


def _variants(label: RoomLabel, sizes: Sizes) -> Iterator[list[Line]]:
    """Label layouts from the fullest to the barest, each at shrinking sizes."""
    extras = [*label.dimensions, *([label.area] if label.area else [])]
    reasons = list(label.reasons)
    layouts: list[tuple[str, list[str]]] = [
        (label.name, [*reasons, *extras]),
        (label.name, [*reasons, *([label.area] if label.area else [])]),
        (label.name, reasons),
        (label.short_name, []),
    ]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for name, lines in layouts:
        key = (name, tuple(lines))
        if key in seen or (not name and not lines):
            continue
        seen.add(key)
        for scale in SHRINK_STEPS:
            block = [Line(name, sizes.text * scale, True)] if name else []
            block.extend(Line(text, sizes.small_text * scale, False) for text in lines)
            yield block


def _block_size(lines: Sequence[Line]) -> tuple[float, float]:
    width = max(text_width(line.text, line.size, bold=line.bold) for line in lines)
    height = sum(line.size * LINE_SPACING for line in lines)
    return width, height


def fit_label(room: Polygon, label: RoomLabel, sizes: Sizes) -> tuple[Pt, list[Line]] | None:
    """Where and how the label fits in `room` (the floor minus walls), or None if nothing fits."""
    anchor = polylabel(room, tolerance=10.0)
    centre = (float(anchor.x), float(anchor.y))
    margin = sizes.text * 0.25
    inner = room.buffer(-margin, join_style="mitre")
    for lines in _variants(label, sizes):
        width, height = _block_size(lines)
        block = box(
            centre[0] - width / 2,
            centre[1] - height / 2,
            centre[0] + width / 2,
            centre[1] + height / 2,
        )
        if inner.contains(block):
            return centre, lines
    return None


def label_texts(centre: Pt, lines: Sequence[Line], colour: str) -> list[Text]:
    """The fitted lines as texts centred on `centre`, top to bottom."""
    _, height = _block_size(lines)
    y = centre[1] + height / 2
    texts: list[Text] = []
    for line in lines:
        step = line.size * LINE_SPACING
        texts.append(
            Text(
                pos=(centre[0], y - step / 2),
                text=line.text,
                size=line.size,
                fill=colour,
                bold=line.bold,
            )
        )
        y -= step
    return texts


def room_labels(
    model: FloorModel,
    level_id: str,
    poche: BaseGeometry,
    palette: Palette,
    sizes: Sizes,
    options: LabelOptions,
    labels: dict[str, RoomLabel] | None = None,
    obstacles: BaseGeometry | None = None,
) -> Group:
    """A fitted label in every space of the level; `labels` overrides the text per space id.

    A label first looks for room clear of `obstacles` (door swings, fixtures); only when none is
    left does it sit over them.
    """
    group = Group("labels")
    for space in model.spaces_on(level_id):
        label = (labels or {}).get(space.id) or room_label(space, options)
        room = largest_polygon(space_polygon(space).difference(poche))
        if room is None:
            continue
        fitted = None
        if obstacles is not None and not obstacles.is_empty:
            clear = largest_polygon(room.difference(obstacles))
            if clear is not None and clear.area > room.area * 0.2:
                fitted = fit_label(clear, label, sizes)
        if fitted is None:
            fitted = fit_label(room, label, sizes)
        if fitted is not None:
            group.add(*label_texts(*fitted, palette.text))
    return group
