"""Layered DXF drawings in real units: one level, or every level side by side.

Drawings are in millimetres for metric companies and inches for imperial ones (`$INSUNITS` says
which), on layers named after the US National CAD Standard. Walls are the same poché the 2D plans
draw (bodies unioned per level, openings cut out), written as closed polylines; exterior walls
sit on `A-WALL-EXTR`, the rest on `A-WALL`. Dimension text is written out in the company's unit
(`12'-4"` or `3760`), never left to a viewer's unit settings.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass

import ezdxf
import ezdxf.units
from ezdxf._options import options as ezdxf_options
from ezdxf.document import Drawing
from ezdxf.filemanagement import new as new_document
from ezdxf.layouts.layout import Modelspace
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.floormodel.geometry import polygons_of
from planroom.floormodel.schema import FloorModel, Level
from planroom.floormodel.units import MM_PER_INCH, whole
from planroom.render.cad.symbols import CadLayer, DxfWriter, opening_entities, symbol_entities
from planroom.render.context import RenderContext
from planroom.render.draw.scene import Pt
from planroom.render.fonts import text_width
from planroom.render.geometry import (
    largest_polygon,
    level_outline,
    level_poche,
    local_box,
    room_extent,
    space_polygon,
    wall_body,
)
from planroom.render.i18n import room_name
from planroom.render.measure_text import area_text
from planroom.render.plan.chains import MIN_LABELLED_MM, level_chains, stair_footprints
from planroom.render.plan.labels import clear_spot, label_centre
from planroom.render.plan.openings import door_sectors

LEVEL_GAP_MM = 3000.0
"""Space between levels laid side by side in the all-levels drawing."""
DIMENSION_OFFSET_MM = 700.0
OVERALL_OFFSET_MM = 1400.0
NAME_TEXT_MM = 160.0
DETAIL_TEXT_MM = 120.0
MTEXT_LINE_SPACING = 1.67
"""A DXF viewer's MTEXT line pitch at the default spacing factor, in text heights."""
LABEL_SCALES = (1.0, 0.8, 0.65)
"""Room label sizes tried, largest first, until one fits clear of swings and furniture."""
TITLE_TEXT_MM = 300.0

LAYERS: tuple[CadLayer, ...] = (
    CadLayer("A-WALL", 7, 50, "Walls (interior and party), closed polylines of the poché"),
    CadLayer("A-WALL-EXTR", 7, 70, "Exterior walls, closed polylines of the poché"),
    CadLayer("A-DOOR", 4, 25, "Doors: leaves, swings, sliding and garage door panels"),
    CadLayer("A-GLAZ", 5, 25, "Windows: frame lines at the wall faces and glazing"),
    CadLayer("A-FLOR-STRS", 3, 25, "Stairs: outline, treads, walking line, UP/DN"),
    CadLayer("A-AREA", 8, 18, "Room boundaries, closed polylines (area take-off)"),
    CadLayer("A-AREA-IDEN", 7, 18, "Room names, interior dimensions and areas"),
    CadLayer("A-ANNO-DIMS", 1, 18, "Exterior dimensions (text in the drawing unit)"),
    CadLayer("A-ANNO-TEXT", 7, 18, "Level titles"),
    CadLayer("A-FURN", 8, 18, "Fixtures and furniture"),
)


@dataclass(frozen=True)
class Units:
    """Drawing unit: how many drawing units one millimetre is, and the DXF codes for it."""

    name: str
    singular: str
    per_mm: float
    insunits: int
    measurement: int
    lunits: int

    def length_text(self, mm: float) -> str:
        """A dimension as a drafter writes it: `12'-4"` in inches, `3760` in millimetres."""
        if self.insunits == ezdxf.units.IN:
            feet, inches = divmod(whole(mm / MM_PER_INCH), 12)
            return f"{feet}'-{inches}\""
        return str(whole(mm))


IMPERIAL = Units("inches", "inch", 1.0 / MM_PER_INCH, ezdxf.units.IN, 0, 4)
METRIC = Units("millimetres", "millimetre", 1.0, ezdxf.units.MM, 1, 2)


def units_for(ctx: RenderContext) -> Units:
    return IMPERIAL if ctx.measurement_system == "imperial" else METRIC


def _reproducible() -> None:
    """Pin the creation and update dates and GUIDs ezdxf writes, so same model, same bytes.

    This is a process-wide ezdxf option; Planroom writes every DXF this way, so it is set and
    never reset (resetting it could race with another thread writing a drawing).
    """
    ezdxf_options.write_fixed_meta_data_for_testing = True


