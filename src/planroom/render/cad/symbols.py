"""Drawing primitives for the CAD drawings, and the symbols of doors, windows, stairs and fixtures.

Symbols are computed in plan millimetres as small neutral entities (polylines, arcs, labels) and
only turned into DXF entities by `DxfWriter`, which scales them to the drawing unit and moves
them to the level's place in the drawing. Stairs and fixtures reuse the 2D plan's symbols so that
a CAD drawing and a listing plan show the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ezdxf.enums import MTextEntityAlignment, TextEntityAlignment
from ezdxf.layouts.layout import Modelspace

from planroom.floormodel.schema import FloorModel, Level
from planroom.render.draw.scene import Circle, Pt, Shape, Text
from planroom.render.geometry import WallAxis, opening_span
from planroom.render.plan.fixtures import fixture_symbols
from planroom.render.plan.openings import Leaf, door_leaves
from planroom.render.plan.stairs import stair_symbols
from planroom.render.plan.style import palette_for, sizes_for_print
from planroom.render.styles import StyleOptions

GARAGE_TRACK_MM = 2100.0
"""How far an overhead garage door reaches into the garage when open (drawn dashed)."""
SYMBOL_SCALE = 50.0
"""The 2D symbols are sized as for a 1:50 print, the usual scale of a plan of a home."""


@dataclass(frozen=True)
class CadLayer:
    name: str
    color: int
    """AutoCAD colour index."""
    lineweight: int
    """Hundredths of a millimetre."""
    description: str


@dataclass(frozen=True)
class Polyline:
    points: tuple[Pt, ...]
    closed: bool = False
    dashed: bool = False


@dataclass(frozen=True)
class Arc:
    centre: Pt
    radius: float
    start_deg: float
    end_deg: float
    """Counter-clockwise from `start_deg`."""


@dataclass(frozen=True)
class Label:
    pos: Pt
    text: str
    size: float


CadEntity = Polyline | Arc | Label


class DxfWriter:
    """Writes entities in plan millimetres into a modelspace in drawing units."""

    def __init__(self, msp: Modelspace, per_mm: float, origin: tuple[float, float]) -> None:
        self.msp = msp
        self.per_mm = per_mm
        self.origin = origin

    def point(self, point: Pt) -> tuple[float, float]:
        return (
            round(point[0] * self.per_mm + self.origin[0], 4),
            round(point[1] * self.per_mm + self.origin[1], 4),
        )

    def entity(self, layer: str, entity: CadEntity) -> None:
        if isinstance(entity, Polyline):
            attribs: dict[str, object] = {"layer": layer}
            if entity.dashed:
                attribs["linetype"] = "DASHED"
                attribs["ltscale"] = 300.0 * self.per_mm
            self.msp.add_lwpolyline(
                [self.point(p) for p in entity.points], close=entity.closed, dxfattribs=attribs
            )
        elif isinstance(entity, Arc):
            self.msp.add_arc(
                self.point(entity.centre),
                entity.radius * self.per_mm,
                entity.start_deg,
                entity.end_deg,
                dxfattribs={"layer": layer},
            )
        else:
            self.text(layer, entity.text, entity.pos, entity.size, centred=True)

    def closed(self, layer: str, points: Sequence[Pt]) -> None:
        self.entity(layer, Polyline(tuple(points), closed=True))

    def text(self, layer: str, text: str, pos: Pt, size: float, *, centred: bool = False) -> None:
        entity = self.msp.add_text(text, height=size * self.per_mm, dxfattribs={"layer": layer})
        if centred:
            entity.set_placement(self.point(pos), align=TextEntityAlignment.MIDDLE_CENTER)
        else:
            entity.set_placement(self.point(pos))

    def mtext(
        self,
        layer: str,
        lines: Sequence[str],
        pos: Pt,
        first_size: float,
        size: float,
        width: float,
    ) -> None:
        """Lines centred on `pos`; the first (the room name) larger than the rest.

        `width` (mm) is the column the text may fill before a viewer wraps it.
        """
        ratio = first_size / size
        body = "\\P".join([f"{{\\H{ratio:.2f}x;{_escape(lines[0])}}}", *map(_escape, lines[1:])])
        entity = self.msp.add_mtext(
            body,
            dxfattribs={
                "layer": layer,
                "char_height": size * self.per_mm,
                "width": width * self.per_mm,
            },
        )
        entity.set_location(self.point(pos), attachment_point=MTextEntityAlignment.MIDDLE_CENTER)

    def chain_dimension(self, start: Pt, end: Pt, base: Pt, text: str) -> None:
        """A linear dimension from `start` to `end` measured along their axis (the chain's side:
        horizontal or vertical), its line through `base`."""
        dx, dy = end[0] - start[0], end[1] - start[1]
        angle = 0.0 if abs(dx) >= abs(dy) else 90.0
        first, last = (start, end) if (dx, dy) >= (0.0, 0.0) else (end, start)
        dimension = self.msp.add_linear_dim(
            base=self.point(base),
            p1=self.point(first),
            p2=self.point(last),
            angle=angle,
            text=text,
            dimstyle="PLANROOM",
            dxfattribs={"layer": "A-ANNO-DIMS"},
        )
        dimension.render()


def _escape(text: str) -> str:
    # MTEXT reads backslashes and braces as formatting codes.
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


def opening_entities(
    model: FloorModel, level: Level, swing_deg: float
) -> Iterator[tuple[str, CadEntity]]:
    """Doors on `A-DOOR` and windows on `A-GLAZ` for every opening in the level's walls."""
    wall_ids = {wall.id for wall in model.walls_on(level.id)}
    for opening in model.openings:
        if opening.wall_id not in wall_ids:
            continue
        wall, axis, start, end = opening_span(model, opening)
        half = wall.thickness / 2.0
        if opening.kind == "window":
            for entity in _window(axis, start, end, half):
                yield "A-GLAZ", entity
        elif opening.kind in ("door", "double_door"):
            for leaf in door_leaves(model, opening, swing_deg):
                yield "A-DOOR", Polyline((leaf.hinge, leaf.tip))
                yield "A-DOOR", _swing(leaf)
        elif opening.kind == "sliding_door":
            for entity in _sliding(axis, start, end, half):
                yield "A-DOOR", entity
        elif opening.kind == "garage_door":
            for entity in _garage(axis, start, end, half, opening.swing):
                yield "A-DOOR", entity


