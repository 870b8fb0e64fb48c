"""Room labels: name, interior dimensions and area, fitted inside the room.

The label aims for the room's pole of inaccessibility (the point farthest from its walls, centred
along the room's ridge so a rectangle gets its middle), which stays inside L- and U-shaped rooms
where a centroid would not; when the block does not fit there it slides to the nearest place where
it does, clear of door swings, stairs and fixtures. A label that fits nowhere is first set smaller,
then loses lines (dimensions, the long form of a reason, the area), then its name is abbreviated
(CL, WIC, W/D, BR 2): always whole words, never a name cut short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points, polylabel

from planroom.floormodel.schema import FloorModel, Space
from planroom.render.draw.scene import Group, Pt, Text
from planroom.render.fonts import text_width
from planroom.render.geometry import largest_polygon, room_extent, space_polygon
from planroom.render.i18n import ABBREVIATIONS, abbreviation, room_name, type_name
from planroom.render.measure_text import Units, area_text, dimension_lines
from planroom.render.plan.style import Palette, Sizes

LINE_SPACING = 1.3
SHRINK_STEPS = (1.0, 0.86, 0.74)
NO_AREA_TYPES = frozenset({"stair", "open_to_below"})
# Listing-sheet short forms for the types the shared table leaves out (English sheets only).
LISTING_SHORT: dict[str, str] = {
    "bedroom": "BR",
    "living": "LR",
    "dining": "DR",
    "kitchen": "KIT",
    "garage": "GAR",
}


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
    short_reasons: tuple[str, ...] = ()
    """What `reasons` shortens to when the full wording does not fit (`Excluded: porch`)."""


def short_name(space: Space, language: str) -> str:
    """The name for a room too small for its own: a known abbreviation or whole words.

    The shared table gives CL, WIC, W/D, BA...; an English sheet also knows BR, LR, DR, KIT and
    GAR. Anything else keeps its first whole word, never a cut one. A trailing number stays, so
    two small bedrooms remain BR 2 and BR 3.
    """
    full = room_name(space, language).upper()
    number = re.search(r"\s(\d+[A-Z]?)$", full)
    suffix = f" {number.group(1)}" if number else ""
    table = ABBREVIATIONS.get(language, ABBREVIATIONS["en"])
    walk_in = space.type == "closet" and any(w in space.name.casefold() for w in ("walk", "wic"))
    # "RM" stands for a room of no particular kind; a room someone named keeps its name's word.
    named_other = space.type == "other" and full != type_name("other", language).upper()
    if walk_in or (space.type in table and not named_other):
        return abbreviation(space, language) + suffix
    if language == "en" and space.type in LISTING_SHORT:
        return LISTING_SHORT[space.type] + suffix
    words = full.removesuffix(suffix).split()
    return (words[0] + suffix) if words else full


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
    short = short_name(space, options.language) if options.names else ""
    return RoomLabel(name=name, short_name=short, dimensions=dims, area=area)


def wrap_at_commas(text: str) -> list[str]:
    """A long list-like line in two, split at the comma that balances the halves best."""
    parts = text.split(", ")
    if len(parts) < 2:
        return [text]
    best = min(
        range(1, len(parts)),
        key=lambda cut: abs(len(", ".join(parts[:cut])) - len(", ".join(parts[cut:]))),
    )
    return [", ".join(parts[:best]) + ",", ", ".join(parts[best:])]


def _reason_forms(label: RoomLabel) -> list[list[str]]:
    """The reason lines from the fullest wording to the shortest, each once."""
    forms: list[list[str]] = []
    for form in (
        list(label.reasons),
        [line for reason in label.reasons for line in wrap_at_commas(reason)],
        list(label.short_reasons),
    ):
        if form and form not in forms:
            forms.append(form)
    return forms or [[]]


def _variants(label: RoomLabel, sizes: Sizes) -> Iterator[list[Line]]:
    """Label layouts from the fullest to the barest, each at shrinking sizes.

    Lines go in this order: dimensions, then the long wording of a reason, then the area, then
    the reason itself, then the full name for its abbreviation.
    """
    area = [label.area] if label.area else []
    reasons = _reason_forms(label)
    shortest = reasons[-1]
    layouts: list[tuple[str, list[str]]] = [
        *((label.name, [*form, *label.dimensions, *area]) for form in reasons),
        *((label.name, [*form, *area]) for form in reasons),
        (label.name, shortest),
        (label.name, []),
        (label.short_name, shortest),
        (label.short_name, []),
    ]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for name, lines in layouts:
        key = (name, tuple(lines))
        if key in seen or (not name and not lines):
            continue
        seen.add(key)
        for scale in SHRINK_STEPS:
            block = [Line(name, sizes.at_least(sizes.text * scale), True)] if name else []
            block.extend(
                Line(text, sizes.at_least(sizes.small_text * scale), False) for text in lines
            )
            yield block


def _block_size(lines: Sequence[Line]) -> tuple[float, float]:
    width = max(text_width(line.text, line.size, bold=line.bold) for line in lines)
    height = sum(line.size * LINE_SPACING for line in lines)
    return width, height


def label_centre(room: Polygon) -> Pt:
    """Where a label would like to sit: the pole of inaccessibility, centred along its ridge.

    Every point of a rectangle's centre line is as far from the walls as the pole, and polylabel
    returns whichever it finds first; the middle of the points almost as deep is the one a
    drafter would pick.
    """
    pole = polylabel(room, tolerance=10.0)
    depth = float(room.exterior.distance(pole))
    for hole in room.interiors:
        depth = min(depth, float(hole.distance(pole)))
    ridge = largest_polygon(room.buffer(-depth * 0.8, join_style="mitre")) if depth > 0 else None
    if ridge is not None:
        middle = ridge.centroid
        if ridge.contains(middle):
            return (float(middle.x), float(middle.y))
    return (float(pole.x), float(pole.y))


def _block(centre: Pt, width: float, height: float) -> Polygon:
    return box(
        centre[0] - width / 2, centre[1] - height / 2, centre[0] + width / 2, centre[1] + height / 2
    )


def _place(free: BaseGeometry, preferred: Pt, width: float, height: float) -> Pt | None:
    """The centre nearest to `preferred` of a width x height block lying inside `free`."""
    if free.is_empty or width <= 0 or height <= 0:
        return None
    if free.covers(_block(preferred, width, height)):
        return preferred
    # The block's centres form `free` shrunk by half the block. Squeezing x by height / width
    # makes the block a square; a mitred inward buffer shrinks by that square exactly along
    # squared walls, and a round one by the square's circumcircle is safe along a door's arc or
    # a slanted wall (a little timid, so it is the second try).
    squeeze = height / width
    squeezed = affinity.scale(free, xfact=squeeze, yfact=1.0, origin=(0.0, 0.0))
    target = Point(preferred[0] * squeeze, preferred[1])
    for shrink, join in ((height / 2 + 1.0, "mitre"), (height * 0.7072 + 1.0, "round")):
        centres = squeezed.buffer(-shrink, join_style=join)
        if centres.is_empty:
            return None
        nearest = nearest_points(centres, target)[0]
        spot = (float(nearest.x) / squeeze, float(nearest.y))
        if free.covers(_block(spot, width, height)):
            return spot
    return None


def fit_label(
    room: Polygon, label: RoomLabel, sizes: Sizes, obstacles: BaseGeometry | None = None
) -> tuple[Pt, list[Line]] | None:
    """Where and how the label fits in `room` (the floor minus walls), or None if nothing fits.

    Each layout, from the fullest, first looks for room clear of `obstacles`; only when no layout
    fits clear of them does the label sit over them.
    """
    preferred = label_centre(room)
    margin = sizes.text * 0.25
    inner = room.buffer(-margin, join_style="mitre")
    layouts = [(lines, *_block_size(lines)) for lines in _variants(label, sizes)]
    if obstacles is not None and not obstacles.is_empty:
        clear = inner.difference(obstacles.buffer(margin, join_style="mitre"))
        # Aim for the middle of the biggest free patch, so a label beside a stair sits centred
        # in the space left rather than pressed against the treads.
        patch = largest_polygon(clear)
        aim = label_centre(patch) if patch is not None else preferred
        for lines, width, height in layouts:
            spot = _place(clear, aim, width, height)
            if spot is not None:
                return spot, lines
        least = _least_covering(inner, obstacles, preferred, layouts)
        if least is not None:
            return least
    for lines, width, height in layouts:
        spot = _place(inner, preferred, width, height)
        if spot is not None:
            return spot, lines
    return None


def _least_covering(
    inner: BaseGeometry,
    obstacles: BaseGeometry,
    preferred: Pt,
    layouts: Sequence[tuple[list[Line], float, float]],
) -> tuple[Pt, list[Line]] | None:
    """When no layout fits clear, the one that covers the least of the obstacles, where it
    covers least (a short name beside the treads rather than the full label on them); fuller
    layouts and spots nearer the room's middle win ties. None when no layout fits the room."""
    minx, miny, maxx, maxy = inner.bounds
    best: tuple[float, float, int] | None = None
    found: tuple[Pt, list[Line]] | None = None
    for rank, (lines, width, height) in enumerate(layouts):
        if width > maxx - minx or height > maxy - miny:
            continue
        xs = _steps(minx + width / 2, maxx - width / 2)
        ys = _steps(miny + height / 2, maxy - height / 2)
        for x in xs:
            for y in ys:
                block = _block((x, y), width, height)
                if not inner.covers(block):
                    continue
                covered = float(block.intersection(obstacles).area) / (width * height)
                distance = ((x - preferred[0]) ** 2 + (y - preferred[1]) ** 2) ** 0.5
                # Coverage is compared in whole percents, so a fuller layout that covers about
                # as little keeps its lines.
                key = (round(covered * 100.0), distance, rank)
                if best is None or (key[0], key[2], key[1]) < (best[0], best[2], best[1]):
                    best, found = key, ((x, y), lines)
        if best is not None and best[0] == 0:
            break
    return found