def new_drawing(units: Units) -> Drawing:
    """An empty R2010 drawing in `units` with the layers and a dimension style set up."""
    _reproducible()
    doc = new_document("R2010", units=units.insunits, setup=False)
    doc.header["$MEASUREMENT"] = units.measurement
    doc.header["$LUNITS"] = units.lunits
    for layer in LAYERS:
        doc.layers.add(layer.name, color=layer.color, lineweight=layer.lineweight)
    doc.linetypes.add("DASHED", pattern=[0.5, 0.25, -0.25], description="Dashed __ __ __")
    style = doc.dimstyles.new("PLANROOM")
    k = units.per_mm
    # The pitfall of ezdxf's own "EZDXF" style is `dimlfac=100`; this one measures 1:1 and only
    # shows the text we write.
    style.dxf.dimlfac = 1.0
    style.dxf.dimtxt = 110.0 * k
    style.dxf.dimtsz = 60.0 * k
    style.dxf.dimasz = 60.0 * k
    style.dxf.dimexo = 80.0 * k
    style.dxf.dimexe = 60.0 * k
    style.dxf.dimgap = 40.0 * k
    style.dxf.dimtad = 1
    style.dxf.dimtih = 0
    style.dxf.dimtoh = 0
    style.dxf.dimclrd = 1
    style.dxf.dimclre = 1
    return doc


def draw_level(
    msp: Modelspace, ctx: RenderContext, level: Level, units: Units, origin: tuple[float, float]
) -> None:
    """Every layer of one level into `msp`, its plan origin moved to `origin` (drawing units)."""
    model = ctx.model
    out = DxfWriter(msp, units.per_mm, origin)
    _walls(out, model, level)
    for layer, entity in opening_entities(model, level, ctx.style.door_swing_angle):
        out.entity(layer, entity)
    for layer, entity in symbol_entities(model, level, ctx.style):
        out.entity(layer, entity)
    _rooms(out, ctx, level, units)
    _dimensions(out, model, level, units)


def _walls(out: DxfWriter, model: FloorModel, level: Level) -> None:
    poche = level_poche(model, level.id)
    walls = model.walls_on(level.id)
    outside = unary_union([wall_body(w, walls) for w in walls if w.kind == "exterior"])
    exterior = poche.intersection(outside) if not outside.is_empty else Polygon()
    interior = poche.difference(outside) if not outside.is_empty else poche
    for layer, region in (("A-WALL-EXTR", exterior), ("A-WALL", interior)):
        for polygon in polygons_of(region):
            if polygon.area < 100.0:
                continue  # slivers left where an interior wall meets an exterior one
            for ring in (polygon.exterior, *polygon.interiors):
                out.closed(layer, [(float(x), float(y)) for x, y in ring.coords[:-1]])


def label_obstacles(ctx: RenderContext, level: Level) -> BaseGeometry:
    """What a room label keeps clear of: door swings, stairs, fixtures and furniture (the
    drawing always carries them on `A-FURN`)."""
    model = ctx.model
    parts: list[BaseGeometry] = list(door_sectors(model, level.id, ctx.style.door_swing_angle))
    parts.extend(stair_footprints(model, level.id))
    parts.extend(
        local_box(fixture.position, fixture.size, fixture.rotation_deg)
        for fixture in model.fixtures_on(level.id)
    )
    return unary_union(parts) if parts else Polygon()


@dataclass(frozen=True)
class LabelBlock:
    """A room's label in the drawing: its lines, centre, text heights and extent (mm)."""

    lines: list[str]
    centre: Pt
    name_size: float
    detail_size: float
    width: float
    height: float


def _block_extent(lines: list[str], scale: float) -> tuple[float, float]:
    name, detail = NAME_TEXT_MM * scale, DETAIL_TEXT_MM * scale
    width = max(text_width(lines[0], name), *(text_width(line, detail) for line in lines[1:]))
    return width, (name + detail * (len(lines) - 1)) * MTEXT_LINE_SPACING


