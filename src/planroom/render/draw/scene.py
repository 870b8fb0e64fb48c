"""A small display list that both the SVG and the PDF writers draw.

Every plan is first built as a `Scene` of primitives in plan millimetres (x right, y up). The SVG
writer and the reportlab writer then only translate primitives, so a PNG, an SVG and a PDF of the
same level can never disagree about what is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Pt = tuple[float, float]
Ring = tuple[Pt, ...]
Anchor = Literal["start", "middle", "end"]

# Vertical offset from a line of text's centre to its alphabetic baseline, as a fraction of the
# font size: half the cap height of DejaVu Sans (0.729 em). Used so that centred text sits centred
# in both writers without relying on `dominant-baseline`, which reportlab lacks.
CAP_CENTRE = 0.365


@dataclass(frozen=True)
class Shape:
    """Polygons (closed rings, even-odd filled) or polylines (open rings)."""

    rings: tuple[Ring, ...]
    closed: bool = True
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0
    dash: tuple[float, ...] = ()
    css_class: str = ""
    data: tuple[tuple[str, str], ...] = ()
    round_joins: bool = False


@dataclass(frozen=True)
class Circle:
    centre: Pt
    radius: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0


@dataclass(frozen=True)
class Text:
    """One line of text. `pos` is the anchor point on the line's vertical centre."""

    pos: Pt
    text: str
    size: float
    fill: str
    bold: bool = False
    anchor: Anchor = "middle"
    angle_deg: float = 0.0
    """Rotation counter-clockwise in the plan frame."""


@dataclass(frozen=True)
class Image:
    """A raster image; `pos` is its lower-left corner in the plan frame."""

    pos: Pt
    width: float
    height: float
    png: bytes


Primitive = Shape | Circle | Text | Image


@dataclass
class Group:
    id: str
    items: list[Primitive] = field(default_factory=list)

    def add(self, *items: Primitive) -> None:
        self.items.extend(items)


@dataclass(frozen=True)
class Box:
    min_x: float
    min_y: float
    max_x: float
    max_y: float

    @property
    def width(self) -> float:
        return self.max_x - self.min_x

    @property
    def height(self) -> float:
        return self.max_y - self.min_y

    def grow(self, by: float) -> Box:
        return Box(self.min_x - by, self.min_y - by, self.max_x + by, self.max_y + by)


@dataclass
class Scene:
    """Named groups drawn in order over a background, inside `frame` (plan millimetres)."""

    frame: Box
    background: str
    groups: list[Group]

    def group(self, group_id: str) -> Group:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)


def polyline(points: Iterable[Pt], **style: object) -> Shape:
    """An open polyline with the given `Shape` style keywords."""
    return Shape(rings=(tuple(points),), closed=False, **style)  # type: ignore[arg-type]


def polygon(rings: Sequence[Sequence[Pt]], **style: object) -> Shape:
    """A closed polygon (outer ring and holes) with the given `Shape` style keywords."""
    return Shape(rings=tuple(tuple(ring) for ring in rings), closed=True, **style)  # type: ignore[arg-type]


def rect_ring(x0: float, y0: float, x1: float, y1: float) -> Ring:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def arc_points(centre: Pt, radius: float, start_deg: float, sweep_deg: float) -> list[Pt]:
    """Points along a circular arc; fine enough that the polyline reads as a curve when printed."""
    steps = max(4, math.ceil(abs(sweep_deg) / 4))
    cx, cy = centre
    return [
        (
            cx + radius * math.cos(math.radians(start_deg + sweep_deg * i / steps)),
            cy + radius * math.sin(math.radians(start_deg + sweep_deg * i / steps)),
        )
        for i in range(steps + 1)
    ]


def upright_angle(angle_deg: float) -> float:
    """The text angle, in (-90, 90], for a line at `angle_deg`: text is never upside down."""
    angle = angle_deg % 360.0
    if 90.0 < angle <= 270.0:
        return angle - 180.0
    if angle > 270.0:
        return angle - 360.0
    return angle