def _steps(low: float, high: float, count: int = 12) -> list[float]:
    if high <= low:
        return [(low + high) / 2]
    return [low + (high - low) * i / (count - 1) for i in range(count)]


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

    A label first looks for room clear of `obstacles` (door swings, stairs, fixtures); only when
    no layout fits clear of them does it sit over them.
    """
    group = Group("labels")
    for space in model.spaces_on(level_id):
        label = (labels or {}).get(space.id) or room_label(space, options)
        room = largest_polygon(space_polygon(space).difference(poche))
        if room is None:
            continue
        fitted = fit_label(room, label, sizes, obstacles)
        if fitted is not None:
            group.add(*label_texts(*fitted, palette.text))
    return group


def clear_spot(
    room: Polygon, width: float, height: float, obstacles: BaseGeometry, margin: float
) -> Pt | None:
    """The centre of a `width` x `height` text block in `room`, clear of `obstacles` (door
    swings, stairs, fixtures), as a plan label is placed; None when it does not fit clear.
    Drawings that lay out their own text (the DXF) place their room labels with it."""
    inner = room.buffer(-margin, join_style="mitre")
    clear = inner.difference(obstacles.buffer(margin, join_style="mitre"))
    patch = largest_polygon(clear)
    if patch is None:
        return None
    return _place(clear, label_centre(patch), width, height)