def _swing(leaf: Leaf) -> Arc:
    closed_deg = leaf.open_deg - leaf.turn
    first, last = (closed_deg, leaf.open_deg) if leaf.turn > 0 else (leaf.open_deg, closed_deg)
    return Arc(leaf.hinge, leaf.width, first % 360.0, last % 360.0)


def _window(axis: WallAxis, start: float, end: float, half: float) -> list[CadEntity]:
    """Frame lines on both wall faces and a double glazing line between them."""
    pane = half / 3.0
    return [
        Polyline((axis.at(start, offset), axis.at(end, offset)))
        for offset in (half, pane, -pane, -half)
    ]


def _sliding(axis: WallAxis, start: float, end: float, half: float) -> list[CadEntity]:
    """Two overlapping panels, one on each track."""
    panel = (end - start) * 0.55
    depth = half * 0.45
    entities: list[CadEntity] = []
    for a, b, centre in ((start, start + panel, depth / 2), (end - panel, end, -depth / 2)):
        ring = (
            axis.at(a, centre + depth / 2),
            axis.at(b, centre + depth / 2),
            axis.at(b, centre - depth / 2),
            axis.at(a, centre - depth / 2),
        )
        entities.append(Polyline(ring, closed=True))
    return entities


def _garage(
    axis: WallAxis, start: float, end: float, half: float, swing: str | None
) -> list[CadEntity]:
    """The door panel in the gap and, dashed, the open door overhead inside the garage."""
    inside = 1.0 if swing != "right" else -1.0
    panel = (
        axis.at(start, half * 0.25),
        axis.at(end, half * 0.25),
        axis.at(end, -half * 0.25),
        axis.at(start, -half * 0.25),
    )
    reach = inside * (half + GARAGE_TRACK_MM)
    overhead = (
        axis.at(start, inside * half),
        axis.at(start, reach),
        axis.at(end, reach),
        axis.at(end, inside * half),
    )
    return [Polyline(panel, closed=True), Polyline(overhead, dashed=True)]


def symbol_entities(
    model: FloorModel, level: Level, style: StyleOptions
) -> Iterator[tuple[str, CadEntity]]:
    """Stairs on `A-FLOR-STRS` and fixtures on `A-FURN`, from the 2D plan's symbols."""
    palette = palette_for(style)
    sizes = sizes_for_print(SYMBOL_SCALE, 1.0)
    stairs = stair_symbols(model, level.id, palette, sizes, style.language)
    fixtures = fixture_symbols(model, level.id, palette, sizes)
    for layer, group in (("A-FLOR-STRS", stairs), ("A-FURN", fixtures)):
        for item in group.items:
            for entity in _from_primitive(item, palette.background):
                yield layer, entity


def _from_primitive(item: object, background: str) -> list[CadEntity]:
    if isinstance(item, Text):
        return [Label(item.pos, item.text, item.size)]
    if isinstance(item, Circle):
        return [Arc(item.centre, item.radius, 0.0, 360.0)]
    if isinstance(item, Shape):
        if item.stroke is None and item.fill in (None, background):
            return []  # a mask that only blanks what is under a label
        return [Polyline(tuple(ring), closed=item.closed) for ring in item.rings if len(ring) > 1]
    return []