def room_label_blocks(ctx: RenderContext, level: Level, units: Units) -> list[LabelBlock]:
    """Each room's label, placed clear of door swings, stairs and furniture as on the plans:
    at full size where it fits clear, else smaller, else at full size in the room's middle."""
    system = ctx.measurement_system
    poche = level_poche(ctx.model, level.id)
    obstacles = label_obstacles(ctx, level)
    blocks = []
    for space in ctx.model.spaces_on(level.id):
        polygon = space_polygon(space)
        long_mm, short_mm = room_extent(space)
        lines = [
            room_name(space, ctx.style.language).upper(),
            f"{units.length_text(long_mm)} x {units.length_text(short_mm)}",
            area_text(polygon.area, system),
        ]
        floor = largest_polygon(polygon.difference(poche)) or polygon
        placed = None
        for scale in LABEL_SCALES:
            width, height = _block_extent(lines, scale)
            spot = clear_spot(floor, width, height, obstacles, DETAIL_TEXT_MM * 0.5)
            if spot is not None:
                placed = (spot, scale, width, height)
                break
        if placed is None:
            width, height = _block_extent(lines, 1.0)
            placed = (label_centre(floor), 1.0, width, height)
        spot, scale, width, height = placed
        blocks.append(
            LabelBlock(lines, spot, NAME_TEXT_MM * scale, DETAIL_TEXT_MM * scale, width, height)
        )
    return blocks


def _rooms(out: DxfWriter, ctx: RenderContext, level: Level, units: Units) -> None:
    for space in ctx.model.spaces_on(level.id):
        polygon = space_polygon(space)
        out.closed("A-AREA", [(float(x), float(y)) for x, y in polygon.exterior.coords[:-1]])
    for block in room_label_blocks(ctx, level, units):
        # The column is the block's own width plus a little, so a viewer never wraps a line.
        out.mtext(
            "A-AREA-IDEN",
            block.lines,
            block.centre,
            block.name_size,
            block.detail_size,
            block.width * 1.2,
        )


def _dimensions(out: DxfWriter, model: FloorModel, level: Level, units: Units) -> None:
    """The level's exterior chains, the very ones the listing and GLA plans print."""
    for chain in level_chains(model, level.id).sides:
        line = chain.outside - DIMENSION_OFFSET_MM
        for (x0, y0), (x1, _) in itertools.pairwise(chain.breaks):
            if x1 - x0 < MIN_LABELLED_MM:
                continue  # jogs shorter than a foot carry no length in any output
            out.chain_dimension(
                chain.to_plan((x0, y0)),
                chain.to_plan((x1, y0)),
                chain.to_plan((x0, line)),
                units.length_text(x1 - x0),
            )
        if chain.overall and chain.has_segments:
            (x0, y0), (x1, _) = chain.breaks[0], chain.breaks[-1]
            out.chain_dimension(
                chain.to_plan((x0, y0)),
                chain.to_plan((x1, y0)),
                chain.to_plan((x0, chain.outside - OVERALL_OFFSET_MM)),
                units.length_text(x1 - x0),
            )


def level_bounds(model: FloorModel, level: Level) -> tuple[float, float, float, float]:
    """Plan bounds (mm) of a level with room for its dimension chains."""
    outline = level_outline(model, level.id)
    if outline is None:
        return (0.0, 0.0, 1.0, 1.0)
    min_x, min_y, max_x, max_y = (float(v) for v in outline.bounds)
    pad = OVERALL_OFFSET_MM + 600.0
    return (min_x - pad, min_y - pad, max_x + pad, max_y + pad)


def _title(out: DxfWriter, text: str, model: FloorModel, level: Level) -> None:
    min_x, _, _, max_y = level_bounds(model, level)
    out.text("A-ANNO-TEXT", text, (min_x, max_y + TITLE_TEXT_MM), TITLE_TEXT_MM)


def _dxf_bytes(doc: Drawing) -> bytes:
    stream = io.StringIO()
    doc.write(stream)
    # Line endings are fixed so the bytes do not depend on the platform writing them.
    return stream.getvalue().replace("\r\n", "\n").encode("utf-8")


def level_drawing(ctx: RenderContext, level: Level) -> bytes:
    """One level in its plan position (levels of one property line up when overlaid)."""
    units = units_for(ctx)
    doc = new_drawing(units)
    msp = doc.modelspace()
    draw_level(msp, ctx, level, units, (0.0, 0.0))
    _title(DxfWriter(msp, units.per_mm, (0.0, 0.0)), level.name, ctx.model, level)
    return _dxf_bytes(doc)


def all_levels_drawing(ctx: RenderContext) -> bytes:
    """Every level side by side from left to right, lowest first, each titled."""
    units = units_for(ctx)
    doc = new_drawing(units)
    msp = doc.modelspace()
    cursor = 0.0
    for level in ctx.model.levels_in_order():
        min_x, _, max_x, _ = level_bounds(ctx.model, level)
        shift = cursor - min_x
        origin = (shift * units.per_mm, 0.0)
        draw_level(msp, ctx, level, units, origin)
        _title(DxfWriter(msp, units.per_mm, origin), level.name, ctx.model, level)
        cursor += (max_x - min_x) + LEVEL_GAP_MM
    return _dxf_bytes(doc)
